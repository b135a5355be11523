"""The per-topic tables of a fit: words, readable labels, representative passages.

:func:`summarise` turns a fitted BERTopic model and the topic of every unit
into ``doc_topics``, ``topic_info``, ``topic_words``, ``representatives`` and
the topic centroids. Topic words and weights are c-TF-IDF's; a label is the
first three maximal-marginal-relevance words (distinct words, not three forms
of one); representative passages are the units closest to their topic's mean
embedding, from different documents where possible.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.topics import models as topic_models

#: Representative passages kept per topic.
N_REPRESENTATIVES = 3
#: The label of topic -1.
OUTLIER_LABEL = "(outliers: no topic)"


def summarise(
    model, units: pd.DataFrame, embeddings: np.ndarray, topics: np.ndarray, probs
) -> dict:
    """The tables of a fit.

    Args:
        model: The fitted BERTopic model.
        units: The modelled units (``unit_id``, ``doc_id``, ``text``).
        embeddings: Unit embeddings, rows aligned with ``units``.
        topics: The topic of every unit.
        probs: BERTopic's probability per unit, or None.

    Returns:
        ``doc_topics``, ``topic_info``, ``topic_words``, ``representatives`` and ``centroids``
        (unit-length mean embedding per topic, rows in ``topic_info`` order). In
        ``topic_info``, ``words``, ``weights`` and ``representative_units`` are lists.
    """
    order = _topic_order(topics)
    centroids = np.vstack([_unit_mean(embeddings[topics == t]) for t in order])
    similarity = np.einsum("ij,ij->i", embeddings, centroids[[order.index(t) for t in topics]])
    doc_topics = pd.DataFrame(
        {
            "unit_id": units["unit_id"],
            "doc_id": units["doc_id"],
            "topic": topics.astype(int),
            "probability": _probabilities(probs, similarity, topics),
        }
    )
    topic_words = _topic_words(model, order)
    representatives = pick_representatives(units, topics, similarity, order)
    labels = _label_words(model, order)
    topic_info = _topic_info(order, topics, topic_words, representatives, labels)
    return dict(
        doc_topics=doc_topics,
        topic_info=topic_info,
        topic_words=topic_words,
        representatives=representatives,
        centroids=centroids,
    )


def _topic_order(topics: np.ndarray) -> list[int]:
    """Topics by size (largest first), the outlier topic last; ties by number."""
    counts = pd.Series(topics).value_counts()
    real = sorted((t for t in counts.index if t != -1), key=lambda t: (-counts[t], t))
    return [int(t) for t in real] + ([-1] if -1 in counts.index else [])


def _unit_mean(x: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=0)
    norm = np.linalg.norm(mean)
    return mean / norm if norm else mean


def _probabilities(probs, similarity: np.ndarray, topics: np.ndarray) -> np.ndarray:
    """BERTopic's probability where it gives one, else the similarity to the topic's centroid."""
    fallback = np.clip(similarity, 0, 1)
    if probs is None or np.ndim(probs) != 1 or len(probs) != len(topics):
        return np.round(fallback, 4)
    p = np.asarray(probs, dtype=float)
    return np.round(np.where(np.isnan(p), fallback, p), 4)


def _topic_words(model, order: list[int]) -> pd.DataFrame:
    rows = []
    for t in order:
        words = model.get_topic(t) or []
        rows += [(t, r, w, round(float(s), 5)) for r, (w, s) in enumerate(words, start=1) if w]
    return pd.DataFrame(rows, columns=["topic", "rank", "word", "weight"])


def _label_words(model, order: list[int]) -> dict[int, list[str]]:
    """Each topic's label words: the MMR aspect where BERTopic has one, else the topic words."""
    aspect = (getattr(model, "topic_aspects_", None) or {}).get(topic_models.LABEL_ASPECT, {})
    out = {}
    for t in order:
        words = [w for w, _ in aspect.get(t, [])] or [w for w, _ in (model.get_topic(t) or [])]
        out[t] = [w for w in words if w]
    return out


def pick_representatives(
    units: pd.DataFrame, topics: np.ndarray, similarity: np.ndarray, order: list[int]
) -> pd.DataFrame:
    """The units closest to their topic's centroid, at most one per document while others remain.

    Args:
        units: ``unit_id``, ``doc_id``, ``text``.
        topics: The topic of every unit.
        similarity: Every unit's cosine similarity to its topic's centroid.
        order: The topics, in the order of the returned rows.

    Returns:
        ``topic, rank, unit_id, doc_id, similarity, text``, :data:`N_REPRESENTATIVES` per topic.
    """
    frame = units[["unit_id", "doc_id", "text"]].assign(
        topic=topics, similarity=np.round(similarity, 4)
    )
    rows = []
    for t in order:
        ranked = frame[frame["topic"] == t].sort_values("similarity", ascending=False)
        spread = ranked.drop_duplicates("doc_id")
        picked = pd.concat([spread, ranked.drop(spread.index)]).head(N_REPRESENTATIVES)
        rows.append(picked.assign(rank=range(1, len(picked) + 1)))
    out = pd.concat(rows, ignore_index=True) if rows else frame.head(0).assign(rank=0)
    return out[["topic", "rank", "unit_id", "doc_id", "similarity", "text"]]


def _topic_info(order, topics, topic_words, representatives, label_words) -> pd.DataFrame:
    sizes = pd.Series(topics).value_counts()
    words = topic_words.groupby("topic")
    reps = representatives.groupby("topic")
    rows = []
    for t in order:
        w = words.get_group(t) if t in words.groups else topic_words.head(0)
        r = reps.get_group(t) if t in reps.groups else representatives.head(0)
        rows.append(
            {
                "topic": t,
                "label": OUTLIER_LABEL if t == -1 else make_label(label_words[t], t),
                "size": int(sizes[t]),
                "share": round(float(sizes[t] / len(topics)), 4),
                "words": w["word"].tolist(),
                "weights": [round(float(x), 4) for x in w["weight"]],
                "representative_units": r["unit_id"].tolist(),
                "representative_text": shorten(r["text"].iloc[0]) if len(r) else "",
            }
        )
    info = pd.DataFrame(rows)
    return _unique_labels(info, label_words)


def make_label(words: list[str], topic: int, n: int = 3) -> str:
    """A readable label: the topic's first ``n`` words, e.g. ``"ceasefire, talks, geneva"``."""
    return ", ".join(words[:n]) if words else f"topic {topic}"


def _unique_labels(info: pd.DataFrame, label_words: dict[int, list[str]]) -> pd.DataFrame:
    """Lengthen labels that two topics share, one word at a time."""
    for n in range(4, 8):
        dup = info["label"].duplicated(keep=False) & (info["topic"] != -1)
        if not dup.any():
            break
        for i in info.index[dup]:
            t = info.at[i, "topic"]
            info.at[i, "label"] = make_label(label_words[t], t, n)
    return info


def shorten(text: str, limit: int = 300) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__ = [
    "N_REPRESENTATIVES",
    "OUTLIER_LABEL",
    "make_label",
    "pick_representatives",
    "shorten",
    "summarise",
]
