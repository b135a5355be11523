"""Notebook parameters: reading a ``parameters`` cell, and checking values against it.

Every notebook declares its knobs in one code cell tagged ``parameters``, one per
line, typed and commented::

    corpus: str = "data/sample"  # folder or file of articles, relative to the project
    top_n: int = 12  # outlets named in the figures

:func:`read_parameters` turns that cell into :class:`Parameter` records (name,
annotation, default, help), and :func:`coerce` checks a value given on the
command line (text) or in a grid file (YAML) against the annotation. Unlike
papermill, which only warns, an unknown or ill-typed parameter is an error
(:class:`ParameterError`) that names the parameter and the notebook.

Supported annotations: ``str``, ``int``, ``float``, ``bool``, ``list[T]`` of those,
and any of them ``| None``.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import io
import json
import os
import tokenize
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import UserError

_SCALARS = ("str", "int", "float", "bool")
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}
_NONE = {"none", "null", ""}


class ParameterError(UserError, ValueError):
    """A parameter is unknown to a notebook, or its value does not fit the declared type."""


@dataclass(frozen=True)
class Parameter:
    """One line of a notebook's parameters cell.

    Attributes:
        name: The variable name.
        annotation: The declared type as written, e.g. ``"int"`` or ``"str | None"``.
        default: The default value (a Python literal).
        help: The trailing comment, without ``#``.
        notebook: The notebook's name, for messages.
    """

    name: str
    annotation: str
    default: object
    help: str
    notebook: str

    def describe(self) -> str:
        """``name: annotation = default  # help``, as in the notebook."""
        return f"{self.name}: {self.annotation} = {self.default!r}  # {self.help}".rstrip(" #")


# ----------------------------------------------------------------------------- reading


def parameters_cells(nb: Mapping) -> list[int]:
    """Indices of the code cells tagged ``parameters`` in a notebook (nbformat dict)."""
    return [
        i
        for i, cell in enumerate(nb.get("cells", []))
        if cell.get("cell_type") == "code"
        and "parameters" in cell.get("metadata", {}).get("tags", [])
    ]


def read_parameters(path: str | os.PathLike[str]) -> dict[str, Parameter]:
    """The parameters declared by a notebook, by name, in the order of its cell.

    Raises:
        ParameterError: The notebook has no ``parameters`` cell, more than one, or a
            line that is not ``name: type = literal``.
    """
    path = Path(path)
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = parameters_cells(nb)
    if len(cells) != 1:
        found = "no cell" if not cells else f"{len(cells)} cells"
        raise ParameterError(
            f"{path.name}: {found} tagged 'parameters'; a notebook needs exactly one."
        )
    source = nb["cells"][cells[0]]["source"]
    source = "".join(source) if isinstance(source, list) else source
    return {p.name: p for p in parse_cell(source, notebook=path.stem)}


