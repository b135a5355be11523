"""The reports layer: notebooks rendered by papermill into HTML anyone can open offline.

Parameters cells (:mod:`~workbench.reports.params`), the plan of a rendering
(:mod:`~workbench.reports.plan`), grids of parameter sets (:mod:`~workbench.reports.grid`),
running (:mod:`~workbench.reports.run`) after the warm-up of the steps the
notebooks share (:mod:`~workbench.reports.warm`), the safe offline HTML
(:mod:`~workbench.reports.html`) with plotly.js compressed into it
(:mod:`~workbench.reports.pack`), the index page (:mod:`~workbench.reports.index`) and
every report in one file (:mod:`~workbench.reports.single`).
"""

from workbench.reports.params import ParameterError
from workbench.reports.plan import find_notebooks, plan
from workbench.reports.run import render

__all__ = ["ParameterError", "find_notebooks", "plan", "render"]
