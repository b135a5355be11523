"""The curated actor gazetteer (``data/actors.yml``): canonical names, types, aliases.

A researcher reads and extends the gazetteer; the actors layer applies it twice:
as exact matches over the text, which win over the statistical model's spans
(:mod:`workbench.actors.matcher`: a listed alias is always found, with its type),
and as a lookup during resolution (so a name the model found, stripped of titles,
lands on its canonical form). Neither runs the model: the model's spans are cached
without the gazetteer, so an edit here takes effect in seconds.

The file has four sections, each optional except ``actors``::

    actors:       # one entry per actor
      - {name: Sergey Lavrov, type: PERSON, affiliation: Russia,
         aliases: [Lavrov, Sergei Lavrov, Foreign Minister Lavrov]}
    metonymy:     # place or building -> the actor it stands for (used only when switched on)
      the Kremlin: Russia
    ignore:       # strings the model tags that are never actors (page chrome, credits)
      - Getty Images
    outlet_words: # words that mark an unknown organisation as a news outlet
      - News

Names are compared :func:`fold`-ed: accents removed, case folded, full stops and
apostrophes dropped, so ``U.S.``, ``US`` and ``us`` are one key.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from workbench import config
from workbench.core import cache
from workbench.core.errors import UserError
from workbench.core.names import fold

#: Actor types a gazetteer entry may carry (spaCy's labels, plus MEDIA for outlets and agencies).
TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "MEDIA")


class GazetteerError(UserError, ValueError):
    """``data/actors.yml`` (or another gazetteer file) cannot be read as a gazetteer."""


@dataclass(frozen=True)
class Entry:
    """One curated actor."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass
