"""Who an attribution names: the speaker a short phrase gives, not a verb's subject.

"said the pastor, Fr. Mira Tal", '"...," a spokesperson for the council said',
"according to Ruritania's harbour master, Mira Tal": the phrase that attributes the
words names a person first, else a body, else a pronoun's antecedent or the actor a
description stands for ("said the group in a website post": the group). A name a
preposition governs only qualifies the speaker ("a post linked to the Tal Group" names
no one who speaks), and a name before a common noun only qualifies it ("the Ruritania
refugee agency"); a person named in apposition to a description that names no person
is whom it stands for.

The subject of a speech verb is :mod:`workbench.actors.speakers`'s; direct quotations
(:mod:`workbench.actors.quotations`) and reported speech (:mod:`workbench.actors.speech`)
ask both.
"""

from __future__ import annotations

import re

from workbench.actors import references, syntax
from workbench.actors.cues import AUX, CUES, PREPOSITIONS, adverbial
from workbench.actors.document import Document
from workbench.actors.gazetteer import fold
from workbench.actors.names import TITLE_WORDS
from workbench.actors.references import DOC_NOUNS as _DOC_NOUNS
from workbench.actors.speakers import first_named, parsed, speaker

#: Words after a name that are no noun it qualifies.
_NOT_NOUNS = (
    AUX | PREPOSITIONS | frozenset(CUES) | frozenset("and or but who which that as".split())
)
#: Nouns of a text that carries words: "the report said", "according to the statement".
_TEXT_NOUN = re.compile(r"(?:" + _DOC_NOUNS + r"|website)s?")
_ARTICLES = frozenset({"the", "a", "an", "one"})
#: A noun phrase before the preposition that opens a modifier or an adverbial after it:
#: "the group" of "the group in a website post".
_BEFORE_MODIFIER = re.compile(
    r"\s*((?:[Tt]he|[Aa]n?)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:in|on|at|to|via|during)\s"
)


def named_in(
    doc: Document, lo: int, hi: int, quote_at: int, *, governed: bool = True
) -> str | None:
    """The speaker a short attribution names: a person first, else a body, else a pronoun's.

    With ``governed`` False the attribution is the subject of a speech verb, and a
    mention a preposition in it governs only qualifies that subject ("said a post linked
    to the Tal Group", "a spokesperson for the council said": no one named speaks).
    """
    if syntax.PARSE and (found := parsed(doc, syntax.subject_within(doc, lo, hi), quote_at)):
        return found
    inside = [
        s
        for s in doc.mentions
        if lo <= s[0] < hi
        and not doc.modifier(s)
        and not doc.text.startswith("'s", s[1])
        and (governed or not _governed(doc, lo, s))
    ]
    heads = [s for s in inside if not _qualifies(doc, s)] or inside
    people = [s for s in heads if s[3] == "PERSON"]
    if people or heads:
        who = speaker((people or heads)[0])
        syntax.ask(doc, lo, "empty" if who is None else "named" if people else "unnamed")
        return who
    pronoun = re.search(r"\b(he|she|it|He|She|It|its)\b", doc.text[lo:hi])
    if pronoun:  # "a statement on its channel read": the body that spoke last
        who = references.antecedent(doc, quote_at, pronoun.group(1).removesuffix("s"))
        syntax.ask(doc, lo, "pronoun" if who is not None else "empty")
        return who
    phrase = doc.text[lo:hi].rstrip(" .,")
    lone = re.fullmatch(r"\s*([A-Z][a-z]+)", phrase)  # '"...," Mira said': a first name
    if lone and (who := first_named(doc, lone.group(1), quote_at)) is not None:
        syntax.ask(doc, lo, "named")
        return who
    who = references.described(doc, phrase, quote_at)
    if who is None and (head := _BEFORE_MODIFIER.match(phrase)) is not None:
        who = references.described(doc, head.group(1), quote_at)  # "said the group in a post"
    syntax.ask(doc, lo, "described" if who is not None else "empty")
    return who


