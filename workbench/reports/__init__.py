"""The reports layer: notebooks rendered by papermill into HTML anyone can open offline.

Parameters cells (:mod:`~workbench.reports.params`), the plan of a rendering
(:mod:`~workbench.reports.plan`), grids of parameter sets (:mod:`~workbench.reports.grid`),
running (:mod:`~workbench.reports.run`), the safe offline HTML
(:mod:`~workbench.reports.html`) and the index page (:mod:`~workbench.reports.index`).
"""

from workbench.reports.params import ParameterError
from workbench.reports.plan import find_notebooks, plan
from workbench.reports.run import render

__all__ = ["ParameterError", "find_notebooks", "plan", "render"]
