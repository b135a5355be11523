"""Run a piece of Python in a fresh process and report its wall time and peak memory.

Each side of a benchmark runs in its own interpreter, so one side's imports and
allocations never count against the other, and peak memory is the process's own
high-water mark (``ru_maxrss``), plus that of any worker processes it started.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

_WRAPPER = """
import json, resource, time
t0 = time.perf_counter()
{code}
wall = time.perf_counter() - t0
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("@@" + json.dumps({{"wall_s": wall, "peak_mb": own, "worker_peak_mb": kids, "extra": extra}}))
"""


def measure(code: str, *, env: dict[str, str] | None = None) -> dict:
    """Run ``code`` (which must set a variable ``extra``) and return its measurements."""
    script = _WRAPPER.format(code=textwrap.dedent(code).strip())
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("@@"))
    return json.loads(line[2:])


def table(rows: list[tuple], header: tuple) -> str:
    """A plain-text table with right-aligned numbers."""
    cells = [[str(c) for c in header]] + [[_fmt(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
