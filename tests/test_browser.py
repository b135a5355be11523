"""End to end: render the reports, open each in headless Chromium with the network blocked.

Every plotly figure must have drawn (plotly.js is unpacked in the page), tables must
sort and filter, the single file must show each report in its tab with its figures
sized to it, the console must stay free of errors, and no request may leave the file
itself. Uses Debian's ``chromium`` (``.ci/run`` installs it) driven by Playwright;
never ``playwright install``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reports import hostile_corpus

from workbench import config
from workbench.reports.run import MAX_HTML_BYTES, render
from workbench.reports.single import SINGLE_FILE

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DRAWN = """() => {
  const plots = document.querySelectorAll('.plotly-graph-div');
  return plots.length > 0 && [...plots].every(p => p.querySelector('.main-svg'));
}"""
#: Each table of the page: its column heads, and the cell texts of its shown rows.
TABLES = """() => [...document.querySelectorAll('table.wb-table')].map(t => ({
  heads: [...t.tHead.rows[0].cells].map(c => c.textContent.trim()),
  numeric: [...t.tHead.rows[0].cells].map(c => c.classList.contains('wb-num')),
  rows: [...t.tBodies[0].rows].filter(r => !r.hidden).map(r => [...r.cells].map(c => c.textContent))
}))"""
#: Each figure of the visible panel: its width and the width its svg was drawn at.
PANEL_PLOTS = """() => [...document.querySelectorAll('section.wb-report:not([hidden]) .js-plotly-plot')]
  .map(p => [p.clientWidth, Number(p.querySelector('.main-svg').getAttribute('width'))])"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium (apt-get install chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def sample_reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample-reports")
    index, outcomes = render(config.sample_corpus(), out=out, single_file=True)
    assert [(o.job.name, o.error) for o in outcomes if not o.ok] == []
    return index, outcomes


class Visit:
    """One page opened offline: what it logged, asked for and ran."""

    def __init__(self, browser, path: Path, *, plots: bool, act=None, init: str = "") -> None:
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.route("**/*", self._route)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        if init:
            page.add_init_script(init)
        page.goto(self.url, wait_until="load")
        if plots:
            page.wait_for_function(DRAWN, timeout=20_000)
        self.n_plots = page.locator(".plotly-graph-div").count()
        self.n_drawn = page.locator(".plotly-graph-div.js-plotly-plot:has(.main-svg)").count()
        self.acted = act(page) if act else None
        self.xss = page.evaluate("() => window.__xss")
        page.close()

    def _route(self, route) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


def test_every_report_draws_offline_without_errors(browser, sample_reports):
    _, outcomes = sample_reports
    for o in outcomes:
        assert o.html.stat().st_size < MAX_HTML_BYTES, f"{o.html.name}: over the size budget"
        figures = o.html.read_text().count('class="plotly-graph-div"')
        visit = Visit(browser, o.html, plots=True)
        assert visit.n_plots == figures > 0, f"{o.html.name}: no figure"
        assert visit.n_drawn == figures, f"{o.html.name}: a figure did not draw"
        assert visit.errors == [], f"{o.html.name}: console errors"
        assert visit.blocked == [], f"{o.html.name}: requests beyond the file"


def _sort_and_filter(page) -> list:
    """Sort each report's first table by its first numeric column, both ways, then filter it."""
    table = page.locator("table.wb-table").first
    before = page.evaluate(TABLES)[0]
    column = before["numeric"].index(True)
    head = table.locator("thead th").nth(column)
    head.click()
    ascending = [r[column] for r in page.evaluate(TABLES)[0]["rows"]]
    head.click()
    descending = [r[column] for r in page.evaluate(TABLES)[0]["rows"]]
    word = next(cell.strip() for cell in before["rows"][-1] if cell.strip())
    page.locator(".wb-filter input").first.fill(word)
    kept = page.evaluate(TABLES)[0]["rows"]
    count = page.locator(".wb-count").first.inner_text()
    return [before, ascending, descending, word, kept, count]


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("%", ""))


