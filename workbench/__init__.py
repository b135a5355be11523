"""The news-corpus research workbench.

``import workbench`` stays light: it imports nothing (not even pandas), so that a process
that needs one small module (a report runner, the command line's help) starts at once.
The layers load when first named (``workbench.actors``, ``workbench.topics``,
``workbench.timeline``, ``workbench.evidence``, ``workbench.notebook``, ``workbench.plots``,
``workbench.reports``), and so do the entry points kept here for a notebook's first
cells (``workbench.ingest``, ``workbench.extract_actors``, ``workbench.fit_topics``,
``workbench.build_timeline`` ...); spaCy, torch, sentence-transformers and BERTopic are
imported by the functions that need them. ``dir(workbench)`` lists all of it.
"""

import importlib as _importlib
import importlib.util as _util

#: The rooms of the workbench, imported when first used.
LAYERS = (
    "config",
    "core",
    "corpus",
    "actors",
    "topics",
    "timeline",
    "evidence",
    "notebook",
    "plots",
    "reports",
    "cli",
)
#: Entry points importable from here, and the module each lives in (imported on first use).
_LAZY = {
    "CorpusError": "workbench.corpus.load",
    "Ingest": "workbench.corpus.load",
    "ingest": "workbench.corpus.load",
    "load_corpus": "workbench.corpus.load",
    "save_corpus": "workbench.corpus.load",
    "segment": "workbench.corpus.segments",
    "extract_actors": "workbench.actors",
    "fit_topics": "workbench.topics",
    "load_topics": "workbench.topics",
    "build_timeline": "workbench.timeline",
}

__all__ = [
    "CorpusError",
    "Ingest",
    "build_timeline",
    "extract_actors",
    "fit_topics",
    "ingest",
    "load_corpus",
    "load_topics",
    "save_corpus",
    "segment",
]
__version__ = "0.1.0"


def _present(layer: str) -> bool:
    return _util.find_spec(f"{__name__}.{layer}") is not None


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(_importlib.import_module(_LAZY[name]), name)
    elif name in LAYERS and _present(name):
        value = _importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    layers = [n for n in LAYERS if n in globals() or _present(n)]
    return sorted({*globals(), *layers, *_LAZY})
