"""The notebooks in notebooks/: committed clean, thin, and with a self-documenting parameters cell."""

from __future__ import annotations

import json

import pytest

from workbench import config
from workbench.reports.params import parameters_cells, read_parameters
from workbench.reports.run import find_notebooks

NOTEBOOKS = find_notebooks()


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "01-corpus-overview.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_with_outputs_and_counts_cleared(path):
    dirty = [
        i
        for i, c in enumerate(_load(path)["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert not dirty, (
        f"{path.name}: cells {dirty} have outputs or execution counts; clear them "
        "(JupyterLab: Edit > Clear Outputs of All Cells) before committing"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_parameters_cell_typed_and_commented(path):
    nb = _load(path)
    assert len(parameters_cells(nb)) == 1
    params = read_parameters(path)  # raises on an untyped or non-literal line
    uncommented = [p.name for p in params.values() if not p.help]
    assert not uncommented, f"{path.name}: parameters without a comment: {uncommented}"
    assert params["corpus"].annotation == "str"
    assert params["corpus"].default == "data/sample"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_thin_notebook_with_title_and_purpose(path):
    nb = _load(path)
    first = _source(nb["cells"][0])
    assert nb["cells"][0]["cell_type"] == "markdown" and first.startswith("# ")
    assert len(first.split("\n\n", 1)[-1]) > 80, "a purpose paragraph under the title"
    assert nb["metadata"]["kernelspec"]["name"] == "workbench"
    code = "\n".join(_source(c) for c in nb["cells"] if c["cell_type"] == "code")
    assert "../data" not in code and "setup()" in code
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and "parameters" not in cell["metadata"].get("tags", []):
            assert len(_source(cell).splitlines()) <= 12, "long code belongs in workbench/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_file_names_are_numbered(path):
    assert path.parent == config.notebooks_dir()
    assert path.stem[:2].isdigit() and path.stem[2] == "-"
