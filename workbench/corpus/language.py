"""A fast, dependency-free guess of an article's language from its function words.

News corpora are mostly one language with a few strays (a French wire story, a
Russian quote block). Counting the most frequent function words of a handful
of languages in the first few hundred words separates them reliably at a cost
of microseconds per article; anything unclear is ``"und"`` (undetermined).
"""

from __future__ import annotations

import re
from collections import Counter

_FUNCTION_WORDS = {
    "en": "the of and to in is that for it was on with as by at from be this have are said",
    "de": "der die und das ist nicht mit den von zu ein eine auf sich dem des im für wird",
    "fr": "le la les et des est une pour dans que qui pas sur par au du avec ce sont aux",
    "es": "el la los las y en que del por con una para es se como al más pero sus fue",
    "it": "il la di che e per un una del della sono non con si nel gli alla anche dei",
    "pt": "o a os as de que e do da em um uma para com não por mais dos das foi",
    "nl": "de het een en van is dat op te in zijn voor met niet aan er ook als bij",
    "ru": "и в не на что с по это как из он к для о а но его от было она же",
    "uk": "і в не на що з та це як до у за про для від але його було вона ж",
}
_PROFILES = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, *, max_words: int = 300) -> str:
    """ISO 639-1 code of the text's language, or ``"und"`` when unclear.

    Args:
        text: Any text; only the first ``max_words`` words are read.
        max_words: How many words to look at.
    """
    words = _WORD.findall(text[: max_words * 8].lower())[:max_words]
    if len(words) < 5:
        return "und"
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in profile) for lang, profile in _PROFILES.items()}
    best = max(scores, key=scores.get)
    if scores[best] < max(2, 0.08 * len(words)):
        return "und"
    return best
