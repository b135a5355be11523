"""``workbench report``: run the notebooks over a corpus and render them as shareable HTML.

The notebooks are every ``notebooks/NN-*.ipynb``, in order; adding a notebook is
dropping a file there. One rendering is:

1. **plan** (:func:`plan`): pick the notebooks, read each one's ``parameters`` cell,
   and check every parameter given (``-p``, a grid file) against it. Nothing runs
   if one is unknown or ill-typed.
2. **load** the corpus once (it is cached), for its summary and fingerprint.
3. **run** (:func:`run`): papermill executes each notebook with the ``workbench``
   kernel, two at a time, each in its own process; :mod:`workbench.report_html`
   exports it with the code hidden and nothing fetched from the network. A
   notebook that fails is recorded with its error and the others go on.
4. **index**: ``DIR/index.html`` lists every report, its parameters and timing,
   the corpus summary and fingerprint, and the versions of the main packages.

A grid file renders the same notebooks once per parameter set, each set into its
own subfolder (see :func:`workbench.report_grid.read_grid`).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from workbench import config
from workbench.params import Parameter, ParameterError, coerce, read_parameters, unknown_message
from workbench.report_grid import read_grid, slug

#: The kernelspec the notebooks run with (``make`` installs it into the venv).
KERNEL = "workbench"
#: Notebooks that ``workbench report`` renders: ``NN-name.ipynb``.
NOTEBOOK_NAME = re.compile(r"^\d\d-[A-Za-z0-9_-]+\.ipynb$")
#: Largest HTML report that is still easy to send by email.
MAX_HTML_BYTES = 6_000_000


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
        ValueError: No notebook is found, or a name in ``only`` matches none.
    """
    folder = folder or config.notebooks_dir()
    found = sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))
    if not found:
        raise ValueError(f"{config.display_path(folder)}: no notebooks named NN-name.ipynb")
    wanted = [w.strip() for item in only for w in item.split(",") if w.strip()]
    if not wanted:
        return found
    chosen = []
    for w in wanted:
        match = [p for p in found if w in (p.stem, p.stem[:2], p.stem[3:])]
        if not match:
            names = ", ".join(p.stem for p in found)
            raise ValueError(f"--only {w!r}: no such notebook; notebooks are {names}")
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
        ValueError: A notebook or grid problem.
    """
    corpus = Path(corpus) if corpus is not None else config.sample_corpus()
    if not corpus.exists():
        raise ValueError(f"--corpus {config.display_path(corpus)}: no such file or folder")
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


# ----------------------------------------------------------------------------- running


def render(
    corpus: str | os.PathLike[str] | None = None,
    *,
    out: str | os.PathLike[str] | None = None,
    only: Sequence[str] = (),
    params: Mapping[str, object] | None = None,
    grid: str | os.PathLike[str] | None = None,
    workers: int = 2,
    folder: Path | None = None,
    echo: Callable[[Outcome], None] | None = None,
) -> tuple[Path, list[Outcome]]:
    """Plan, load the corpus, run every job and write the index (arguments as in :func:`plan`).

    Returns:
        The path of ``index.html`` and one :class:`Outcome` per report.

    Raises:
        ParameterError, ValueError, CorpusError: Before anything runs, for bad input.
    """
    from workbench.report_index import corpus_info, write_index

    start = time.perf_counter()
    the_plan = plan(corpus, out=out, only=only, params=params, grid=grid, folder=folder)
    corpora = {c: corpus_info(c) for c in dict.fromkeys(j.params["corpus"] for j in the_plan.jobs)}
    outcomes = run(the_plan.jobs, workers=workers, echo=echo)
    index = write_index(the_plan, outcomes, corpora, seconds=time.perf_counter() - start)
    return index, outcomes


def run(
    jobs: Sequence[Job], *, workers: int = 2, echo: Callable[[Outcome], None] | None = None
) -> list[Outcome]:
    """Execute and export every job, ``workers`` at a time; a failure does not stop the rest.

    Returns:
        One :class:`Outcome` per job, in the order of ``jobs``.
    """
    ensure_kernel()
    if not jobs:
        return []
    outcomes: dict[int, Outcome] = {}
    pool = ProcessPoolExecutor(
        max_workers=max(1, min(workers, len(jobs))),
        mp_context=get_context("spawn"),
        initializer=_quiet_worker,
    )
    with pool:
        futures = {pool.submit(execute, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                outcomes[i] = future.result()
            except Exception as err:  # the worker process itself died
                outcomes[i] = Outcome(jobs[i], False, 0.0, error=_message(err))
            if echo:
                echo(outcomes[i])
    return [outcomes[i] for i in range(len(jobs))]


def execute(job: Job) -> Outcome:
    """Run one notebook with papermill, keep the executed ``.ipynb``, export the HTML."""
    from workbench.report_html import export_html

    start = time.perf_counter()
    job.out_dir.mkdir(parents=True, exist_ok=True)
    ipynb = job.out_dir / f"{job.name}.ipynb"
    partial = job.out_dir / f".{job.name}.{os.getpid()}.partial.ipynb"
    error = _papermill(job, partial)
    if partial.exists():
        os.replace(partial, ipynb)
    html, size = None, 0
    if not error:
        html = job.out_dir / f"{job.name}.html"
        try:
            size = export_html(ipynb, html, footer=_footer(job))
        except Exception as err:
            error, html = f"HTML export failed: {_message(err)}", None
    seconds = time.perf_counter() - start
    return Outcome(job, not error, seconds, ipynb if ipynb.exists() else None, html, size, error)


def _papermill(job: Job, output: Path) -> str:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(job.notebook),
            str(output),
            parameters=job.params,
            kernel_name=KERNEL,
            cwd=str(job.notebook.parent),
            progress_bar=False,
            log_output=False,
        )
    except PapermillExecutionError as err:
        return f"{err.ename}: {err.evalue} (cell {err.exec_count})"
    except Exception as err:
        return _message(err)
    return ""


def _message(err: BaseException) -> str:
    from workbench.report_html import scrub_paths

    text = str(err).strip().splitlines()
    return scrub_paths(f"{type(err).__name__}: {text[0] if text else ''}")


def _footer(job: Job) -> dict[str, str]:
    return {
        "notebook": job.name,
        "set": job.label,
        "rendered": time.strftime("%Y-%m-%d %H:%M"),
        "parameters": ", ".join(f"{k}={v!r}" for k, v in job.params.items()),
    }


def _quiet_worker() -> None:
    """Worker setup: no progress bars in the notebooks, kernel chatter kept off the terminal."""
    import logging

    os.environ["TQDM_DISABLE"] = "1"
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    logging.getLogger("papermill").setLevel(logging.ERROR)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)


def ensure_kernel() -> None:
    """Install the ``workbench`` kernelspec into this environment if it is missing or stale.

    ``make`` installs it; this covers running the command from an environment set
    up another way, so that reports always run with the project's own Python.
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL)
        if Path(spec.argv[0]).exists():
            return
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    install(kernel_name=KERNEL, display_name="Python (workbench)", prefix=sys.prefix)


__all__ = [
    "KERNEL",
    "MAX_HTML_BYTES",
    "Job",
    "Outcome",
    "Plan",
    "corpus_name",
    "ensure_kernel",
    "render",
    "execute",
    "find_notebooks",
    "plan",
    "read_grid",
    "run",
]
