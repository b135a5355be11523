"""Every report of a rendering in one HTML file, a tab each, plotly.js once: for an email.

``workbench report --single-file`` writes :data:`SINGLE_FILE` beside the index. It is
put together from the exported pages (:mod:`workbench.reports.html`): the head
(styles, the page script) of the first, each page's content between
:data:`~workbench.reports.html.START` and :data:`~workbench.reports.html.END` in a
``<section>`` of its own, and plotly.js (compressed) once. Without scripts every
report shows, one after the other; with them, tabs show one at a time, and the
figures of a report are resized to its panel when its tab is shown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from workbench.core.escape import html_text as escape
from workbench.reports.html import END, START, write_public
from workbench.reports.pack import LOAD_PLOTLY, PLOTLY_ID
from workbench.reports.plan import Outcome, Plan

#: The file name of the single file, beside ``index.html``.
SINGLE_FILE = "all-reports.html"

_PLOTLY = re.compile(
    rf'<script type="application/octet-stream" id="{PLOTLY_ID}"[^>]*>[^<]*</script>'
    + re.escape(LOAD_PLOTLY)
)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_CSS = """<style>
.wb-tabs { position: sticky; top: 0; z-index: 10; display: flex; flex-wrap: wrap; gap: 4px;
  background: #fff; border-bottom: 1px solid #bbb; padding: 0.6rem 1rem 0;
  font: 14px Helvetica, Arial, sans-serif; }
.wb-tabs button { font: inherit; color: #222; background: #f3f3f3; border: 1px solid #bbb;
  border-bottom: 0; border-radius: 4px 4px 0 0; padding: 0.35rem 0.9rem; cursor: pointer; }
.wb-tabs button[aria-selected=true] { background: #fff; font-weight: bold;
  margin-bottom: -1px; padding-bottom: calc(0.35rem + 1px); }
</style>
"""


def write_single_file(
    plan: Plan, outcomes: Sequence[Outcome], corpora: Mapping[str, dict]
) -> Path | None:
    """Write :data:`SINGLE_FILE` into the rendering's folder from every report exported.

    Args:
        plan: The rendering (its output folder).
        outcomes: What became of each job; failed ones are left out.
        corpora: :func:`~workbench.reports.index.corpus_info` by corpus, for the title.

    Returns:
        The file written, or None when no report was exported.
    """
    reports = [
        (o.html.relative_to(plan.out_dir).with_suffix("").as_posix(), o.html)
        for o in outcomes
        if o.ok and o.html and o.html.exists()
    ]
    if not reports:
        return None
    title = "Reports: " + ", ".join(c["corpus"] for c in corpora.values())
    return write_public(plan.out_dir / SINGLE_FILE, combine(reports, title=title))


def combine(reports: Sequence[tuple[str, Path]], *, title: str) -> str:
    """One page of tabs from exported report pages.

    Args:
        reports: ``(name, path)`` of each page; the name (``02-topics``, or
            ``set/02-topics`` in a grid) makes the panel's ``id`` (``#report-02-topics``
            opens that tab) and names the set on its tab.
        title: The page's title.

    Raises:
        ValueError: A page was not exported by :func:`~workbench.reports.html.export_html`.
    """
    head, plotly, tabs, panels, ids = "", "", [], [], set()
    for name, path in reports:
        page = path.read_text(encoding="utf-8")
        head = head or _head(page, title)
        content = _content(page, path)
        found = _PLOTLY.search(content)
        if found and not plotly:
            plotly = found.group(0)
        content = _PLOTLY.sub("", content)
        key = _unique("report-" + re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-"), ids)
        text = _title(page) or Path(name).name
        if "/" in name:
            text = f"{name.rsplit('/', 1)[0]}: {text}"
        tabs.append(
            f'<button type="button" role="tab" id="tab-{key}" aria-controls="{key}">'
            f"{escape(text)}</button>"
        )
        panels.append(
            f'<section class="wb-report" id="{key}" role="tabpanel" '
            f'aria-labelledby="tab-{key}">\n{content}\n</section>'
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            head,
            '<body class="jp-Notebook" data-jp-theme-light="true" '
            'data-jp-theme-name="JupyterLab Light">',
            f'<nav class="wb-tabs" role="tablist" aria-label="Reports">{"".join(tabs)}</nav>',
            plotly,
            *panels,
            "</body>",
            "</html>",
        ]
    )


def _head(page: str, title: str) -> str:
    start, end = page.find("<head>"), page.find("</head>")
    if start < 0 or end < 0:
        raise ValueError("a report page has no <head>")
    head = _TITLE.sub(lambda _: f"<title>{escape(title)}</title>", page[start:end], count=1)
    return f"{head}{_CSS}</head>"


def _content(page: str, path: Path) -> str:
    start, end = page.find(START), page.rfind(END)
    if start < 0 or end < start:
        raise ValueError(f"{path.name} was not exported by workbench report; render it again")
    return page[start + len(START) : end].strip()


def _title(page: str) -> str | None:
    found = _TITLE.search(page)
    return html.unescape(found.group(1)).strip() if found else None


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate


__all__ = ["SINGLE_FILE", "combine", "write_single_file"]
