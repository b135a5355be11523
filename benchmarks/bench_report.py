"""``workbench report`` cold and warm, beside what any rendering costs.

Prints one table from one run:

1. **floor**: four trivial notebooks (a parameters cell and ``x = 1``) rendered by the
   same machinery (papermill, the ``workbench`` kernel, two at a time, the HTML export
   and the index), with no warm-up: what a rendering of four notebooks costs before
   any of them computes anything;
2. **cold**: ``workbench report --corpus CORPUS`` with an empty cache folder
   (``WORKBENCH_CACHE_DIR`` pointing at a fresh one; the environment installed);
3. **warm**: the same command again, on the cache the cold run filled.

Each row: wall time, the issue's target, the CPU time of every process together (user
and system: what a busier machine stretches and more cores shorten), the warm-up's time
and each notebook's (from ``index.json``), and the peak memory of every process of the
run together (sampled every second: the sum of PSS, which counts a page shared by forked
processes once, and in brackets of RSS, which counts it in each; without psutil, the
largest single process's RSS from ``getrusage``, and the table says so). The load
average before and after is printed: measure on a quiet machine.

Usage: ``python benchmarks/bench_report.py [--corpus PATH] [--skip-floor] [--out DIR]``;
the 12,837 articles: ``--corpus ../shared/corpora/ukraine_war_media_2022/articles.csv.gz``
(cold takes minutes there).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import table  # noqa: E402

from workbench.reports import find_notebooks  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
#: The issue's targets for the sample, in seconds.
TARGETS = {"cold": 30.0, "warm": 12.0}
#: The issue's targets for the 12,837 articles, in seconds.
LARGE_TARGETS = {"cold": 600.0, "warm": 60.0}

FLOOR = """
import sys
from pathlib import Path
from workbench.reports.run import render
index, outcomes = render(sys.argv[1], out=sys.argv[2], folder=Path(sys.argv[3]), warm=False)
sys.exit(0 if all(o.ok for o in outcomes) else 1)
"""


def trivial_notebooks(folder: Path, names: list[str]) -> Path:
    """Notebooks named like the real ones, each a parameters cell and ``x = 1``."""
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {
            "name": "workbench",
            "display_name": "Python (workbench)",
            "language": "python",
        }
        nb.cells = [
            nbformat.v4.new_markdown_cell(f"# {name}\n\nA trivial notebook."),
            nbformat.v4.new_code_cell(
                'corpus: str = "data/sample"  # the corpus', metadata={"tags": ["parameters"]}
            ),
            nbformat.v4.new_code_cell("x = 1\nx"),
        ]
        nbformat.write(nb, folder / f"{name}.ipynb")
    return folder


class Peak:
    """The peak memory of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.pid, self.pss, self.rss, self.how = pid, 0, 0, "psutil"
        self._stop = threading.Event()
        try:
            import psutil
        except ImportError:
            self.how = "getrusage"
            return
        self._psutil = psutil
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        psutil = self._psutil
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            pss = rss = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for p in procs:
                try:
                    info = p.memory_full_info()
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                pss += getattr(info, "pss", info.rss)
                rss += info.rss
            self.pss, self.rss = max(self.pss, pss), max(self.rss, rss)
            self._stop.wait(1.0)

    def stop(self) -> tuple[float, float | None, str]:
        """``(peak MB, peak RSS-sum MB or None, how it was measured)``."""
        self._stop.set()
        if self.how == "getrusage":
            kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            return kids, None, "largest single process (getrusage; no psutil)"
        self._thread.join()
        return self.pss / 2**20, self.rss / 2**20, "all processes: PSS sum (RSS sum)"


def timed(cmd: list[str], env: dict[str, str]) -> dict:
    """Run ``cmd``; its wall and CPU time, exit status and peak memory (all processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = Peak(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    mb, rss_mb, how = peak.stop()
    if proc.returncode != 0:
        print(out.decode()[-2000:], err.decode()[-3000:], file=sys.stderr)
    return {"wall": wall, "cpu": cpu, "rc": proc.returncode, "mb": mb, "rss_mb": rss_mb, "how": how}


def per_notebook(index_json: Path) -> tuple[dict[str, float], float | None]:
    """Seconds per notebook and of the warm-up, from a rendering's ``index.json``."""
    record = json.loads(index_json.read_text())
    times = {r["notebook"][:2]: r["seconds"] for r in record["reports"]}
    warm = record.get("warm_up")
    return times, (warm["seconds"] if warm else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SAMPLE, help="default: the sample")
    parser.add_argument("--skip-floor", action="store_true", help="leave out the floor row")
    parser.add_argument("--out", type=Path, help="keep the rendered reports here")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    targets = TARGETS if corpus == SAMPLE.resolve() else LARGE_TARGETS
    exe = str(Path(sys.executable).with_name("workbench"))
    load = os.getloadavg()
    print(f"corpus: {corpus.name}   cores: {os.cpu_count()}   load average: {load[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        tmp = Path(tmp)
        out = args.out or tmp / "reports"
        cache = tmp / "cache"
        env = {**os.environ, "WORKBENCH_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
        names = [p.stem for p in find_notebooks()]
        runs: list[tuple[str, str, dict, Path]] = []
        if not args.skip_floor:
            # The floor reads the corpus summary too: from a cache of its own, filled first.
            floor_env = {**env, "WORKBENCH_CACHE_DIR": str(tmp / "floor-cache")}
            folder = trivial_notebooks(tmp / "trivial", names)
            cmd = [sys.executable, "-c", FLOOR, str(corpus), str(tmp / "floor-fill"), str(folder)]
            subprocess.run(cmd, env=floor_env, cwd=ROOT, capture_output=True, check=True)
            cmd[-2] = str(out / "floor")
            runs.append(("floor: 4 trivial notebooks", "", timed(cmd, floor_env), out / "floor"))
            print(f"  floor {runs[-1][2]['wall']:6.1f} s", flush=True)
        for kind in ("cold", "warm"):
            cmd = [exe, "report", "--corpus", str(corpus), "--out", str(out / kind)]
            runs.append((f"{kind}: workbench report", kind, timed(cmd, env), out / kind))
            print(f"  {kind}  {runs[-1][2]['wall']:6.1f} s", flush=True)
        rows, how = [], ""
        for label, kind, r, folder in runs:
            times, warm = per_notebook(folder / "index.json")
            how = r["how"]
            peak = f"{r['mb']:,.0f}" + (f" ({r['rss_mb']:,.0f})" if r["rss_mb"] else "")
            rows.append(
                (
                    label + ("" if r["rc"] == 0 else " FAILED"),
                    r["wall"],
                    f"{targets[kind]:.0f}" if kind else "",
                    r["cpu"],
                    "-" if warm is None else f"{warm:.1f}",
                    *(f"{times.get(n[:2], 0):.1f}" for n in names),
                    peak,
                )
            )
    header = ("run", "wall s", "target s", "CPU s", "warm-up s", *(n[:2] for n in names), "peak MB")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}   peak memory: {how}\n")
    print(table(rows, header))


if __name__ == "__main__":
    main()
