"""Making article text safe wherever it is shown: HTML pages, plotly labels, Markdown prose.

Every piece of corpus text that reaches a rendered report passes through one of
these three functions. Each one HTML-escapes; they differ in what else the target
needs (shortening and wrapping for a hover, neutralised Markdown for prose). A list cell
(an event's participants) shows as its items joined with ``"; "``
(:func:`workbench.core.tables.cell_text`).
"""

from __future__ import annotations

import html
import re
import textwrap

from workbench.core.tables import cell_text, is_list_cell

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~!])")


def html_text(text: object) -> str:
    """Any value as HTML text: ``None`` becomes empty, a list ``"a; b"``, markup shows as text."""
    return html.escape(_text(text))


def hover_text(text: object, *, width: int | None = None, limit: int | None = 400) -> str:
    """Article text made safe for a plotly label or hover.

    HTML-escaped, shortened to ``limit`` characters, and wrapped at ``width`` with ``<br>``
    when a width is given.
    """
    s = _text(text)
    if limit is not None and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    if width:
        return "<br>".join(html.escape(line) for line in textwrap.wrap(s, width) or [""])
    return html.escape(s)


def md_escape(text: object) -> str:
    """Text from the corpus made safe for Markdown prose: HTML-escaped, markup neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(_text(text, none="None"), quote=False))


def _text(value: object, *, none: str = "") -> str:
    """A value as plain text: list items joined with ``"; "``, ``None`` as ``none``."""
    if is_list_cell(value):
        return cell_text(value)
    return none if value is None else str(value)


__all__ = ["html_text", "hover_text", "md_escape"]