def test_tables_sort_on_a_click_and_filter_as_you_type(browser, sample_reports):
    _, outcomes = sample_reports
    for o in outcomes:
        visit = Visit(browser, o.html, plots=False, act=_sort_and_filter)
        before, ascending, descending, word, kept, count = visit.acted
        values = [_number(v) for v in ascending]
        assert values == sorted(values) and len(values) == len(before["rows"]), o.html.name
        assert [_number(v) for v in descending] == sorted(values, reverse=True), o.html.name
        assert 0 < len(kept) <= len(before["rows"]), o.html.name
        assert all(word.lower() in " ".join(r).lower() for r in kept), o.html.name
        assert count == f"{len(kept)} of {len(before['rows'])} rows"
        assert visit.errors == [] and visit.blocked == [], o.html.name


def _every_tab(page) -> list:
    """Show each tab in turn: which panels are shown, and the widths of their figures."""
    seen = []
    for tab in page.locator(".wb-tabs [role=tab]").all():
        tab.click()
        page.wait_for_timeout(300)  # plotly resizes on the next frame
        shown = page.locator("section.wb-report:not([hidden])").evaluate_all(
            "els => els.map(e => e.id)"
        )
        seen.append((tab.get_attribute("aria-controls"), shown, page.evaluate(PANEL_PLOTS)))
    return seen


def test_single_file_shows_every_report_in_its_tab(browser, sample_reports):
    index, outcomes = sample_reports
    single = index.parent / SINGLE_FILE
    assert f"href='{SINGLE_FILE}'" in index.read_text()
    figures = sum(o.html.read_text().count('class="plotly-graph-div"') for o in outcomes)
    text = single.read_text()
    assert text.count('id="wb-plotly"') == 1 and text.count('<section class="wb-report"') == 4
    visit = Visit(browser, single, plots=True, act=_every_tab)
    assert visit.n_plots == visit.n_drawn == figures
    assert [panel for panel, _, _ in visit.acted] == [f"report-{o.job.name}" for o in outcomes]
    for panel, shown, plots in visit.acted:
        assert shown == [panel]
        assert plots and all(abs(width - drawn) <= 2 and width > 600 for width, drawn in plots), (
            panel,
            plots,
        )
    assert visit.errors == [] and visit.blocked == []


def test_a_browser_without_decompression_says_why_figures_are_missing(browser, sample_reports):
    _, outcomes = sample_reports
    visit = Visit(
        browser,
        outcomes[0].html,
        plots=False,
        init="delete window.DecompressionStream",
        act=lambda page: page.locator(".wb-notice").all_inner_texts(),
    )
    assert visit.n_drawn == 0
    assert "no DecompressionStream" in visit.acted[0]
    assert len(visit.acted) == 1 + visit.n_plots  # the page's note, and one in each figure
    assert visit.errors == [] and visit.blocked == []


def test_index_opens_offline_and_links_every_report(browser, sample_reports):
    index, outcomes = sample_reports
    visit = Visit(browser, index, plots=False)
    assert visit.errors == [] and visit.blocked == []
    page = index.read_text()
    for o in outcomes:
        assert f"href='{o.html.name}'" in page


def test_hostile_corpus_runs_nothing_in_the_browser(browser, tmp_path):
    _, outcomes = render(hostile_corpus(tmp_path), out=tmp_path / "out")
    assert [o.error for o in outcomes] == [""] * 4
    for outcome in outcomes:
        visit = Visit(browser, outcome.html, plots=True, act=_click_and_filter_everything)
        assert visit.xss is None and visit.dialogs == [], outcome.html.name
        assert visit.blocked == [] and visit.errors == [], outcome.html.name


def _click_and_filter_everything(page) -> None:
    """Sort by every column of every table and filter each: article text must stay text."""
    for head in page.locator("table.wb-table th").all():
        head.click()
    for box in page.locator(".wb-filter input").all():
        box.fill("<img")
