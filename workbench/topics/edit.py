"""Editing a fitted topic model in sync: relabel, merge, and find topics by a keyword.

:func:`relabel` and :func:`merge` return a *new*
:class:`~workbench.topics.result.TopicResult` (the one they are given is left as it was)
whose BERTopic model, ``labels()``, ``topic_info``, ``topic_words``, ``doc_topics``,
representatives, centroids and every table computed from it agree; each edit is recorded
in ``result.edits`` and saved with the result. Editing ``result.model`` directly
(``set_topic_labels``, ``merge_topics``) changes the model only: the tables do not follow,
and the result warns (:class:`TopicSyncWarning`) once it notices.

Merging follows BERTopic: the merged topic takes the first topic of its group, and then
every topic is renumbered by size (0 the largest); ``result.edits[-1]["mapping"]`` (and a
note) say which old topic became which. The other topics keep their labels (given with
:func:`relabel` or not) through the renumbering; a merged topic gets a new label from
its words.

:func:`find` ranks the topics for a keyword by the similarity of its embedding (the fit's
own embedding model, offline) to each topic's centroid, or, when that model cannot be
used, by the keyword's weight among the topic words.
"""

from __future__ import annotations

import copy
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal

import numpy as np
import pandas as pd

from workbench.core.errors import InputError, UserError
from workbench.topics.views import Result


class TopicSyncWarning(UserWarning):
    """``result.model`` was edited directly and no longer matches the result's tables."""


# ----------------------------------------------------------------------------- relabel


def relabel(result: Result, labels: Mapping[int, str]) -> Result:
    """A copy of ``result`` with new labels for some topics (the model's labels too).

    Args:
        result: A fitted topic model, or a view of one (the whole is relabelled and the
            view cut again).
        labels: ``{topic: label}``, e.g. ``{3: "Grain deal"}``.

    Raises:
        InputError: A topic that is not in the model, or an empty label.
    """
    from workbench.topics.views import derive, reapply, whole_of

    whole = whole_of(result)
    if whole is not result:
        return reapply(result, relabel(whole, labels))
    if not isinstance(labels, Mapping):
        raise InputError(
            f"relabel(): give a dict of topic -> label, such as {{3: 'Grain deal'}}, "
            f"not {type(labels).__name__}"
        )
    known = set(result.topic_info["topic"].astype(int))
    pairs = []
    for topic, label in labels.items():
        topic = _topic(topic, known, "relabel")
        if not isinstance(label, str) or not label.strip():
            raise InputError(f"relabel(): the label of topic {topic} is empty; give some words")
        pairs.append([topic, label.strip()])
    new_labels = dict(map(tuple, pairs))
    info = result.topic_info.assign(
        label=[
            new_labels.get(int(t), lab)
            for t, lab in zip(result.topic_info["topic"], result.topic_info["label"], strict=True)
        ]
    )
    edited = derive(result, topic_info=info, edits=[*result.edits, {"relabel": pairs}])
    if "model" in result.__dict__ and result.model is None:
        edited.model = None
    else:  # the parent's model, copied and relabelled when first used
        edited.__dict__.pop("model", None)
        edited._model_loader = lambda: _labelled(copy_model(result.model), edited)
    return edited


def _topic(topic, known: set[int], what: str) -> int:
    try:
        value = int(topic)
    except (TypeError, ValueError):
        value = None
    if value is None or value not in known or value != topic:
        shown = ", ".join(str(t) for t in sorted(known))
        raise InputError(f"{what}(): {topic!r} is not a topic of this model; its topics: {shown}")
    return value


def _labelled(model, result: Result):
    """``model`` with the result's labels as its custom labels (every topic)."""
    if model is None:
        return None
    labels = result.labels(check=False)
    topics = sorted(set(getattr(model, "topics_", []) or []))
    if topics and all(t in labels for t in topics):
        model.set_topic_labels([labels[t] for t in topics])
    return model


