"""Corrections to the gazetteer take seconds: the actors step after an edit, and on a subset.

For each corpus size (a seeded sample of 1,000 articles, then the whole corpus) it runs,
each in its own process: the ``extract_actors`` call alone, the whole process (imports
and reading the corpus included) and its peak memory, workers included:

1. ``cold``: :func:`~workbench.actors.extract_actors` with nothing cached (spaCy runs);
2. ``after an edit``: aliases added to a copy of ``data/actors.yml``, then
   ``extract_actors(corpus, gazetteer=copy)``: the model's spans come from the cache, the
   gazetteer is applied to them and every table is rebuilt (target: 5 s for 1,000
   articles, 60 s for all);
3. ``subset (two outlets)``: the articles of two outlets (``--outlets``; default the two
   largest), with the edited gazetteer (other outlets, another corpus: the spans still
   come from the cache);
4. ``subset, model re-run``: the same subset with ``use_cache=False``, the cost every
   correction had while the span cache was keyed by the gazetteer and the corpus's outlets.

The cold run of the whole corpus takes 7 to 20 minutes on two cores; ``--skip-cold``
leaves it out and fills the span cache untimed where it lacks texts (nothing to do when
``--cache-dir`` points at a cache an earlier run filled). Every side checks whether spaCy
was imported, and the edited runs count the mentions the new aliases gained.

Usage::

    .venv/bin/python benchmarks/bench_corrections.py                  # 1,000 and all
    .venv/bin/python benchmarks/bench_corrections.py --sizes 1000
    .venv/bin/python benchmarks/bench_corrections.py --sizes 0 --skip-cold --cache-dir /tmp/c \
        --outlets BBC,CNN
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from textwrap import dedent

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import measure, table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine_war_media_2022" / "articles.csv.gz"

#: The correction: spellings and a nickname this corpus uses that the gazetteer lacks,
#: added as aliases of its actors (as a researcher reading the actor table would).
ALIASES = {"Valerii Zaluzhnyi": ["Zaluzhniy"], "Sergei Surovikin": ["General Armageddon"]}

RUN = dedent("""
    import sys
    import pandas as pd
    from workbench.actors import extract_actors
    corpus = pd.read_parquet({corpus!r})
    t1 = time.perf_counter()
    tables = extract_actors(corpus, gazetteer={gazetteer!r}, use_cache={use_cache})
    call = time.perf_counter() - t1
    m = tables.mentions
    aliases = {aliases!r}
    gained = sum(
        int(((m["surface"] == s) & (m["actor"] == a)).sum())
        for a, ss in aliases.items() for s in ss
    )
    extra = {{"docs": len(corpus), "mentions": len(m), "call_s": call,
             "spacy": "spacy" in sys.modules, "alias_mentions": gained}}
""")


PREPARE = dedent("""
    import workbench
    corpus = workbench.ingest({path!r}, warn=False, progress=False).corpus
    corpus = corpus[corpus["text"].fillna("").str.len() > 0]
    if {size} and {size} < len(corpus):
        corpus = corpus.sample({size}, random_state={seed}).sort_index()
    top = {outlets!r} or corpus["source"].value_counts().index[:2].tolist()
    subset = corpus[corpus["source"].isin(top)]
    corpus.to_parquet({full!r})
    subset.to_parquet({sub!r})
    extra = {{"docs": len(corpus), "subset": len(subset), "outlets": [str(o) for o in top]}}
