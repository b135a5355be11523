"""End to end: render the reports, open each in headless Chromium with the network blocked.

Every plotly figure must have drawn, the console must stay free of errors, and no
request may leave the file itself. Uses Debian's ``chromium`` (``.ci/run`` installs
it) driven by Playwright; never ``playwright install``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reports import hostile_corpus

from workbench import config
from workbench.reports.run import MAX_HTML_BYTES, render

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
    index, outcomes = render(config.sample_corpus(), out=out)
    assert [(o.job.name, o.error) for o in outcomes if not o.ok] == []
    return index, outcomes


class Visit:
    """One page opened offline: what it logged, asked for and ran."""

    def __init__(self, browser, path: Path, *, plots: bool) -> None:
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.route("**/*", self._route)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(self.url, wait_until="load")
        if plots:
            page.wait_for_function(DRAWN, timeout=20_000)
        self.n_plots = page.locator(".plotly-graph-div").count()
        self.n_drawn = page.locator(".plotly-graph-div.js-plotly-plot .main-svg").count()
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
        assert o.html.stat().st_size < MAX_HTML_BYTES, f"{o.html.name}: over 6 MB"
        visit = Visit(browser, o.html, plots=True)
        assert visit.n_plots > 0, f"{o.html.name}: no figure"
        assert visit.n_drawn >= visit.n_plots, f"{o.html.name}: a figure did not draw"
        assert visit.errors == [], f"{o.html.name}: console errors"
        assert visit.blocked == [], f"{o.html.name}: requests beyond the file"


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
        visit = Visit(browser, outcome.html, plots=True)
        assert visit.xss is None and visit.dialogs == [], outcome.html.name
        assert visit.blocked == [] and visit.errors == [], outcome.html.name
