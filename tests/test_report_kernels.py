"""Kernels started ahead of their notebooks (workbench.reports.kernels)."""

from __future__ import annotations

import nbformat
import pytest

from tests.test_reports import _write_notebook
from workbench.reports import kernels
from workbench.reports.plan import KERNEL
from workbench.reports.run import render


def test_a_kernel_that_cannot_start_is_not_offered(tmp_path):
    kernels.start_ahead("no-such-kernel", tmp_path)
    assert kernels.take_ahead("no-such-kernel", tmp_path) is None
    assert kernels.take_ahead(KERNEL, tmp_path) is None  # nothing is left waiting


@pytest.mark.slow
def test_a_kernel_for_another_folder_is_shut_down_not_used(tmp_path):
    kernels.start_ahead(KERNEL, tmp_path)
    ahead = kernels._ahead
    assert kernels.take_ahead(KERNEL, tmp_path / "elsewhere") is None
    assert ahead.manager is None or not ahead.manager.is_alive()


@pytest.mark.slow
def test_every_notebook_runs_in_a_kernel_started_and_preloaded_ahead(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("01-a", "02-b", "03-c"):
        _write_notebook(
            folder / f"{name}.ipynb",
            'corpus: str = "data/sample"  # the corpus',
            "import os, sys\n"
            "print('preloaded:', 'workbench.actors' in sys.modules, 'cwd:', os.getcwd())",
        )
    # One worker: its first kernel starts with it, each next one while a notebook exports.
    _, outcomes = render(out=tmp_path / "out", folder=folder, workers=1, warm=False)
    assert [o.ok for o in outcomes] == [True, True, True], [o.error for o in outcomes]
    for o in outcomes:
        nb = nbformat.read(o.ipynb, as_version=4)
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        # The preload left no trace: the notebook's own cells count from 1.
        assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
        printed = "".join(out.get("text", "") for out in code[-1]["outputs"])
        assert printed == f"preloaded: True cwd: {folder}\n"
