"""The index of a rendering: ``index.html`` (for people) and ``index.json`` (for tools).

It lists every report (set, notebook, status, time, size, parameters, links) and,
when one was written, the single file holding them all (``--single-file``); it shows
each corpus's summary and a fingerprint of its input files, and the versions of the
packages that made the reports, so that a reader can tell what produced what. The
page is static, escaped, and loads nothing.
"""

from __future__ import annotations

import hashlib
import json
import platform
import time
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path

from workbench import config
from workbench.core.escape import html_text as escape
from workbench.reports.html import write_public
from workbench.reports.plan import MAX_HTML_BYTES, Outcome, Plan

#: Packages whose versions the index shows.
PACKAGES = [
    "workbench",
    "pandas",
    "numpy",
    "plotly",
    "papermill",
    "nbconvert",
    "ipykernel",
    "spacy",
    "bertopic",
    "sentence-transformers",
    "torch",
    "scikit-learn",
    "pyarrow",
]


def fingerprint(files: list[Path]) -> str:
    """A 16-hex-digit hash of input files: their project-relative names and their bytes."""
    h = hashlib.blake2b(digest_size=8)
    for f in sorted(files, key=config.display_path):
        h.update(config.display_path(f).encode())
        with open(f, "rb") as fh:
            for block in iter(lambda fh=fh: fh.read(1 << 22), b""):
                h.update(block)
    return h.hexdigest()


def corpus_info(corpus: str) -> dict:
    """Summary (cached ingest) and fingerprint of a corpus given as a notebook parameter.

    The fingerprint covers the files the corpus was read from and a folder's
    ``metadata.csv``, so editing a README beside the articles does not change it.
    """
    from workbench.corpus.load import ingest

    path = config.resolve_path(corpus)
    result = ingest(path, warn=False)
    files = [config.project_root() / f for f in result.sources]
    if path.is_dir() and (path / "metadata.csv").exists():
        files.append(path / "metadata.csv")
    return {
        "corpus": config.display_path(path),
        "fingerprint": fingerprint([f for f in files if f.is_file()]),
        "files": len(files),
        "summary": result.summary(),
    }


def versions() -> dict[str, str]:
    """Python and the main packages, by name; ``"-"`` for one not installed."""
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "-"
    return out


def write_index(
    plan: Plan,
    outcomes: Sequence[Outcome],
    corpora: Mapping[str, dict],
    *,
    seconds: float,
    single: Path | None = None,
    warmup: dict | None = None,
) -> Path:
    """Write ``index.html`` and ``index.json`` into the output folder; return the HTML path.

    ``single`` is the file holding every report, when ``--single-file`` wrote one;
    ``warmup`` what the warm-up did (:meth:`workbench.reports.warm.Warmup.as_dict`), if it ran.
    """
    record = {
        "rendered": time.strftime("%Y-%m-%d %H:%M:%S"),
        "seconds": round(seconds, 1),
        "grid": plan.grid,
        "given": {k: str(v) for k, v in plan.given.items()},
        "corpora": list(corpora.values()),
        "versions": versions(),
        "reports": [_row(o, plan) for o in outcomes],
        "single_file": (
            {"html": single.relative_to(plan.out_dir).as_posix(), "bytes": single.stat().st_size}
            if single
            else None
        ),
        "warm_up": warmup,
    }
    write_public(plan.out_dir / "index.json", json.dumps(record, indent=1, default=str))
    return write_public(plan.out_dir / "index.html", _page(record))


def _row(o: Outcome, plan: Plan) -> dict:
    def rel(p: Path | None) -> str | None:
        return p.relative_to(plan.out_dir).as_posix() if p else None

    defaults = {n: p.default for n, p in plan.declared[o.job.name].items()}
    return {
        "set": o.job.label,
        "notebook": o.job.name,
        "ok": o.ok,
        "seconds": round(o.seconds, 1),
        "html": rel(o.html),
        "ipynb": rel(o.ipynb),
        "bytes": o.size,
        "error": o.error,
        "parameters": {**defaults, **o.job.params},
        "changed": sorted(k for k, v in o.job.params.items() if defaults.get(k) != v),
    }


# ----------------------------------------------------------------------------- page

_CSS = """
body { font: 14px/1.5 Helvetica, Arial, sans-serif; color: #222; max-width: 1150px;
  margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #999; }
.ok { color: #117733; font-weight: bold; } .failed { color: #B00020; font-weight: bold; }
.error { color: #B00020; white-space: pre-wrap; font-family: monospace; font-size: 12px; }
.params { font-family: monospace; font-size: 12px; } .params b { color: #0072B2; }
.muted { color: #666; } .num { text-align: right; white-space: nowrap; }
"""


