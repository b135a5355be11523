"""Ingest the real 12,837-article corpus: the workbench beside a bare pandas.read_csv.

Prints one table from one run: wall time and peak memory of
1. ``pandas.read_csv`` of the file (the floor: no normalising, no dates, no duplicates);
2. ``workbench.ingest`` with an empty cache (load, normalise, parse dates, flag
   duplicates, find reused passages);
3. the same call again with the cache filled.
Target: the full load, normalise and deduplicate in at most 30 s and 2 GB.

Usage: ``python benchmarks/bench_ingest.py [PATH]`` (default: the shared corpus).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import measure, table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "ukraine_war_media_2022" / "articles.csv.gz"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        sys.exit(f"bench_ingest: {path} not found; give the corpus path as the first argument")
    cache = tempfile.mkdtemp(prefix="bench-ingest-")
    env = {**os.environ, "WORKBENCH_CACHE_DIR": cache, "PYTHONPATH": str(ROOT)}
    bare = measure(
        f"""
        import pandas as pd
        df = pd.read_csv({str(path)!r}, keep_default_na=False)
        extra = {{"docs": len(df)}}
    """,
        env=env,
    )
    ingest = f"""
        import workbench
        r = workbench.ingest({str(path)!r}, warn=False, progress=False)
        s = r.summary()
        extra = {{"docs": s["documents"], "words": s["words"], "dups": s["duplicates"],
                  "reuse": len(r.reuse), "problems": s["problems"]}}
    """
    cold = measure(ingest, env=env)
    warm = measure(ingest, env=env)
    rows = [
        ("pandas.read_csv (baseline)", bare["wall_s"], bare["peak_mb"], 0.0, bare["extra"]["docs"]),
        (
            "workbench.ingest, cold cache",
            cold["wall_s"],
            cold["peak_mb"],
            cold["worker_peak_mb"],
            cold["extra"]["docs"],
        ),
        (
            "workbench.ingest, warm cache",
            warm["wall_s"],
            warm["peak_mb"],
            warm["worker_peak_mb"],
            warm["extra"]["docs"],
        ),
    ]
    print(f"corpus: {path.name}   cores: {os.cpu_count()}")
    print(table(rows, ("step", "wall s", "peak MB", "worker peak MB", "documents")))
    e = cold["extra"]
    print(
        f"\ncold ingest: {e['words']:,} words, {e['dups']:,} duplicates flagged, "
        f"{e['reuse']:,} shared passages, {e['problems']:,} records reported"
    )
    print(
        f"cold / baseline: {cold['wall_s'] / bare['wall_s']:.1f}x time, "
        f"{cold['peak_mb'] / bare['peak_mb']:.1f}x memory; target <= 30 s and <= 2,048 MB"
    )


if __name__ == "__main__":
    main()
