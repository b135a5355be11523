"""Grid files: the parameter sets ``workbench report --grid FILE.yaml`` renders, one folder each."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

from workbench import config
from workbench.core.errors import InputError


def slug(text: str) -> str:
    """A folder name made of letters, digits, ``-`` and ``_``."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", str(text)).strip("-").lower() or "set"


def read_grid(path: str | os.PathLike[str]) -> dict[str, dict]:
    """Parameter sets from a YAML grid file, by set name (the name is the subfolder).

    Either name the sets, or give a matrix whose every combination is a set;
    ``parameters`` apply to every set::

        parameters: {date_bin: M}
        sets:
          bbc: {source: BBC}
          cnn: {source: CNN}

        matrix:
          source: [BBC, CNN]
          date_bin: [W, M]

    Raises:
        InputError: The file is missing or is not shaped like either form.
    """
    import yaml

    path = Path(path)
    name = config.display_path(path)
    if not path.exists():
        raise InputError(f"{name}: no such grid file")
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise InputError(f"{name}: not valid YAML: {err}") from None
    if (
        not isinstance(spec, dict)
        or not ({"sets", "matrix"} & set(spec))
        or set(spec) - {"parameters", "sets", "matrix"}
    ):
        raise InputError(
            f"{name}: a grid file holds `sets:` (name -> parameters) or `matrix:` "
            "(parameter -> list of values), and optionally `parameters:` for all sets"
        )
    shared = _mapping(spec.get("parameters", {}), f"{name}: parameters")
    sets = {
        str(k): _mapping(v, f"{name}: set {k!r}")
        for k, v in _mapping(spec.get("sets", {}), f"{name}: sets").items()
    }
    sets.update(_matrix_sets(_mapping(spec.get("matrix", {}), f"{name}: matrix"), name))
    folders = [slug(s) for s in sets]
    if len(set(folders)) != len(folders):
        raise InputError(f"{name}: two sets would share a folder name: {sorted(sets)}")
    return {s: {**shared, **values} for s, values in sets.items()}


def _mapping(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise InputError(f"{where}: expected a mapping of name: value, got {value!r}")
    return value


def _matrix_sets(matrix: dict, where: str) -> dict[str, dict]:
    if not matrix:
        return {}
    for key, values in matrix.items():
        if not isinstance(values, list) or not values:
            raise InputError(f"{where}: matrix {key!r} needs a non-empty list of values")
    out = {}
    for combo in itertools.product(*matrix.values()):
        out["_".join(slug(str(v)) for v in combo)] = dict(zip(matrix, combo, strict=True))
    return out


__all__ = ["read_grid", "slug"]
