from __future__ import annotations

import re

import pytest

from workbench.reports.pack import (
    PACK_BYTES,
    PLOTLY_ID,
    compress,
    compressed_plotly,
    expand,
    pack_page,
)

BUNDLE = "/**\n* plotly.js v9.9.9\n*/\nwindow.Plotly = {newPlot: function () {}};" + "//x" * 50
CONFIG = "<script>window.PlotlyConfig = {MathJaxConfig: 'local'};</script>"


def figure(n: int) -> str:
    return (
        f'<div class="plotly-graph-div" id="fig{n}"></div><script>'
        f'window.PLOTLYENV=window.PLOTLYENV || {{}}; if (document.getElementById("fig{n}")) '
        f'{{ Plotly.newPlot("fig{n}", [{{"y": [{n}]}}], {{}}) }};</script>'
    )


def page(*body: str) -> str:
    return f"<html><head><title>t</title></head><body>{''.join(body)}</body></html>"


def blobs(text: str) -> list[str]:
    return re.findall(r'<script type="application/octet-stream"[^>]*>([^<]*)</script>', text)


@pytest.mark.parametrize("text", ["", "plain", "<script>x</script> é ü 🙂", "a" * 10_000])
def test_compress_round_trips_and_never_writes_a_tag(text):
    packed = compress(text)
    assert expand(packed) == text
    assert "<" not in packed


def test_compressed_plotly_is_computed_once():
    compressed_plotly.cache_clear()
    first = compressed_plotly(BUNDLE)
    assert compressed_plotly(BUNDLE[:-1] + BUNDLE[-1]) is first  # an equal string: cached
    assert compressed_plotly.cache_info().hits == 1


def test_pack_page_compresses_plotly_once_and_defers_the_figures_in_order():
    out = pack_page(page(CONFIG, f"<script>{BUNDLE}</script>", figure(1), "<p>text</p>", figure(2)))
    assert "plotly.js v9" not in out  # no uncompressed copy
    assert out.count(f'id="{PLOTLY_ID}"') == 1 and len(blobs(out)) == 1
    assert expand(blobs(out)[0]) == BUNDLE
    assert out.index(f'id="{PLOTLY_ID}"') < out.index("wbReport.loadPlotly()")
    deferred = re.findall(r"<script>wbReport\.defer\(function \(\) \{(.*?)\n\}\);</script>", out)
    assert [re.search(r'newPlot\("(fig\d)"', d).group(1) for d in deferred] == ["fig1", "fig2"]
    assert CONFIG in out  # runs before plotly.js, as it must
    assert out.count('<script data-wb="report">') == 1
    assert out.index('<script data-wb="report">') < out.index("</head>")


def test_pack_page_keeps_one_copy_of_plotly_and_is_idempotent():
    once = pack_page(page(f"<script>{BUNDLE}</script>", figure(1), f"<script>{BUNDLE}</script>"))
    assert len(blobs(once)) == 1 and once.count("<script>wbReport.defer(") == 1
    assert pack_page(once) == once


def test_pack_page_packs_large_scripts_and_leaves_data_alone():
    geo = "window.PlotlyGeoAssets = {topojson: {w: [" + "1," * PACK_BYTES + "0]}};"
    data = '<script type="application/json">{"a": "Plotly.x"}</script>'
    out = pack_page(page(f"<script>{geo}</script>", f"<script>{BUNDLE}</script>", data, figure(1)))
    assert geo not in out and data in out
    packed = blobs(out)
    assert len(packed) == 2 and expand(packed[0]) == geo and expand(packed[1]) == BUNDLE
    assert "wbReport.deferPacked(document.currentScript.previousElementSibling)" in out


def test_pack_page_without_plotly_defers_nothing():
    text = page("<script>var x = 1;</script>", figure(1))
    out = pack_page(text)
    assert "<script>wbReport.defer(" not in out and blobs(out) == []
    assert out.replace(out[out.index('<script data-wb="report">') : out.index("</head>")], "") == (
        text
    )


def test_pack_page_finds_the_real_plotly_bundle():
    from plotly.offline import get_plotlyjs

    bundle = get_plotlyjs()
    out = pack_page(page(f"<script>{bundle}</script>", figure(1)))
    assert len(out) < len(bundle) / 2
    assert expand(blobs(out)[0]) == bundle and "<script>wbReport.defer(" in out
