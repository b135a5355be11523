"""Local process pools, sized to the machine, and the one progress bar.

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


def progress(
    items: Iterable[Any], show: bool, desc: str, unit: str, total: int | None = None
) -> Iterable[Any]:
    """``items`` wrapped in a tqdm bar (terminal or notebook) when ``show``."""
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit=f" {unit}", mininterval=1.0, total=total)


def progress_bar(total: int, desc: str, unit: str):
    """A tqdm bar to advance by hand (``bar.update(n)``), terminal or notebook."""
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=f" {unit}", mininterval=1.0)


__all__ = [
    "PROCESSES_ENV",
    "budget",
    "can_fork",
    "cores",
    "fork_is_safe",
    "fork_map",
    "processes",
    "progress",
    "progress_bar",
    "spawn_pool",
]
