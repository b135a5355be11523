"""Executed notebook -> one self-contained HTML page that opens offline from an email.

:func:`export_html` uses nbconvert's ``lab`` template with the code hidden and no
prompts, minus everything it would fetch from the network (require.js, MathJax,
mermaid, the widget manager). What remains is checked by :func:`remote_references`:
a report that would still load anything from outside itself is an error. Absolute
paths of the machine are replaced by project-relative ones (:func:`scrub_paths`).
Plotly figures carry their own plotly.js (once per page, see
:func:`workbench.notebook.setup`), which :func:`workbench.reports.pack.pack_page`
compresses into the page for the browser to unpack; JupyterLab's interface icons,
which no report shows, are left out (:func:`drop_ui_icons`). The report's own content
sits between :data:`START` and :data:`END`, where
:mod:`workbench.reports.single` finds it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from workbench import config
from workbench.core import cache
from workbench.reports.pack import pack_page

#: Markers around a report's content (its ``<main>`` and footer) in the exported page.
START, END = "<!--wb:report-->", "<!--/wb:report-->"
_TEMPLATE_NAME = "workbench-report.html.j2"
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style>
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.jp-RenderedHTMLCommon table.wb-table { border-collapse: collapse; font-size: 13px;
  margin: 0.5rem 0; }
.jp-RenderedHTMLCommon table.wb-table th, .jp-RenderedHTMLCommon table.wb-table td {
  padding: 3px 10px; border: 0; border-bottom: 1px solid #ddd; vertical-align: top; }
.jp-RenderedHTMLCommon table.wb-table th { border-bottom: 2px solid #999; }
.jp-RenderedHTMLCommon table.wb-table .wb-text { text-align: left; }
.jp-RenderedHTMLCommon table.wb-table .wb-num { text-align: right; white-space: nowrap; }
.wb-caption, .wb-more { color: #555; font-size: 13px; margin: 0.3rem 0; }
.wb-footer { max-width: 1100px; margin: 0 auto 2rem; padding: 0 1rem; color: #666;
  font: 12px/1.5 Helvetica, Arial, sans-serif; border-top: 1px solid #ddd; }
.wb-filter { margin: 0.6rem 0 0.1rem; font: 13px Helvetica, Arial, sans-serif; }
.wb-filter input { font: inherit; padding: 2px 6px; width: 16rem; max-width: 100%;
  border: 1px solid #bbb; border-radius: 3px; }
.wb-count { color: #555; margin-left: 0.6rem; }
.jp-RenderedHTMLCommon table.wb-table th.wb-sortable { cursor: pointer; user-select: none; }
.jp-RenderedHTMLCommon table.wb-table th[aria-sort=ascending]::after { content: " \\25B2"; }
.jp-RenderedHTMLCommon table.wb-table th[aria-sort=descending]::after { content: " \\25BC"; }
.wb-notice { background: #fff3cd; border: 1px solid #e0c36c; padding: 0.5rem 1rem;
  margin: 0.5rem; font: 14px/1.5 Helvetica, Arial, sans-serif; color: #222; }
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
<body class="jp-Notebook" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">
<!--wb:report-->
<main>
{%- endblock body_header -%}
{% block body_footer %}
</main>
{%- if resources.workbench %}
<footer class="wb-footer"><p>Rendered by <code>workbench report</code> on
{{ resources.workbench.rendered | e }} &middot; notebook {{ resources.workbench.notebook | e }}
{%- if resources.workbench.set %} &middot; set {{ resources.workbench.set | e }}{% endif %}
&middot; parameters: {{ resources.workbench.parameters | e }}</p></footer>
{%- endif %}
<!--/wb:report-->
</body>
{% endblock body_footer %}
"""

#: Attributes that make a browser fetch something when they hold a remote address.
_FETCHING = {
    "src",
    "href",
    "data",
    "poster",
    "srcset",
    "action",
    "formaction",
    "background",
    "xlink:href",
    "manifest",
    "icon",
}
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_REMOTE_TAGS = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>",
    re.IGNORECASE,
)
_CSS_REMOTE = re.compile(r"@import\s+url\(\s*[\"']?(?:https?:)?//[^)]*\)\s*;?", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE)
_UI_ICON = re.compile(
    r"--jp-icon-[\w-]+:\s*url\(\s*[\"']?data:[\w+/.-]+;base64,[A-Za-z0-9+/=]*[\"']?\s*\)\s*;"
)


