"""``workbench report``: run the notebooks over a corpus and render them as shareable HTML.

The notebooks are every ``notebooks/NN-*.ipynb``, in order; adding a notebook is
dropping a file there. One rendering is:

1. **plan** (:func:`plan`): pick the notebooks, read each one's ``parameters`` cell,
   and check every parameter given (``-p``, a grid file) against it. Nothing runs
   if one is unknown or ill-typed.
2. **load** the corpus once (it is cached), for its summary and fingerprint.
3. **run** (:func:`run`): papermill executes each notebook with the ``workbench``
   kernel, two at a time, each in its own process; :mod:`workbench.reports.html`
   exports it with the code hidden and nothing fetched from the network. A
   notebook that fails is recorded with its error and the others go on.
4. **index**: ``DIR/index.html`` lists every report, its parameters and timing,
   the corpus summary and fingerprint, and the versions of the main packages.

A grid file renders the same notebooks once per parameter set, each set into its
own subfolder (see :func:`workbench.reports.grid.read_grid`).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import as_completed
from pathlib import Path

from workbench.core.pool import spawn_pool
from workbench.reports.plan import (
    KERNEL,
    MAX_HTML_BYTES,
    Job,
    Outcome,
    Plan,
    corpus_name,
    find_notebooks,
    plan,
)

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
    from workbench.reports.index import corpus_info, write_index

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
    with spawn_pool(workers, len(jobs), initializer=_quiet_worker) as pool:
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
    from workbench.reports.html import export_html

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
    from workbench.reports.html import scrub_paths

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
    "run",
]
