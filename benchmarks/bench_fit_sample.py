"""Topics fitted on a sample and assigned to the rest, beside the full fit; and a million articles.

One run, one table, then the projection:

1. the 12,837-article corpus (document units, the default embedding): the full fit (seed
   42), the full fit again with seed 43 (the baseline: how much two full fits agree), and
   ``fit_topics(..., fit_sample=4000)`` (seed 42), each in a fresh process whose embeddings
   are already cached (computed once, beforehand, in a process of their own) and whose
   UMAP and fit caches are empty. Columns: seconds of ``fit_topics`` (the embeddings read
   from the cache first, outside the timing), topics, outlier share (of all units, and of
   the fitted and the assigned units), peak memory of the process and its workers, and the
   adjusted Rand index (``sklearn.metrics.adjusted_rand_score``, the outlier topic -1 a
   label like the others) of each fit's topics against the seed-42 full fit's, over all
   units, over the units the sampled fit assigned (outside its sample), and over the
   units both fits put in a topic (most disagreement is about what is an outlier);
2. OCTIS BBC News (2,225 documents, ``benchmarks/topic_quality.py``'s loading and NPMI,
   nr_topics 20, seeds 0, 1, 2, UMAP and fit caches empty): mean NPMI, diversity and
   topics of the full fit and of a fit on 1,000 of the documents.

Then the assignment rate, measured in the sampled fit's process on the assigned units
(one process; and two spawned worker processes, their start-up included), and what a
million articles would cost at these rates: the fit is a fit on the sample, whatever the
corpus size, and assignment is linear in the units and parallel.

Usage: ``python benchmarks/bench_fit_sample.py [--corpus CSV] [--sample 4000] [--bbc DIR]
[--bbc-sample 1000] [--seeds 0,1,2] [--skip-bbc]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import pandas as pd

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from _measure import measure, table  # noqa: E402

ROOT = BENCH.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine_war_media_2022" / "articles.csv.gz"
SEED = 42
#: Cache folders a timed fit must not find warm (the rest, embeddings included, is reused).
COLD = ("umap", "topic_fits")
#: Units of the projection.
MILLION = 1_000_000


def embed_units(corpus: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The document units and their embeddings, as ``fit_topics(unit="document")`` makes them."""
    from workbench.topics.embeddings import Embedder
    from workbench.topics.fit import make_units, resolve_windows

    units = make_units(corpus, "document")
    windowed = Embedder(None).windowed
    windows = resolve_windows("auto", "document", len(units), [], windowed=windowed)
    texts = units["text"].tolist()
    return units, Embedder(None, max_windows=windows).fit(texts).embed(texts)


def embed_step(path: str) -> dict:
    """Fill the embedding cache (run in a process of its own before the fits)."""
    import workbench

    corpus = workbench.load_corpus(path, warn=False, progress=False)
    start = time.perf_counter()
    units, _ = embed_units(corpus)
    return {"units": len(units), "embed_s": time.perf_counter() - start}


def fit_step(path: str, fit_sample: int | None, out: str, seed: int = SEED) -> dict:
    """One timed fit: embeddings read first (untimed), then ``fit_topics``; topics to ``out``."""
    import workbench
    from workbench.topics import fit_topics

    corpus = workbench.load_corpus(path, warn=False, progress=False)
    embed_units(corpus)  # the cached vectors, now in this process's memory
    start = time.perf_counter()
    result = fit_topics(corpus, unit="document", fit_sample=fit_sample, seed=seed)
    fit_s = time.perf_counter() - start
    result.doc_topics[["unit_id", "topic"]].to_parquet(out)
    extra = {
        "fit_s": fit_s,
        "units": len(result.units),
        "topics": result.n_topics,
        "outliers": result.outlier_share,
    }
    if fit_sample is not None:
        extra |= assignment_rates(result, fit_sample)
    return extra


