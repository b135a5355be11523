"""Where a mention starts and ends: the span-trimming rules of name resolution.

A compound the model tagged as one entity ("U.S.-Russia") is split in two; a leading
"the", a person's title, a possessive and what follows a person's name are cut off;
a place's name before a site's noun ("Dorsk airfield") grows into the site's name. A
person the model cut from its first name gets it back in
:mod:`workbench.actors.forenames`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench.actors import demonyms, names
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain, memo

_ARTICLE = re.compile(r"(?:the|The|THE)\s+(?=[A-Z0-9])")


def trim_articles(work: pd.DataFrame) -> pd.DataFrame:
    """A span opening with "the" ("the Institute for the Study of War") starts after it."""
    cut = [m.end() if (m := _ARTICLE.match(s)) else 0 for s in work["surface"].tolist()]
    if not any(cut):
        return work
    work = work.copy()
    work["start"] = work["start"].to_numpy() + np.asarray(cut)
    work["surface"] = [s[c:] for s, c in zip(work["surface"].tolist(), cut, strict=True)]
    return work


#: A possessive at the end of a span: "'s", or the apostrophe after a plural's "s".
_POSSESSIVE_END = re.compile(r"\s*(?:['\u2019]s|(?<=s)['\u2019])$")


def trim_possessives(work: pd.DataFrame, counts: Counter | None = None) -> pd.DataFrame:
    """A model's span ends before its possessive ("[Ilse Varga]'s", "[the Greens]'").

    The gazetteer's matches are left as they are: one ending in "'s" is the name itself.
    So is an organisation's one-word name the corpus (word ``counts``) writes with "'s"
    almost always ("Orsby's", a shop or an auction house named after its founder): the
    "'s" belongs to the name.
    """
    model = (work["source"] == "model").tolist()
    cut = [
        len(m.group(0)) if keep and (m := _POSSESSIVE_END.search(s)) else 0
        for s, keep in zip(work["surface"].tolist(), model, strict=True)
    ]
    if counts is not None:
        for i, (surface, label) in enumerate(
            zip(work["surface"].tolist(), work["label"].tolist(), strict=True)
        ):
            if cut[i] and label == "ORG" and _possessive_name(surface, cut[i], counts):
                cut[i] = 0
    if not any(cut):
        return work
    work = work.copy()
    work["end"] = work["end"].to_numpy() - np.asarray(cut)
    work["surface"] = [s[: len(s) - c] for s, c in zip(work["surface"].tolist(), cut, strict=True)]
    return work


#: Times in ten a name's last word must carry its "'s" for the "'s" to be the name's.
_POSSESSIVE_SHARE = 9


def _possessive_name(surface: str, cut: int, counts: Counter) -> bool:
    """Whether ``surface`` is one word the corpus writes with its "'s" nearly always."""
    word = surface[: len(surface) - cut]
    ending = surface[len(surface) - cut :].strip()
    if " " in word or not word[:1].isupper() or not ending.endswith("s"):
        return False
    with_s = counts[word + "'s"] + counts[word + "\u2019s"]
    return with_s >= 3 and with_s * 10 >= (with_s + counts[word]) * _POSSESSIVE_SHARE


def trim_titles(work: pd.DataFrame) -> None:
    """A person's span starts at the name its title preceded ("Briton [Aiden Aslin]")."""
    starts = work["start"].tolist()
    surfaces = work["surface"].tolist()
    for i, (surface, name, titled, end) in enumerate(
        zip(
            surfaces,
            work["name"].tolist(),
            work["titled"].tolist(),
            work["end"].tolist(),
            strict=True,
        )
    ):
        if titled and name and surface.endswith(name) and len(name) < len(surface):
            starts[i], surfaces[i] = end - len(name), name
    work["start"], work["surface"] = starts, surfaces


_SPACED_DASH = re.compile(r"\s[-\u2013\u2014](?:\s|$)|^[-\u2013\u2014]\s")
_TAIL_PUNCT = " \t'\"\u2019\u201d,;:-\u2013\u2014"


def person_tail(surface: str, counts: Counter) -> tuple[str, bool]:
    """A person span without what follows the name: a spaced dash, lower-case words.

    A name holds no spaced dash ("Anna Petrova - known as ..." is "Anna Petrova") and
    ends in no word the corpus mostly writes in lower case ("Ivo Brandt explainer" is
    "Ivo Brandt"). When lower-case words had to go and less than two words are left
    ("Javelin missiles", "masala chai"), the span was no name at all.

    Args:
        surface: A person span's text.
        counts: :func:`~workbench.actors.resolve.word_counts` of the corpus.

    Returns:
        The text the name keeps (a prefix of ``surface``), and whether the span is no
        name (the second true only when lower-case words were cut).
    """
    m = _SPACED_DASH.search(surface)
    if m is not None:
        surface = surface[: m.start()].rstrip(_TAIL_PUNCT)
    surface = surface[: glued_end(surface)]
    words = surface.split(" ")
    cut = False
    while words and _lower_word(words[-1], counts):
        words.pop()
        cut = True
    if not cut:
        return surface, False
    kept = " ".join(words).rstrip(_TAIL_PUNCT)
    return kept, len(kept.split()) < 2