def copy_model(model):
    """A copy of a fitted BERTopic model that edits leave the original's state untouched.

    The embedding, UMAP and HDBSCAN models (large, and not changed by relabelling or
    merging) are shared; every other attribute is copied.
    """
    if model is None:
        return None
    shared = [getattr(model, n, None) for n in ("embedding_model", "umap_model", "hdbscan_model")]
    memo = {id(obj): obj for obj in shared if obj is not None}
    new = copy.copy(model)
    for name, value in vars(model).items():
        setattr(new, name, copy.deepcopy(value, memo))
    return new


# ----------------------------------------------------------------------------- merge


def merge(result: Result, groups: Iterable[int] | Iterable[Iterable[int]]) -> Result:
    """A copy of ``result`` with the topics of each group merged into one (the model too).

    The topic words, centroids and representative passages are recomputed, and each
    merged topic's label (the other topics keep theirs); the embeddings come from the
    result, or, for a loaded result, from the embedding cache (computed again where
    missing). Topics are then renumbered by size, as BERTopic does: the returned result's
    ``edits[-1]["mapping"]`` lists ``[old, new]`` pairs.

    Args:
        result: A fitted topic model, or a view of one (the whole is merged and the view
            cut again).
        groups: ``[[1, 4], [2, 7]]`` merges 1 with 4 and 2 with 7; ``[1, 4]`` merges 1 with 4.

    Raises:
        InputError: A topic that is not in the model, the outlier topic, a group of fewer
            than two topics, or a topic in two groups.
        UserError: The result has no model to merge with.
    """
    from workbench.topics import models as topic_models
    from workbench.topics.summary import summarise
    from workbench.topics.views import derive, reapply, whole_of

    whole = whole_of(result)
    if whole is not result:
        return reapply(result, merge(whole, groups))
    groups = _groups(groups, set(result.topic_info["topic"].astype(int)) - {-1})
    if result.scope:  # a view saved and loaded again: its whole is not at hand
        raise UserError(
            f"merge(): this result is a view ({result.scope}) saved without its whole corpus; "
            "merge topics on the whole result, then take the subset again"
        )
    if result.model is None:
        raise UserError("merge(): this topic result has no model; fit it with fit_topics(corpus)")
    model = copy_model(result.model)
    frame = result.units[["unit_id", "text"]].merge(result.doc_topics, on="unit_id", how="left")
    old = frame["topic"].astype(int).to_numpy()
    model.topics_ = old.tolist()  # every unit (a model fitted on a sample knows the sample's)
    model.topic_sizes_ = Counter(model.topics_)
    with topic_models.quiet_bertopic(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.merge_topics(frame["text"].tolist(), [list(g) for g in groups])
    new = np.asarray(model.topics_, dtype=int)
    mapping = sorted({(int(a), int(b)) for a, b in zip(old, new, strict=True)})
    merged = {t for g in groups for t in g}
    embeddings = result.embeddings if result.embeddings is not None else _embed(result)
    probs = np.where(np.isin(old, list(merged)), np.nan, frame["probability"].to_numpy(float))
    tables = summarise(model, result.units, embeddings, new, probs)
    edit = {"merge": [list(g) for g in groups], "mapping": [list(p) for p in mapping]}
    edits = [*result.edits, edit]
    old_labels = result.labels(check=False)
    carried = {b: old_labels[a] for a, b in mapping if a not in merged and a in old_labels}
    tables["topic_info"] = _apply_labels(tables["topic_info"], carried)
    edited = derive(
        result,
        model=model,
        embeddings=embeddings,
        edits=edits,
        notes=[*result.notes, _merge_note(groups, mapping)],
        **tables,
    )
    _labelled(model, edited)
    return edited


def _groups(groups, known: set[int]) -> list[list[int]]:
    groups = list(groups) if not isinstance(groups, str) else groups
    if isinstance(groups, str) or not groups:
        raise InputError("merge(): give the topics to merge, e.g. [[1, 4], [2, 7]] or [1, 4]")
    if all(not isinstance(g, Iterable) or isinstance(g, str) for g in groups):
        groups = [groups]
    out, seen = [], set()
    for group in groups:
        if isinstance(group, str) or not isinstance(group, Iterable):
            raise InputError(f"merge(): {group!r} is not a group of topics; write [[1, 4], [2, 7]]")
        topics = [_topic(t, known | {-1}, "merge") for t in group]
        if -1 in topics:
            raise InputError("merge(): topic -1 holds the outliers and cannot be merged")
        if len(set(topics)) < 2:
            raise InputError(f"merge(): the group {list(group)} needs two topics or more")
        if seen & set(topics):
            raise InputError(f"merge(): topic {min(seen & set(topics))} is in two groups")
        seen |= set(topics)
        out.append(list(dict.fromkeys(topics)))
    return out


def _apply_labels(info: pd.DataFrame, labels: dict[int, str]) -> pd.DataFrame:
    if not labels:
        return info
    return info.assign(
        label=[labels.get(int(t), lab) for t, lab in zip(info["topic"], info["label"], strict=True)]
    )


def _merge_note(groups: list[list[int]], mapping: list[tuple[int, int]]) -> str:
    to = dict(mapping)
    merged = "; ".join(" + ".join(map(str, g)) + f" -> {to[g[0]]}" for g in groups)
    moved = [f"{a} -> {b}" for a, b in mapping if a != b and not any(a in g for g in groups)]
    tail = f"; the others renumbered by size: {', '.join(moved)}" if moved else ""
    return f"topics merged: {merged}{tail}"


def _embed(result: Result) -> np.ndarray:
    """The unit embeddings of a loaded result, from the embedding cache where possible."""
    from workbench.topics.embeddings import Embedder

    texts = result.units["text"].tolist()
    result.embeddings = Embedder(result.settings.embedding).fit(texts).embed(texts)
    return result.embeddings


# ----------------------------------------------------------------------------- find


def find(
    result: Result,
    query: str,
    *,
    top: int = 5,
    by: Literal["auto", "similarity", "words"] = "auto",
) -> pd.DataFrame:
    """The topics closest to a keyword or phrase, best first.

    Args:
        result: A fitted topic model or a view.
        query: A word or phrase, e.g. ``"grain"`` or ``"grain exports"``.
        top: Topics returned.
        by: ``"similarity"``: cosine of the query's embedding (the fit's embedding model,
            offline) and each topic's centroid; ``"words"``: the summed c-TF-IDF weight of
            the query's words among each topic's words (topics without them left out);
            ``"auto"``: similarity when the embedding model can be used, else words.

    Returns:
        ``topic, label, size, similarity, weight, words`` (``similarity`` is NaN when not
        computed; ``words`` the topic's first words); ``attrs["ranked_by"]`` says which
        ranking was used and ``attrs["note"]`` why, when it fell back on words.

    Raises:
        InputError: An empty query, or an unknown ``by``.
    """
    if not isinstance(query, str) or not query.strip():
        raise InputError("find(): give a word or phrase to look for, e.g. find('grain')")
    if by not in ("auto", "similarity", "words"):
        raise InputError(f"find(by={by!r}): use 'auto', 'similarity' or 'words'")
    info = result.topic_info.reset_index(drop=True)
    real = info["topic"] != -1
    weight = _word_weights(result, query)
    note = ""
    similarity = None
    if by != "words":
        similarity, note = _similarities(result, query)
        if similarity is None and by == "similarity":
            raise InputError(f"find(by='similarity'): {note}")
    out = pd.DataFrame(
        {
            "topic": info["topic"].astype(int),
            "label": info["label"],
            "size": info["size"] if "size" in info.columns else 0,
            "similarity": np.round(similarity, 4) if similarity is not None else np.nan,
            "weight": info["topic"].map(weight).fillna(0.0).round(5),
            "words": info["topic"].map(_first_words(result)),
        }
    )[real.to_numpy()]
    if similarity is not None:
        out = out.sort_values(["similarity", "weight"], ascending=False, kind="stable")
        ranked = "similarity"
    else:
        out = out[out["weight"] > 0].sort_values("weight", ascending=False, kind="stable")
        ranked = "words"
        if out.empty:
            note = (note + "; " if note else "") + f"no topic word matches {query!r}"
    out = out.head(top).reset_index(drop=True)
    out.attrs.update(ranked_by=ranked, note=note, query=query)
    return out


def _tokens(query: str) -> list[str]:
    import re

    from workbench.topics.models import TOKEN_PATTERN

    return [t.lower() for t in re.findall(TOKEN_PATTERN, query)]


def _word_weights(result: Result, query: str) -> dict[int, float]:
    words = result.topic_words
    if words.empty or "word" not in words.columns:
        return {}
    wanted = set(_tokens(query))
    hits = words[words["word"].astype(str).str.lower().isin(wanted)]
    return hits.groupby("topic")["weight"].sum().to_dict()


def _first_words(result: Result, n: int = 5) -> dict[int, list[str]]:
    words = result.topic_words
    if words.empty or "word" not in words.columns:
        return {}
    ranked = words.sort_values(["topic", "rank"])
    return {int(t): g["word"].head(n).tolist() for t, g in ranked.groupby("topic")}


def _similarities(result: Result, query: str) -> tuple[np.ndarray | None, str]:
    """Cosine of the query's embedding with each centroid (``topic_info`` order), or a reason."""
    from workbench.topics.embeddings import Embedder

    name = result.settings.embedding
    try:
        embedder = Embedder(name)
        if embedder.is_tfidf:
            embedder.fit(result.units["text"].tolist())
        vector = embedder.embed([query])[0]
    except (ImportError, OSError, ValueError, UserError, RuntimeError) as err:
        return (
            None,
            f"the embedding model {name!r} could not be used ({err}); ranked by topic words",
        )
    norm = float(np.linalg.norm(vector))
    centroids = np.asarray(result.centroids)
    if norm == 0 or len(centroids) == 0 or centroids.shape[1] != len(vector):
        return None, f"the embedding model {name!r} knows none of {query!r}; ranked by topic words"
    return centroids @ (vector / norm), ""


# ----------------------------------------------------------------------------- sync


def out_of_sync(result: Result) -> str:
    """Why ``result.model`` (when loaded) disagrees with the result's tables, or ``""``."""
    model = result.__dict__.get("model")
    sizes = getattr(model, "topic_sizes_", None)
    if model is None or not sizes:
        return ""
    ours = {int(t) for t in result.topic_info["topic"]} - {-1}
    theirs = {int(t) for t in sizes} - {-1}
    if ours != theirs:
        return f"the model has {len(theirs)} topics, the result's tables {len(ours)}"
    custom = getattr(model, "custom_labels_", None)
    topics = sorted(set(getattr(model, "topics_", []) or []))
    if custom is None or len(custom) != len(topics):
        return ""
    labels = result.labels(check=False)
    differ = [t for t, lab in zip(topics, custom, strict=True) if t != -1 and labels.get(t) != lab]
    if differ:
        shown = ", ".join(map(str, differ[:5]))
        return f"the model's labels of topic(s) {shown} differ from the result's"
    return ""


def warn_if_out_of_sync(result: Result) -> None:
    """Warn once per result when its model was edited directly (see :func:`out_of_sync`)."""
    if result.__dict__.get("_sync_warned"):
        return
    reason = out_of_sync(result)
    if reason:
        result._sync_warned = True
        warnings.warn(
            f"topics.model was edited directly ({reason}); the result's tables and figures "
            "do not follow such edits: use topics.relabel({3: 'Grain deal'}) or "
            "topics.merge([[1, 4]]), which return a result whose model and tables agree",
            TopicSyncWarning,
            stacklevel=3,
        )


__all__ = [
    "TopicSyncWarning",
    "copy_model",
    "find",
    "merge",
    "out_of_sync",
    "relabel",
    "warn_if_out_of_sync",
]
