"""Local process pools, sized to the machine, and the one progress bar per step.

CPU work never runs more processes than cores: :func:`cores` counts the cores this
process may use (its CPU affinity, not the machine's total), :func:`budget` lowers
that to ``$WORKBENCH_PROCESSES`` when it is set (``workbench report`` sets it for the
notebook kernels it runs side by side, so that two kernels share the cores rather than
each taking all of them), and :func:`processes` caps any request at the budget.
:func:`fork_map` maps a function over batches in forked workers (which inherit the
parent's loaded models) or in this process when one core, one batch or no ``fork``
makes a pool pointless; :func:`spawn_pool` starts fresh interpreters for work that
must not inherit the parent's state (notebook kernels). On a Dask cluster the layers
use :mod:`workbench.core.distributed` instead.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import warnings
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from workbench.core.errors import InputError

#: The environment variable that caps the worker processes of this process (and of the
#: processes it starts, which inherit it).
PROCESSES_ENV = "WORKBENCH_PROCESSES"


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


def budget() -> int:
    """The processes this process may keep busy: its cores, or ``$WORKBENCH_PROCESSES`` if fewer.

    Raises:
        InputError: ``$WORKBENCH_PROCESSES`` is set but is not a whole number of 1 or more.
    """
    value = os.environ.get(PROCESSES_ENV, "").strip()
    if not value:
        return cores()
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit < 1:
        raise InputError(
            f"{PROCESSES_ENV}={value!r}: give a whole number of processes, 1 or more "
            "(or unset it to use every core)"
        )
    return min(limit, cores())


def processes(requested: int | None, tasks: int) -> int:
    """How many worker processes to start.

    The request (default: the :func:`budget`), never more than the budget or the tasks,
    at least one.
    """
    allowed = budget()
    wanted = allowed if requested is None else requested
    return max(1, min(wanted, allowed, tasks))


def can_fork() -> bool:
    """Whether forked workers are available (not on Windows)."""
    return hasattr(os, "fork")


#: The OpenMP runtimes (GNU, LLVM, Intel) whose state does not survive a fork.
_OPENMP = re.compile(r"/lib(?:g|i|)omp[\w.-]*\.so")


def fork_is_safe() -> bool:
    """Whether a forked child of this process can run anything: no OpenMP runtime is loaded.

    A child forked from a process that has used GNU OpenMP (UMAP, HDBSCAN, scikit-learn
    and torch may) aborts when it uses OpenMP itself; a process that never loaded a
    runtime (the ``workbench`` command before it fits anything) forks safely. Answers
    False where it cannot tell (no ``/proc``).
    """
    if not can_fork():
        return False
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return not any(_OPENMP.search(line) for line in maps)
    except OSError:
        return False


def fork_map(
    fn: Callable[..., Any],
    batches: Sequence[Any],
    *args: Any,
    workers: int | None = None,
    ordered: bool = True,
) -> Iterator[Any]:
    """``fn(batch, *args)`` for every batch, over forked workers when that helps.

    Args:
        fn: A module-level function (it is called in the workers).
        batches: The inputs, one call each.
        *args: The same extra arguments for every call.
        workers: Processes to use (default: every core); capped by :func:`processes`.
        ordered: Yield results in input order; ``False`` yields each as it finishes.

    Yields:
        The results, one per batch.
    """
    n = processes(workers, len(batches))
    if n < 2 or not can_fork():
        for batch in batches:
            yield fn(batch, *args)
        return
    context = multiprocessing.get_context("fork")
    if ordered:
        with ProcessPoolExecutor(n, mp_context=context) as pool:
            yield from pool.map(fn, batches, *([a] * len(batches) for a in args))
        return
    with context.Pool(n) as pool:
        yield from pool.imap_unordered(_Call(fn, args), batches)


#: Chunks per worker that :func:`chunked` aims at: a worker that finishes early takes
#: one of those left, so no worker idles while another works through a large last chunk.
CHUNKS_PER_WORKER = 4


def chunked(items: Sequence[Any], size: int, workers: int = 1) -> list[Sequence[Any]]:
    """``items`` cut into consecutive chunks of at most ``size``.

    Args:
        items: What the workers share out.
        size: The largest chunk (a unit of progress, of memory, of work lost to an
            interruption).
        workers: The processes that will share the chunks; from two on, the chunks are
            made smaller where that gives each worker :data:`CHUNKS_PER_WORKER` of them.

    Returns:
        The chunks, in order; together they are ``items``.

    Example:
        >>> [len(c) for c in chunked(range(300), 100)]
        [100, 100, 100]
        >>> [len(c) for c in chunked(range(300), 100, workers=2)]
        [38, 38, 38, 38, 38, 38, 38, 34]
    """
    if workers > 1:
        size = min(size, -(-len(items) // (workers * CHUNKS_PER_WORKER)))
    size = max(1, size)
    return [items[i : i + size] for i in range(0, len(items), size)]


class _Call:
    """A picklable ``lambda batch: fn(batch, *args)``."""

    def __init__(self, fn: Callable[..., Any], args: tuple) -> None:
        self.fn, self.args = fn, args

    def __call__(self, batch: Any) -> Any:
        return self.fn(batch, *self.args)


def spawn_pool(
    workers: int,
    tasks: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
):
    """A pool of fresh interpreters (``spawn``), at most one per core and per task.

    ``initializer(*initargs)`` runs first in each of them.
    """
    return ProcessPoolExecutor(
        max_workers=processes(workers, tasks),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
        initargs=initargs,
    )


#: Set to ``0`` or ``1`` to turn progress bars off or on wherever they would be decided
#: automatically (``progress=None``).
PROGRESS_ENV = "WORKBENCH_PROGRESS"
#: Set (to ``1``) by ``workbench report`` for the notebook kernels it runs: their output is
#: a report, so no progress bars, and figures are embedded for offline reading.
REPORT_ENV = "WORKBENCH_REPORT"
#: Programs that run a notebook into a file rather than for a person watching it.
_BATCH_RUNNERS = ("papermill", "nbconvert", "nbclient", "jupyter-execute")


def in_report() -> bool:
    """Whether this process renders a notebook into a file rather than for a person.

    True in the kernels of ``workbench report`` (``$WORKBENCH_REPORT``), and in a kernel
    whose parent process is papermill or ``jupyter nbconvert --execute`` (read from
    ``/proc``, where there is one).
    """
    if os.environ.get(REPORT_ENV, "").strip() not in ("", "0"):
        return True
    if "ipykernel" not in sys.modules:
        return False
    return any(name in _parent_command() for name in _BATCH_RUNNERS)


def _parent_command() -> str:
    """The command line of the parent process, or ``""`` where the OS does not say."""
    try:
        with open(f"/proc/{os.getppid()}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace").lower()
    except OSError:
        return ""


def in_notebook() -> bool:
    """Whether this code runs in a Jupyter kernel (JupyterLab, Notebook, VS Code, papermill)."""
    shell = sys.modules.get("IPython")
    if shell is None or "ipykernel" not in sys.modules:
        return False
    ip = shell.get_ipython()
    return ip is not None and getattr(ip, "kernel", None) is not None


def show_progress(progress: bool | None) -> bool:
    """Whether to show progress bars: ``progress``, or when None, decided by where we run.

    None (the default of every public ``progress`` parameter) shows them unless
    ``$WORKBENCH_PROGRESS`` is ``0`` or ``$TQDM_DISABLE`` is set; in a report (papermill,
    ``workbench report``: :func:`in_report`); and where no one watches (neither a notebook
    kernel nor a terminal on stderr).
    """
    if progress is not None:
        return bool(progress)
    forced = os.environ.get(PROGRESS_ENV, "").strip().lower()
    if forced in ("0", "1", "false", "true", "no", "yes", "off", "on"):
        return forced in ("1", "true", "yes", "on")
    if os.environ.get("TQDM_DISABLE", "").strip() not in ("", "0") or in_report():
        return False
    return in_notebook() or _terminal()


def _terminal() -> bool:
    """Whether stderr, where bars are drawn, is a terminal."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return False