def assignment_rates(result, fit_sample: int) -> dict:
    """Seconds to assign the non-sample units again: in this process, and over 2 workers."""
    from workbench.topics.assign import Predictor, assign_topics, sample_indices

    fitted = sample_indices(len(result.units), fit_sample, SEED)
    rest = np.setdiff1d(np.arange(len(result.units)), fitted)
    topics = result.doc_topics["topic"].to_numpy()
    predictor = Predictor(result.model)
    x = result.embeddings[rest]
    start = time.perf_counter()
    serial, _ = assign_topics(predictor, x, workers=1)
    serial_s = time.perf_counter() - start
    start = time.perf_counter()
    pooled, _ = assign_topics(predictor, x, workers=2)
    pool_s = time.perf_counter() - start
    return {
        "assigned": len(rest),
        "serial_s": serial_s,
        "pool_s": pool_s,
        "pool_equal": bool(np.array_equal(serial, pooled) and np.array_equal(serial, topics[rest])),
        "fitted_outliers": float((topics[fitted] == -1).mean()),
        "assigned_outliers": float((topics[rest] == -1).mean()),
    }


def run_in_process(step: str, *args, cache: Path) -> dict:
    """``step(*args)`` in a fresh interpreter whose cache is ``cache``."""
    env = dict(os.environ, WORKBENCH_CACHE_DIR=str(cache))
    code = (
        f"import sys; sys.path.insert(0, {str(BENCH)!r})\n"
        "import bench_fit_sample as b\n"
        f"extra = b.{step}(*{args!r})\n"
    )
    return measure(code, env=env)


