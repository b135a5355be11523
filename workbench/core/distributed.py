"""Running the per-document steps on a Dask cluster.

The expensive steps that treat each article on its own (normalising, entity
recognition, sentence embeddings) are pure functions of a batch of articles.
On one machine they run in this process (or two local processes); when a Dask
cluster is switched on they are mapped over partitions on its workers, and the
results come back in input order, so every table is the same either way. The
topic model itself fits on the driver, from the gathered embeddings.

Switch a cluster on for a whole session:

* ``workbench.core.distributed.use(scheduler="tcp://10.0.0.5:8786")``: an existing cluster;
* ``workbench.core.distributed.use(workers=4)``: a local cluster of 4 worker processes;
* the environment variable ``WORKBENCH_SCHEDULER`` (an address, or ``local:N``), which
  also reaches notebooks rendered by papermill;
* ``--scheduler ADDRESS`` or ``--workers N`` on any ``workbench`` command.

Workers need the workbench installed (the same environment as the driver).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from typing import Any

from workbench.core.errors import InputError

_client = None
_cluster = None


def use(scheduler: str | None = None, workers: int | None = None):
    """Connect to ``scheduler``, or start a local cluster of ``workers`` processes.

    Returns:
        The ``distributed.Client``; later calls to the per-document steps use it.

    Raises:
        InputError: Neither or both of ``scheduler`` and ``workers`` were given, or
            ``workers`` is below 1.
    """
    global _client, _cluster
    if (scheduler is None) == (workers is None):
        raise InputError("give either scheduler=ADDRESS or workers=N (not both)")
    if workers is not None and workers < 1:
        raise InputError(f"workers={workers}: give at least 1")
    close()
    from distributed import Client, LocalCluster

    if workers is not None:
        _cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        _client = Client(_cluster)
    else:
        _client = Client(scheduler)
    return _client


def close() -> None:
    """Disconnect from the cluster (and stop it if the workbench started it)."""
    global _client, _cluster
    if _client is not None:
        _client.close()
    if _cluster is not None:
        _cluster.close()
    _client = _cluster = None


@contextmanager
def cluster(scheduler: str | None = None, workers: int | None = None):
    """Run the per-document steps of a ``with`` block on Dask; arguments as for :func:`use`."""
    client = use(scheduler, workers)
    try:
        yield client
    finally:
        close()


def current_client():
    """The active client: one set by :func:`use`, else one named by ``WORKBENCH_SCHEDULER``."""
    if _client is None:
        spec = os.environ.get("WORKBENCH_SCHEDULER", "").strip()
        if spec:
            kind, _, n = spec.partition(":")
            use(workers=int(n or 2)) if kind == "local" else use(scheduler=spec)
    return _client


def map_batches(
    func: Callable[..., Any], batches: Sequence[Any], *args: Any, progress: Callable | None = None
) -> Iterable[Any]:
    """Apply ``func`` to every batch, in order: on the cluster when one is active.

    Args:
        func: A module-level (picklable) pure function.
        batches: The partitions.
        *args: Passed to every call (sent to the cluster once).
        progress: Wraps the result iterator (a progress bar), given the total.

    Returns:
        The results in the order of ``batches``.
    """
    client = current_client()
    if client is None:
        results = (func(b, *args) for b in batches)
    else:
        shared = [client.scatter(a, broadcast=True) if _heavy(a) else a for a in args]
        parts = client.scatter(list(batches))  # data travels once, outside the task graph
        futures = client.map(func, parts, *[[s] * len(batches) for s in shared], pure=False)
        results = (f.result() for f in futures)
    return progress(results, len(batches)) if progress else results


def _heavy(value: Any) -> bool:
    return not isinstance(value, str | int | float | bool | type(None))
