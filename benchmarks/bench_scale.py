"""Cost of every step as the corpus grows: 1,000, 4,000 and all 12,837 articles.

Each size gets an empty cache and each step runs in a fresh process, in order:
ingest (read, normalise, deduplicate), entities (spaCy and the gazetteer, then
resolution, co-occurrence and quotes), embeddings (the default embedding over the
topic units), topic fit (BERTopic on the cached embeddings) and timeline (from the cached
entities). One table from one run: seconds, peak memory and seconds per 1,000
articles for every step and size, so the growth with corpus size is visible, then
what a corpus of one million articles would cost at the largest size's rates.

Usage: ``python benchmarks/bench_scale.py [--sizes 1000,4000,0] [--steps ...]`` (0: all).
Smaller sizes are seeded random samples of the corpus, so every size spans its years.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from textwrap import dedent

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import measure, table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "ukraine_war_media_2022" / "articles.csv.gz"

LOAD = "import workbench\ncorpus = workbench.load_corpus(PATH, warn=False, progress=False)\n"
STEPS = {
    "ingest": "import workbench\nr = workbench.ingest(PATH, warn=False, progress=False)\n"
    "extra = {'docs': len(r.corpus), 'words': int(r.corpus['n_words'].sum())}\n",
    "entities": LOAD + "from workbench.actors import extract_actors\n"
    "a = extract_actors(corpus)\nextra = {'mentions': len(a.mentions)}\n",
    "embeddings": LOAD
    + dedent("""
        from workbench.topics.embeddings import Embedder
        from workbench.topics.fit import make_units, resolve_unit, resolve_windows
        level = resolve_unit("auto", corpus)
        units = make_units(corpus, level)
        windowed = Embedder(None).windowed  # as the topic fit embeds them (static: every word)
        windows = resolve_windows("auto", level, len(units), [], windowed=windowed)
        Embedder(None, max_windows=windows).embed(units["text"].tolist())
        extra = {'units': len(units), 'windows': windows or 'all'}
    """),
    "topic fit": LOAD + "from workbench.topics import fit_topics\nt = fit_topics(corpus)\n"
    "extra = {'topics': t.n_topics}\n",
    "timeline": LOAD + "from workbench.timeline import build_timeline\n"
    "tl = build_timeline(corpus)\nextra = {'events': len(tl.events)}\n",
}


def sample_input(path: Path, n: int, folder: Path) -> Path:
    """A seeded random sample of ``n`` rows of the corpus file, written as CSV (0: the file)."""
    if not n:
        return path
    import pandas as pd

    df = pd.read_csv(path, keep_default_na=False)
    out = folder / f"sample-{n}.csv.gz"
    df.sample(n=min(n, len(df)), random_state=0).sort_index().to_csv(out, index=False)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sizes", default="1000,4000,0", help="articles per run (0: all)")
    parser.add_argument("--steps", default=",".join(STEPS), help="steps to run, in order")
    args = parser.parse_args()
    steps = [s.strip() for s in args.steps.split(",")]
    rows, rates = [], {}
    for n in [int(s) for s in args.sizes.split(",")]:
        folder = Path(tempfile.mkdtemp(prefix=f"bench-scale-{n}-"))
        source = sample_input(args.path, n, folder)
        env = {**os.environ, "WORKBENCH_CACHE_DIR": str(folder / "cache"), "PYTHONPATH": str(ROOT)}
        docs = None
        for step in steps:
            r = measure(STEPS[step].replace("PATH", repr(str(source))), env=env)
            docs = r["extra"].get("docs", docs)
            size = docs or n
            per_k = 1000 * r["wall_s"] / size
            rates[step] = (per_k, r["peak_mb"])
            rows.append(
                (
                    f"{size:,}",
                    step,
                    r["wall_s"],
                    per_k,
                    r["peak_mb"],
                    ", ".join(
                        f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}"
                        for k, v in r["extra"].items()
                    ),
                )
            )
            print(f"  {size:>6,} articles  {step:<10} {r['wall_s']:8.1f} s", flush=True)
    print(f"\ncorpus: {args.path.name}   cores: {os.cpu_count()}\n")
    print(table(rows, ("articles", "step", "wall s", "s per 1k", "peak MB", "output")))
    print(
        "\none million articles at the largest size's rates (per-document steps scale linearly;"
        " the topic fit does not, see the README):"
    )
    print(
        table(
            [(s, per_k * 1000 / 3600, peak) for s, (per_k, peak) in rates.items()],
            ("step", "hours on 2 cores", "peak MB at the largest size"),
        )
    )


if __name__ == "__main__":
    main()