def cold_fit_cache(real: Path, folder: Path) -> Path:
    """A cache folder sharing the entries of ``real`` (embeddings, corpus ...) but :data:`COLD`."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in real.iterdir():
        if entry.name not in COLD and not entry.name.startswith("."):
            (folder / entry.name).symlink_to(entry)
    return folder


#: The fits of the large corpus: name, fit_sample (None: all), seed.
FITS = (("full", None, SEED), ("full, seed 43", None, SEED + 1), ("sample", "N", SEED))


def large_corpus(path: Path, sample: int) -> tuple[list[tuple], dict]:
    """The full fits and the sampled fit of the large corpus: table rows and the sampled extras."""
    from workbench import config

    real = config.cache_dir()
    print(f"embedding {path.name} (cached after the first run) ...", flush=True)
    embedded = run_in_process("embed_step", str(path), cache=real)["extra"]
    print(f"  {embedded['units']:,} units, {embedded['embed_s']:.1f}s; load {_load()}", flush=True)
    runs = {}
    with tempfile.TemporaryDirectory(prefix="bench_fit_sample.") as tmp:
        for i, (name, fit_sample, seed) in enumerate(FITS):
            fit_sample = sample if fit_sample == "N" else fit_sample
            cache = cold_fit_cache(real, Path(tmp) / f"cache-{i}")
            out = str(Path(tmp) / f"fit-{i}.parquet")
            print(f"fit: {name} ...", flush=True)
            runs[name] = run_in_process("fit_step", str(path), fit_sample, out, seed, cache=cache)
            frame = pd.read_parquet(out)
            runs[name]["units"], runs[name]["topics"] = frame["unit_id"], frame["topic"].to_numpy()
            print(f"  {runs[name]['extra']['fit_s']:.1f}s; load {_load()}", flush=True)
    assert all(r["units"].equals(runs["full"]["units"]) for r in runs.values())
    s = runs["sample"]["extra"]
    rest = np.ones(s["units"], dtype=bool)
    rest[_sample_positions(s["units"], sample)] = False
    rows = []
    for name, _, seed in FITS:
        e, r = runs[name]["extra"], runs[name]
        is_sample = name == "sample"
        label = (
            f"fit_sample={sample:,}"
            if is_sample
            else "full fit" + ("" if seed == SEED else f", seed {seed}")
        )
        rows.append(
            (
                f"{path.name}: {label}",
                f"{sample:,} of {e['units']:,}" if is_sample else f"{e['units']:,}",
                f"{e['fit_s']:.1f}",
                e["topics"],
                _pct(e["outliers"]),
                f"{_pct(s['fitted_outliers'])} / {_pct(s['assigned_outliers'])}"
                if is_sample
                else "",
                round(r["peak_mb"] + r["worker_peak_mb"]),
                _ari(runs["full"]["topics"], r["topics"]),
                _ari(runs["full"]["topics"][rest], r["topics"][rest]),
                _ari_placed(runs["full"]["topics"], r["topics"]),
                "",
                "",
            )
        )
    return rows, s | {"full_fit_s": runs["full"]["extra"]["fit_s"]}


def _ari_placed(a: np.ndarray, b: np.ndarray) -> str:
    """ARI over the units both fits put in a topic, and their share."""
    both = (a != -1) & (b != -1)
    return f"{_ari(a[both], b[both])} ({both.mean():.0%})"


def _ari(a: np.ndarray, b: np.ndarray) -> str:
    from sklearn.metrics import adjusted_rand_score

    return f"{adjusted_rand_score(a, b):.3f}"


def _sample_positions(n: int, sample: int) -> np.ndarray:
    from workbench.topics.assign import sample_indices

    return sample_indices(n, sample, SEED)


def bbc(folder: Path, sample: int, seeds: list[int]) -> list[tuple]:
    """NPMI and diversity on BBC News, 20 topics: the full fit and a fit on ``sample`` documents.

    Fitted here, with the embeddings cache shared and the UMAP and fit caches empty.
    """
    from topic_quality import Scorer, load_octis, quality

    from workbench import config

    tokens = load_octis(folder)
    docs = [" ".join(t) for t in tokens]
    corpus = pd.DataFrame({"doc_id": [f"bbc-{i:04d}" for i in range(len(docs))], "text": docs})
    scorer = Scorer(tokens)
    rows = []
    real, before = config.cache_dir(), os.environ.get("WORKBENCH_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="bench_fit_sample.bbc.") as tmp:
        os.environ["WORKBENCH_CACHE_DIR"] = str(cold_fit_cache(real, Path(tmp) / "cache"))
        try:
            for label, fit_sample in (("full fit", None), (f"fit_sample={sample:,}", sample)):
                per_k, (_, npmi, diversity, seconds) = quality(
                    f"BBC {label}",
                    lambda k, seed, n=fit_sample: bbc_topics(corpus, k, seed, n),
                    [20],
                    seeds,
                    scorer,
                )
                fitted = f"{sample:,} of {len(docs):,}" if fit_sample else f"{len(docs):,}"
                topics = per_k[0][2]
                row = (f"BBC News: {label}", fitted, f"{seconds:.1f}", topics, *[""] * 6)
                rows.append((*row, f"{npmi:.3f}", f"{diversity:.3f}"))
        finally:
            if before is None:
                os.environ.pop("WORKBENCH_CACHE_DIR", None)
            else:
                os.environ["WORKBENCH_CACHE_DIR"] = before
    return rows


def bbc_topics(corpus: pd.DataFrame, k: int, seed: int, fit_sample: int | None):
    """Topic word lists of one BBC fit, and its seconds (as ``topic_quality`` scores them)."""
    from workbench.topics import fit_topics

    start = time.perf_counter()
    result = fit_topics(corpus, unit="document", nr_topics=k, seed=seed, fit_sample=fit_sample)
    seconds = time.perf_counter() - start
    words = result.topic_words[result.topic_words["topic"] != -1]
    return [g.sort_values("rank")["word"].tolist() for _, g in words.groupby("topic")], seconds


def projection(s: dict, sample: int) -> tuple[list[tuple], str]:
    """A million articles at the measured rates: the fit on the sample, assignment in parallel."""
    per_unit = s["serial_s"] / s["assigned"]
    startup = max(0.0, s["pool_s"] - s["serial_s"] / 2)
    sample_fit = max(1.0, s["fit_s"] - s["serial_s"])  # fit_topics assigned in-process
    # UMAP and HDBSCAN grow faster than linearly with the units fitted: at least linear here.
    grow = max(1.0, np.log(s["full_fit_s"] / sample_fit) / np.log(s["units"] / sample))
    rows = []
    for n_fit in (sample, 20_000, 100_000):
        fit_s = sample_fit * (n_fit / sample) ** grow
        rest = MILLION - n_fit
        rows.append(
            (
                f"fit_sample={n_fit:,}",
                _duration(fit_s) + ("" if n_fit == sample else " *"),
                _duration(rest * per_unit),
                _duration(startup + rest * per_unit / 2),
                _duration(startup + rest * per_unit / 16),
            )
        )
    note = (
        f"assignment: {1 / per_unit:,.0f} units/s per process (measured on {s['assigned']:,} "
        f"units); 2 spawned workers took {s['pool_s']:.1f}s for them (one process "
        f"{s['serial_s']:.1f}s), so starting the pool costs about {startup:.0f}s.\n"
        f"fit on the sample: {sample_fit:.0f}s for {sample:,} units (fit_topics less its "
        f"assignment), {s['full_fit_s']:.0f}s for all {s['units']:,}; * extrapolated as "
        f"time ~ units^{grow:.2f} from those two (at least linear).\n"
        "Assignment per process is linear (a UMAP transform against the sample's search index "
        "and HDBSCAN's approximate prediction per chunk); the cluster column is 8 workers of "
        "2 cores (16 processes), scheduling and data transfer not counted. Embedding and "
        "entities are not in this table."
    )
    return rows, note


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the large corpus file")
    parser.add_argument("--sample", type=int, default=4_000, help="fit_sample on it (4000)")
    parser.add_argument("--bbc", type=Path, default=None, help="the OCTIS BBC News folder")
    parser.add_argument("--bbc-sample", type=int, default=1_000, help="fit_sample on BBC (1000)")
    parser.add_argument("--seeds", default="0,1,2", help="BBC seeds (default 0,1,2)")
    parser.add_argument("--skip-bbc", action="store_true", help="leave out BBC News")
    args = parser.parse_args(argv)
    from workbench.core import pool

    print(f"cores {pool.cores()}; load average at start {_load()}", flush=True)
    rows, sampled = large_corpus(args.corpus, args.sample)
    if not args.skip_bbc:
        from topic_quality import DEFAULT as BBC

        seeds = [int(s) for s in args.seeds.split(",")]
        rows += bbc(args.bbc or BBC, args.bbc_sample, seeds)
    header = (
        "fit",
        "units fitted",
        "fit s",
        "topics",
        "outliers",
        "fitted / assigned outliers",
        "peak MB",
        "ARI all",
        "ARI assigned",
        "ARI both in topics",
        "NPMI",
        "diversity",
    )
    print(f"\ntopics fitted on a sample beside the full fit (load average now {_load()})\n")
    print(table(rows, header))
    print(
        "\nfit s: fit_topics on cached embeddings, UMAP and fit caches empty (BBC: mean of the "
        "seeds; topics too).\nARI: adjusted Rand index of the topics against the seed-42 full "
        "fit's (outliers a label); 'assigned': the units outside the sample; 'both in topics': the "
        "units neither fit calls outliers (their share).\n"
        f"parallel assignment equal to serial and to fit_topics' own: {sampled['pool_equal']}"
    )
    proj, note = projection(sampled, args.sample)
    print(f"\na million document units at these rates (this machine: {pool.cores()} cores)\n")
    print(
        table(
            proj,
            ("", "fit (driver)", "assign: 1 process", "2 processes", "8 x 2-core workers"),
        )
    )
    print(f"\n{note}")


if __name__ == "__main__":
    main()