#: The bars open now: a bar opened while another is open is nested, and leaves no trace.
_OPEN: weakref.WeakSet = weakref.WeakSet()


def progress_bar(total: int | None, desc: str, unit: str, *, show: bool | None = True):
    """One tqdm bar (a widget in JupyterLab, text in a terminal), advanced with ``bar.update(n)``.

    It shows the rate and an estimate of the time left. A bar opened while another is open
    (an inner step) disappears when it closes (``leave=False``), so nested steps never stack
    bars. With ``show`` false (or None decided false, see :func:`show_progress`) the bar is
    a silent stand-in with the same methods.
    """
    tqdm = _tqdm()
    if not show_progress(show):
        return tqdm(total=total, disable=True)
    nested = any(not bar.disable for bar in list(_OPEN))
    bar = tqdm(
        total=total,
        desc=desc,
        unit=f" {unit}",
        mininterval=1.0,
        leave=not nested,
        dynamic_ncols=True,
    )
    _OPEN.add(bar)
    return bar


def progress(
    items: Iterable[Any],
    show: bool | None,
    desc: str,
    unit: str,
    total: int | None = None,
) -> Iterable[Any]:
    """``items`` iterated behind one :func:`progress_bar` when ``show`` (None: automatic)."""
    if not show_progress(show):
        return items
    if total is None:
        total = len(items) if hasattr(items, "__len__") else None
    return _advancing(items, progress_bar(total, desc, unit))


def _tqdm():
    """The bar class: a tqdm widget in a notebook kernel, text elsewhere.

    Without ipywidgets a notebook gets text bars, without tqdm's warning about it (the
    project's environment installs ipywidgets).
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="IProgress not found")
        from tqdm.auto import tqdm
    return tqdm


class Steps:
    """One bar over the named steps of a long computation (see :func:`steps`)."""

    def __init__(self, bar) -> None:
        self.bar, self.current = bar, None

    def __call__(self, name: str) -> None:
        """Start the step ``name`` (the one before it is done)."""
        self.bar.set_postfix_str(name, refresh=False)
        if self.current is not None:
            self.bar.update(1)
        self.current = name
        self.bar.refresh()

    def __enter__(self) -> Steps:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None and self.current is not None:
            self.bar.update(1)
        self.bar.close()


def steps(total: int, desc: str, *, show: bool | None = None) -> Steps:
    """A bar over ``total`` named steps, for work that cannot count its items (a model fit).

    Example:
        >>> with steps(2, "topics", show=False) as step:
        ...     step("embeddings")
        ...     step("clustering")
    """
    return Steps(progress_bar(total, desc, "step", show=show))


def _advancing(items: Iterable[Any], bar) -> Iterator[Any]:
    try:
        for item in items:
            yield item
            bar.update(1)
    finally:
        bar.close()


__all__ = [
    "PROCESSES_ENV",
    "PROGRESS_ENV",
    "REPORT_ENV",
    "budget",
    "can_fork",
    "cores",
    "fork_is_safe",
    "fork_map",
    "in_notebook",
    "in_report",
    "processes",
    "progress",
    "progress_bar",
    "show_progress",
    "spawn_pool",
    "steps",
    "Steps",
]