def _page(r: dict) -> str:
    failed = [x for x in r["reports"] if not x["ok"]]
    status = (
        f"<span class='failed'>{len(failed)} of {len(r['reports'])} failed</span>"
        if failed
        else f"<span class='ok'>all {len(r['reports'])} rendered</span>"
    )
    title = "Reports: " + ", ".join(c["corpus"] for c in r["corpora"])
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p class='muted'>Rendered {escape(r['rendered'])} in {r['seconds']:,.1f} s"
        + _warm_note(r.get("warm_up"))
        + f" &middot; {status}"
        + (f" &middot; grid {escape(r['grid'])}" if r["grid"] else "")
        + "</p>",
        "<h2>Reports</h2>",
        _reports_table(r["reports"]),
        _single_file(r.get("single_file")),
        "<h2>Corpus</h2>",
        *(_corpus_table(c) for c in r["corpora"]),
        "<h2>Software</h2>",
        _versions_table(r["versions"]),
        "<p class='muted'>Each report is one HTML file that opens offline; the executed notebook "
        "(.ipynb) beside it holds the code. Fingerprint: a hash of the corpus's input files.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _reports_table(rows: list[dict]) -> str:
    head = (
        "<table><tr><th>set</th><th>notebook</th><th>status</th><th class='num'>time</th>"
        "<th class='num'>size</th><th>parameters</th></tr>"
    )
    body = [head]
    for x in rows:
        link = (
            f"<a href='{escape(x['html'])}'>{escape(x['notebook'])}</a>"
            if x["html"]
            else escape(x["notebook"])
        )
        nb = f" <a class='muted' href='{escape(x['ipynb'])}'>.ipynb</a>" if x["ipynb"] else ""
        state = "<span class='ok'>ok</span>" if x["ok"] else "<span class='failed'>failed</span>"
        if x["error"]:
            state += f"<div class='error'>{escape(x['error'])}</div>"
        size = _size(x["bytes"]) if x["bytes"] else ""
        body.append(
            f"<tr><td>{escape(x['set'])}</td><td>{link}{nb}</td><td>{state}</td>"
            f"<td class='num'>{x['seconds']:,.1f} s</td><td class='num'>{size}</td>"
            f"<td class='params'>{_params(x['parameters'], x['changed'])}</td></tr>"
        )
    return "\n".join([*body, "</table>"])


def _size(n: int) -> str:
    """A page's size in MB, flagged when it is over the size that still goes by email."""
    text = f"{n / 1e6:.1f} MB"
    if n > MAX_HTML_BYTES:
        text += f" <span class='failed'>(over {MAX_HTML_BYTES / 1e6:g} MB)</span>"
    return text


def _warm_note(warmup: dict | None) -> str:
    """`` (shared steps warmed first: 12.3 s)``, naming any step that failed; empty if none ran."""
    if not warmup:
        return ""
    failed = [s["step"] for s in warmup["steps"] if s["error"]]
    note = f" (shared steps warmed first: {warmup['seconds']:,.1f} s"
    if failed:
        note += f"; failed: {', '.join(failed)}"
    return escape(note + ")")


def _single_file(single: dict | None) -> str:
    if not single:
        return ""
    return (
        f"<p>Every report in one file, for sending by email: <a href='{escape(single['html'])}'>"
        f"{escape(single['html'])}</a> ({_size(single['bytes'])}).</p>"
    )


def _params(values: dict, changed: list[str]) -> str:
    items = []
    for k, v in values.items():
        text = f"{escape(k)}={escape(repr(v))}"
        items.append(f"<b>{text}</b>" if k in changed else text)
    return "<br>".join(items)


def _corpus_table(c: dict) -> str:
    s = c["summary"]
    dates = f"{s['first_date']} to {s['last_date']}" if s.get("first_date") else "no dates"
    rows = [
        ("corpus", c["corpus"]),
        ("fingerprint", f"{c['fingerprint']} ({c['files']:,} files)"),
        ("documents", f"{s['documents']:,}"),
        ("words", f"{s['words']:,}"),
        ("outlets", f"{s['sources']:,}"),
        ("dates", dates),
        ("undated", f"{s['undated']:,}"),
        ("flagged copies", f"{s['duplicates']:,}"),
        ("records skipped or repaired", f"{s['problems']:,}"),
    ]
    cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


def _versions_table(v: dict) -> str:
    cells = "".join(f"<tr><td>{escape(k)}</td><td>{escape(x)}</td></tr>" for k, x in v.items())
    return f"<table><tr><th>package</th><th>version</th></tr>{cells}</table>"


__all__ = ["PACKAGES", "corpus_info", "fingerprint", "versions", "write_index"]
