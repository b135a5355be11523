"""Topic quality on BBC News, by the BERTopic paper's protocol, beside the paper's numbers.

Data: OCTIS's preprocessed BBC News (2,225 documents, the paper's data set).
Metrics, as OCTIS computes them: NPMI coherence of each topic's top 10 words
(gensim ``c_npmi``, sliding window 10, the corpus itself as reference) and
topic diversity (unique top-10 words over 10 x topics), averaged over
``nr_topics`` 10, 20, 30, 40, 50 and 3 runs each. Outlier topic -1 is not
scored; a word outside the corpus is replaced by the corpus' first word, as
the paper's evaluation code does.

Rows, from one run of this script:
1. the workbench's defaults (``fit_topics(..., unit="document", nr_topics=k)``, nothing else set);
2. plain ``BERTopic(nr_topics=k)`` on the same all-MiniLM-L6-v2 embeddings;
3. the paper's rows for BBC News (its evaluation repository's results).

Then embedding throughput, seconds per fit, and a cached re-run of a workbench
fit beside plain BERTopic's ``fit_transform`` on the same texts (which embeds).
Target: defaults at NPMI >= 0.17 and diversity >= 0.80, ahead of the paper's
BERTopic row and of plain BERTopic on both; the cached re-run >= 5x faster.

Usage: ``python benchmarks/topic_quality.py [--runs 3] [--topics 10,20,30,40,50] [--corpus DIR]``
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


def workbench_topics(corpus: pd.DataFrame, k: int, seed: int) -> tuple[list[list[str]], float]:
    from workbench.topics.fit import fit_topics

    start = time.perf_counter()
    result = fit_topics(corpus, unit="document", nr_topics=k, seed=seed)
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


def quality(name, fit, ks, runs, scorer) -> tuple[list[tuple], tuple]:
    """Score ``fit(k, run)`` over every k and run; per-k rows and the averaged row."""
    per_k, all_scores = [], []
    for k in ks:
        scores = []
        for run in range(runs):
            topics, seconds = fit(k, run)
            scores.append((*scorer.score(topics), seconds, len(topics)))
            print(
                f"  {name} nr_topics={k} run={run + 1}: NPMI {scores[-1][0]:.3f} "
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


def throughput(docs: list[str], n: int = 300) -> float:
    """Documents per second of the default model, cache off, on ``n`` documents."""
    from workbench.topics.embeddings import Embedder

    embedder = Embedder(use_cache=False)
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
    model = Embedder().model  # loaded outside the timing, as for the cached run
    start = time.perf_counter()
    BERTopic(embedding_model=model).fit_transform(docs)
    return cached, time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per number of topics (default 3)")
    parser.add_argument(
        "--topics", default="10,20,30,40,50", help="numbers of topics (default 10,...,50)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT, help="the OCTIS BBC News folder")
    parser.add_argument("--skip-rerun", action="store_true", help="skip the cached re-run timing")
    args = parser.parse_args(argv)
    ks = [int(k) for k in args.topics.split(",")]

    from workbench.topics.embeddings import Embedder

    tokens = load_octis(args.corpus)
    docs = [" ".join(t) for t in tokens]
    corpus = pd.DataFrame({"doc_id": [f"bbc-{i:04d}" for i in range(len(docs))], "text": docs})
    print(f"{len(docs)} documents; embedding throughput ...", flush=True)
    docs_per_s = throughput(docs)
    start = time.perf_counter()
    embeddings = Embedder().embed(docs)
    embed_s = time.perf_counter() - start
    scorer = Scorer(tokens)

    print("workbench defaults ...", flush=True)
    wb_k, wb = quality(
        "workbench defaults",
        lambda k, r: workbench_topics(corpus, k, 42 + r),
        ks,
        args.runs,
        scorer,
    )
    print("plain BERTopic ...", flush=True)
    pl_k, pl = quality(
        "plain BERTopic()", lambda k, r: plain_topics(docs, embeddings, k), ks, args.runs, scorer
    )

    rows = [(*wb, "all-MiniLM-L6-v2"), (*pl, "all-MiniLM-L6-v2")]
    rows += [
        (name, npmi, div, "", "all-mpnet-base-v2" if "BERTopic" in name or "CTM" in name else "")
        for name, npmi, div in PAPER
    ]
    print(f"\nBBC News (OCTIS, {len(docs)} docs): nr_topics {args.topics} x {args.runs} run(s)\n")
    print(table([_fmt_row(r) for r in rows], ("model", "NPMI", "diversity", "s/fit", "embeddings")))
    print("\nper number of topics (mean over runs)\n")
    print(
        table(
            [_fmt_row(r) for r in wb_k + pl_k],
            ("model", "nr_topics", "topics", "NPMI", "diversity", "s/fit"),
        )
    )
    print(
        "\ns/fit: one fit_transform (plain) or fit_topics call (workbench) on cached "
        "embeddings;\nthe workbench reuses its cached UMAP reduction for every nr_topics "
        "after the first of each seed."
    )
    words = np.mean([len(t) for t in tokens])
    print(
        f"embedding throughput (all-MiniLM-L6-v2, CPU, cache off): {docs_per_s:.1f} documents/s "
        f"({docs_per_s * words:.0f} words/s, {words:.0f} words per document); all {len(docs)} "
        f"documents through the cache: {embed_s:.1f}s"
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
