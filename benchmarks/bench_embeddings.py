"""Full-text embedding rate of each backend on the 12,837-article corpus, beside MiniLM's.

Every word of every article is embedded (no lead-only shortcut). Each backend runs
in its own fresh process (``_measure.measure``), with the vector cache off and the
model loaded before the clock starts:

* ``minilm``: all-MiniLM-L6-v2 through sentence-transformers, every 254-token window
  mean-pooled (``Embedder("minilm", max_windows=None)``), on a seeded sample of
  ``--sample`` articles; its time for the whole corpus is projected from its words/s;
* ``onnx-int8``: the same model exported to ONNX and quantised to int8 offline (the
  weight matrices of the linear layers only, dynamic quantisation), run by ONNX
  Runtime with the same windows and pooling, on the same sample (projected), with
  the mean cosine of its vectors to MiniLM's fp32 ones; its export and quantisation
  are a row of their own. Needs ``onnxruntime`` and ``onnx`` (dev extras);
* ``static``: the model2vec model distilled from MiniLM (the default), on all the
  articles, and its one-off distillation (into a temporary models folder) as a row
  of its own.

Target (issue 13): the default embeds the corpus at least 5x faster than MiniLM
with every window. One table from one run; the load average is printed beside it,
since other work on the machine slows every row.

Usage: ``python benchmarks/bench_embeddings.py [--corpus FILE] [--sample 300]
[--backends minilm onnx-int8 static distill]``
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
BACKENDS = ("minilm", "onnx-int8", "static", "distill")

#: Reads the texts (all, or the sample) and times ``embed(texts)`` after a warm-up.
PRELUDE = """
import os, time
os.environ.setdefault("HF_HUB_OFFLINE", "1")
import numpy as np, pandas as pd
texts = pd.read_parquet({texts!r})["text"].tolist()
"""

SIDES = {
    "minilm": """
        from workbench.topics.embeddings import Embedder
        embedder = Embedder("minilm", use_cache=False, max_windows=None)
        embedder.embed(texts[:8])  # load the model outside the timing
        start = time.perf_counter()
        vectors = embedder.embed(texts)
        seconds = time.perf_counter() - start
        np.save({vectors!r}, vectors)
        extra = {{"seconds": seconds}}
    """,
    "static": """
        from workbench.topics.embeddings import Embedder
        embedder = Embedder("static", use_cache=False)
        embedder.embed(texts[:8])  # load (or first distil) the model outside the timing
        start = time.perf_counter()
        vectors = embedder.embed(texts)
        seconds = time.perf_counter() - start
        extra = {{"seconds": seconds, "dims": int(vectors.shape[1])}}
    """,
    "distill": """
        from workbench import config
        from workbench.topics import static
        start = time.perf_counter()
        static.build(config.models_dir(static.FOLDER))
        extra = {{"seconds": time.perf_counter() - start}}
    """,
    "onnx-int8": """
        import sys
        sys.path.insert(0, {bench!r})
        import _onnx
        start = time.perf_counter()
        path = _onnx.export_int8({folder!r})
        built = time.perf_counter() - start
        encoder = _onnx.OnnxMiniLM(path)
        encoder.encode(texts[:8])  # load the session outside the timing
        start = time.perf_counter()
        vectors = encoder.encode(texts)
        seconds = time.perf_counter() - start
        fp32 = np.load({vectors!r}) if os.path.exists({vectors!r}) else None
        cosine = float((vectors * fp32).sum(axis=1).mean()) if fp32 is not None else None
        low = float((vectors * fp32).sum(axis=1).min()) if fp32 is not None else None
        extra = {{"seconds": seconds, "built": built, "cosine": cosine, "min_cosine": low}}
    """,
}


def load_texts(path: Path) -> list[str]:
    """The normalised text of every article, as the topic fit reads it."""
    import workbench

    corpus = workbench.load_corpus(path, warn=False, progress=False)
    return corpus["text"].fillna("").astype(str).tolist()


def write_texts(texts: list[str], path: Path) -> Path:
    import pandas as pd

    pd.DataFrame({"text": texts}).to_parquet(path)
    return path


def run_side(name: str, texts_path: Path, folder: Path, env: dict[str, str]) -> dict:
    code = PRELUDE.format(texts=str(texts_path)) + dedent(SIDES[name]).format(
        vectors=str(folder / "minilm.npy"),
        bench=str(Path(__file__).resolve().parent),
        folder=str(folder / "onnx"),
    )
    print(f"  {name} ...", flush=True)
    result = measure(code, env=env)
    result["load"] = os.getloadavg()[0]
    return result


def onnx_available() -> str:
    """Why the ONNX row cannot run, or ``""``."""
    import importlib.util

    missing = [m for m in ("onnxruntime", "onnx") if importlib.util.find_spec(m) is None]
    return f"{' and '.join(missing)} not installed (dev extras)" if missing else ""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT, help="the corpus file")
    parser.add_argument("--sample", type=int, default=300, help="articles MiniLM runs on")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample (default 0)")
    parser.add_argument("--backends", nargs="+", default=list(BACKENDS), choices=BACKENDS)
    args = parser.parse_args(argv)

    import numpy as np

    print(f"loading {args.corpus.name} ...", flush=True)
    texts = load_texts(args.corpus)
    words = np.array([len(t.split()) for t in texts])
    rng = np.random.default_rng(args.seed)
    pick = np.sort(rng.choice(len(texts), size=min(args.sample, len(texts)), replace=False))
    load_before = os.getloadavg()
    results, skipped = {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-embeddings-") as tmp:
        folder = Path(tmp)
        all_path = write_texts(texts, folder / "all.parquet")
        sample_path = write_texts([texts[i] for i in pick], folder / "sample.parquet")
        env = {**os.environ, "WORKBENCH_MODELS_DIR": str(folder / "models")}
        for name in args.backends:
            if name == "onnx-int8" and (why := onnx_available()):
                skipped[name] = why
                continue
            source = all_path if name == "static" else sample_path
            side_env = env if name == "distill" else dict(os.environ)
            results[name] = run_side(name, source, folder, side_env)
    load_after = os.getloadavg()
    print_table(results, skipped, len(texts), int(words.sum()), int(words[pick].sum()), len(pick))
    print(
        f"\nload average (1, 5, 15 min) before: {load_before[0]:.1f} {load_before[1]:.1f} "
        f"{load_before[2]:.1f}; after: {load_after[0]:.1f} {load_after[1]:.1f} "
        f"{load_after[2]:.1f} on {os.cpu_count()} cores"
    )


def print_table(results, skipped, n_docs, n_words, sample_words, n_sample) -> None:
    rows = []
    base = results.get("minilm")
    base_s = base and base["extra"]["seconds"] * n_words / sample_words

    def rate_row(label, res, docs, n_w, projected):
        sec = res["extra"]["seconds"]
        total = sec * n_words / n_w if projected else sec
        speed = f"{base_s / total:.1f}x" if base_s else ""
        where = f"{docs:,} sampled (projected)" if projected else f"all {docs:,}"
        peak = max(res["peak_mb"], res["worker_peak_mb"])
        rate = (round(docs / sec, 1), round(n_w / sec), round(total))
        return (label, where, *rate, speed, peak, round(res["load"], 1))

    if "minilm" in results:
        rows.append(rate_row("all-MiniLM-L6-v2, every window", base, n_sample, sample_words, True))
    if "onnx-int8" in results:
        res = results["onnx-int8"]
        rows.append(rate_row("MiniLM int8 ONNX Runtime", res, n_sample, sample_words, True))
    if "static" in results:
        rows.append(rate_row("static (model2vec)", results["static"], n_docs, n_words, False))
    header = ("embedding (every word)", "measured on", "docs/s", "words/s", "all, s", "speed")
    print(f"\nfull-text embedding of {n_docs:,} articles ({n_words:,} words), cache off\n")
    print(table(rows, (*header, "peak MB", "load")))
    once = []
    if "distill" in results:
        res = results["distill"]
        once.append(("static: distil from MiniLM", round(res["extra"]["seconds"], 1), res["load"]))
    if "onnx-int8" in results:
        res = results["onnx-int8"]
        once.append(("ONNX: export + int8", round(res["extra"]["built"], 1), res["load"]))
    if once:
        print("\none-off model builds\n")
        print(table(once, ("build", "seconds", "load")))
    if "onnx-int8" in results and results["onnx-int8"]["extra"]["cosine"] is not None:
        ex = results["onnx-int8"]["extra"]
        print(
            f"\nint8 ONNX vs fp32 MiniLM on the {n_sample} sampled articles: mean cosine "
            f"{ex['cosine']:.4f}, lowest {ex['min_cosine']:.4f} (target: mean >= 0.99)"
        )
    for name, why in skipped.items():
        print(f"{name}: not measured: {why}")
    print(
        "\nprojected: seconds on the sample x all words / the sample's words. speed: the "
        "projected time of MiniLM with every window / the row's time for all articles.\n"
        "load: the 1-minute load average as the row finished (other work slows every row)."
    )


if __name__ == "__main__":
    main()
