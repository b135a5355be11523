"""``workbench report``: run the notebooks over a corpus and render them as shareable HTML.

The notebooks are every ``notebooks/NN-*.ipynb``, in order; adding a notebook is
dropping a file there. One rendering is:

1. **plan** (:func:`plan`): pick the notebooks, read each one's ``parameters`` cell,
   and check every parameter given (``-p``, a grid file) against it. Nothing runs
   if one is unknown or ill-typed.
2. **load** the corpus once (it is cached), for its summary and fingerprint.
3. **warm** (:func:`workbench.reports.warm.warm`, skipped with ``warm=False``): every
   cached step the notebooks will call (entities, the topic fit ...) runs once, with
   their arguments, using every core, so that no two kernels compute the same thing.
4. **run** (:func:`run`): papermill executes each notebook with the ``workbench``
   kernel, two at a time, each in its own process and with its share of the cores
   (``$WORKBENCH_PROCESSES``); :mod:`workbench.reports.html` exports it with the code
   hidden and nothing fetched from the network. A notebook that fails is recorded
   with its error and the others go on.
5. **index**: ``DIR/index.html`` lists every report, its parameters and timing,
   the corpus summary and fingerprint, and the versions of the main packages.

A grid file renders the same notebooks once per parameter set, each set into its
own subfolder (see :func:`workbench.reports.grid.read_grid`).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.imports import IRI_CHECK, without
from workbench.core.pool import PROCESSES_ENV, REPORT_ENV, budget, processes, spawn_pool
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

if TYPE_CHECKING:
    from workbench.reports.warm import Warmup

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
    single_file: bool = False,
    warm: bool = True,
    on_warm: Callable[[Warmup], None] | None = None,
) -> tuple[Path, list[Outcome]]:
    """Plan, load the corpus, run every job and write the index (arguments as in :func:`plan`).

    With ``single_file``, every report also goes into one file beside the index
    (:func:`workbench.reports.single.write_single_file`), which the index lists.
    ``warm=False`` skips the warm-up; ``on_warm`` is called with the warm-up once it is done.

    Returns:
        The path of ``index.html`` and one :class:`Outcome` per report.

    Raises:
        ParameterError, ValueError, CorpusError: Before anything runs, for bad input.
    """
    from workbench.reports.index import corpus_info, write_index
    from workbench.reports.single import write_single_file
    from workbench.reports.warm import warm as warm_up

    start = time.perf_counter()
    the_plan = plan(corpus, out=out, only=only, params=params, grid=grid, folder=folder)
    # The notebook runners start now: their imports overlap the corpus summary and warm-up.
    with start_pool(workers, len(the_plan.jobs), _folder(the_plan.jobs)) as pool:
        corpora = {
            c: corpus_info(c) for c in dict.fromkeys(j.params["corpus"] for j in the_plan.jobs)
        }
        words = max((c["summary"]["words"] for c in corpora.values()), default=0)
        warmup = warm_up(the_plan, words=words) if warm else None
        if warmup and on_warm:
            on_warm(warmup)
        outcomes = run(the_plan.jobs, workers=workers, echo=echo, pool=pool)
    single = write_single_file(the_plan, outcomes, corpora) if single_file else None
    index = write_index(
        the_plan,
        outcomes,
        corpora,
        seconds=time.perf_counter() - start,
        single=single,
        warmup=warmup.as_dict() if warmup else None,
    )
    return index, outcomes


def run(
    jobs: Sequence[Job],
    *,
    workers: int = 2,
    echo: Callable[[Outcome], None] | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> list[Outcome]:
    """Execute and export every job, ``workers`` at a time; a failure does not stop the rest.

    Args:
        jobs: The jobs.
        workers: Notebooks run at the same time.
        echo: Called with each outcome as it comes.
        pool: A pool from :func:`start_pool` to run them in (default: one started here).

    Returns:
        One :class:`Outcome` per job, in the order of ``jobs``.
    """
    ensure_kernel()
    if not jobs:
        return []
    outcomes: dict[int, Outcome] = {}
    given = contextlib.nullcontext(pool) if pool else None
    with given or start_pool(workers, len(jobs), _folder(jobs)) as pool:
        # A worker starts its next kernel while it exports a notebook, when more are to come.
        last = len(jobs) - processes(workers, len(jobs))
        futures = {pool.submit(execute, job, ahead=i < last): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                outcomes[i] = future.result()
            except Exception as err:  # the worker process itself died
                outcomes[i] = Outcome(jobs[i], False, 0.0, error=_message(err))
            if echo:
                echo(outcomes[i])
    return [outcomes[i] for i in range(len(jobs))]


def start_pool(workers: int, n_jobs: int, cwd: Path | None = None) -> ProcessPoolExecutor:
    """The processes that run the notebooks, started now (``workers``, at most one per core).

    Each worker imports papermill and the HTML exporter as it starts, and gives the
    kernels it starts their share of the cores (``$WORKBENCH_PROCESSES``): one each when
    two kernels run on two cores. With ``cwd`` (the notebooks' folder), each worker also
    starts its first kernel at once (:mod:`workbench.reports.kernels`), so that it boots
    while the corpus is summarised and the caches warmed.
    """
    n = processes(workers, max(1, n_jobs))
    share = max(1, budget() // n)
    ahead = str(cwd) if cwd and n_jobs else ""
    pool = spawn_pool(n, n, initializer=_quiet_worker, initargs=(share, ahead))
    for _ in range(n if n_jobs else 0):
        pool.submit(_ready)
    return pool


def _folder(jobs: Sequence[Job]) -> Path | None:
    """The one folder every job's notebook is in (the kernels' working folder), if one."""
    folders = {job.notebook.parent for job in jobs}
    return folders.pop() if len(folders) == 1 else None


def _ready() -> None:
    """A task that makes the pool start a worker (which runs its initializer)."""


def execute(job: Job, *, ahead: bool = False) -> Outcome:
    """Run one notebook with papermill, keep the executed ``.ipynb``, export the HTML.

    The notebook runs in the kernel this process started ahead for it, if any; with
    ``ahead``, the next notebook's kernel starts as this one begins.
    """
    from workbench.reports import kernels
    from workbench.reports.html import export_html

    start = time.perf_counter()
    job.out_dir.mkdir(parents=True, exist_ok=True)
    ipynb = job.out_dir / f"{job.name}.ipynb"
    partial = job.out_dir / f".{job.name}.{os.getpid()}.partial.ipynb"
    manager = kernels.take_ahead(KERNEL, job.notebook.parent)
    if ahead:  # the next notebook's kernel boots while this one runs and exports
        kernels.start_ahead(KERNEL, job.notebook.parent, _kernel_env())
    try:
        error = _papermill(job, partial, manager)
    finally:
        kernels.shutdown(manager)
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


#: Tries per notebook when its kernel fails to start or dies (two kernels starting at
#: once on a loaded machine occasionally time out); an error in a cell is never retried.
KERNEL_ATTEMPTS = 2


def _kernel_env() -> dict[str, str]:
    """A report kernel's environment: this process's, marked as a report (``in_report``)."""
    return {**os.environ, REPORT_ENV: "1"}


def _papermill(job: Job, output: Path, manager=None) -> str:
    """Execute ``job`` into ``output`` (in ``manager``'s kernel if given); the error or ``""``."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    # The kernel inherits it: no progress bars, figures embedded (workbench.core.pool.in_report).
    previous = os.environ.get(REPORT_ENV)
    os.environ[REPORT_ENV] = "1"
    try:
        for attempt in range(KERNEL_ATTEMPTS):
            # A kernel started ahead serves the first try; a retry starts its own.
            started = {"km": manager} if manager is not None and attempt == 0 else {}
            try:
                papermill.execute_notebook(
                    str(job.notebook),
                    str(output),
                    parameters=job.params,
                    kernel_name=KERNEL,
                    cwd=str(job.notebook.parent),
                    progress_bar=False,
                    log_output=False,
                    # Saving the notebook after every cell (papermill's default) rewrites
                    # and revalidates it, plotly.js included, twice per cell: seconds.
                    request_save_on_cell_execute=False,
                    **started,
                )
                break
            except PapermillExecutionError as err:  # the notebook's own code failed: no retry
                return f"{err.ename}: {err.evalue} (cell {err.exec_count})"
            except Exception as err:  # the kernel did not start or died: once more
                if attempt + 1 == KERNEL_ATTEMPTS:
                    return _message(err)
    finally:
        if previous is None:
            os.environ.pop(REPORT_ENV, None)
        else:
            os.environ[REPORT_ENV] = previous
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


def _quiet_worker(share: int = 0, ahead: str = "") -> None:
    """Worker setup: no progress bars in the notebooks, kernel chatter kept off the terminal.

    ``share``: the processes each kernel this worker starts may use (``$WORKBENCH_PROCESSES``).
    ``ahead``: the notebooks' folder, to start the first kernel in now.
    """
    import atexit
    import logging

    from workbench.reports import kernels

    if share:
        os.environ[PROCESSES_ENV] = str(share)
    os.environ["TQDM_DISABLE"] = "1"
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    logging.getLogger("papermill").setLevel(logging.ERROR)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    if ahead:  # first, so that the kernel boots while this process imports the rest
        kernels.start_ahead(KERNEL, Path(ahead), _kernel_env())
    with without(IRI_CHECK):  # papermill and nbconvert import nbformat: see core.imports
        import nbformat  # noqa: F401
    import papermill  # noqa: F401  (imported now, while the parent warms the caches)
    from nbconvert import HTMLExporter  # noqa: F401

    atexit.register(kernels.close_ahead)


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
    "start_pool",
    "find_notebooks",
    "plan",
    "run",
]
