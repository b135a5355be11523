"""Figures: each function takes a tidy DataFrame and returns a ``plotly.graph_objects.Figure``.

One module per layer (``corpus``, ``actors``, ``topics``, ``timeline``), one shared
look (:mod:`workbench.plots.theme`). No function here shows or saves a figure.
Every piece of article text that reaches a label or hover is HTML-escaped with
:func:`workbench.core.escape.hover_text`.

Every figure is importable from here (``workbench.plots.event_timeline(t.events)``);
its module, and plotly, load when it is first used, and ``dir(workbench.plots)`` lists them.
"""

import importlib as _importlib

#: Each figure function and the module it lives in.
FIGURES = {
    # corpus
    "sources_figure": "corpus",
    "coverage_figure": "corpus",
    "words_figure": "corpus",
    "rules_figure": "corpus",
    "duplicates_figure": "corpus",
    "reuse_figure": "corpus",
    # actors
    "actor_network": "actors",
    "ego_network": "actors",
    "cooccurrence_heatmap": "actors",
    "top_pairs": "actors",
    "top_speakers": "actors",
    # topics
    "topic_sizes": "topics",
    "topic_words": "topics",
    "topics_over_time": "topics",
    "topics_per_source": "topics",
    "document_map": "topics",
    "topic_similarity": "topics",
    "topics_per_class": "topics",
    # timeline
    "coverage_volume": "timeline",
    "actor_mentions_over_time": "timeline",
    "event_timeline": "timeline",
    "places_map": "timeline",
    # the shared look
    "style": "theme",
    "empty_figure": "theme",
}
_MODULES = ("actors", "corpus", "theme", "timeline", "topics")

__all__ = sorted(FIGURES)


def __getattr__(name: str):
    if name in FIGURES:
        value = getattr(_importlib.import_module(f"{__name__}.{FIGURES[name]}"), name)
    elif name in _MODULES:
        value = _importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *FIGURES, *_MODULES})
