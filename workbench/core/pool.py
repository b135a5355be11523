"""Local process pools, sized to the machine, and the one progress bar.

CPU work never runs more processes than cores: :func:`cores` counts the cores this
process may use (its CPU affinity, not the machine's total), and :func:`processes`
caps any request at that. :func:`fork_map` maps a function over batches in forked
workers (which inherit the parent's loaded models) or in this process when one core,
one batch or no ``fork`` makes a pool pointless; :func:`spawn_pool` starts fresh
interpreters for work that must not inherit the parent's state (notebook kernels).
On a Dask cluster the layers use :mod:`workbench.core.distributed` instead.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


def processes(requested: int | None, tasks: int) -> int:
    """How many worker processes to start.

    The request (default: all cores), never more than the cores or the tasks, at least one.
    """
    wanted = cores() if requested is None else requested
    return max(1, min(wanted, cores(), tasks))


def can_fork() -> bool:
    """Whether forked workers are available (not on Windows)."""
    return hasattr(os, "fork")


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


def spawn_pool(workers: int, tasks: int, initializer: Callable[[], None] | None = None):
    """A pool of fresh interpreters (``spawn``), at most one per core and per task."""
    return ProcessPoolExecutor(
        max_workers=processes(workers, tasks),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
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


__all__ = ["can_fork", "cores", "fork_map", "processes", "progress", "progress_bar", "spawn_pool"]
