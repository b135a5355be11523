"""Topic quality on BBC News, by the BERTopic paper's protocol, beside the paper's numbers.

Data: OCTIS's preprocessed BBC News (2,225 documents, the paper's data set).
Metrics, as OCTIS computes them: NPMI coherence of each topic's top 10 words
(gensim ``c_npmi``, sliding window 10, the corpus itself as reference) and
topic diversity (unique top-10 words over 10 x topics), averaged over
``nr_topics`` 10, 20, 30, 40, 50 and seeds 0, 1, 2 by default. Outlier topic -1
is not scored; a word outside the corpus is replaced by the corpus' first word,
as the paper's evaluation code does.

Rows, from one run of this script:
1. the workbench's defaults (``fit_topics(..., unit="document", nr_topics=k, seed=s)``, nothing
   else set), once per embedding named with ``--embedding`` (default: ``static`` and ``minilm``);
2. plain ``BERTopic(nr_topics=k)`` on the all-MiniLM-L6-v2 embeddings;
3. the paper's rows for BBC News (its evaluation repository's results).

Then each embedding's throughput, seconds per fit, and a cached re-run of a workbench
fit beside plain BERTopic's ``fit_transform`` on the same texts (which embeds).
Targets: defaults at NPMI >= 0.17 and diversity >= 0.80, ahead of the paper's
BERTopic row and of plain BERTopic on both; the cached re-run >= 5x faster. The
default embedding must keep NPMI >= 0.176 (MiniLM's) and diversity >= 0.90 with
``--topics 20 --seeds 0,1,2`` (issue 13's protocol).

Usage: ``python benchmarks/topic_quality.py [--embedding static minilm] [--seeds 0,1,2]
[--topics 10,20,30,40,50] [--corpus DIR] [--skip-plain] [--skip-rerun]``
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "octis_bbc_news"

#: BBC News rows of the BERTopic paper (MaartenGr/BERTopic_evaluation results): NPMI, diversity.
PAPER = [
    ("BERTopic (paper, all-mpnet-base-v2)", 0.167, 0.794),
    ("Top2Vec (paper)", 0.171, 0.792),
    ("CTM (paper)", 0.094, 0.819),
    ("LDA (paper)", 0.014, 0.577),
    ("NMF (paper)", 0.012, 0.549),
]


def load_octis(folder: Path) -> list[list[str]]:
    """The tokenised documents of OCTIS's ``corpus.tsv``."""
    path = folder / "corpus.tsv"
    if not path.exists():
        sys.exit(f"topic_quality: {path} not found; give the OCTIS BBC News folder with --corpus")
    frame = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=["doc", "partition", "label"],
        quoting=csv.QUOTE_NONE,
        keep_default_na=False,
    )
    return [doc.split() for doc in frame["doc"]]


class Scorer:
    """NPMI and diversity of topic word lists, the OCTIS way."""

    def __init__(self, tokens: list[list[str]]) -> None:
        from gensim.corpora import Dictionary

        self.tokens = tokens
        self.dictionary = Dictionary(tokens)
        self.words = set(self.dictionary.token2id)
        self.filler = tokens[0][0]

    def score(self, topics: list[list[str]]) -> tuple[float, float]:
        """NPMI and diversity of ``topics`` (lists of top words)."""
        from gensim.models.coherencemodel import CoherenceModel

        topics = [[w if w in self.words else self.filler for w in t[:10]] for t in topics if t]
        npmi = CoherenceModel(
            topics=topics,
            texts=self.tokens,
            dictionary=self.dictionary,
            coherence="c_npmi",
            topn=10,
            window_size=10,
            processes=1,
        ).get_coherence()
        diversity = len({w for t in topics for w in t}) / (10 * len(topics))
        return float(npmi), float(diversity)


def workbench_topics(
    corpus: pd.DataFrame, k: int, seed: int, embedding: str | None = None
) -> tuple[list[list[str]], float]:
    from workbench.topics.fit import fit_topics

    start = time.perf_counter()
    result = fit_topics(corpus, unit="document", nr_topics=k, seed=seed, embedding=embedding)
    seconds = time.perf_counter() - start
    words = result.topic_words[result.topic_words["topic"] != -1]
    return [g.sort_values("rank")["word"].tolist() for _, g in words.groupby("topic")], seconds


def plain_topics(docs: list[str], embeddings: np.ndarray, k: int) -> tuple[list[list[str]], float]:
    from bertopic import BERTopic

    start = time.perf_counter()
    model = BERTopic(nr_topics=k)
    topics, _ = model.fit_transform(docs, embeddings)
    seconds = time.perf_counter() - start
    return [[w for w, _ in model.get_topic(i)[:10]] for i in range(len(set(topics)) - 1)], seconds


def quality(name, fit, ks, seeds, scorer) -> tuple[list[tuple], tuple]:
    """Score ``fit(k, seed)`` over every k and seed; per-k rows and the averaged row."""
    per_k, all_scores = [], []
    for k in ks:
        scores = []
        for seed in seeds:
            topics, seconds = fit(k, seed)
            scores.append((*scorer.score(topics), seconds, len(topics)))
            print(
                f"  {name} nr_topics={k} seed={seed}: NPMI {scores[-1][0]:.3f} "
                f"diversity {scores[-1][1]:.3f} topics {len(topics)} {seconds:.1f}s",
                flush=True,
            )
        mean = np.mean(scores, axis=0)
        per_k.append(
            (name, k, round(mean[3], 1), round(mean[0], 3), round(mean[1], 3), round(mean[2], 1))
        )
        all_scores += scores
    mean = np.mean(all_scores, axis=0)
    return per_k, (name, round(mean[0], 3), round(mean[1], 3), round(mean[2], 1))


