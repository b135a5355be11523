"""Importing a library without the optional parts of it that the workbench never uses.

Some libraries import optional parts eagerly, each inside ``try/except ImportError``
with a fallback for when it is missing, and some of those parts cost seconds at import
time. :func:`without` makes such modules look missing while the library is imported,
so the library's own fallback takes over; afterwards they can be imported again as
usual. What the workbench leaves out this way (each use says why):

* BERTopic's text-generation, zero-shot, part-of-speech and visual representations,
  which import ``transformers.pipelines``, and torch, which BERTopic imports only to
  save in the ``pytorch`` format (:mod:`workbench.topics.models`);
* torch again while spaCy loads: thinc imports it for models that run on it, and the
  English pipeline does not (:mod:`workbench.actors.ner`);
* jsonschema's IRI format check, ``rfc3987_syntax``, which builds a parser for the
  RFC 3987 grammar when imported (seconds): nbformat imports jsonschema, and papermill,
  nbconvert and plotly's notebook renderer import nbformat
  (:mod:`workbench.notebook`, :mod:`workbench.reports.run`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

#: jsonschema's optional IRI format check (nothing the workbench validates has an IRI).
IRI_CHECK = "rfc3987_syntax"


@contextmanager
def without(*names: str) -> Iterator[None]:
    """Treat the modules ``names`` as not installed inside the block.

    A module already imported is left alone (it costs nothing more). Importing a left-out
    module inside the block raises ``ModuleNotFoundError``; after the block it imports
    as usual, though a library imported inside the block keeps its fallback. A library
    that looks the module up in ``sys.modules`` instead of importing it finds ``None``
    there (SciPy's array helpers do so for torch): import such libraries before the block.

    Example:
        >>> with without("rfc3987_syntax"):  # doctest: +SKIP
        ...     import nbformat  # jsonschema without its IRI check
    """
    left_out = [n for n in names if n not in sys.modules]
    for name in left_out:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ModuleNotFoundError
    try:
        yield
    finally:
        for name in left_out:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


__all__ = ["IRI_CHECK", "without"]


def lazy_names(package: str, names: dict[str, str]):
    """A module ``__getattr__`` that imports each of ``names`` from its module on first use.

    A package's face stays cheap to import: ``names`` maps a public name to the module
    that defines it (``{"render": "workbench.reports.run"}``); the value is kept in the
    package once imported.

    Example:
        ``__getattr__ = lazy_names(__name__, {"plural": "workbench.core.prose"})``
    """
    import importlib

    def __getattr__(name: str):
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(names[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
