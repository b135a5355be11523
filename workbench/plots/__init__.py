"""Figures: each function takes a tidy DataFrame and returns a ``plotly.graph_objects.Figure``.

One module per layer (``corpus``, ``actors``, ``topics``, ``timeline``), one shared
look (:mod:`workbench.plots.theme`). No function here shows or saves a figure.
Every piece of article text that reaches a label or hover is HTML-escaped with
:func:`workbench.core.escape.hover_text`.
"""
