from __future__ import annotations

import nbformat
import pytest

from workbench import config
from workbench.reports.html import prune, remote_references, scrub_paths, strip_remote


@pytest.mark.parametrize(
    ("page", "remote"),
    [
        ('<script src="https://cdn.example/require.js"></script>', True),
        ("<script src='//cdn.example/x.js'></script>", True),
        ('<link rel="stylesheet" href="http://fonts.example/css">', True),
        ('<img src="https://example.org/pic.png">', True),
        ('<style>@import url("https://fonts.example/f.css");</style>', True),
        ('<div style="background: url(https://example.org/a.png)"></div>', True),
        ('<a href="https://example.org/story">a link is not a fetch</a>', False),
        ('<script>var u = "https://cdn.example/not-fetched";</script>', False),
        ('<img src="data:image/png;base64,AAAA">', False),
        ('<a href="01-corpus-overview.html">report</a>', False),
    ],
)
def test_remote_references(page, remote):
    assert bool(remote_references(page)) is remote


def test_strip_remote_removes_cdn_scripts_links_and_imports():
    page = (
        '<head><script src="https://cdn.example/require.js"></script>'
        '<link rel="stylesheet" href="https://fonts.example/css">'
        '<style>@import url("https://fonts.example/f.css"); body {color: red}</style>'
        "<script>var inline = 1;</script></head>"
    )
    out = strip_remote(page)
    assert remote_references(out) == []
    assert "var inline = 1" in out and "body {color: red}" in out


def test_scrub_paths_leaves_no_absolute_path():
    root = str(config.project_root())
    text = f"{root}/workbench/corpus.py:12: warning; cwd {root}"
    out = scrub_paths(text)
    assert root not in out
    assert out == "workbench/corpus.py:12: warning; cwd ."


def test_prune_hides_parameters_stderr_and_widgets():
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("x: int = 1  # x", metadata={"tags": ["parameters"]})
    injected = nbformat.v4.new_code_cell("x = 2", metadata={"tags": ["injected-parameters"]})
    body = nbformat.v4.new_code_cell("print(x)")
    body.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="2"),
        nbformat.v4.new_output("stream", name="stderr", text="/abs/path.py:1: Warning"),
        nbformat.v4.new_output(
            "display_data", data={"application/vnd.jupyter.widget-view+json": {}}
        ),
    ]
    nb.cells = [params, injected, body]
    nb.metadata["widgets"] = {"state": {}}
    prune(nb)
    assert len(nb.cells) == 1
    assert [o.get("name") for o in nb.cells[0].outputs] == ["stdout"]
    assert "widgets" not in nb.metadata
