"""The reports layer: notebooks rendered by papermill into HTML anyone can open offline.

Parameters cells (:mod:`~workbench.reports.params`), the plan of a rendering
(:mod:`~workbench.reports.plan`), grids of parameter sets (:mod:`~workbench.reports.grid`),
running (:mod:`~workbench.reports.run`) after the warm-up of the steps the
notebooks share (:mod:`~workbench.reports.warm`), the safe offline HTML
(:mod:`~workbench.reports.html`) with plotly.js compressed into it
(:mod:`~workbench.reports.pack`), the index page (:mod:`~workbench.reports.index`) and
every report in one file (:mod:`~workbench.reports.single`).
"""

from workbench.core.imports import lazy_names

#: Names importable from here, and the module each lives in: imported on first use, so
#: that a report runner process (:mod:`workbench.reports.run`) starts without pandas.
_LAZY = {
    "ParameterError": "workbench.reports.params",
    "find_notebooks": "workbench.reports.plan",
    "plan": "workbench.reports.plan",
    "render": "workbench.reports.run",
}

__all__ = ["ParameterError", "find_notebooks", "plan", "render"]


__getattr__ = lazy_names(__name__, _LAZY)
