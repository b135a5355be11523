"""The gazetteer's names found in text, and merged with the model's spans.

The model's spans (:mod:`workbench.actors.ner`) do not depend on the gazetteer, so they
are cached once per text; the gazetteer is applied afterwards, here, in milliseconds
per article. Every canonical name and alias is matched exactly (case as written) where
it stands as a whole word, where spaCy's tokenizer would cut the text: not preceded or
followed by a letter, digit or underscore, nor joined to the next word by a full stop
(``CNN.com`` is a web address, not CNN) or to a neighbour by a hyphen after a full stop
(``U.S.-Russia`` is one token for spaCy). Where two matches overlap, the one of more
words wins, then the earlier one, as spaCy's ``EntityRuler`` chose (it counts tokens;
here words, with a hyphen or slash inside a word counted as spaCy's tokenizer does). A
gazetteer match then wins over any model span it overlaps, as it did when the ruler ran
ahead of the model.

All names are compiled into one regular expression shaped as a trie (names sharing a
beginning share a branch), so one scan of a text finds every name at once; the scan
jumps between characters that can start a name, and names mostly start with a capital.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench.actors.gazetteer import Gazetteer
from workbench.actors.names import PLACE_HEADS, SITE_WORDS, clean_name, is_event

#: Columns of a merged span table (as :func:`workbench.actors.ner.entity_spans` returns).
SPAN_COLUMNS = ["text_hash", "start", "end", "label", "source", "gaz_id"]

# spaCy's tokenizer splits a word at a hyphen only between a letter or digit and a letter
# ("Kyiv-based", but not "U.S.-Russia" nor "Russia-2022"), and at a full stop only between
# a lower-case letter and a capital ("Ukraine.The", but not "CNN.com" nor "CNN.The").
_HYPHEN = "[-\u2010-\u2015]"
# A name ends where no word character follows, and no full stop or hyphen that spaCy
# would not split at.
_END = (
    r"(?!\w)(?:(?!\.[^\W\d_])|(?<=[a-z\u00df-\u00ff])(?=\.[A-Z]))"
    rf"(?:(?!{_HYPHEN})|(?<=[^\W_])(?={_HYPHEN}[^\W\d_]))"
)
# Hyphens and slashes between letters or digits are tokens of their own, as in spaCy.
_INFIX = re.compile(r"(?<=[^\W_])[-/\u2010-\u2015](?=[^\W_])")
# After a name's first character: the character before the name is no word character,
# nor a hyphen that spaCy would not split at.
_START = (
    r"(?<![\w][\s\S])"
    rf"(?:(?<!{_HYPHEN}[\s\S])|(?<=[^\W_]{_HYPHEN}[^\W\d_]))"
)


class AliasMatcher:
    """Every surface (canonical name and alias) of a gazetteer, compiled for fast matching.

    Attributes:
        surfaces: Surface -> ``(label, canonical name)``.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.surfaces: dict[str, tuple[str, str]] = {}
        for entry in gazetteer.entries.values():
            for surface in entry.surfaces:
                self.surfaces.setdefault(surface, (entry.type, entry.name))
        self._words = {s: word_count(s) for s in self.surfaces}
        # Surfaces inside which another one may begin (after a space, a hyphen ...).
        firsts = {s[0] for s in self.surfaces}
        self._inner = {
            s: any(
                s[i] in firsts and not (s[i - 1].isalnum() or s[i - 1] == "_")
                for i in range(1, len(s))
            )
            for s in self.surfaces
        }
        self._pattern = _compile(self.surfaces) if self.surfaces else None

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """Matches in ``text`` as ``(start, end, label, canonical name)``, in text order.

        Overlapping matches are resolved as the ``EntityRuler`` did: most words first,
        then earliest, and a match that overlaps one already taken is dropped.
        """
        if self._pattern is None:
            return []
        found: list[tuple[int, int]] = []
        search, pos = self._pattern.search, 0
        inner = self._inner
        while (m := search(text, pos)) is not None:
            found.append(m.span())
            # a later name may begin inside this one only after a non-word character
            pos = m.start() + 1 if inner[m.group()] else m.end()
        if any(found[i][1] > found[i + 1][0] for i in range(len(found) - 1)):
            found = self._non_overlapping(text, found)
        return [(s, e, *self.surfaces[text[s:e]]) for s, e in found]

    def _non_overlapping(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Longest first, then earliest, within each run of overlapping matches."""
        out: list[tuple[int, int]] = []
        group = [spans[0]]
        for span in [*spans[1:], None]:
            if span is not None and span[0] < max(e for _, e in group):
                group.append(span)
                continue
            if len(group) == 1:
                out.extend(group)
            else:
                taken: list[tuple[int, int]] = []
                for s, e in sorted(
                    group, key=lambda se: (-self._words[text[se[0] : se[1]]], se[0])
                ):
                    if all(e <= ts or te <= s for ts, te in taken):
                        taken.append((s, e))
                out.extend(sorted(taken))
            group = [span]
        return out


def word_count(surface: str) -> int:
    """Tokens of a name as spaCy counts them, nearly: words, and a hyphen inside one is three."""
    return len(surface.split()) + 2 * len(_INFIX.findall(surface))


def _compile(surfaces) -> re.Pattern:
    """One pattern for all surfaces: a trie of their characters, between word boundaries."""
    trie: dict = {}
    for surface in surfaces:
        node = trie
        for ch in surface:
            node = node.setdefault(ch, {})
        node[""] = {}
    branches = [re.escape(ch) + _START + _trie_regex(child) for ch, child in sorted(trie.items())]
    return re.compile("(?:" + "|".join(branches) + ")" + _END)


def _trie_regex(node: dict) -> str:
    """The regex of a trie node: alternatives longest-first, so the longest name is tried first."""
    end = "" in node
    children = [(ch, child) for ch, child in sorted(node.items()) if ch]
    if not children:
        return ""
    alts = [re.escape(ch) + _trie_regex(child) for ch, child in children]
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if end:  # the name may stop here: try the longer ones first (greedy), then none
        body = "(?:" + body + ")?" if len(alts) == 1 else body + "?"
    return body


_MATCHERS: OrderedDict[str, AliasMatcher] = OrderedDict()


def matcher(gazetteer: Gazetteer) -> AliasMatcher:
    """The compiled matcher of a gazetteer, reused while its digest stays the same."""
    key = gazetteer.digest
    if key not in _MATCHERS:
        _MATCHERS[key] = AliasMatcher(gazetteer)
        while len(_MATCHERS) > 4:
            _MATCHERS.popitem(last=False)
    _MATCHERS.move_to_end(key)
    return _MATCHERS[key]


#: Model labels whose span wins over a gazetteer match inside it when the name goes on.
LONGER_NAME_LABELS = frozenset({"ORG", "FAC"})
#: Model labels whose span wins so when its last word is a place's own (see :func:`_place_head`).
PLACE_NAME_LABELS = frozenset({"GPE", "LOC"})
#: Last words of a polity's name: a model "person" ending in one after a match inside
#: it ("Donetsk People's Republic" typed a person) is that polity, a place.
POLITY_HEADS = frozenset("republic federation kingdom emirate oblast province".split())
_LAST_WORD = re.compile(r"([^\W\d_]+)(?:['\u2019]s?)?\W*$")
_CONNECTORS = frozenset("of for and on the de du la des del 's & -".split())
_NOT_NAME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)


def _goes_on_as_a_name(text: str, start: int, end: int, inner_starts, inner_ends) -> bool:
    """Whether a span's words outside the matches inside it are a name's words.

    At least one capitalised word outside the matches, every other word outside them
    capitalised or a connector ("of", "for", "and" ...), no day or month names, and no
    event's last word ("the NATO Summit" is an event; its "NATO" a mention).
    """
    rest, at = [], start
    for a, b in zip(inner_starts.tolist(), inner_ends.tolist(), strict=True):
        rest.append(text[at:a])
        at = b
    rest.append(text[at:end])
    words = " ".join(rest).replace("'s", " 's").split()
    named = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    if is_event(clean_name(text[start:end], person=False)[0], "ORG"):
        return False
    return bool(named) and all(
        (w[:1].isupper() or w[:1].isdigit() or w.casefold() in _CONNECTORS)
        and w.casefold().strip(".,") not in _NOT_NAME_WORDS
        for w in words
    )


def _place_head(
    text: str, start: int, end: int, inner_end: int, heads: frozenset[str] | None = None
) -> bool:
    """Whether a place span ends, after the matches inside it, in a place's head noun.

    "Donetsk People's Republic", "the Dnipro River", "Odesa Sea Port": the name is the
    whole span, of which the known place is only a part. A span that merely runs on
    into another name ("Russia Ireland", "Europe Biden") has no such last word.
    ``heads`` narrows the nouns that count (a polity's, for a "person" span).
    """
    m = _LAST_WORD.search(text, inner_end, end)
    if m is None or not m.group(1)[:1].isupper():
        return False
    word = m.group(1).casefold()
    if heads is not None:
        return word in heads
    return word in PLACE_HEADS or word in SITE_WORDS


_COMPASS = re.compile(r"(?:East|West|North|South|(?:East|West|North|South)ern|Central) $")


def _compass_place(text: str, start: int, end: int, inner_start: int, inner_end: int) -> bool:
    """Whether a place span is a compass word and the one known place after it, to its end.

    "East Germany", "West Berlin", "Western Ukraine": a place of its own, not the known
    place ("Germany") it names a part or a former state of.
    """
    return (
        _COMPASS.fullmatch(text, start, inner_start) is not None
        and text[inner_end:end].strip("'\u2019s") == ""
    )


def gazetteer_spans(texts: dict[str, str], gazetteer: Gazetteer) -> pd.DataFrame:
    """Gazetteer matches of ``{text_hash: text}``: ``text_hash, start, end, label, gaz_id``."""
    find = matcher(gazetteer).find
    rows = [(h, *hit) for h, text in texts.items() for hit in find(text)]
    out = pd.DataFrame(rows, columns=["text_hash", "start", "end", "label", "gaz_id"])
    return out.astype({"start": "int64", "end": "int64"})


def merge_spans(
    model: pd.DataFrame, found: pd.DataFrame, texts: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The model's spans and the gazetteer's matches; a match wins over a span it overlaps.

    One exception, given the ``texts``: a model organisation or site whose name holds
    the match and goes on in capitalised words ("U.S. Department of Energy" around
    "U.S.", "NATO Response Force" around "NATO") is a name of its own and wins over
    the matches inside it; so is a model place that ends in a place's head noun after
    the match ("Donetsk People's Republic" around "Donetsk", "the Dnipro River"), and a
    model "person" that ends in a polity's head noun (:data:`POLITY_HEADS`), typed a place.

    Args:
        model: ``text_hash, start, end, label`` from the model.
        found: ``text_hash, start, end, label, gaz_id`` from :func:`gazetteer_spans`
            (no two overlap within a text).
        texts: ``{text_hash: text}``; without it every overlapping match wins.

    Returns:
        :data:`SPAN_COLUMNS`, ``source`` being ``gazetteer`` or ``model``.
    """
    codes, _ = pd.factorize(pd.concat([model["text_hash"], found["text_hash"]], ignore_index=True))
    base = codes.astype(np.int64) << 32
    m_base, f_base = base[: len(model)], base[len(model) :]
    f_start = f_base + found["start"].to_numpy(np.int64)
    f_end = f_base + found["end"].to_numpy(np.int64)
    order = np.argsort(f_start, kind="stable")
    f_start, f_end = f_start[order], f_end[order]
    m_start = m_base + model["start"].to_numpy(np.int64)
    m_end = m_base + model["end"].to_numpy(np.int64)
    # The last match starting before a span ends is the only one that can overlap it
    # (matches do not overlap one another, so their ends are sorted too).
    last = np.searchsorted(f_start, m_end, side="left") - 1
    hit = np.zeros(len(model), dtype=bool)
    ok = last >= 0
    hit[ok] = f_end[last[ok]] > m_start[ok]
    first = np.searchsorted(f_end, m_start, side="right")  # the first match ending after it
    beaten = np.zeros(len(found), dtype=bool)  # matches inside a longer name that wins
    relabel: dict[int, str] = {}
    if texts is not None:
        labels, hashes = model["label"].tolist(), model["text_hash"].tolist()
        starts, ends = model["start"].tolist(), model["end"].tolist()
        for i in np.flatnonzero(hit):
            inside = slice(first[i], last[i] + 1)
            if (
                (
                    labels[i] in LONGER_NAME_LABELS
                    or (
                        labels[i] in PLACE_NAME_LABELS
                        and _place_head(
                            texts[hashes[i]], starts[i], ends[i], int(f_end[last[i]] - m_base[i])
                        )
                    )
                    or (
                        labels[i] == "PERSON"
                        and _place_head(
                            texts[hashes[i]],
                            starts[i],
                            ends[i],
                            int(f_end[last[i]] - m_base[i]),
                            heads=POLITY_HEADS,
                        )
                    )
                    or (
                        labels[i] in PLACE_NAME_LABELS
                        and first[i] == last[i]
                        and _compass_place(
                            texts[hashes[i]],
                            starts[i],
                            ends[i],
                            int(f_start[first[i]] - m_base[i]),
                            int(f_end[last[i]] - m_base[i]),
                        )
                    )
                )
                and f_start[first[i]] >= m_start[i]
                and f_end[last[i]] <= m_end[i]
                and _goes_on_as_a_name(
                    texts[hashes[i]],
                    starts[i],
                    ends[i],
                    f_start[inside] - m_base[i],
                    f_end[inside] - m_base[i],
                )
            ):
                hit[i] = False
                beaten[order[inside]] = True
                if labels[i] == "PERSON":  # a polity's name the model took for a person's
                    relabel[i] = "GPE"
    kept = model.loc[~hit, ["text_hash", "start", "end", "label"]].assign(source="model", gaz_id="")
    if relabel:
        new_labels = model["label"].to_numpy(dtype=object, copy=True)
        new_labels[list(relabel)] = list(relabel.values())
        kept["label"] = new_labels[~hit]
    found = found.loc[~beaten]
    parts = [p for p in (found.assign(source="gazetteer"), kept) if len(p)]
    out = pd.concat(parts, ignore_index=True) if parts else kept
    return out[SPAN_COLUMNS].astype({"start": "int64", "end": "int64"})
