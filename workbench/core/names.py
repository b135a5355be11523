"""Finding one name among many: an actor however the researcher spells it.

A researcher types "Lavrov", "sergei lavrov" or "Zelenskyy" where the tables say
"Sergey Lavrov" and "Volodymyr Zelensky". :class:`NameIndex` answers with the canonical
name, or with an error that names the closest ones. It lives here, below every layer,
because both the actors layer (:func:`workbench.actors.find_actor`, which adds the
gazetteer's aliases) and the figures (which see only the tables) need it.

A query is tried, in order, as:

1. a canonical name, exactly;
2. a canonical name or a known alias, :func:`fold`-ed (case, accents, full stops and
   apostrophes ignored), the sources of aliases in the order they were added;
3. a bare surname (one word) that is the last word of exactly one person's name;
4. a full name whose surname is exactly one person's and whose first names are a
   spelling of that person's ("Sergei Lavrov" for Sergey Lavrov: rapidfuzz ratio at
   least :data:`FIRST_NAME_SIMILARITY`), the rule the actors layer merges names by.

Nothing else is guessed: a near miss ("Sergei Lavrow") is an error suggesting the
closest names, never a silent pick.

The noise threshold of actor displays (:func:`default_min_mentions`) lives here too,
for the same reason: figures and prose apply one rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from numbers import Integral

import pandas as pd

from workbench.core.errors import InputError
from workbench.core.tables import is_list_cell

_FOLD_DROP = re.compile(r"[.'\u2019`]")
_SPACES = re.compile(r"[\s\-\u2010-\u2015]+")

#: Lowest rapidfuzz score (0-100) of a name offered as a suggestion.
SUGGEST_CUTOFF = 60
#: Lowest rapidfuzz ratio between two spellings of one person's first names.
FIRST_NAME_SIMILARITY = 80
#: Corpus sizes (documents) up to which each threshold of :func:`default_min_mentions` holds.
MIN_MENTIONS_STEPS = ((50, 1), (500, 2), (5_000, 3))
#: The threshold above the last step.
MIN_MENTIONS_LARGE = 5


class NameNotFoundError(InputError):
    """No actor answers to the name; the message suggests the closest ones.

    Attributes:
        query: The name asked for.
        candidates: The closest canonical names (or, for an ambiguous surname, every
            person it could be), best first.
    """

    def __init__(self, message: str, query: str, candidates: list[str]):
        super().__init__(message)
        self.query = query
        self.candidates = candidates


class AmbiguousNameError(NameNotFoundError):
    """A bare surname belongs to several people; the message names them."""


@lru_cache(maxsize=500_000)
def fold(name: str) -> str:
    """The comparison key of a name: no accents, case folded, no full stops or apostrophes.

    The gazetteer's key too (:mod:`workbench.actors.gazetteer` imports it); cached, since
    resolution folds the same surfaces again and again.

    Example:
        >>> fold("  Sergéi  LAVROV’s ")
        'sergei lavrovs'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _FOLD_DROP.sub("", text.casefold())
    return _SPACES.sub(" ", text).strip()


