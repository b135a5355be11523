"""What a rendering will do: the notebooks, their checked parameters, the output folders.

:func:`plan` checks every parameter against each notebook's parameters cell and lists
the jobs before anything runs; :mod:`workbench.reports.run` executes them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench import config
from workbench.core.errors import InputError
from workbench.reports.grid import read_grid, slug
from workbench.reports.params import (
    Parameter,
    ParameterError,
    coerce,
    read_parameters,
    unknown_message,
)

#: The kernelspec the notebooks run with (``make`` installs it into the venv).
KERNEL = "workbench"
#: Notebooks that ``workbench report`` renders: ``NN-name.ipynb``; ``00-`` ones are guides
#: to work through in JupyterLab (``00-start-here.ipynb``), not reports.
NOTEBOOK_NAME = re.compile(r"^(?!00-)\d\d-[A-Za-z0-9_-]+\.ipynb$")
#: Largest HTML report that is still easy to send by email (plotly.js, compressed, is 1.8 MB
#: of it); the index flags a larger one.
MAX_HTML_BYTES = 2_500_000


@dataclass(frozen=True)
class Job:
    """One notebook to render with one parameter set."""

    notebook: Path
    params: dict
    out_dir: Path
    label: str = ""

    @property
    def name(self) -> str:
        """The notebook's name, e.g. ``01-corpus-overview``."""
        return self.notebook.stem


@dataclass
class Outcome:
    """What became of a :class:`Job`."""

    job: Job
    ok: bool
    seconds: float
    ipynb: Path | None = None
    html: Path | None = None
    size: int = 0
    error: str = ""


@dataclass
class Plan:
    """Everything a rendering will do, checked before anything runs."""

    jobs: list[Job]
    out_dir: Path
    declared: dict[str, dict[str, Parameter]]
    grid: str | None = None
    given: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------- notebooks


def find_notebooks(only: Sequence[str] = (), folder: Path | None = None) -> list[Path]:
    """The notebooks to render, in order.

    Args:
        only: Names to keep: ``"01"``, ``"01-corpus-overview"`` or ``"corpus-overview"``;
            commas separate several. Empty keeps all.
        folder: Where to look; default ``notebooks/`` of the project.

    Raises:
        InputError: No notebook is found, or a name in ``only`` matches none.
    """
    folder = folder or config.notebooks_dir()
    found = sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))
    if not found:
        raise InputError(f"{config.display_path(folder)}: no notebooks named NN-name.ipynb")
    wanted = [w.strip() for item in only for w in item.split(",") if w.strip()]
    if not wanted:
        return found
    chosen = []
    for w in wanted:
        match = [p for p in found if w in (p.stem, p.stem[:2], p.stem[3:])]
        if not match:
            names = ", ".join(p.stem for p in found)
            raise InputError(f"--only {w!r}: no such notebook; notebooks are {names}")
        chosen.extend(m for m in match if m not in chosen)
    return sorted(chosen)


def corpus_name(corpus: str | os.PathLike[str]) -> str:
    """The folder name under ``reports/`` for a corpus: its folder name or file stem."""
    name = Path(corpus).name.split(".")[0] or "corpus"
    return slug(name)


# ----------------------------------------------------------------------------- planning


def plan(
    corpus: str | os.PathLike[str] | None = None,
    *,
    out: str | os.PathLike[str] | None = None,
    only: Sequence[str] = (),
    params: Mapping[str, object] | None = None,
    grid: str | os.PathLike[str] | None = None,
    folder: Path | None = None,
) -> Plan:
    """Check the request and list the jobs; nothing is run or written.

    Args:
        corpus: Folder or file of articles; default the sample corpus.
        out: Output folder; default ``reports/<corpus name>/``.
        only: Notebook names (see :func:`find_notebooks`).
        params: ``name -> value`` (text from ``-p``, or typed), for every notebook declaring it.
        grid: A YAML grid file (see :func:`read_grid`).
        folder: Where the notebooks are; default ``notebooks/``.

    Raises:
        ParameterError: A parameter no selected notebook declares, or whose value does not
            fit the declared type; the message names both.
        InputError: No such corpus, or a notebook or grid problem.
    """
    corpus = Path(corpus) if corpus is not None else config.sample_corpus()
    if not corpus.exists():
        raise InputError(f"--corpus {config.display_path(corpus)}: no such file or folder")
    notebooks = find_notebooks(only, folder)
    declared = {nb.stem: read_parameters(nb) for nb in notebooks}
    given = {"corpus": config.display_path(corpus), **dict(params or {})}
    sets = read_grid(grid) if grid else {"": {}}
    out_dir = Path(out) if out else config.reports_dir() / corpus_name(corpus)
    jobs = []
    for label, values in sets.items():
        merged = {"corpus": given["corpus"], **values, **dict(params or {})}
        for name in merged:
            if name != "corpus" and not any(name in d for d in declared.values()):
                raise ParameterError(unknown_message(name, declared) + _where(label, grid))
        for nb in notebooks:
            ps = declared[nb.stem]
            if "corpus" not in ps:
                raise ParameterError(f"{nb.stem}: the parameters cell declares no `corpus: str`")
            checked = {k: coerce(ps[k], v) for k, v in merged.items() if k in ps}
            jobs.append(Job(nb, checked, out_dir / slug(label) if label else out_dir, label))
    return Plan(jobs, out_dir, declared, config.display_path(grid) if grid else None, given)


def _where(label: str, grid: object) -> str:
    return f" (grid {config.display_path(grid)}, set {label!r})" if label else ""
