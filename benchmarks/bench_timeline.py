"""The whole timeline step on the real corpus, with the entity cache filled.

Prints one table from one run: wall time and peak memory of
1. loading the corpus (cached) and nothing else (the floor);
2. the timeline step: actors from the entity cache (no model), dates in the text,
   events extracted and merged, places resolved, all tables binned by week;
then the 20 largest merged events with the spread of their reports' dates (a
merged event whose reports span months is several events chained together). A
first run fills the entity cache (spaCy over every article, minutes on two cores);
that fill is timed and shown but is not part of the target (under 60 s and 4 GB
for the step itself).

Usage: ``python benchmarks/bench_timeline.py [PATH] [--limit N]``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from textwrap import dedent

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import measure, table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "ukraine_war_media_2022" / "articles.csv.gz"


FILL = dedent("""
    from workbench.actors.extract import extract_actors
    a = extract_actors(corpus, progress=True)
    extra = {'mentions': len(a.mentions)}
""")
STEP = dedent("""
    from workbench.core.tables import join_lists
    from workbench.timeline.build import build_timeline
    tl = build_timeline(corpus, bin="week")
    cols = ["event_type", "place", "date", "precision", "n_docs", "n_reports", "participants"]
    head = tl.events.head(20)
    top = join_lists(head[cols]).astype(str).values.tolist()
    dates = tl.event_reports.set_index("sentence_id")["date"]
    for row, ids in zip(top, head["sentence_ids"], strict=True):
        d = dates.reindex(list(ids)).dropna()
        row.append(int((d.max() - d.min()).days) if len(d) else 0)
    extra = {'events': len(tl.events), 'reports': len(tl.event_reports),
             'places': len(tl.places), 'top': top, 'dated': tl.dated}
""")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only (0: all)")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    load = dedent(f"""
        import workbench
        corpus = workbench.load_corpus({str(args.path)!r}, warn=False, progress=False)
        if {args.limit}:
            corpus = corpus.head({args.limit})
    """)
    base = measure(load + "extra = {'docs': len(corpus)}", env=env)
    fill = measure(load + FILL, env=env)
    step = measure(load + STEP, env=env)
    print(f"corpus: {args.path.name}, {base['extra']['docs']:,} articles   cores: {os.cpu_count()}")
    rows = [
        ("load corpus (cached; baseline)", base["wall_s"], base["peak_mb"]),
        ("fill entity cache (first run only)", fill["wall_s"], fill["peak_mb"]),
        ("timeline step, entities cached", step["wall_s"], step["peak_mb"]),
    ]
    print(table(rows, ("step", "wall s", "peak MB")))
    e = step["extra"]
    print(
        f"\n{e['events']:,} merged events from {e['reports']:,} reports; {e['places']:,} places; "
        f"{e['dated']:.0%} dated. Target: the timeline step under 60 s and 4,096 MB.\n"
    )
    print("20 largest merged events (span: days from their reports' first date to their last):")
    rows = [
        (i + 1, *row[:2], row[2][:10], *row[3:6], row[7], row[6][:50])
        for i, row in enumerate(e["top"])
    ]
    head = ("#", "type", "place", "date", "precision", "articles", "reports", "span", "who")
    print(table(rows, head))


if __name__ == "__main__":
    main()
