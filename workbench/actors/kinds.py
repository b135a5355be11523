"""What kind of actor a name is: person, organisation, place or site.

The model's label is corrected from what the documents say around the name (an age
after it, the full name of a person it is the surname of, a sentence framing it as a
place), from the label most of its mentions got, and from the gazetteer (which always
wins; organisations and places spelled close to a gazetteer name take that name).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import pandas as pd
from rapidfuzz import fuzz

from workbench.actors import names
from workbench.actors.context import after_locative, framed_as_place
from workbench.actors.gazetteer import Gazetteer, fold
from workbench.actors.people import chain, memo

#: rapidfuzz ratio above which an organisation or place is a spelling of a gazetteer name.
PLACE_FUZZ = 92


_AGE_AFTER = re.compile(r",\s*(?:aged\s+)?\d{1,3}\s*[,.;]")


def people_by_age(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A name followed by an age ("Hanna, 26, a nurse") is a person, whatever the model typed.

    Every span of that name in the same document becomes a person's too.
    """
    if work.empty:
        return
    maybe = ~work["dropped"] & (work["label"] != "PERSON") & (work["gaz_id"] == "")
    part = work.loc[maybe, ["doc_id", "end", "name"]]
    aged = {
        (doc, fold(name))
        for doc, end, name in part.itertuples(index=False)
        if _AGE_AFTER.match(texts.get(doc, ""), end)
    }
    if not aged:
        return
    hit = [
        i
        for i, doc, name in zip(part.index, part["doc_id"], part["name"], strict=True)
        if (doc, fold(name)) in aged
    ]
    work.loc[hit, "label"] = "PERSON"
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "age beside it") for i in hit]


_HEAD_AFTER = re.compile(r"\s+([a-z]+)\b")
#: Up to two adjectives (hyphened, or with an adjective's ending), then a product's noun:
#: "Kestrel portable anti-air missiles" (not "Vela and other satellite firms", "Dorin sent
#: two drones").
_MODIFIER = r"[a-z]+-[a-z-]+|[a-z]+(?:able|ible|al|ic|ive|ary|ous|ile)"
_PRODUCT_AFTER = re.compile(rf"(?:\s+(?:{_MODIFIER})){{1,2}}\s+([a-z]+)\b(?![-'\u2019])")