""")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS), help="input (anything ingest accepts)")
    parser.add_argument("--sizes", default="1000,0", help="articles per run, 0: all (default)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--skip-cold", action="store_true", help="do not time the cold runs")
    parser.add_argument("--cache-dir", help="span cache to use and keep (default: a temp folder)")
    parser.add_argument("--outlets", help="the subset's two outlets, A,B (default: the largest)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base, edited = ROOT / "data" / "actors.yml", tmp / "actors_edited.yml"
        edit_gazetteer(base, edited)
        rows, notes = [], []
        for size in (int(s) for s in args.sizes.split(",")):
            # each size starts from an empty span cache, so its cold run is cold
            cache_dir = Path(args.cache_dir) if args.cache_dir else tmp / f"cache_{size}"
            env = {**os.environ, "PYTHONPATH": str(ROOT), "WORKBENCH_CACHE_DIR": str(cache_dir)}
            rows += run_size(size, args, tmp, env, base, edited, notes)
    print(f"corpus: {Path(args.corpus).name}   cores: {os.cpu_count()}   aliases added: {ALIASES}")
    header = (
        "run",
        "articles",
        "call s",
        "process s",
        "peak MB",
        "spaCy",
        "mentions",
        "new-alias hits",
    )
    print(table(rows, header))
    print("\n" + "\n".join(notes))
    return 0


def edit_gazetteer(base: Path, out: Path) -> None:
    """A copy of ``base`` with :data:`ALIASES` added to their actors."""
    import yaml

    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    for item in data["actors"]:
        item["aliases"] = [*(item.get("aliases") or []), *ALIASES.get(item["name"], [])]
    # a fresh comment, so a reused --cache-dir holds no tables for this copy yet
    stamp = f"# edited copy {time.time_ns()}\n"
    text = stamp + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    out.write_text(text, encoding="utf-8")


def run_size(size, args, tmp, env, base, edited, notes) -> list[tuple]:
    # the corpus is read and sampled in a process of its own, so that this one stays
    # small: a child inherits its parent's peak memory (ru_maxrss survives exec)
    full_path, sub_path = tmp / f"corpus_{size}.parquet", tmp / f"sub_{size}.parquet"
    outlets = args.outlets.split(",") if args.outlets else []
    prep = PREPARE.format(
        path=args.corpus,
        size=size,
        seed=args.seed,
        outlets=outlets,
        full=str(full_path),
        sub=str(sub_path),
    )
    info = measure(prep, env={**env, "WORKBENCH_CACHE_DIR": str(tmp / "ingest")})["extra"]
    top = info["outlets"]

    def side(path, gazetteer, use_cache=True):
        code = RUN.format(
            corpus=str(path), gazetteer=str(gazetteer), use_cache=use_cache, aliases=ALIASES
        )
        return measure(code, env=env)

    n = f"{info['docs']:,}"
    rows = []
    cold = side(full_path, base)
    if not args.skip_cold:
        rows.append((f"cold, {n}: spaCy runs", *_cells(cold)))
    edit = side(full_path, edited)
    rows.append((f"after an edit, {n}", *_cells(edit)))
    sub = side(sub_path, edited)
    rows.append((f"subset (2 outlets) of {n}", *_cells(sub)))
    rerun = side(sub_path, edited, use_cache=False)
    rows.append((f"subset of {n}, model re-run", *_cells(rerun)))
    target = 5 if info["docs"] <= 1000 else 60
    notes.append(
        f"{n} articles, subset: {', '.join(top)} ({info['subset']:,} articles). After an edit: "
        f"extract_actors {edit['extra']['call_s']:.1f} s (target {target} s: "
        f"{'met' if edit['extra']['call_s'] <= target else 'NOT met'}), "
        f"{edit['wall_s']:.1f} s with imports and reading the corpus; "
        + (
            "the cold run (the cost of every edit while the model re-ran) is not timed "
            "here (--skip-cold)."
            if args.skip_cold
            else f"re-running the model on every edit would cost the cold run, "
            f"{cold['wall_s']:.0f} s."
        )
    )
    return rows


def _cells(r: dict) -> tuple:
    e = r["extra"]
    peak = max(r["peak_mb"], r["worker_peak_mb"])
    return (
        e["docs"],
        round(e["call_s"], 1),
        round(r["wall_s"], 1),
        round(peak),
        "loaded" if e["spacy"] else "not loaded",
        e["mentions"],
        e["alias_mentions"],
    )


if __name__ == "__main__":
    sys.exit(main())
