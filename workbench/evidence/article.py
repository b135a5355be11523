"""One article, read with its actors highlighted.

:func:`show_article` draws the article from the corpus table and its spans from the
mentions table the actors layer cached (:func:`workbench.actors.extract_actors`): no
model runs and none is loaded. The markup is spaCy's displaCy entity view in manual
mode, each span coloured by actor type and labelled with the canonical actor it was
resolved to. displaCy escapes the article text but not labels or titles, so every
label, actor name and header field is escaped here (:func:`workbench.core.escape.html_text`)
before it reaches the page.
"""

from __future__ import annotations

import pandas as pd

from workbench.core.errors import InputError
from workbench.core.escape import html_text
from workbench.core.inputs import require_columns
from workbench.core.names import fold
from workbench.corpus.inputs import CorpusLike, as_corpus

#: Span colours by actor type (displaCy's own, plus one for outlets and agencies).
COLORS = {
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "NORP": "#c887fb",
    "FAC": "#9cc9cc",
    "MEDIA": "#bfe1d9",
}
#: The colour of any other type.
OTHER_COLOR = "#ddd"

_SPAN = (
    '<mark class="entity" title="{actor_title}" style="background: {bg}; padding: 0.2em 0.4em;'
    ' margin: 0 0.1em; line-height: 1; border-radius: 0.35em;">{text}'
    '<span style="font-size: 0.7em; font-weight: bold; line-height: 1; vertical-align: middle;'
    ' margin-left: 0.4rem">{label}{actor_label}</span></mark>'
)


class ArticleNotFoundError(InputError):
    """No document of the corpus has the ``doc_id`` asked for."""


class ArticleView:
    """An article rendered as HTML: Jupyter displays it; ``.data`` and ``str()`` are the HTML.

    Attributes:
        doc_id: The document shown.
        data: The HTML fragment.
    """

    def __init__(self, doc_id: object, data: str) -> None:
        self.doc_id = doc_id
        self.data = data

    def _repr_html_(self) -> str:
        return self.data

    def __str__(self) -> str:
        return self.data

    def __repr__(self) -> str:
        return f"ArticleView(doc_id={self.doc_id!r}, {len(self.data):,} characters of HTML)"


def show_article(
    corpus: CorpusLike, doc_id: object, mentions: pd.DataFrame | object
) -> ArticleView:
    """One article with its actors highlighted, title, source and date on top.

    Args:
        corpus: The corpus table (``doc_id``, ``text``; ``title``, ``source``, ``date`` when
            present), an ``Ingest``, or a file or folder to load.
        doc_id: The document to show.
        mentions: The mentions table (``doc_id``, ``start``, ``end``, ``actor``,
            ``actor_type``) or the ``ActorTables`` holding it.

    Returns:
        The article as HTML (:class:`ArticleView`): each span coloured by actor type, its
        label the type and, where the text spells it otherwise, the canonical actor; its
        tooltip the actor and type.

    Raises:
        ArticleNotFoundError: No document has ``doc_id``; the closest ids are named.
        MissingColumnError: ``mentions`` lacks a column it needs.
    """
    corpus = as_corpus(corpus)
    mentions = getattr(mentions, "mentions", mentions)
    if not isinstance(mentions, pd.DataFrame):
        raise TypeError(
            "show_article() takes the mentions table (tables.mentions from extract_actors), "
            f"not {type(mentions).__name__}"
        )
    require_columns(
        mentions,
        ["doc_id", "start", "end", "actor", "actor_type"],
        table="mentions",
        hint="pass tables.mentions from workbench.actors.extract_actors(corpus)",
    )
    row = _row(corpus, doc_id)
    text = "" if pd.isna(row["text"]) else str(row["text"])
    spans = _spans(mentions[mentions["doc_id"].astype(str) == str(row["doc_id"])], text)
    from spacy import displacy

    body = displacy.render(
        {"text": text, "ents": spans, "title": None},
        style="ent",
        manual=True,
        jupyter=False,
        options={"colors": {t: c for t, c in COLORS.items()}, "template": _SPAN},
    )
    html = (
        f'<div class="workbench-article" data-doc-id="{html_text(row["doc_id"])}">'
        f"{_header(row)}{_legend(spans)}{body}</div>"
    )
    return ArticleView(row["doc_id"], html)


def _row(corpus: pd.DataFrame, doc_id: object) -> pd.Series:
    ids = corpus["doc_id"].astype(str)
    hit = corpus[ids == str(doc_id)]
    if len(hit):
        return hit.iloc[0]
    from rapidfuzz import process

    close = [c for c, _s, _i in process.extract(str(doc_id), ids.unique().tolist(), limit=5)]
    hint = f"; closest: {', '.join(repr(c) for c in close)}" if close else ""
    raise ArticleNotFoundError(f"doc_id={doc_id!r}: no document of the corpus has it{hint}")


def _spans(mentions: pd.DataFrame, text: str) -> list[dict]:
    """The spans for displaCy, in order, without overlaps (the longer of two overlapping wins)."""
    m = mentions.astype({"start": "int64", "end": "int64"})
    m = m[(m["start"] >= 0) & (m["end"] > m["start"]) & (m["end"] <= len(text))]
    m = m.assign(length=m["end"] - m["start"]).sort_values(
        ["start", "length"], ascending=[True, False], kind="stable"
    )
    spans, reach = [], 0
    for start, end, actor, kind in zip(
        m["start"], m["end"], m["actor"], m["actor_type"], strict=True
    ):
        if start < reach:
            continue
        label = str(kind) if isinstance(kind, str) else "OTHER"
        same = fold(text[start:end]) == fold(str(actor))
        spans.append(
            {
                "start": int(start),
                "end": int(end),
                "label": html_text(label),
                "params": {
                    "bg": COLORS.get(label, OTHER_COLOR),
                    "actor_title": html_text(f"{actor} ({label})"),
                    "actor_label": "" if same else f" · {html_text(actor)}",
                },
            }
        )
        reach = end
    return spans


def _header(row: pd.Series) -> str:
    title = row.get("title")
    title = title if isinstance(title, str) and title.strip() else f"Document {row['doc_id']}"
    facts = []
    if isinstance(row.get("source"), str) and row["source"].strip():
        facts.append(html_text(row["source"]))
    date = pd.to_datetime(row.get("date"), utc=True, errors="coerce")
    facts.append(f"{date:%Y-%m-%d}" if pd.notna(date) else "undated")
    facts.append(f"doc_id {html_text(row['doc_id'])}")
    return (
        f'<h3 style="margin: 0 0 0.2em">{html_text(title)}</h3>'
        f'<p style="margin: 0 0 0.6em; color: #555">{" · ".join(facts)}</p>'
    )


def _legend(spans: list[dict]) -> str:
    kinds = sorted({s["label"] for s in spans})
    if not kinds:
        return '<p style="color: #555">No actor is named in this article.</p>'
    keys = "".join(
        f'<span style="background: {COLORS.get(k, OTHER_COLOR)}; padding: 0.1em 0.4em; '
        f'margin-right: 0.4em; border-radius: 0.35em; font-size: 0.8em">{k}</span>'
        for k in kinds
    )
    return f'<p style="margin: 0 0 0.6em">{keys}</p>'
