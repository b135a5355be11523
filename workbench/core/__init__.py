"""What every layer shares.

The content-keyed cache, time bins, escaping, prose helpers, the place index, process
pools and the Dask switch.

Nothing here imports another layer of the workbench; every layer may import this one.

- :mod:`~workbench.core.cache`: content keys, atomic writes, cached tables.
- :mod:`~workbench.core.bins`: the one vocabulary of time bins (day ... year), UTC.
- :mod:`~workbench.core.inputs`: required columns, one error naming table and column
  (a corpus from a DataFrame, an ingest or a path: :func:`workbench.corpus.inputs.as_corpus`).
- :mod:`~workbench.core.tables`: list cells (lists in tables, "; " in CSV and on the page)
  and the ``doc_id``/``source``/``date`` columns of every per-document table.
- :mod:`~workbench.core.escape`: article text made safe for HTML, hovers and Markdown.
- :mod:`~workbench.core.prose`: counts with their nouns.
- :mod:`~workbench.core.places`: place names resolved offline (countries, cities).
- :mod:`~workbench.core.pool`: local process pools, sized to the cores (or to
  ``$WORKBENCH_PROCESSES``), and one progress bar per long step, shown when someone
  watches (a notebook or a terminal), never in a report.
- :mod:`~workbench.core.display`: the short views of result objects in a notebook
  (their tables and row counts, the first rows, what to call next).
- :mod:`~workbench.core.imports`: importing a library without the optional parts the
  workbench never uses.
- :mod:`~workbench.core.distributed`: the Dask switch (a cluster when one is active).
"""

from workbench.core.imports import lazy_names

#: Names importable from here, and the module each lives in: imported on first use, so
#: that importing one small module of ``workbench.core`` does not import pandas.
_LAZY = {
    "hover_text": "workbench.core.escape",
    "html_text": "workbench.core.escape",
    "md_escape": "workbench.core.escape",
    "plural": "workbench.core.prose",
}

__all__ = ["html_text", "hover_text", "md_escape", "plural"]


__getattr__ = lazy_names(__name__, _LAZY)
