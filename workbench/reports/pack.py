"""plotly.js once per page, compressed: a report's scripts packed for the browser to unpack.

A page exported by nbconvert carries plotly.js (4.8 MB) as an inline script, followed
by one inline script per figure that calls ``Plotly.newPlot``. :func:`pack_page`
rewrites it so that it weighs a third:

- plotly.js becomes one ``<script type="application/octet-stream" id="wb-plotly">``
  holding it gzip-compressed and base85-encoded (:func:`compressed_plotly`, computed once per
  process for a given plotly.js); the browser unpacks it with ``DecompressionStream``
  and runs it (``workbench/assets/report.js``, put in the page's head as
  :func:`report_script`);
- each figure's script becomes ``wbReport.defer(function () {...})``: it runs once
  Plotly is defined, after the figures before it;
- any other inline script larger than :data:`PACK_BYTES` (the world map's outline)
  is packed the same way and run in its turn, before the figures after it.

Nothing is fetched: no ``src``, no blob URL, no network.
"""

from __future__ import annotations

import base64
import gzip
import re
from functools import lru_cache
from pathlib import Path

from workbench.config import cache_dir
from workbench.core.cache import read_entry, text_hash, write_text

#: Inline scripts larger than this (characters) are compressed into the page.
PACK_BYTES = 8_000
#: The ``id`` of the element holding plotly.js, compressed.
PLOTLY_ID = "wb-plotly"
#: What starts the unpacking of plotly.js, right after its element.
LOAD_PLOTLY = "<script>wbReport.loadPlotly()</script>"

_ASSET = Path(__file__).resolve().parents[1] / "assets" / "report.js"
#: A classic inline script; the HTML parser ends it at the first ``</script``.
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.I)
_JS_TYPE = re.compile(r"""^\s*(?:type\s*=\s*["']?(?:text|application)/javascript["']?\s*)?$""")
_BUNDLE = re.compile(r"^\s*/\*\*?\s*\*?\s*plotly\.js v\d")
_USES_PLOTLY = re.compile(r"\bPlotly\.")
_SAFE, _UNSAFE = str.maketrans("<", "."), str.maketrans(".", "<")


@lru_cache(maxsize=1)
def report_script() -> str:
    """The page's own ``<script>`` (plotly.js unpacking, deferred figures, tables, tabs)."""
    return f'<script data-wb="report">\n{_ASSET.read_text(encoding="utf-8")}</script>'


def compress(source: str) -> str:
    """``source`` gzip-compressed (level 9, no timestamp) and base85-encoded.

    Base85 (:func:`base64.b85encode`, 4 bytes in 5 characters) makes plotly.js 120 KB
    smaller than base64 would; its one character that could end or confuse the
    element in an HTML parser, ``<``, is written ``.``. :func:`expand` reverses it.
    """
    data = gzip.compress(source.encode("utf-8"), compresslevel=9, mtime=0)
    return base64.b85encode(data).decode("ascii").translate(_SAFE)


def expand(packed: str) -> str:
    """The text :func:`compress` packed (what the page's script does in the browser)."""
    return gzip.decompress(base64.b85decode(packed.translate(_UNSAFE))).decode("utf-8")


@lru_cache(maxsize=2)
def compressed_plotly(bundle: str) -> str:
    """:func:`compress` of plotly.js, cached in the process and on disk.

    Every page of every rendering carries the same plotly.js: it is compressed (0.4 s)
    once per plotly.js version and kept under the cache folder (``reports/``), so a
    warm rendering's workers only read it.
    """
    path = cache_dir("reports") / f"plotly-{text_hash(bundle)}.b85"
    packed = read_entry(path, _read_packed)
    if packed is None:
        packed = compress(bundle)
        write_text(path, f"{len(packed)}\n{packed}")
    return packed


def _read_packed(path: Path) -> str:
    """A packed bundle written by :func:`compressed_plotly` (its length first: a cut file fails)."""
    size, _, packed = path.read_text("ascii").partition("\n")
    if not size.isdigit() or int(size) != len(packed):
        raise ValueError(f"{path.name}: {len(packed)} characters, the header says {size}")
    return packed


def plotly_element(bundle: str) -> str:
    """The element holding plotly.js ``bundle`` compressed, and the call that unpacks it."""
    return (
        f'<script type="application/octet-stream" id="{PLOTLY_ID}" '
        f'data-compression="gzip+base85">{compressed_plotly(bundle)}</script>{LOAD_PLOTLY}'
    )


def pack_page(page: str) -> str:
    """Compress plotly.js into ``page`` once, defer its figures and pack its large scripts.

    A page without plotly.js is left as it is, apart from its large scripts (which
    run in their turn once the page is parsed).
    """
    state = {"plotly": False}
    has_bundle = any(_is_bundle(m) for m in _SCRIPT.finditer(page))

    def rewrite(match: re.Match) -> str:
        if not _JS_TYPE.match(match.group("attrs")):
            return match.group(0)  # data, modules, our own script
        body = match.group("body")
        if has_bundle and _is_bundle(match):
            if state["plotly"]:
                return ""  # a second copy
            state["plotly"] = True
            return plotly_element(body)
        if len(body) > PACK_BYTES:
            return (
                f'<script type="application/octet-stream" data-compression="gzip+base85">'
                f"{compress(body)}</script>"
                "<script>wbReport.deferPacked(document.currentScript.previousElementSibling)"
                "</script>"
            )
        if has_bundle and _USES_PLOTLY.search(body):
            return f"<script>wbReport.defer(function () {{{body}\n}});</script>"
        return match.group(0)

    page = _SCRIPT.sub(rewrite, page)
    if 'data-wb="report"' not in page:
        page = page.replace("</head>", report_script() + "\n</head>", 1)
    return page


def _is_bundle(match: re.Match) -> bool:
    return bool(_BUNDLE.match(match.group("body")[:200])) and bool(
        _JS_TYPE.match(match.group("attrs"))
    )


__all__ = [
    "LOAD_PLOTLY",
    "PACK_BYTES",
    "PLOTLY_ID",
    "compress",
    "compressed_plotly",
    "expand",
    "pack_page",
    "plotly_element",
    "report_script",
]