class NameIndex:
    """Canonical names with their aliases, looked up by :meth:`find`.

    Args:
        what: What the names are, for messages (``"actor"``).
    """

    def __init__(self, *, what: str = "actor") -> None:
        self.what = what
        self.names: dict[str, str | None] = {}  # canonical -> type, in priority order
        self._folded: dict[str, str] = {}  # folded canonical or alias -> canonical

    def add(self, name: str, kind: str | None = None, aliases: Iterable[str] = ()) -> None:
        """Add a canonical name (if new), its type and aliases; earlier additions win."""
        if not isinstance(name, str) or not name.strip():
            return
        self.names.setdefault(name, kind)
        self._folded.setdefault(fold(name), name)
        for alias in aliases:
            if isinstance(alias, str) and alias.strip():
                self._folded.setdefault(fold(alias), name)

    def add_table(self, table: pd.DataFrame) -> NameIndex:
        """Add every row of an actors table, in table order; returns the index.

        Reads ``actor``, and ``actor_type`` and ``aliases`` (lists or ``"a; b"``) when present.
        Every canonical name goes in before any alias, so an alias never hides an actor's
        own name.
        """
        if "actor" not in table:
            return self
        kinds = table["actor_type"] if "actor_type" in table else [None] * len(table)
        for name, kind in zip(table["actor"], kinds, strict=True):
            self.add(name, kind if isinstance(kind, str) else None)
        if "aliases" in table:
            for name, seen in zip(table["actor"], table["aliases"], strict=True):
                self.add(name, aliases=_surfaces(seen))
        return self

    def find(self, query: str, *, param: str = "actor") -> str:
        """The canonical name ``query`` stands for.

        Args:
            query: A canonical name, an alias or spelling of one, or a bare surname.
            param: The argument the query came in, for the message.

        Raises:
            AmbiguousNameError: A bare surname that belongs to several people.
            NameNotFoundError: Nothing answers to ``query``; the closest names are suggested.
        """
        if query in self.names:
            return query
        key = fold(str(query))
        if key in self._folded:
            return self._folded[key]
        people = self._surname_matches(key)
        if len(people) == 1:
            return people[0]
        if len(spelled := self._first_name_variants(key)) == 1:
            return spelled[0]
        if people:
            shown = ", ".join(people[:8]) + (
                f" and {len(people) - 8} more" if len(people) > 8 else ""
            )
            raise AmbiguousNameError(
                f"{param}={query!r} could be any of {len(people)} people: {shown}; "
                "pass the full name",
                query,
                people,
            )
        close = self.closest(query)
        hint = f"; closest: {', '.join(repr(c) for c in close)}" if close else ""
        empty = f" (the {self.what} table is empty)" if not self.names else ""
        raise NameNotFoundError(
            f"{param}={query!r}: no {self.what} by that name or alias{empty}{hint}",
            query,
            close,
        )

    def closest(self, query: str, n: int = 5) -> list[str]:
        """Up to ``n`` canonical names whose name or an alias is most like ``query``."""
        from rapidfuzz import fuzz, process

        wanted = fold(str(query))
        # two-letter aliases ("us", "uk") resemble part of almost any name
        keys = [k for k in self._folded if len(k) >= min(4, len(wanted))]
        hits = process.extract(
            wanted, keys, scorer=fuzz.WRatio, limit=None, score_cutoff=SUGGEST_CUTOFF
        )
        out: list[str] = []
        for key, _score, _i in hits:
            name = self._folded[key]
            if name not in out:
                out.append(name)
            if len(out) == n:
                break
        return out

    def _first_name_variants(self, key: str) -> list[str]:
        """People whose surname is the query's last word and whose first names are close."""
        if " " not in key:
            return []
        from rapidfuzz import fuzz

        first, last = key.rsplit(" ", 1)
        people = self._surname_matches(last)
        if len(people) != 1:
            return []
        given = fold(people[0]).rsplit(" ", 1)[0]
        return people if fuzz.ratio(first, given) >= FIRST_NAME_SIMILARITY else []

    def _surname_matches(self, key: str) -> list[str]:
        if not key or " " in key:
            return []
        return [
            name
            for name, kind in self.names.items()
            if kind in ("PERSON", None)
            and " " in fold(name)
            and fold(name).rsplit(" ", 1)[1] == key
        ]


def _surfaces(value: object) -> list[str]:
    if is_list_cell(value):
        return [str(v) for v in value]
    if isinstance(value, str):
        return [s.strip() for s in value.split(";")]
    return []


def find_name(query: str, table: pd.DataFrame, *, param: str = "actor") -> str:
    """The canonical actor of an actors table that ``query`` names (:meth:`NameIndex.find`).

    Args:
        query: A name, alias, spelling or surname.
        table: ``actor``, and ``actor_type`` and ``aliases`` when present.
        param: The argument the query came in, for the message.
    """
    return NameIndex().add_table(table).find(query, param=param)


