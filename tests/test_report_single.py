from __future__ import annotations

import re

import pytest
from test_report_html import executed_notebook

from workbench.reports.html import END, START, export_html
from workbench.reports.pack import PLOTLY_ID, expand
from workbench.reports.plan import Job, Outcome, Plan
from workbench.reports.single import SINGLE_FILE, combine, write_single_file

BUNDLE = "/**\n* plotly.js v9.9.9\n*/\nwindow.Plotly = {newPlot: function () {}};"


def figure(name: str) -> str:
    return (
        f'<div class="plotly-graph-div" id="{name}"></div><script>window.PLOTLYENV={{}}; '
        f'Plotly.newPlot("{name}", [], {{}});</script>'
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Two exported reports, each with plotly.js and a figure, as ``workbench report`` makes."""
    folder = tmp_path_factory.mktemp("single")
    out = []
    for name, title, fig in [("01-a", "First <one>", "fa"), ("02-b", "Second", "fb")]:
        nb = executed_notebook(
            folder / f"{name}.ipynb", f"<script>{BUNDLE}</script>", figure(fig), title=title
        )
        export_html(nb, folder / f"{name}.html", footer={"notebook": name, "rendered": "today"})
        out.append((name, folder / f"{name}.html"))
    return out


def test_combine_puts_each_report_in_a_tab_with_plotly_once(pages):
    page = combine(pages, title="Reports: <data>")
    assert page.count(f'id="{PLOTLY_ID}"') == 1 and page.count("wbReport.loadPlotly()") == 1
    blob = re.search(rf'id="{PLOTLY_ID}"[^>]*>([^<]*)</script>', page).group(1)
    assert expand(blob) == BUNDLE and "plotly.js v9" not in page
    assert page.count('<script data-wb="report">') == 1
    assert "<title>Reports: &lt;data&gt;</title>" in page
    tabs = re.findall(
        r'<button type="button" role="tab" id="tab-([\w-]+)"[^>]*>(.*?)</button>', page
    )
    assert tabs == [("report-01-a", "First &lt;one&gt;"), ("report-02-b", "Second")]
    panels = re.findall(r'<section class="wb-report" id="([\w-]+)" role="tabpanel"', page)
    assert panels == ["report-01-a", "report-02-b"]
    first, second = page.split('<section class="wb-report"')[1:]
    assert 'newPlot("fa"' in first and 'newPlot("fb"' in second
    assert page.count("<script>wbReport.defer(function") == 2
    assert START not in page and END not in page
    assert page.index(f'id="{PLOTLY_ID}"') < page.index("<section")


def test_combine_names_the_set_of_a_grid(pages):
    page = combine(
        [(f"one/{pages[0][0]}", pages[0][1]), (f"two/{pages[0][0]}", pages[0][1])], title="t"
    )
    tabs = re.findall(r'role="tab" id="tab-([\w-]+)"[^>]*>(.*?)</button>', page)
    assert tabs == [
        ("report-one-01-a", "one: First &lt;one&gt;"),
        ("report-two-01-a", "two: First &lt;one&gt;"),
    ]


def test_combine_refuses_a_page_it_did_not_export(tmp_path, pages):
    other = tmp_path / "other.html"
    other.write_text("<html><head></head><body>hand-made</body></html>")
    with pytest.raises(ValueError, match="other.html was not exported by workbench report"):
        combine([pages[0], ("other", other)], title="t")


def test_write_single_file_leaves_out_failed_reports(tmp_path, pages):
    def outcome(name, ok, html):
        job = Job(tmp_path / f"{name}.ipynb", {}, tmp_path)
        return Outcome(job, ok, 1.0, html=html, error="" if ok else "boom")

    plan = Plan([], tmp_path, {})
    corpora = {"data/sample": {"corpus": "data/sample"}}
    copies = [tmp_path / path.name for _, path in pages]
    for copy, (_, path) in zip(copies, pages, strict=True):
        copy.write_text(path.read_text())
    done = write_single_file(
        plan, [outcome("01-a", True, copies[0]), outcome("02-b", False, None)], corpora
    )
    assert done == tmp_path / SINGLE_FILE
    page = done.read_text()
    assert "report-01-a" in page and "report-02-b" not in page
    assert "<title>Reports: data/sample</title>" in page
    assert write_single_file(plan, [outcome("02-b", False, None)], corpora) is None