def _governed(doc: Document, lo: int, span: tuple) -> bool:
    """Whether a preposition after ``lo`` governs a mention ("to Tal", "by the Harbour Council").

    Up to three words may stand between them: an article, an adjective, a noun that
    classes the name ("for the debt charity Harbour Aid"). A phrase that opens with a
    capitalised word is a title before a name ("Secretary of the Navy Mira Tal"), whose
    preposition governs no one; the author of a text that speaks speaks ("a statement
    from the council said").
    """
    words = doc.text[lo : span[0]].split()
    opening = [w for w in words if w.isalpha() and w.lower() not in _ARTICLES][:1]
    if opening and opening[0][0].isupper():
        return False  # a title: "Secretary of the Navy Mira Tal"
    for i in range(len(words) - 1, max(len(words) - 5, -1), -1):
        if words[i] in PREPOSITIONS:  # but "a statement from the council": its author
            return not (words[i] in ("by", "from") and i and _TEXT_NOUN.fullmatch(words[i - 1]))
        if not words[i].isalpha() or not words[i].islower():
            return False
    return False


def _qualifies(doc: Document, span: tuple) -> bool:
    """A name before a common noun it qualifies ("the United Nations refugee agency, X")."""
    after = re.match(r"\s+([a-z]+)\b", doc.text[span[1] : span[1] + 30])
    return after is not None and after.group(1) not in _NOT_NOUNS and not adverbial(after.group(1))


def np_speaker(doc: Document, lo: int, hi: int) -> str | None:
    """The actor a noun phrase after "according to" names (none for "a NATO spokesperson")."""
    stop = re.search(r"[,.;(]\s|[,.;]?$", doc.text[lo:hi])
    end = lo + (stop.start() if stop else 0)
    inside = [s for s in doc.mentions if lo <= s[0] < end]
    if inside and all(_qualifies(doc, s) for s in inside) and doc.text.startswith(", ", end):
        # "the Ruritania refugee agency, Harbour Relief": the name in apposition
        more = re.search(r"[,.;(]\s|[,.;]?$", doc.text[end + 2 : hi])
        end = end + 2 + (more.start() if more else 0)
    hi = end
    if hi <= lo:
        return None
    return apposed_person(doc, lo, hi) or named_in(doc, lo, hi, lo)


#: Title words before a name in apposition: ", Fr. Mira Tal", ", Dr Tal".
_APPOSED_TITLES = re.compile(r",\s+((?:[A-Z][a-z]{0,4}\.?\s+){0,2})")
_TITLE_WORD = re.compile(r"([A-Z][a-z]{0,4})\.?\s+")


def apposed_person(doc: Document, lo: int, hi: int) -> str | None:
    """The person named in apposition to a description that names no person.

    "according to Ruritania's commander-in-chief, Mira Tal", "said the pastor, Fr. Dan
    Ek,": the name after the comma (perhaps after its titles) is whom the description
    stands for, when the name ends the phrase (a comma, a full stop or its end follow).
    A description that names an actor itself, but as an owner ("Ruritania's"), is none
    ("according to the State Department, Tal ..." names the department).
    """
    owners = ("'s", "\u2019s")
    if any(lo <= s[0] < hi and not doc.text.startswith(owners, s[1]) for s in doc.named):
        return None
    gap = _APPOSED_TITLES.match(doc.text, hi)
    if gap is None:
        return None
    starts = [gap.start(1)]  # where the name may start: after none, one or two titles
    for title in _TITLE_WORD.finditer(doc.text, gap.start(1), gap.end()):
        if fold(title.group(1)) not in TITLE_WORDS:
            break
        starts.append(title.end())
    for span in doc.mentions:
        if span[0] in starts and span[3] == "PERSON":
            closed = re.match(r"(?:[,.;)]|\s*$)", doc.text[span[1] : span[1] + 2])
            return span[2] if closed else None
    return None