def export_html(
    ipynb: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    footer: Mapping[str, str] | None = None,
) -> int:
    """Export an executed notebook to a standalone HTML file, atomically.

    Args:
        ipynb: The executed notebook.
        out: The HTML file to write.
        footer: ``notebook``, ``set``, ``rendered``, ``parameters`` for the page footer.

    Returns:
        The size of the page in bytes.

    Raises:
        ValueError: The page would still load something from the network.
    """
    import nbformat

    nb = nbformat.read(ipynb, as_version=4)
    prune(nb)
    body = strip_remote(
        scrub_paths(
            _exporter().from_notebook_node(
                nb,
                resources={
                    "workbench": dict(footer) if footer else None,
                    "metadata": {"name": _title(nb) or Path(ipynb).stem},
                },
            )[0]
        )
    )
    body = pack_page(drop_ui_icons(body))
    remote = remote_references(body)
    if remote:
        raise ValueError(
            f"{Path(out).name} would load {len(remote)} remote resources, e.g. {remote[0]}"
        )
    write_public(out, body)
    return len(body.encode("utf-8"))


def write_public(path: str | os.PathLike[str], text: str) -> Path:
    """Write a file atomically, readable by everyone (reports are made to be shared)."""
    path = cache.write_text(path, text)
    os.chmod(path, 0o644)
    return path


@lru_cache(maxsize=1)
def _exporter():
    """One exporter per process: its templates compile once (0.2 s), not per page."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({_TEMPLATE_NAME: _TEMPLATE})],
        template_file=_TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        theme="light",
    )


def prune(nb) -> None:
    """Remove what a reader of the report should not see, in place.

    The parameters cells, papermill's error markers, stderr (warnings, kernel
    messages) and widget state, which would need a CDN script to display.
    """
    hidden = {"parameters", "injected-parameters", "papermill-error-cell-tag"}
    nb.cells = [c for c in nb.cells if not hidden & set(c.get("metadata", {}).get("tags", []))]
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.outputs = [o for o in cell.outputs if not _hidden_output(o)]


def _hidden_output(output) -> bool:
    if output.get("output_type") == "stream":
        return output.get("name") == "stderr"
    return "application/vnd.jupyter.widget-view+json" in output.get("data", {})


def _title(nb) -> str | None:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return None


# ----------------------------------------------------------------------------- safety


def scrub_paths(text: str) -> str:
    """Replace the absolute paths of this machine with project-relative or ``~`` ones."""
    root = str(config.project_root())
    home = os.path.expanduser("~")
    pairs = [
        (root + os.sep, ""),
        (root, "."),
        (sys.prefix + os.sep, ""),
        (home + os.sep, "~" + os.sep),
    ]
    for old, new in sorted(pairs, key=lambda p: -len(p[0])):
        if len(old) > 2:
            text = text.replace(old, new)
    return text


def drop_ui_icons(page: str) -> str:
    """Leave out JupyterLab's interface icons (86 KB of ``--jp-icon-*`` data URIs).

    They draw the toolbars, file browser and scrollbars of JupyterLab itself, none of
    which an exported report has.
    """
    return _UI_ICON.sub("", page)


def strip_remote(page: str) -> str:
    """Remove ``<script src>``, ``<link href>`` and CSS ``@import`` that point off the page."""
    return _CSS_REMOTE.sub("", _REMOTE_TAGS.sub("", page))


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value and tag != "a" and name in _FETCHING and _REMOTE.match(value):
                self.found.append(f"<{tag} {name}={value[:80]!r}>")
            if value and name == "style" and _CSS_URL.search(value):
                self.found.append(f"<{tag} style={value[:80]!r}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and _CSS_URL.search(data):
            self.found.append(f"<style> {_CSS_URL.search(data).group(0)}...")


def remote_references(page: str) -> list[str]:
    """Every tag attribute or stylesheet in the page that would fetch from the network.

    Links (``<a href>``) are not fetches and are allowed; script bodies are not
    inspected (the browser test watches what they request).
    """
    parser = _Fetches()
    parser.feed(page)
    parser.close()
    return parser.found


__all__ = [
    "END",
    "START",
    "drop_ui_icons",
    "export_html",
    "prune",
    "remote_references",
    "scrub_paths",
    "strip_remote",
    "write_public",
]
