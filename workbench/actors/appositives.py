"""What an organisation's name looks like when the model took it for a person's.

spaCy's model labels many one-word brand names ("Vostrex", "Kalmar") as people. Two
signs settle it in any corpus, whatever the name:

- an appositive that says what it is: "Vostrex, the Orsan space agency, ...",
  "Kalmar, a satellite imagery company that ...", "Vostrex, Orsa's Space Agency, ...";
- the noun right before it: "polling firm Vostrex", "the space agency Kalmar", or set
  off by commas with it: "Orsa's space agency, Vostrex, said";
- a company's designator or a body's head noun as the name's last word: "Kalmar
  Technologies", "Orsa Holdings", "Vela Network"; so does a group's: "the Orsa
  Orchestra", "Vela Choir".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from workbench.actors.gazetteer import fold
from workbench.actors.people import chain

#: Nouns that head an appositive naming an organisation ("X, the space agency, ...").
ORG_NOUNS = (
    "agency|company|firm|corporation|operator|manufacturer|maker|producer|provider|supplier"
    "|giant|conglomerate|startup|start-up|subsidiary|contractor|developer|bank|lender|insurer"
    "|retailer|carrier|airline|organisation|organization|charity|foundation|institute"
    "|university|ministry|department|regulator|watchdog|consultancy|utility"
    "|band|orchestra|choir|ensemble"
)
#: The appositive: an article, up to three words that are no function words, the noun,
#: and then punctuation or a word that ends the phrase ("X, a company spokesman" and
#: "X, the head of the agency" are people).
_APPOSITIVE = re.compile(
    r",\s+(?:the|a|an|its|their|[A-Z][\w.-]*['\u2019]s)\s+"
    r"(?:(?!(?:of|for|at|in|on|to|by|with|and|or|from)\b)[\w.-]+\s+){0,3}?"
    rf"(?i:{ORG_NOUNS})"
    r"(?=\s*[,.;:)\u2014]|\s+(?:that|which|based|in|of|whose|has|had|is|was)\b)"
)
#: An organisation's noun in lower case right before the name ("polling firm Vostrex").
_NOUN_BEFORE = re.compile(rf"(?<![\w-])(?-i:{ORG_NOUNS})\s+$")
#: The same noun set off by commas with the name ("Orsa's space agency, Vostrex, said").
_NOUN_COMMA_BEFORE = re.compile(rf"(?<![\w-])(?-i:{ORG_NOUNS}),\s+$")
_COMMA_AFTER = re.compile(r",\s")
#: Last words that make a name a company's ("Kalmar Technologies", "Orsa Holdings Inc").
COMPANY_TAILS = frozenset(
    """technologies technology inc inc. corp corp. ltd ltd. llc plc holdings industries
    airlines airways partners labs laboratories networks motors pharmaceuticals solutions
    services ventures enterprises associates systems dynamics aerospace pbc gmbh llp""".split()
) | frozenset(
    # the heads of bodies' names ("Orsa Network", "Vela Foundation"): no surname ends so
    """network group institute foundation fund council committee agency association
    society union league centre center embassy ministry""".split()
)
#: Last words that make a name a group's, a band's or an ensemble's ("Orsa Orchestra").
GROUP_TAILS = frozenset(
    """orchestra band choir ensemble quartet quintet trio philharmonic symphony""".split()
)


def organisations_named_like_people(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """An untitled "person" an appositive or a company's designator makes an organisation.

    A one-word person span followed by an appositive that names an organisation
    (:data:`_APPOSITIVE`), or right after such a noun in lower case, makes every
    one-word person span of that name in the document an organisation, and in every
    document when the name is no word of a person's full name anywhere; a name of two
    words or more whose last is a company's designator or a body's head noun
    (:data:`COMPANY_TAILS`) or a group's (:data:`GROUP_TAILS`) is one wherever it
    occurs, and so is that head noun alone ("Embassy"). The gazetteer's people are
    left alone.
    """
    if work.empty:
        return
    person = (
        ~work["dropped"]
        & (work["label"] == "PERSON")
        & (work["gaz_id"] == "")
        & ~work["titled"].astype(bool)
    )
    part = work.loc[person, ["doc_id", "start", "end", "name"]]
    found: set[tuple[str, str]] = set()
    for doc, start, end, name in part.itertuples(index=False):
        text = texts.get(doc, "")
        if " " not in name and (
            _APPOSITIVE.match(text, end)
            or _NOUN_BEFORE.search(text, max(0, start - 20), start)
            or (
                _NOUN_COMMA_BEFORE.search(text, max(0, start - 20), start)
                and _COMMA_AFTER.match(text, end)
            )
        ):
            found.add((doc, fold(name)))
    # across the corpus too, unless the name is a word of some person's full name
    in_names = {w for n in part["name"] if " " in n for w in fold(n).split(" ")}
    anywhere = {key for _, key in found} - in_names
    hit = [
        i
        for i, doc, name in zip(part.index, part["doc_id"], part["name"], strict=True)
        if (doc, fold(name)) in found
        or fold(name) in anywhere
        or is_company_name(name)
        or is_body_word(name)
    ]
    if hit:
        work.loc[hit, "label"] = "ORG"
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "organisation, not person") for i in hit]


def is_company_name(name: str) -> bool:
    """Whether a name of two words or more ends in a company's or a group's designator.

    Example:
        >>> is_company_name("Kalmar Technologies"), is_company_name("Orsa Orchestra")
        (True, True)
        >>> is_company_name("Technologies")
        False
    """
    words = fold(name).split(" ")
    return len(words) > 1 and (words[-1] in COMPANY_TAILS or words[-1] in GROUP_TAILS)


def is_body_word(name: str) -> bool:
    """Whether a one-word name is a body's head noun itself ("Embassy", "Ministry")."""
    return " " not in name and fold(name) in COMPANY_TAILS