def parse_cell(source: str, *, notebook: str) -> list[Parameter]:
    """Parse the source of a parameters cell.

    Args:
        source: The cell's code.
        notebook: The notebook's name, used in error messages.

    Raises:
        ParameterError: A statement that is not ``name: type = literal``, an annotation
            outside the supported ones, or a default that does not fit its annotation.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise ParameterError(f"{notebook}: parameters cell, line {err.lineno}: {err.msg}") from None
    comments = _comments(source)
    params = []
    for stmt in tree.body:
        where = f"{notebook}: parameters cell, line {stmt.lineno}"
        if not (
            isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value
        ):
            raise ParameterError(
                f"{where}: write each parameter as `name: type = value  # what it does`"
            )
        annotation = ast.unparse(stmt.annotation)
        _check_annotation(stmt.annotation, where)
        try:
            default = ast.literal_eval(stmt.value)
        except ValueError:
            raise ParameterError(
                f"{where}: the default of {stmt.target.id!r} must be a literal"
            ) from None
        param = Parameter(
            stmt.target.id, annotation, default, comments.get(stmt.end_lineno, ""), notebook
        )
        coerce(param, default)
        params.append(param)
    return params


def _comments(source: str) -> dict[int, str]:
    out = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            out[tok.start[0]] = tok.string.lstrip("#").strip()
    return out


def _check_annotation(node: ast.expr, where: str) -> None:
    inner = _strip_optional(node)
    if isinstance(inner, ast.Subscript) and _name(inner.value) == "list":
        inner = inner.slice
    if _name(inner) not in _SCALARS:
        raise ParameterError(
            f"{where}: unsupported type `{ast.unparse(node)}`; use str, int, float, "
            "bool, list[...] of those, or any of them `| None`"
        )


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else None


def _strip_optional(node: ast.expr) -> ast.expr:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        for side, other in ((node.left, node.right), (node.right, node.left)):
            if isinstance(side, ast.Constant) and side.value is None:
                return other
    return node


def _is_optional(node: ast.expr) -> bool:
    return _strip_optional(node) is not node


# ----------------------------------------------------------------------------- checking


def coerce(param: Parameter, value: object) -> object:
    """Check ``value`` against the parameter's annotation and return it in that type.

    Text (from ``-p key=value``) is parsed: ``"12"`` for an ``int``, ``"yes"`` for a
    ``bool``, ``"a,b"`` or ``"[a, b]"`` for a list, ``"none"`` for ``| None``. Other
    values (from a YAML grid file) must already have the right type; an ``int`` is
    accepted for a ``float`` and a YAML date for a ``str``.

    Raises:
        ParameterError: Naming the notebook, the parameter, its type and the value.
    """
    node = ast.parse(param.annotation, mode="eval").body
    try:
        return _coerce(node, value)
    except (TypeError, ValueError) as err:
        raise ParameterError(
            f"{param.notebook}: parameter {param.name!r} is declared `{param.annotation}` "
            f"(default {param.default!r}), but got {value!r}: {err}"
        ) from None


def _coerce(node: ast.expr, value: object) -> object:
    if _is_optional(node):
        if value is None or (isinstance(value, str) and value.strip().lower() in _NONE):
            return None
        node = _strip_optional(node)
    if isinstance(node, ast.Subscript):
        return _coerce_list(node.slice, value)
    return _coerce_scalar(_name(node) or "", value)


def _coerce_list(item: ast.expr, value: object) -> list:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import yaml

            value = yaml.safe_load(text)
        else:
            value = [v.strip() for v in text.split(",") if v.strip()]
    if not isinstance(value, list | tuple):
        raise TypeError("expected a list")
    return [_coerce(item, v) for v in value]


def _coerce_scalar(kind: str, value: object) -> object:
    if value is None:
        raise TypeError("None is not allowed here; declare the type `| None` to allow it")
    if kind == "str":
        if isinstance(value, dt.date):
            return value.isoformat()
        if not isinstance(value, str):
            raise TypeError(f"expected text, got {type(value).__name__}; quote it")
        return value
    if kind == "bool":
        return _to_bool(value)
    if isinstance(value, bool):
        raise TypeError(f"expected {kind}, got a true/false value")
    if kind == "int":
        if isinstance(value, float) and not value.is_integer():
            raise TypeError("expected a whole number")
        return int(value.strip() if isinstance(value, str) else value)
    return float(value.strip() if isinstance(value, str) else value)


def _to_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise TypeError("expected true or false")


def check(values: Mapping[str, object], params: Mapping[str, Parameter], *, notebook: str) -> dict:
    """Check every value against one notebook's parameters; all must be known.

    Returns:
        The values converted to the declared types.

    Raises:
        ParameterError: For the first unknown or ill-typed parameter.
    """
    out = {}
    for name, value in values.items():
        if name not in params:
            raise ParameterError(unknown_message(name, {notebook: params}))
        out[name] = coerce(params[name], value)
    return out


def unknown_message(name: str, declared: Mapping[str, Mapping[str, Parameter]]) -> str:
    """An error message for a parameter no notebook declares, listing what they do declare."""
    every = sorted({p for params in declared.values() for p in params})
    close = difflib.get_close_matches(name, every, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    listing = "; ".join(f"{nb}: {', '.join(params) or '(none)'}" for nb, params in declared.items())
    return f"unknown parameter {name!r}: no notebook declares it.{hint} Parameters are {listing}"


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["top_n=20", "source=BBC"]`` -> ``{"top_n": "20", "source": "BBC"}``.

    Raises:
        ParameterError: An item without ``=`` or without a name.
    """
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip().isidentifier():
            raise ParameterError(f"-p {pair!r}: write a parameter as NAME=VALUE, e.g. -p top_n=20")
        out[name.strip()] = value.strip()
    return out


__all__ = [
    "Parameter",
    "ParameterError",
    "check",
    "coerce",
    "parameters_cells",
    "parse_assignments",
    "parse_cell",
    "read_parameters",
    "unknown_message",
]