def fit_windows(embedding: str | None, n_docs: int) -> int | None:
    """The windows per document ``fit_topics(unit="document")`` embeds with ``embedding``."""
    from workbench.topics.embeddings import resolve_model
    from workbench.topics.fit import resolve_windows

    windowed = resolve_model(embedding).kind == "sentence-transformers"
    return resolve_windows("auto", "document", n_docs, [], windowed=windowed)


def throughput(docs: list[str], embedding: str | None = None, n: int = 300) -> float:
    """Documents per second of an embedding as the fit uses it, cache off, on ``n`` documents."""
    from workbench.topics.embeddings import Embedder

    windows = fit_windows(embedding, len(docs))
    embedder = Embedder(embedding, use_cache=False, max_windows=windows)
    embedder.embed(docs[:8])  # load the model outside the timing
    start = time.perf_counter()
    embedder.embed(docs[:n])
    return n / (time.perf_counter() - start)


def rerun_speed(corpus: pd.DataFrame, docs: list[str]) -> tuple[float, float]:
    """Seconds of a cached workbench re-run and of plain BERTopic's fit_transform (embedding)."""
    from bertopic import BERTopic

    from workbench.topics.embeddings import Embedder
    from workbench.topics.fit import fit_topics

    fit_topics(corpus, unit="document")  # fills the caches
    start = time.perf_counter()
    fit_topics(corpus, unit="document")
    cached = time.perf_counter() - start
    model = Embedder("minilm").model  # loaded outside the timing, as for the cached run
    start = time.perf_counter()
    BERTopic(embedding_model=model).fit_transform(docs)
    return cached, time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--embedding",
        nargs="+",
        default=["static", "minilm"],
        metavar="NAME",
        help="embeddings to fit the workbench's defaults with (default: static minilm)",
    )
    parser.add_argument("--seeds", default="0,1,2", help="seeds, one run each (default 0,1,2)")
    parser.add_argument(
        "--topics", default="10,20,30,40,50", help="numbers of topics (default 10,...,50)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT, help="the OCTIS BBC News folder")
    parser.add_argument("--skip-plain", action="store_true", help="skip plain BERTopic's rows")
    parser.add_argument("--skip-rerun", action="store_true", help="skip the cached re-run timing")
    args = parser.parse_args(argv)
    ks = [int(k) for k in args.topics.split(",")]
    seeds = [int(s) for s in args.seeds.split(",")]

    from workbench.topics.embeddings import Embedder

    tokens = load_octis(args.corpus)
    docs = [" ".join(t) for t in tokens]
    corpus = pd.DataFrame({"doc_id": [f"bbc-{i:04d}" for i in range(len(docs))], "text": docs})
    scorer = Scorer(tokens)
    rows, per_k, rates = [], [], []
    for embedding in args.embedding:
        windows = fit_windows(embedding, len(docs))
        embedder = Embedder(embedding, max_windows=windows)
        name = embedder.name
        print(f"{len(docs)} documents; {name}: embedding throughput ...", flush=True)
        docs_per_s = throughput(docs, embedding)
        start = time.perf_counter()
        embedder.embed(docs)  # fills the cache the fits read
        what = embedder.describe("document").removeprefix("embeddings: ")
        rates.append((what, docs_per_s, time.perf_counter() - start))
        print(f"workbench defaults, {name} ...", flush=True)
        wb_k, wb = quality(
            f"workbench, {name}",
            lambda k, seed, e=embedding: workbench_topics(corpus, k, seed, e),
            ks,
            seeds,
            scorer,
        )
        rows.append((*wb, name))
        per_k += wb_k
    if not args.skip_plain:
        print("plain BERTopic ...", flush=True)
        embeddings = Embedder("minilm", max_windows=fit_windows("minilm", len(docs))).embed(docs)
        pl_k, pl = quality(
            "plain BERTopic()", lambda k, s: plain_topics(docs, embeddings, k), ks, seeds, scorer
        )
        rows.append((*pl, "all-MiniLM-L6-v2"))
        per_k += pl_k
    rows += [
        (name, npmi, div, "", "all-mpnet-base-v2" if "BERTopic" in name or "CTM" in name else "")
        for name, npmi, div in PAPER
    ]
    print(f"\nBBC News (OCTIS, {len(docs)} docs): nr_topics {args.topics} x seeds {args.seeds}\n")
    print(table([_fmt_row(r) for r in rows], ("model", "NPMI", "diversity", "s/fit", "embeddings")))
    print("\nper number of topics (mean over seeds)\n")
    print(
        table(
            [_fmt_row(r) for r in per_k],
            ("model", "nr_topics", "topics", "NPMI", "diversity", "s/fit"),
        )
    )
    print(
        "\ns/fit: one fit_transform (plain) or fit_topics call (workbench) on cached "
        "embeddings;\nthe workbench reuses its cached UMAP reduction for every nr_topics "
        "after the first of each seed."
    )
    words = np.mean([len(t) for t in tokens])
    print(f"\nembedding throughput (CPU, cache off; {words:.0f} words per document)\n")
    print(
        table(
            [(n, round(r, 1), round(r * words), round(s, 1)) for n, r, s in rates],
            ("embedding (as fit_topics uses it)", "docs/s", "words/s", f"{len(docs)} docs, s"),
        )
    )
    if not args.skip_rerun:
        cached, plain = rerun_speed(corpus, docs)
        print(
            f"cached re-run of a workbench fit: {cached:.1f}s; plain BERTopic fit_transform "
            f"(embeds): {plain:.1f}s; {plain / cached:.1f}x faster"
        )


def _fmt_row(row: tuple) -> tuple:
    return tuple(f"{c:.3f}" if isinstance(c, float) and abs(c) < 1 else c for c in row)


if __name__ == "__main__":
    main()
