"""Actors layer vs plain spaCy: words per second and peak memory, on the same texts.

Runs, one after the other and each in its own process (so peak memory is that side's
alone, workers included):

- ``plain spaCy``: ``spacy.load(<model>)`` with its full default pipeline, then
  ``nlp.pipe(texts)`` with default settings (batch size, one process);
- ``workbench``: :func:`workbench.actors.extract_actors` with the cache off (the model
  runs): ner only, gazetteer ruler, two processes, then resolution, edges, quotes and
  citations.

Words are whitespace-separated tokens of the normalised texts; times include loading
the model. Peak memory is the largest sum of resident memory over the process and its
children, sampled every 0.1 s. Then it prints the 20 most frequent actors and checks
that no two of the 50 most frequent persons are the same person.

Usage::

    .venv/bin/python benchmarks/bench_actors.py            # 1,000 articles (about 4 minutes)
    .venv/bin/python benchmarks/bench_actors.py --limit 0  # the whole corpus (about 40 minutes)

The default is a seeded sample of 1,000 articles because plain spaCy needs about half
an hour for the whole corpus on two cores; the target is a rate, which the sample measures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine_war_media_2022" / "articles.csv.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS), help="input (anything ingest accepts)")
    parser.add_argument("--limit", type=int, default=1000, help="articles sampled (0: all)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--side", choices=["plain", "workbench"], help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        return run_side(args.side, Path(args.input), Path(args.output))
    return compare(args)


def compare(args: argparse.Namespace) -> int:
    import workbench

    corpus = workbench.ingest(args.corpus, warn=False, progress=False).corpus
    corpus = corpus[corpus["text"].fillna("").str.len() > 0]
    if args.limit and args.limit < len(corpus):
        corpus = corpus.sample(args.limit, random_state=args.seed).sort_index()
    words = int(corpus["text"].str.split().str.len().sum())
    print(
        f"{len(corpus):,} articles, {words:,} words from {Path(args.corpus).name}"
        f" ({'all' if not args.limit else f'seeded sample, --limit {args.limit}'})\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.parquet"
        workbench.save_corpus(corpus, source)
        results = {
            side: measure(side, source, Path(tmp) / f"{side}.parquet")
            for side in ("plain", "workbench")
        }
        actors = pd.read_parquet(Path(tmp) / "workbench.parquet")
    print_table(results, words)
    print_actors(actors)
    return 0


def measure(side: str, source: Path, output: Path) -> dict:
    import psutil

    cmd = [
        sys.executable,
        __file__,
        "--side",
        side,
        "--input",
        str(source),
        "--output",
        str(output),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    out = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"{side} side failed (exit {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_bytes"] = peak
    return result


def run_side(side: str, source: Path, output: Path) -> int:
    corpus = pd.read_parquet(source)
    start = time.perf_counter()
    if side == "plain":
        import spacy

        from workbench.actors.ner import model_name

        nlp = spacy.load(model_name())
        n = sum(len(doc.ents) for doc in nlp.pipe(corpus["text"].tolist()))
        detail = f"{'+'.join(nlp.pipe_names)}, batch {nlp.batch_size}, 1 process"
    else:
        from workbench.actors.extract import extract_actors

        tables = extract_actors(corpus, use_cache=False)
        n = len(tables.mentions)
        tables.actors.to_parquet(output)
        detail = "entity_ruler+ner, batch 64, 2 processes, + resolution, edges, quotes"
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "entities": n, "detail": detail}))
    return 0


def print_table(results: dict, words: int) -> None:
    rows = []
    for side, r in results.items():
        rows.append(
            {
                "side": "plain spaCy" if side == "plain" else "workbench",
                "seconds": round(r["seconds"], 1),
                "words/s": round(words / r["seconds"]),
                "peak memory (GB)": round(r["peak_bytes"] / 1e9, 2),
                "entities/mentions": r["entities"],
                "pipeline": r["detail"],
            }
        )
    table = pd.DataFrame(rows)
    speedup = results["plain"]["seconds"] / results["workbench"]["seconds"]
    print(table.to_string(index=False))
    peak = results["workbench"]["peak_bytes"] / 1e9
    print(
        f"\nspeed-up {speedup:.2f}x (target >= 1.5x: {'met' if speedup >= 1.5 else 'NOT met'}); "
        f"workbench peak {peak:.2f} GB (target <= 4 GB: {'met' if peak <= 4 else 'NOT met'})"
    )
    print("(timings are noisy when other work shares the two cores)\n")


def print_actors(actors: pd.DataFrame) -> None:
    from workbench.actors.names import same_person

    print("20 most frequent actors:")
    print(actors.head(20)[["actor", "actor_type", "n_mentions", "n_docs"]].to_string(index=False))
    persons = actors[actors["actor_type"] == "PERSON"].head(50)["actor"].tolist()
    dupes = [(a, b) for a, b in combinations(persons, 2) if same_person(a, b) or _nested(a, b)]
    print(
        f"\nduplicate check, 50 most frequent persons: "
        f"{'no two are the same person' if not dupes else f'{len(dupes)} suspect pair(s)'}"
    )
    for a, b in dupes:
        print(f"  {a}  <->  {b}")


def _nested(a: str, b: str) -> bool:
    """One name's words inside the other's ("Zelensky" and "Volodymyr Zelensky")."""
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return wa <= wb or wb <= wa


if __name__ == "__main__":
    sys.exit(main())