#: A word's capitalised start glued to the next capitalised word, with no space between:
#: "Ivo BrandtLeeds" (a signature running into the writer's town). An Irish "O'" may
#: open it.
_GLUED_WORD = re.compile(r"(?<![\w'\u2019-])((?:[A-Z]['\u2019])?([A-Z][a-z]{2,}))(?=[A-Z][a-z])")


def glued_end(surface: str) -> int:
    """Where a name ends that runs into the next capitalised word without a space.

    A page that lost the line break after a signature glues the writer's town to the
    name ("Ivo BrandtLeeds, Ohio"); the name ends where the second capital starts. Name
    prefixes written with a capital after them ("MacLeod", "FitzGerald", "van") and
    short ones ("McKay", "DeLuca", "LaPorte") are no glue, and neither is a name's first
    word: a one-word "StarNet" is a brand, "#IvoBrandt" a handle, not a lost line break.

    Example:
        >>> s = "Ivo BrandtLeeds"
        >>> s[: glued_end(s)], glued_end("Ina MacLeod") == len("Ina MacLeod")
        ('Ivo Brandt', True)
    """
    for m in _GLUED_WORD.finditer(surface):
        if m.start(1) and m.group(2).casefold() not in names.PARTICLES | names.NAME_PREFIXES:
            return m.end(1)
    return len(surface)


#: Words of closed classes (prepositions, conjunctions, greetings) that start no name:
#: "Unlike Vostra, ..." or "Hey Dorin" at the start of a sentence.
_NOT_NAME_HEADS = frozenset(
    """unlike like despite after before while when whereas although though unless until
    since because if as both neither either meanwhile also even only just yet so but and or
    nor for with without under over against among between through via per thanks hey hi
    hello dear oh congratulations""".split()
)


def person_head(surface: str) -> int:
    """How many characters open a person span without being the name ("Unlike Vostra").

    Example:
        >>> person_head("Hey Dorin"), person_head("Will Dorin")
        (4, 0)
    """
    first, _, rest = surface.partition(" ")
    if rest and first[:1].isupper() and first.casefold() in _NOT_NAME_HEADS:
        return len(first) + 1
    return 0


def _lower_word(word: str, counts: Counter) -> bool:
    """A word written in lower case that the corpus mostly writes so (no name particle)."""
    word = word.strip(_TAIL_PUNCT)
    return (
        word.replace("-", "").isalpha()  # "anti-tank" too
        and word.islower()
        and word not in names.PARTICLES
        and counts[word] >= counts[word.capitalize()]
    )


def trim_person_tails(work: pd.DataFrame, counts: Counter) -> tuple[pd.DataFrame, set[int]]:
    """Cut what precedes and follows a name in the model's person spans.

    A closed-class word opening the span (:func:`person_head`) and what follows the
    name (:func:`person_tail`) go.

    Returns:
        The table with the spans' ends and surfaces cut, and the rows that are no name.
    """
    person = ((work["label"] == "PERSON") & (work["source"] == "model")).to_numpy()
    surfaces, ends = work["surface"].tolist(), work["end"].tolist()
    starts = work["start"].tolist()
    tail = memo(lambda s: person_tail(s, counts))
    not_names = set()
    changed = False
    for i in np.flatnonzero(person):
        if head := person_head(surfaces[i]):
            starts[i] += head
            surfaces[i] = surfaces[i][head:]
            changed = True
        kept, no_name = tail(surfaces[i])
        if no_name:
            not_names.add(int(i))
        elif kept != surfaces[i] and kept:
            ends[i] -= len(surfaces[i]) - len(kept)
            surfaces[i] = kept
            changed = True
    if changed:
        work = work.copy()
        work["surface"], work["start"], work["end"] = surfaces, starts, ends
    return work, not_names