def things_named_like_people(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A one-word "person" the noun after it makes a product, a group or a site.

    "the Kestrel missiles", "the Vostra regiment", "the Orsa pipeline": wherever the
    document puts such a noun right after the name (no possessive between: "Dorin's
    party" is a person's), every one-word person span of that name in the document is
    a product (dropped: no actor), a group (an organisation) or a site. A product's
    noun may come after two lower-case modifiers ("the Kestrel portable anti-air
    missiles"), and makes the name's plural ("Kestrels") a product too. A name joined
    by a hyphen to the word before ("pro-Dorin party") is left alone.
    """
    if work.empty:
        return
    one_word = (
        ~work["dropped"]
        & (work["label"] == "PERSON")
        & (work["gaz_id"] == "")
        & ~work["titled"].astype(bool)
        & ~work["name"].str.contains(" ", regex=False)
    )
    part = work.loc[one_word, ["doc_id", "start", "end", "name"]]
    kinds: dict[tuple[str, str], str] = {}
    for doc, start, end, name in part.itertuples(index=False):
        text = texts.get(doc, "")
        m = _HEAD_AFTER.match(text, end)
        if m is None or (start > 0 and text[start - 1] == "-"):
            continue
        head = m.group(1)
        far = _PRODUCT_AFTER.match(text, end)
        kind = (
            "product"
            if head in names.PRODUCT_HEADS or (far and far.group(1) in names.PRODUCT_HEADS)
            else "ORG"
            if head in names.GROUP_HEADS
            else "FAC"
            if head in names.SITE_WORDS
            else ""
        )
        if kind:
            kinds.setdefault((doc, fold(name)), kind)
        if kind == "product":  # its plural too: "the Kestrels" after "Kestrel missiles"
            kinds.setdefault((doc, fold(name) + "s"), kind)
    products = work["dropped"] & work["rule"].str.contains("product", regex=False)
    for doc, name in work.loc[products, ["doc_id", "name"]].itertuples(index=False):
        kinds.setdefault((doc, fold(name) + "s"), "product")
    if not kinds:
        return
    hit = [
        (i, kinds[(d, fold(n))])
        for i, d, n in zip(part.index, part["doc_id"], part["name"], strict=True)
        if (d, fold(n)) in kinds
    ]
    for i, kind in hit:
        if kind == "product":
            work.at[i, "dropped"] = True
            work.at[i, "actor"] = ""
            work.at[i, "rule"] = chain(work.at[i, "rule"], "product, not person")
        else:
            work.at[i, "label"] = kind
            step = "group, not person" if kind == "ORG" else "site, not person"
            work.at[i, "rule"] = chain(work.at[i, "rule"], step)


def surnames_typed_otherwise(work: pd.DataFrame) -> None:
    """A one-word organisation or place that is a surname the document gives in full: a person.

    "Alexander Trofimov ... Trofimov said", the second labelled ORG by the model: it
    becomes a person's span, resolved with the others.
    """
    if work.empty:
        return

    live = ~work["dropped"]
    people = work[live & (work["label"] == "PERSON") & work["name"].str.contains(" ")]
    surnames = {
        (d, names.last_token(n)) for d, n in zip(people["doc_id"], people["name"], strict=True)
    }
    if not surnames:
        return
    maybe = (
        live
        & work["label"].isin(["ORG", "GPE"])
        & (work["gaz_id"] == "")
        & ~work["name"].str.contains(" ", regex=False)
    )
    hit = [
        i
        for i, d, n in zip(
            work.index[maybe], work.loc[maybe, "doc_id"], work.loc[maybe, "name"], strict=True
        )
        if (d, fold(n)) in surnames
    ]
    if hit:
        work.loc[hit, "label"] = "PERSON"
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "surname of a person") for i in hit]


def full_names_typed_otherwise(work: pd.DataFrame) -> None:
    """A two-word organisation or place whose last word a titled person bears: a person.

    "Mrs Dorin" in a document makes its "Nadia Dorin", labelled an organisation or a
    site by the model, a person's name; the bare "Dorin" then has two people to choose
    from, not one.
    """
    if work.empty:
        return
    live = ~work["dropped"]
    titled = work[live & (work["label"] == "PERSON") & work["titled"].astype(bool)]
    surnames = {
        (d, fold(n)) for d, n in zip(titled["doc_id"], titled["name"], strict=True) if " " not in n
    }
    if not surnames:
        return
    maybe = (
        live
        & work["label"].isin(["ORG", "FAC", "GPE", "LOC"])
        & (work["gaz_id"] == "")
        & (work["name"].str.count(" ") == 1)
    )
    hit = []
    for i, d, n in zip(
        work.index[maybe], work.loc[maybe, "doc_id"], work.loc[maybe, "name"], strict=True
    ):
        first, last = n.split(" ")
        if (
            (d, fold(last)) in surnames
            and first[:1].isupper()
            and first.isalpha()
            and not names.is_title(first)
        ):
            hit.append(i)
    if hit:
        work.loc[hit, "label"] = "PERSON"
        work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "name of a titled person") for i in hit]


def places_by_preposition(work: pd.DataFrame, texts: Mapping[str, str]) -> None:
    """A one-word "person" a document puts after "in", "near", "into" ... is a place there.

    "fighting near Dorsk ... Dorsk fell": every untitled one-word person span of that
    name in the document becomes a place, unless the document names a person who bears
    it ("Ivo Dorsk ... in Dorsk's words"), so it is never resolved to a namesake met in
    other documents. A name so placed in two documents or more is a place in every
    document that names nobody bearing it. The gazetteer's people are left alone.
    """
    if work.empty:
        return
    live = ~work["dropped"] & (work["atype"] == "PERSON")
    spaced = work["actor"].str.contains(" ", regex=False)
    full = work.loc[live & spaced, ["doc_id", "actor"]]
    named = {(d, names.last_token(a)) for d, a in full.itertuples(index=False)}
    one = live & ~spaced & (work["gaz_id"] == "") & ~work["titled"].astype(bool)
    rows = work.loc[one, ["doc_id", "start", "end", "actor"]]
    placed = {
        (doc, fold(actor))
        for doc, start, end, actor in rows.itertuples(index=False)
        if (doc, fold(actor)) not in named and after_locative(texts.get(doc, ""), start, end)
    }
    if not placed:
        return
    docs = Counter(name for _, name in placed)
    hit = [
        i
        for i, d, a in zip(rows.index, rows["doc_id"], rows["actor"], strict=True)
        if (d, fold(a)) in placed or (docs[fold(a)] >= 2 and (d, fold(a)) not in named)
    ]
    work.loc[hit, "atype"] = "GPE"
    work.loc[hit, "rule"] = [chain(work.at[i, "rule"], "place by its preposition") for i in hit]


def majority_types(work: pd.DataFrame, gaz: Gazetteer) -> None:
    """A name takes the label most of its spans got; a titled name is a person's.

    The gazetteer's type always wins.
    """
    live = ~work["dropped"]
    keys = work["actor"].map(fold)
    table = work[live].groupby([keys[live], "label"]).size().reset_index(name="n")
    table = table.sort_values(["n", "label"], ascending=[False, True]).drop_duplicates("actor")
    majority = dict(zip(table["actor"], table["label"], strict=True))
    atypes, rules = [], []
    for alive, key, gaz_id, titled, label, rule in zip(
        live.tolist(),
        keys.tolist(),
        work["gaz_id"].tolist(),
        work["titled"].tolist(),
        work["label"].tolist(),
        work["rule"].tolist(),
        strict=True,
    ):
        kind = (
            label
            if not alive
            else gaz.entries[gaz_id].type
            if gaz_id
            else ("PERSON" if titled else majority.get(key, label))
        )
        atypes.append(kind)
        rules.append(chain(rule, "majority type") if kind != label and not gaz_id else rule)
    work["atype"], work["rule"] = atypes, rules


def places(work: pd.DataFrame, gaz: Gazetteer, texts: Mapping[str, str]) -> None:
    """People that are places, sites or companies; names spelled like gazetteer names.

    An untitled one-word "person" that is a known place, or an untitled "person",
    organisation or site that a sentence frames as one ("the village of X"), is a place
    (unless it is a word of a person's full name); a "person" ending in
    a site word is a site, one word ending in a company's ("Sberbank") a company; an
    organisation or place of seven letters or more close to a gazetteer alias takes
    that entry.
    """
    people = work.loc[~work["dropped"] & (work["atype"] == "PERSON"), "actor"].unique()
    in_names = {t for actor in people if " " in actor for t in fold(actor).split(" ")}
    framed = _framed_places(work, texts)

    def place(name: str, kind: str, titled: bool) -> tuple[str, str, str] | None:
        if (
            kind == "PERSON"
            and not titled
            and fold(name) not in in_names
            and (names.is_place(name) or fold(name) in framed)
        ):
            return name, "GPE", "place, not person"
        if kind in _FRAMED_KINDS and kind != "PERSON" and fold(name) in framed:
            return name, "GPE", "place by its frame"
        if kind == "PERSON" and " " in name and fold(name).rsplit(" ", 1)[1] in names.SITE_WORDS:
            return name, "FAC", "site, not person"
        company = names.is_company_word(name)
        if kind == "PERSON" and not titled and company and fold(name) not in in_names:
            return name, "ORG", "company, not person"
        if kind != "PERSON" and len(name) >= 7:
            entry = _fuzzy_gazetteer(name, gaz)
            if entry is not None:
                return entry.name, entry.type, "fuzzy+gazetteer"
        return None

    placed = memo(place)
    free = (
        ~work["dropped"]
        & (work["gaz_id"] == "")
        & ~work["rule"].str.contains("surname|possessive|variant|first name|age beside", regex=True)
    )
    cols = {c: work[c].tolist() for c in ("actor", "atype", "rule", "gaz_id")}
    titled = work["titled"].tolist()
    for i in work.index[free]:
        hit = placed(cols["actor"][i], cols["atype"][i], bool(titled[i]))
        if hit is not None and hit[2] == "company, not person" and _handle(work, texts, i):
            continue  # "@JaneDoe", "#JaneDoe": a person's handle, glued like a brand
        if hit is not None:
            cols["actor"][i], cols["atype"][i] = hit[0], hit[1]
            cols["rule"][i] = chain(cols["rule"][i], hit[2])
            cols["gaz_id"][i] = hit[0] if hit[2].endswith("gazetteer") else ""
    for c, values in cols.items():
        work[c] = values


def _handle(work: pd.DataFrame, texts: Mapping[str, str], i: int) -> bool:
    """Whether row ``i`` is written as a handle or a hashtag ("@Name", "#Name")."""
    start = int(work.at[i, "start"])
    return start > 0 and texts.get(work.at[i, "doc_id"], "")[start - 1 : start] in ("@", "#")


#: Types a frame ("the village of X") turns into a place with a government.
_FRAMED_KINDS = frozenset(("PERSON", "ORG", "LOC", "FAC"))
#: Last words that keep a framed name what it is ("the city of Lviv Airport").
_OWN_HEADS = names.SITE_WORDS | names.GROUP_HEADS | names.PLACE_HEADS


def _framed_places(work: pd.DataFrame, texts: Mapping[str, str]) -> set[str]:
    """Names of two words at most that some sentence frames as a place ("the village of X").

    Untitled "people", organisations and sites the gazetteer does not know, whose last
    word is no head of a site, a group or a place of their own; only a "person" by a noun
    after it ("X district"): "the Arctic region" is a region without a government.
    """
    words = work["actor"].str.count(" ")
    free = (
        ~work["dropped"]
        & work["atype"].isin(_FRAMED_KINDS)
        & (work["gaz_id"] == "")
        & ~work["titled"].astype(bool)
        & (words <= 1)
    )
    rows = work.loc[free, ["doc_id", "start", "end", "actor", "atype"]]
    return {
        fold(actor)
        for doc, start, end, actor, kind in rows.itertuples(index=False)
        if fold(actor).rsplit(" ", 1)[-1] not in _OWN_HEADS
        and framed_as_place(texts.get(doc, ""), start, end, after=kind == "PERSON")
    }


_BY_LETTER: dict[str, dict[str, list[str]]] = {}


def _aliases_by_letter(gaz: Gazetteer) -> dict[str, list[str]]:
    """The gazetteer's folded aliases by first letter (built once per gazetteer)."""
    if gaz.digest not in _BY_LETTER:
        index: dict[str, list[str]] = {}
        for alias in gaz.aliases_folded():
            index.setdefault(alias[:1], []).append(alias)
        _BY_LETTER[gaz.digest] = index
    return _BY_LETTER[gaz.digest]


def _fuzzy_gazetteer(name: str, gaz: Gazetteer):
    """The gazetteer entry (not a person) ``name`` is a close spelling of, or None.

    Close: rapidfuzz's ratio at least :data:`PLACE_FUZZ`, and the same first letter
    ("Prussia" is not "Russia").
    """
    from rapidfuzz import process

    aliases = gaz.aliases_folded()
    folded = fold(name)
    same_start = _aliases_by_letter(gaz).get(folded[:1], [])
    hit = process.extractOne(folded, same_start, scorer=fuzz.ratio, score_cutoff=PLACE_FUZZ)
    if hit is None:
        return None
    entry = gaz.entries[aliases[hit[0]]]
    return entry if entry.type != "PERSON" else None


def final_types(work: pd.DataFrame, gaz: Gazetteer) -> None:
    """Every actor's type: the gazetteer's, else the type most of its mentions have."""
    live = work[~work["dropped"]]
    table = live.groupby(["actor", "atype"]).size().reset_index(name="n")
    table = table.sort_values(["n", "atype"], ascending=[False, True]).drop_duplicates("actor")
    majority = dict(zip(table["actor"], table["atype"], strict=True))
    work["actor_type"] = [
        "" if dropped else gaz.entries[a].type if a in gaz.entries else majority.get(a, t)
        for a, t, dropped in zip(
            work["actor"].tolist(), work["atype"].tolist(), work["dropped"].tolist(), strict=True
        )
    ]