def resolve_names(queries: Iterable[str], table: pd.DataFrame) -> list[str]:
    """Each query's canonical actor in ``table``, or the query itself when none answers.

    For displays that take a list of actors and say themselves which were not found
    (an ambiguous surname is left as typed too).
    """
    index = NameIndex().add_table(table)
    out = []
    for query in queries:
        try:
            out.append(index.find(query))
        except NameNotFoundError:
            out.append(query)
    return out


def default_min_mentions(n_docs: int) -> int:
    """How often an actor must be named to appear in figures and top-N tables by default.

    1 up to 50 documents, 2 up to 500, 3 up to 5,000 and 5 above. In a handful of articles
    every name may matter, so nothing is hidden; as a corpus grows the names seen once or
    twice are mostly tagging noise ("un-Reaganesque" as an organisation) and passers-by,
    and they crowd out the actors the coverage is about: on a corpus of a few thousand
    articles, six in ten actors are named once. The full actors table keeps them all.

    Args:
        n_docs: Documents in the corpus.
    """
    for up_to, threshold in MIN_MENTIONS_STEPS:
        if n_docs <= up_to:
            return threshold
    return MIN_MENTIONS_LARGE


def hidden_note(n_hidden: int, n_total: int, min_mentions: int, *, what: str = "Actors") -> str:
    """The sentence saying how many rarely named actors a display leaves out ('' for none)."""
    if n_hidden <= 0 or min_mentions <= 1:
        return ""
    rule = "only once" if min_mentions == 2 else f"fewer than {min_mentions} times"
    return (
        f"{what} named {rule} are hidden ({n_hidden:,} of {n_total:,}); "
        "pass min_mentions=1 to see all."
    )


def frequent_actors(
    actors: pd.DataFrame,
    *,
    min_mentions: int | None = None,
    n_docs: int | None = None,
) -> tuple[pd.DataFrame, str]:
    """The actors a display shows: those named at least ``min_mentions`` times.

    Args:
        actors: The actors table (``actor``, ``n_mentions``; ``n_docs`` for the estimate).
        min_mentions: The threshold; default :func:`default_min_mentions` of ``n_docs``.
        n_docs: Documents in the corpus. When not given, the most widely named actor's
            ``n_docs`` stands in for it: a lower bound, so the default never hides more
            than the corpus-size rule would.

    Returns:
        The rows kept (in table order) and the sentence saying how many were hidden
        (empty when none were).
    """
    threshold = min_mentions_for(actors, min_mentions=min_mentions, n_docs=n_docs)
    if actors.empty or threshold <= 1:
        return actors, ""
    kept = actors[actors["n_mentions"] >= threshold]
    return kept, hidden_note(len(actors) - len(kept), len(actors), threshold)


def min_mentions_for(
    actors: pd.DataFrame, *, min_mentions: int | None = None, n_docs: int | None = None
) -> int:
    """The threshold :func:`frequent_actors` applies (see there)."""
    if min_mentions is not None:
        if (
            isinstance(min_mentions, bool)
            or not isinstance(min_mentions, Integral)
            or min_mentions < 1
        ):
            raise InputError(
                f"min_mentions={min_mentions!r}: pass a whole number of mentions, 1 or more "
                "(1 shows every actor)"
            )
        return int(min_mentions)
    if n_docs is None:
        n_docs = int(actors["n_docs"].max()) if "n_docs" in actors and len(actors) else 0
    return default_min_mentions(n_docs)


__all__ = [
    "AmbiguousNameError",
    "NameIndex",
    "NameNotFoundError",
    "default_min_mentions",
    "find_name",
    "fold",
    "frequent_actors",
    "hidden_note",
    "min_mentions_for",
    "resolve_names",
]