class Gazetteer:
    """Curated actors with a folded-alias index.

    Attributes:
        entries: Canonical name -> entry.
        metonymy: Folded surface -> canonical actor it stands for.
        ignore: Folded names that are never actors.
        outlet_words: Folded words that mark an unknown organisation as an outlet.
        digest: Hash of the file's content, part of the cached tables' key; computed from
            the entries and lists when not given (a gazetteer built in code).
    """

    entries: dict[str, Entry] = field(default_factory=dict)
    metonymy: dict[str, str] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()
    outlet_words: frozenset[str] = frozenset()
    digest: str = ""

    def __post_init__(self) -> None:
        if not self.digest:
            self.digest = cache.key(
                sorted(map(repr, self.entries.values())),
                sorted(self.metonymy.items()),
                sorted(self.ignore),
                sorted(self.outlet_words),
            )
        self._index: dict[str, str] = {}
        for entry in self.entries.values():
            for surface in entry.surfaces:
                self._index.setdefault(fold(surface), entry.name)

    def lookup(self, name: str) -> Entry | None:
        """The entry whose canonical name or alias folds to the same key as ``name``."""
        canonical = self._index.get(fold(name))
        return self.entries[canonical] if canonical else None

    def aliases_folded(self) -> dict[str, str]:
        """Folded alias -> canonical name, for every alias of every entry."""
        return dict(self._index)

    def with_outlets(self, names: Iterable[str]) -> Gazetteer:
        """A copy that also lists ``names`` (e.g. the corpus ``source`` column) as MEDIA."""
        entries = dict(self.entries)
        for name in sorted({str(n).strip() for n in names if isinstance(n, str) and n.strip()}):
            if fold(name) not in self._index:
                entries[name] = Entry(name=name, type="MEDIA")
        digest = cache.key(self.digest, sorted(entries))
        return Gazetteer(entries, self.metonymy, self.ignore, self.outlet_words, digest)

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Phrase patterns for spaCy's ``EntityRuler``: every surface, exact case, with its id.

        The actors layer matches the same surfaces itself (:mod:`workbench.actors.matcher`);
        these patterns are for a spaCy pipeline of a researcher's own.
        """
        return [
            {"label": entry.type, "pattern": surface, "id": entry.name}
            for entry in self.entries.values()
            for surface in dict.fromkeys(entry.surfaces)
        ]


def load_gazetteer(path: str | os.PathLike[str] | None = None) -> Gazetteer:
    """Read a gazetteer file (default ``data/actors.yml``).

    Args:
        path: A YAML file in the format described in this module's docstring.

    Returns:
        The gazetteer; an empty one when the default file does not exist.

    Raises:
        GazetteerError: The file is not valid YAML, or an entry lacks a name or
            has an unknown type, or one alias belongs to two actors. The message
            names the file and the entry.
    """
    path = Path(path) if path is not None else config.gazetteer_path()
    if not path.exists():
        if path == config.gazetteer_path():
            return Gazetteer()
        raise GazetteerError(f"{config.display_path(path)}: no such gazetteer file")
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)


def write_gazetteer(
    path: str | os.PathLike[str],
    *,
    add: Iterable[dict] = (),
    ignore: Iterable[str] = (),
    base: str | os.PathLike[str] | None = None,
) -> Path:
    """A researcher's own gazetteer: ``base`` with actors added or extended, written to ``path``.

    The way to correct the workbench for a corpus without editing the project's file:
    pass the result as ``extract_actors(corpus, gazetteer=path)``. The model's spans are
    cached per text, so the next run only matches and resolves again (seconds).

    Args:
        path: The YAML file to write (atomically).
        add: Entries as in the file (``{"name": ..., "type": ..., "aliases": [...],
            "affiliation": ...}``). An entry whose name is already listed extends it: its
            aliases are added and a given type or affiliation replaces the old one.
        ignore: Surfaces never to count as actors.
        base: The gazetteer to start from; default ``data/actors.yml``.

    Returns:
        ``path``, checked by reading it back.

    Raises:
        GazetteerError: An entry is malformed or an alias already belongs to another
            actor (the message names the file and the entry).

    Example:
        >>> write_gazetteer("my_actors.yml", add=[{"name": "Vladimir Putin",  # doctest: +SKIP
        ...     "type": "PERSON", "aliases": ["Vova"]}], ignore=["Neo-Nazis"])
    """
    import yaml

    source = Path(base) if base is not None else config.gazetteer_path()
    data = yaml.safe_load(source.read_text(encoding="utf-8")) if source.exists() else {}
    data = data or {}
    listed = {str(e.get("name")): e for e in data.setdefault("actors", []) if isinstance(e, dict)}
    for item in add:
        entry = dict(item)
        old = listed.get(str(entry.get("name", "")))
        if old is None:
            data["actors"].append(entry)
            continue
        aliases = [*(old.get("aliases") or []), *(entry.pop("aliases", None) or [])]
        old.update({k: v for k, v in entry.items() if v is not None})
        old["aliases"] = list(dict.fromkeys(aliases))
    data["ignore"] = list(dict.fromkeys([*(data.get("ignore") or []), *ignore]))
    header = f"# Written by workbench.actors.write_gazetteer from {config.display_path(source)}.\n"
    text = header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    with cache.atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
        try:  # checked before it replaces anything: a malformed addition names its entry
            load_gazetteer(tmp)
        except GazetteerError as err:
            raise GazetteerError(str(err).replace(config.display_path(tmp), str(path))) from None
    return Path(path)


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime: int) -> Gazetteer:
    import yaml

    text = Path(path).read_text(encoding="utf-8")
    shown = config.display_path(path)
    # libyaml's parser when PyYAML has it: the pure-Python one takes half a second here.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader) or {}
    except yaml.YAMLError as err:
        raise GazetteerError(f"{shown}: not valid YAML ({err})") from None
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise GazetteerError(f"{shown}: expected a mapping with an 'actors:' list at the top")
    entries = _parse_entries(data.get("actors") or [], shown)
    return Gazetteer(
        entries=entries,
        metonymy={fold(k): str(v) for k, v in (data.get("metonymy") or {}).items()},
        ignore=frozenset(fold(str(s)) for s in data.get("ignore") or []),
        outlet_words=frozenset(fold(str(s)) for s in data.get("outlet_words") or []),
        digest=cache.text_hash(text),
    )


def _parse_entries(items: list, shown: str) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    owner: dict[str, str] = {}
    for i, item in enumerate(items, start=1):
        entry = _parse_entry(item, f"{shown}: actor #{i}")
        for surface in entry.surfaces:
            other = owner.setdefault(fold(surface), entry.name)
            if other != entry.name:
                raise GazetteerError(
                    f"{shown}: alias {surface!r} of {entry.name!r} already belongs to {other!r}; "
                    "keep it under one actor"
                )
        entries[entry.name] = entry
    return entries


def _parse_entry(item: object, where: str) -> Entry:
    if not isinstance(item, dict) or not str(item.get("name") or "").strip():
        raise GazetteerError(f"{where}: expected a mapping with at least 'name' and 'type'")
    name = str(item["name"]).strip()
    kind = str(item.get("type") or "").strip().upper()
    if kind not in TYPES:
        raise GazetteerError(f"{where} ({name}): type {item.get('type')!r} is not one of {TYPES}")
    aliases = item.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    affiliation = item.get("affiliation")
    return Entry(
        name=name,
        type=kind,
        aliases=tuple(str(a).strip() for a in aliases if str(a).strip()),
        affiliation=str(affiliation).strip() if affiliation else None,
    )
