"""A notebook kernel started ahead of its notebook, with the heavy imports already done.

Each notebook of a report starts a kernel (about a second: ipykernel, zmq) and imports
pandas, plotly and the workbench layers in its first cell (one or two seconds more).
Neither depends on the notebook. A report worker therefore starts its next kernel while
it is still busy (the corpus summary and warm-up in the parent, or the notebook
before), and lets it import :data:`PRELOAD` silently; papermill then
runs the notebook in that kernel (``km=``), which the worker shuts down afterwards.

Preloading only imports modules, which every notebook would import anyway: nothing it
does reaches the notebook (a silent request stores no history and counts no execution),
and a kernel that failed to start or preload is shut down and replaced by a fresh one.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: What a preloaded kernel imports before its notebook starts: what every report's first
#: cell imports (``setup()`` itself stays in the notebook, where it chooses the renderer).
PRELOAD = "\n".join(
    [
        "import pandas, plotly.graph_objects, plotly.io",
        "import workbench.notebook, workbench.corpus, workbench.actors, workbench.timeline",
        "import workbench.plots",
    ]
)

#: Seconds to wait for a kernel to start and finish preloading before starting afresh.
READY_TIMEOUT = 60


@dataclass
class Ahead:
    """A kernel being started, in a thread, for the next notebook run from ``cwd``."""

    kernel_name: str
    cwd: Path
    env: dict[str, str]
    manager: Any = None
    error: str = ""
    _thread: threading.Thread = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._thread = threading.Thread(target=self._start, daemon=True)
        self._thread.start()

    def _start(self) -> None:
        from jupyter_client.manager import KernelManager

        try:
            self.manager = KernelManager(kernel_name=self.kernel_name)
            self.manager.start_kernel(cwd=str(self.cwd), env=self.env)
            client = self.manager.client()
            client.start_channels()
            try:
                client.wait_for_ready(timeout=READY_TIMEOUT)
                msg_id = client.execute(PRELOAD, silent=True, store_history=False)
                while True:  # the reply comes once every import is done
                    reply = client.get_shell_msg(timeout=READY_TIMEOUT)
                    if reply["parent_header"].get("msg_id") == msg_id:
                        break
            finally:
                client.stop_channels()
        except Exception as err:  # noqa: BLE001  (a fresh kernel is started instead)
            self.error = f"{type(err).__name__}: {err}"

    def take(self, kernel_name: str, cwd: Path) -> Any | None:
        """The started kernel's manager if it suits the notebook, else ``None`` (shut down)."""
        self._thread.join(READY_TIMEOUT + 5)
        ok = (
            not self.error
            and not self._thread.is_alive()
            and self.manager is not None
            and self.manager.is_alive()
            and kernel_name == self.kernel_name
            and Path(cwd) == self.cwd
        )
        if ok:
            return self.manager
        self.close()
        return None

    def close(self) -> None:
        """Shut the kernel down once it has started (if it did)."""
        self._thread.join(READY_TIMEOUT + 5)
        shutdown(self.manager)
        self.manager = None


def shutdown(manager: Any | None) -> None:
    """Stop a kernel at once; a kernel already gone is fine."""
    if manager is None:
        return
    try:
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001, S110  (it is going away either way)
        pass


_ahead: Ahead | None = None
_lock = threading.Lock()


def start_ahead(kernel_name: str, cwd: Path, env: dict[str, str] | None = None) -> None:
    """Start this process's next kernel now (one at a time; an earlier one is closed)."""
    global _ahead
    with _lock:
        if _ahead is not None:
            _ahead.close()
        _ahead = Ahead(kernel_name, Path(cwd), dict(os.environ if env is None else env))


def take_ahead(kernel_name: str, cwd: Path) -> Any | None:
    """The kernel started ahead for a notebook run from ``cwd``, or ``None`` (start one)."""
    global _ahead
    with _lock:
        ahead, _ahead = _ahead, None
    return ahead.take(kernel_name, Path(cwd)) if ahead else None


def close_ahead() -> None:
    """Shut down a kernel started ahead and never used (at the end of a worker)."""
    global _ahead
    with _lock:
        ahead, _ahead = _ahead, None
    if ahead:
        ahead.close()
