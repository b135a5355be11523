from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from workbench import config, notebook
from workbench.reports.html import (
    END,
    START,
    drop_ui_icons,
    export_html,
    prune,
    remote_references,
    scrub_paths,
    strip_remote,
)


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


def test_drop_ui_icons_leaves_out_only_jupyterlab_icons():
    css = (
        ":root { --jp-icon-add: url(data:image/svg+xml;base64,PHN2Zz4=); --jp-ui-font-size1: 13px;"
        " --jp-icon-bug: url('data:image/svg+xml;base64,QUJD'); --jp-icon-contrast-color0: red; }"
    )
    assert drop_ui_icons(css) == (
        ":root {  --jp-ui-font-size1: 13px;  --jp-icon-contrast-color0: red; }"
    )


def executed_notebook(path, *html: str, title: str = "First"):
    """A notebook as papermill leaves it: a title, and one cell showing ``html``."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": h}) for h in html]
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nWhat it is for."), cell]
    nbformat.write(nb, path)
    return path


def test_export_keeps_table_text_escaped_and_adds_the_page_script(tmp_path):
    df = pd.DataFrame(
        {
            "title": ["<script>window.__xss = 1</script>", "<img src=x onerror=alert(1)>"],
            "n": [2, 1],
        }
    )
    nb = executed_notebook(tmp_path / "t.ipynb", notebook.table(df).data)
    size = export_html(nb, tmp_path / "t.html", footer={"notebook": "t", "rendered": "today"})
    page = (tmp_path / "t.html").read_text()
    assert size == len(page.encode())
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert (
        re.search(r"<table class=.wb-table.>", page)
        and page.count('<script data-wb="report">') == 1
    )
    assert page.index(START) < page.index("<table") < page.index("today") < page.index(END)
    assert "--jp-icon-add:" not in page and remote_references(page) == []
