"""A fitted topic model (:class:`TopicResult`), saved and loaded: safetensors and tables, no pickle.

A saved topic folder holds

* ``doc_topics.csv``, ``topic_info.csv``, ``topic_words.csv``, ``representatives.csv``: the tables;
* ``units.parquet``: the modelled units with their text;
* ``documents.parquet``: every corpus document's columns but its text (outlet, date, and
  any column of the researcher's), for subsets and per-class tables;
* ``model/``: BERTopic's safetensors serialization (topic embeddings, c-TF-IDF, config);
* ``centroids.safetensors``: the workbench's topic centroids;
* ``workbench_topics.json``: the settings and notes of the fit, the edits made since
  (:meth:`TopicResult.relabel`, :meth:`TopicResult.merge`) and, for a view, its scope.

Every file is written atomically; the model folder is written beside the target
and renamed into place. Loading reads the tables only: the model is loaded the
first time ``result.model`` is used (importing BERTopic alone takes seconds), with
the embedding model re-attached from its local copy, so
``result.model.transform(texts)`` works with no network.

Edit a result with :meth:`TopicResult.relabel` and :meth:`TopicResult.merge` (see
:mod:`workbench.topics.edit`), not through ``result.model``: they return a new result
whose model and tables agree, and the edits are saved with it. Editing ``result.model``
directly (``set_topic_labels``, ``merge_topics``) is not reflected in the tables, and
the result warns (``TopicSyncWarning``) once it notices. :meth:`TopicResult.subset`
gives a view of some documents without refitting (:mod:`workbench.topics.views`).

:func:`read_fit` and :func:`write_fit` keep whole fits in the cache (a saved topic
folder plus the unit embeddings), so that a notebook re-run reads its topics back
without importing BERTopic, torch or an embedding model.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.core import cache, display
from workbench.core.imports import without
from workbench.core.tables import as_lists, is_list_cell, split_cell
from workbench.topics import models as topic_models

#: Bumped when the saved layout changes. 2: ``topic_info`` list cells joined with "; ".
FORMAT_VERSION = 2
_TABLES = ("doc_topics", "topic_info", "topic_words", "representatives")


def _about(result: TopicResult) -> list[str]:
    unit = getattr(result.settings, "unit", "unit")
    lines = [
        f"{result.n_topics} topics over {len(result.units):,} {unit}s, "
        f"{result.outlier_share:.0%} outliers (topic -1)"
    ]
    return lines + list(result.notes[:1])


@display.summarised(
    tables=("topic_info", "doc_topics", "topic_words", "representatives", "units"),
    next_step="plots.topic_sizes(r.topic_info) · topics_over_time(r) · print(r.summary())",
    about=_about,
)
@dataclass
class TopicResult:
    """A fitted topic model and its tables.

    Attributes:
        model: The fitted ``bertopic.BERTopic``; for a loaded result, read from its folder
            the first time it is used.
        units: The modelled units: ``unit_id, doc_id, paragraph_id, sentence_id, text, title,
            date, source``.
        doc_topics: ``unit_id, doc_id, topic, probability`` (topic -1: outlier).
        topic_info: ``topic, label, size, share, words, weights, representative_units,
            representative_text``; ``words``/``weights`` (lists) are c-TF-IDF's, the label
            comes from maximal-marginal-relevance words; ``representative_units`` is a list.
        topic_words: ``topic, rank, word, weight`` for every topic.
        representatives: ``topic, rank, unit_id, doc_id, similarity, text``.
        centroids: Unit-length mean embedding per topic, rows in ``topic_info`` order.
        settings: Every choice the fit depended on.
        notes: What the researcher should know (the unit and why, fallbacks, dropped units,
            outliers; for a view, what it holds).
        embeddings: The unit embeddings (None after loading a saved model).
        documents: One row per corpus document with every corpus column but the text
            (``doc_id``, ``source``, ``date``, the researcher's own columns), for
            :meth:`subset` and :func:`~workbench.topics.tables.topics_per_class`; None for
            results saved before it was kept (the units' columns stand in).
        edits: The edits made since the fit, in order: ``{"relabel": [[topic, label], ...]}``
            or ``{"merge": [[1, 4], ...], "mapping": [[old, new], ...]}``.
        scope: For a view made by :meth:`subset`, what selected it; ``""`` for the whole.

    Edit with :meth:`relabel` and :meth:`merge`, which keep the model and the tables in
    sync; editing ``model`` directly does not (the result warns when it notices).
    """

    model: Any = field(repr=False, compare=False)
    units: pd.DataFrame
    doc_topics: pd.DataFrame
    topic_info: pd.DataFrame
    topic_words: pd.DataFrame
    representatives: pd.DataFrame
    centroids: np.ndarray
    settings: topic_models.TopicSettings
    notes: list[str] = field(default_factory=list)
    embeddings: np.ndarray | None = None
    documents: pd.DataFrame | None = field(default=None, repr=False)
    edits: list[dict] = field(default_factory=list)
    scope: str = ""

    def __getattr__(self, name: str) -> Any:
        # Reached only for a missing attribute: the model of a loaded result (read from its
        # folder), of an edited one (the parent's, copied and edited) or of a view (the
        # whole's), made on first use (see _lazy_model and derive).
        loader = self.__dict__.get("_model_loader")
        if name != "model" or loader is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self.model = loader()
        del self.__dict__["_model_loader"]
        return self.model

    @property
    def outlier_share(self) -> float:
        """Share of units in topic -1 (0 when every unit has a topic)."""
        return float((self.doc_topics["topic"] == -1).mean()) if len(self.doc_topics) else 0.0

    @property
    def n_topics(self) -> int:
        """Topics found, the outlier topic not counted."""
        return int((self.topic_info["topic"] != -1).sum())

    def labels(self, *, check: bool = True) -> dict[int, str]:
        """Topic number -> label.

        Args:
            check: Warn (``TopicSyncWarning``, once) when ``model`` was edited directly and
                its topics or labels differ from the tables'.
        """
        if check:
            from workbench.topics.edit import warn_if_out_of_sync

            warn_if_out_of_sync(self)
        return dict(zip(self.topic_info["topic"], self.topic_info["label"], strict=True))

    def subset(
        self,
        *,
        source: str | list[str] | None = None,
        start: Any = None,
        end: Any = None,
        doc_ids: list[str] | None = None,
        where: Any = None,
    ) -> TopicResult:
        """A view of some documents: the same topics, counted on them, nothing refitted.

        ``topics.subset(source=["CNN", "Fox News"], start="2022-03-01", end="2022-03-31")``;
        every criterion given must hold. See :func:`workbench.topics.views.subset` for
        ``where`` (a ``{column: value}`` dict or a mask) and what a view recomputes.
        """
        from workbench.topics.views import subset

        return subset(self, source=source, start=start, end=end, doc_ids=doc_ids, where=where)

    def relabel(self, labels: dict[int, str]) -> TopicResult:
        """A new result with ``labels`` (``{3: "Grain deal"}``) for those topics, model included.

        See :func:`workbench.topics.edit.relabel`; this result is left as it is.
        """
        from workbench.topics.edit import relabel

        return relabel(self, labels)

    def merge(self, groups: list[list[int]] | list[int]) -> TopicResult:
        """A new result with each group of topics (``[[1, 4], [2, 7]]``) merged, model included.

        Topics are renumbered by size afterwards, as BERTopic does; the new result's
        ``edits[-1]["mapping"]`` and its last note say how. See
        :func:`workbench.topics.edit.merge`; this result is left as it is.
        """
        from workbench.topics.edit import merge

        return merge(self, groups)

    def find(self, query: str, *, top: int = 5, by: str = "auto") -> pd.DataFrame:
        """The topics closest to a keyword (``"grain"``), best first.

        By the similarity of its embedding to each topic's centroid, or by its weight
        among the topic words (see :func:`workbench.topics.edit.find`).
        """
        from workbench.topics.edit import find

        return find(self, query, top=top, by=by)

    def save(self, folder: str | os.PathLike[str]):
        """Write the tables and the model (safetensors) to ``folder`` (:func:`save_topics`)."""
        return save_topics(self, folder)

    def summary(self, top: int = 10) -> str:
        """A few lines for a terminal: counts, notes and the largest topics."""
        s = self.settings
        lines = [
            f"{len(self.doc_topics):,} {s.unit} units, {self.n_topics} topics ({s.method}), "
            f"{self.outlier_share:.0%} outliers; embedding {s.embedding}"
        ]
        lines += [f"note: {n}" for n in self.notes]
        lines += [f"edit: {_edit_text(e)}" for e in self.edits]
        real = self.topic_info[self.topic_info["topic"] != -1].head(top)
        lines += [
            f"  {t:>3}  {n:>5}  {lab}"
            for t, n, lab in zip(real["topic"], real["size"], real["label"], strict=True)
        ]
        return "\n".join(lines)


def save_topics(result: TopicResult, folder: str | os.PathLike[str]) -> Path:
    """Write a fitted topic model and its tables to ``folder`` (created if needed).

    Returns:
        The folder.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in _TABLES:
        cache.write_table(getattr(result, name), folder / f"{name}.csv")
    cache.write_table(result.units, folder / "units.parquet")
    if result.documents is not None:
        _write_documents(result.documents, folder / "documents.parquet")
    _save_model(result.model, folder / "model")
    _save_centroids(result, folder / "centroids.safetensors")
    meta = {
        "format": FORMAT_VERSION,
        "settings": result.settings.as_dict(),
        "notes": result.notes,
        "topics": result.topic_info["topic"].tolist(),
        "edits": result.edits,
        "scope": result.scope,
    }
    cache.write_text(folder / "workbench_topics.json", json.dumps(meta, indent=2, default=str))
    return folder


def _save_model(model, target: Path) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        # load_topics() re-attaches the embedding model named in workbench_topics.json.
        with topic_models.quiet_bertopic():
            model.save(
                str(tmp), serialization="safetensors", save_ctfidf=True, save_embedding_model=False
            )
        old = target.with_name(f".{target.name}.old")
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _save_centroids(result: TopicResult, path: Path) -> None:
    from safetensors.numpy import save_file

    tensors = {
        "centroids": np.ascontiguousarray(result.centroids, dtype=np.float32),
        "topics": result.topic_info["topic"].to_numpy(dtype=np.int64),
    }
    with cache.atomic_path(path) as tmp:
        save_file(tensors, str(tmp))


def load_topics(folder: str | os.PathLike[str]) -> TopicResult:
    """Load a topic folder written by :func:`save_topics`.

    The tables are read now, the model the first time ``result.model`` is used: then
    the embedding model is re-attached from its local copy (the TF-IDF embedding is
    refit on the saved units), so the loaded model can ``transform`` new texts
    offline. ``embeddings`` is None until needed.

    Raises:
        FileNotFoundError: When ``folder`` is not a saved topic folder.
    """
    from safetensors.numpy import load_file

    folder = Path(folder)
    meta_path = folder / "workbench_topics.json"
    if not meta_path.is_file():
        raise FileNotFoundError(
            f"{folder}: not a saved topic folder (no workbench_topics.json); "
            "write one with fit_topics(...).save(folder) or `workbench topics --out`"
        )
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    settings = topic_models.TopicSettings(**meta["settings"])
    units = pd.read_parquet(folder / "units.parquet")
    tables = {
        name: pd.read_csv(folder / f"{name}.csv", keep_default_na=False, na_values=[""])
        for name in _TABLES
    }
    for name in ("doc_topics", "representatives"):
        tables[name]["unit_id"] = tables[name]["unit_id"].astype(str)
        tables[name]["doc_id"] = tables[name]["doc_id"].astype(str)
    tables["topic_info"] = _info_lists(
        tables["topic_info"].fillna({"representative_text": ""}), meta.get("format", 1)
    )
    centroids = load_file(str(folder / "centroids.safetensors"))["centroids"]
    documents = folder / "documents.parquet"
    result = TopicResult(
        model=None,
        units=units,
        centroids=centroids,
        settings=settings,
        notes=list(meta.get("notes", [])),
        embeddings=None,
        documents=as_lists(pd.read_parquet(documents)) if documents.is_file() else None,
        edits=list(meta.get("edits", [])),
        scope=str(meta.get("scope", "")),
        **tables,
    )
    return _lazy_model(result, folder / "model")


def _lazy_model(result: TopicResult, model_folder: Path) -> TopicResult:
    """Make ``result.model`` load from ``model_folder`` on first use (see ``__getattr__``)."""
    if not (model_folder / "config.json").is_file():
        raise FileNotFoundError(f"{model_folder}: no saved BERTopic model (config.json)")
    del result.__dict__["model"]
    result._model_folder = model_folder
    result._model_loader = functools.partial(
        _load_model, model_folder, result.settings, result.units
    )
    return result


def _edit_text(edit: dict) -> str:
    if "relabel" in edit:
        return "relabelled " + ", ".join(f"{t} {lab!r}" for t, lab in edit["relabel"])
    if "merge" in edit:
        return "merged " + "; ".join(" + ".join(map(str, g)) for g in edit["merge"])
    return str(edit)


def _write_documents(documents: pd.DataFrame, path: Path) -> None:
    """The document table as Parquet; object columns of mixed types are written as text."""
    try:
        cache.write_table(documents, path)
    except (TypeError, ValueError):  # pyarrow's ArrowTypeError / ArrowInvalid
        mixed = {
            c: documents[c].map(lambda v: v if v is None or is_list_cell(v) else str(v))
            for c in documents.columns
            if documents[c].dtype == object
        }
        cache.write_table(documents.assign(**mixed), path)


def _load_model(folder: Path, settings: topic_models.TopicSettings, units: pd.DataFrame):
    """The saved BERTopic model in ``folder``, with its embedding model re-attached."""
    from workbench.topics.embeddings import Embedder

    topic_models.import_bertopic()
    from bertopic import BERTopic

    embedder = Embedder(settings.embedding).fit(units["text"].tolist())
    backend = topic_models.embedding_backend(embedder)
    # BERTopic.load builds a sentence-transformers model from the saved name before it
    # takes the one given (importing sentence-transformers and torch: seconds); left out,
    # it skips that step. The embedder imports what it needs when it embeds.
    with without("sentence_transformers"):
        return BERTopic.load(str(folder), embedding_model=backend)


# ----------------------------------------------------------------------------- the fit cache

#: The unit embeddings in a cached fit (not in a saved topic folder: they are large).
_EMBEDDINGS = "embeddings.npy"


def read_fit(folder: str | os.PathLike[str]) -> TopicResult | None:
    """A fit cached by :func:`write_fit`, or None (missing; a damaged one is deleted).

    Nothing but the tables, the centroids and the embeddings is read: the model waits
    for its first use, so reading a cached fit imports no BERTopic, torch or embedding model.
    """
    folder = Path(folder)

    def read(meta: Path) -> TopicResult:
        result = load_topics(meta.parent)
        if (folder / _EMBEDDINGS).is_file():
            result.embeddings = np.load(folder / _EMBEDDINGS, allow_pickle=False)
        return result

    result = cache.read_entry(folder / "workbench_topics.json", read)
    if result is None and folder.exists():  # a damaged entry: its folder goes too
        shutil.rmtree(folder, ignore_errors=True)
    return result


def write_fit(result: TopicResult, folder: str | os.PathLike[str]) -> Path:
    """Store a fit in the cache: a saved topic folder plus the embeddings, renamed into place.

    The entry is written whole beside ``folder`` and renamed onto it, so a reader sees
    all of it or nothing; when another process stored the same entry first, theirs is kept.
    """
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # BERTopic's note that the embedding model is left out
            save_topics(result, tmp)
        if result.embeddings is not None:
            np.save(tmp / _EMBEDDINGS, np.asarray(result.embeddings, dtype=np.float32))
        with contextlib.suppress(OSError):  # OSError: stored meanwhile by another process
            tmp.rename(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def _info_lists(info: pd.DataFrame, fmt: int) -> pd.DataFrame:
    """``topic_info``'s list cells from their CSV text (format 1 joined words with ", ")."""
    sep = "," if fmt < 2 else ";"
    return info.assign(
        words=info["words"].map(lambda v: split_cell(v, sep)),
        weights=info["weights"].map(lambda v: [float(x) for x in split_cell(v, sep)]),
        representative_units=info["representative_units"].map(split_cell),
    )


__all__ = ["TopicResult", "load_topics", "read_fit", "save_topics", "write_fit"]