#: Lower-case words after a place's name that name a site there ("Dorsk airfield").
_SITE_AFTER = re.compile(
    r" (?:nuclear (?:power )?(?:plant|station)|(?:hydroelectric |thermal )?power (?:plant|station)"
    r"|hydroelectric (?:plant|station|dam)|chemical plant|steel plant|exclusion zone"
    r"|cosmodrome|airport|airfield|air base|airbase|dam)\b"
)
#: One spelling of each site noun, so a site has one name ("Dorsk Nuclear Power Plant").
_SITE_NOUNS = {
    "nuclear plant": "Nuclear Power Plant",
    "nuclear power plant": "Nuclear Power Plant",
    "nuclear station": "Nuclear Power Plant",
    "nuclear power station": "Nuclear Power Plant",
    "power station": "Power Plant",
    "hydroelectric plant": "Hydroelectric Power Plant",
    "hydroelectric station": "Hydroelectric Power Plant",
    "hydroelectric power plant": "Hydroelectric Power Plant",
    "hydroelectric power station": "Hydroelectric Power Plant",
    "thermal power station": "Thermal Power Plant",
    "airbase": "Air Base",
}
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:an?|one|another)\s+$", re.IGNORECASE)
#: Labels of a place's or a site's name (an organisation's, "Orsa airlines", stays as it is).
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))


def site_names(work: pd.DataFrame, texts: Mapping[str, str], gaz: Gazetteer) -> None:
    """A place's name before a site's noun is the site's name ("[Dorsk airfield]").

    "Dorsk nuclear power plant", "the Dorsk exclusion zone", "Dorsk airport": the span
    grows over the noun and becomes a site, a place of its own, not the town, named
    by the place's name and one spelling of the noun ("Dorsk nuclear plant" and "Dorsk
    nuclear power station" are the Dorsk Nuclear Power Plant), or the gazetteer's
    entry of that name. A one-word "person" before such a noun ("Dorsk airfield") is a
    place's name the model mistook. Not after "a", "an", "one" ("a Moscow airport" is
    any of them), nor after a country's or a people's name ("a Ukrainian dam",
    "Vetria's airports").
    """
    if work.empty:
        return
    # a place's label, or a person's the model gave a one-word name before the noun
    person = (work["label"] == "PERSON") & ~work["titled"].astype(bool)
    person &= ~work["name"].str.contains(" ", regex=False)
    part = work.loc[work["label"].isin(_PLACE_LABELS) | person, ["doc_id", "start", "end", "name"]]
    changed = []
    for i, doc, start, end, name in part.itertuples(name=None):
        text = texts.get(doc, "")
        m = _SITE_AFTER.match(text, end)
        if m is None or not name or demonyms.is_demonym(name) or demonyms.is_country(name):
            continue
        if fold(name) in names.DEMONYMS or _INDEFINITE_BEFORE.search(
            text, max(0, start - 8), start
        ):
            continue
        place = work.at[i, "gaz_id"] or name
        site = f"{place} {_SITE_NOUNS.get(m.group(0).strip(), m.group(0).strip().title())}"
        entry = gaz.lookup(site)
        changed.append((i, m.end(), text[start : m.end()], site, entry.name if entry else ""))
    if not changed:
        return
    at = [c[0] for c in changed]
    work.loc[at, "end"] = [c[1] for c in changed]
    work.loc[at, "surface"] = [c[2] for c in changed]
    work.loc[at, "name"] = [c[3] for c in changed]
    work.loc[at, "gaz_id"] = [c[4] for c in changed]
    work.loc[at, "actor"] = [c[4] or c[3] for c in changed]
    work.loc[at, "label"] = "FAC"
    work.loc[at, "atype"] = [gaz.entries[c[4]].type if c[4] else "FAC" for c in changed]
    work.loc[at, "rule"] = [chain(work.at[i, "rule"], "site named after its place") for i in at]


def split_compounds(work: pd.DataFrame, gaz: Gazetteer) -> pd.DataFrame:
    """A compound tagged as one entity ("U.S.-Russia") becomes one mention per part."""
    surfaces = work["surface"].tolist()
    model = (work["source"] == "model").to_numpy()
    maybe = model & (work["surface"].str.count("-") == 1).to_numpy()
    split = [i for i in np.flatnonzero(maybe) if all(map(gaz.lookup, surfaces[i].split("-")))]
    if not split:
        return work
    parts = work.iloc[split]
    cut = parts["start"] + parts["surface"].str.find("-")
    halves = pd.concat(
        [
            parts.assign(end=cut, surface=parts["surface"].str.split("-").str[0], gaz_id=""),
            parts.assign(start=cut + 1, surface=parts["surface"].str.split("-").str[1], gaz_id=""),
        ]
    )
    split = np.asarray(split)
    # each half takes the place of its compound: positions 3i + 1 and 3i + 2 replace 3i
    order = np.r_[np.arange(len(work)) * 3, split * 3 + 1, split * 3 + 2]
    out = pd.concat([work, halves], ignore_index=True).assign(_order=order)
    out = out[~out["_order"].isin(split * 3)].sort_values("_order", kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)
