"""The ``workbench`` command.

``ingest`` and ``report`` (:mod:`~workbench.cli.app`), the
layer commands ``actors``, ``topics`` and ``timeline`` (:mod:`~workbench.cli.layers`), and
the arguments they share (:mod:`~workbench.cli.common`).
"""

from workbench.cli.app import main

__all__ = ["main"]
