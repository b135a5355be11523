"""Events from sentences, with inline mentions (no model needed)."""

import pandas as pd
import pytest

from workbench.timeline.events import event_reports, merge_events
from workbench.timeline.temporal import temporal_expressions

PUB = pd.Timestamp("2025-07-11", tz="UTC")


def make(texts, mentions, dates=None, sources=None):
    """Sentences (one per document), mentions as (doc, surface, actor, type, place) tuples."""
    docs = [f"d{i}" for i in range(len(texts))]
    sentences = pd.DataFrame(
        {
            "doc_id": docs,
            "sentence_id": [f"{d}:p1:s1" for d in docs],
            "start": 0,
            "end": [len(t) for t in texts],
            "text": texts,
        }
    )
    rows = []
    for doc, surface, actor, kind, place in mentions:
        text = texts[int(doc[1:])]
        start = text.index(surface)
        rows.append((doc, f"{doc}:p1:s1", start, start + len(surface), surface, actor, kind, place))
    m = pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "sentence_id",
            "start",
            "end",
            "surface",
            "actor",
            "actor_type",
            "place",
        ],
    )
    corpus = pd.DataFrame(
        {
            "doc_id": docs,
            "date": dates or [PUB] * len(docs),
            "source": sources or ["AP"] * len(docs),
        }
    )
    when = temporal_expressions(sentences, corpus.set_index("doc_id")["date"])
    return event_reports(sentences, m, when, corpus)


MEETING = "Rubio met Russian Foreign Minister Lavrov in Kuala Lumpur on Thursday."
MEETING_M = [
    ("d0", "Rubio", "Marco Rubio", "PERSON", None),
    ("d0", "Lavrov", "Sergey Lavrov", "PERSON", None),
    ("d0", "Kuala Lumpur", "Kuala Lumpur", "GPE", "Kuala Lumpur"),
]


def test_meeting_with_participants_place_and_text_date():
    r = make([MEETING], MEETING_M).iloc[0]
    assert r.event_type == "meeting"
    assert r.participants == ["Marco Rubio", "Sergey Lavrov"]
    assert r.persons == ["Marco Rubio", "Sergey Lavrov"]
    assert (r.doc_id, r.source, r.published) == ("d0", "AP", PUB)
    assert r.place == "Kuala Lumpur"
    assert (r.date, r.precision, r.date_source) == (
        pd.Timestamp("2025-07-10", tz="UTC"),
        "day",
        "text",
    )
    assert r.status == "reported"


@pytest.mark.parametrize(
    ("text", "mentions", "event_type", "place", "status"),
    [
        (
            "Washington is scheduled to hold talks with Kyiv in Saudi Arabia.",
            [
                ("d0", "Washington", "Washington", "GPE", "Washington"),
                ("d0", "Kyiv", "Kyiv", "GPE", "Kyiv"),
                ("d0", "Saudi Arabia", "Saudi Arabia", "GPE", "Saudi Arabia"),
            ],
            "talks",
            "Saudi Arabia",
            "planned",
        ),
        (
            "Trump talked with Putin and Zelenskyy about a ceasefire.",
            [
                ("d0", "Trump", "Donald Trump", "PERSON", None),
                ("d0", "Putin", "Vladimir Putin", "PERSON", None),
            ],
            "call",
            None,
            "reported",
        ),
        (
            "A missile strike hit a power plant in Kharkiv overnight.",
            [("d0", "Kharkiv", "Kharkiv", "GPE", "Kharkiv")],
            "strike",
            "Kharkiv",
            "reported",
        ),
    ],
)
def test_event_types_places_and_status(text, mentions, event_type, place, status):
    r = make([text], mentions).iloc[0]
    assert (r.event_type, r.place if isinstance(r.place, str) else None, r.status) == (
        event_type,
        place,
        status,
    )


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # the war in Ukraine is the subject, not where the talks happen; one participant only
        (
            "Peace talks could end the war in Ukraine.",
            [("d0", "Ukraine", "Ukraine", "GPE", "Ukraine")],
        ),
        (
            "What did Rubio and Lavrov discuss at the meeting?",
            [
                ("d0", "Rubio", "Marco Rubio", "PERSON", None),
                ("d0", "Lavrov", "Sergey Lavrov", "PERSON", None),
            ],
        ),
        (
            "Rubio praised the weather in Malaysia.",
            [("d0", "Malaysia", "Malaysia", "GPE", "Malaysia")],
        ),
    ],
)
def test_not_events(text, mentions):
    assert make([text], mentions).empty


def test_reports_of_one_event_merge_across_articles():
    texts = [
        MEETING,
        "The meeting between Marco Rubio and Sergey Lavrov took place in Kuala Lumpur.",
        "Lavrov and Rubio met again in Kuala Lumpur on August 20.",
    ]
    mentions = MEETING_M + [
        ("d1", "Marco Rubio", "Marco Rubio", "PERSON", None),
        ("d1", "Sergey Lavrov", "Sergey Lavrov", "PERSON", None),
        ("d1", "Kuala Lumpur", "Kuala Lumpur", "GPE", "Kuala Lumpur"),
        ("d2", "Lavrov", "Sergey Lavrov", "PERSON", None),
        ("d2", "Rubio", "Marco Rubio", "PERSON", None),
        ("d2", "Kuala Lumpur", "Kuala Lumpur", "GPE", "Kuala Lumpur"),
    ]
    reports = make(texts, mentions, sources=["AP", "CNN", "AP"])
    events = merge_events(reports, max_days=3)
    assert events["n_reports"].tolist() == [2, 1]
    first = events.iloc[0]
    assert (first.event_id, first.n_docs, first.sources, first.doc_ids, first.place) == (
        "e0001",
        2,
        ["AP", "CNN"],
        ["d0", "d1"],
        "Kuala Lumpur",
    )
    assert first.participants == ["Marco Rubio", "Sergey Lavrov"]
    assert first.date == pd.Timestamp("2025-07-10", tz="UTC")  # the text's date beats the article's
    assert events.iloc[1].date == pd.Timestamp("2025-08-20", tz="UTC")


def test_equivalents_merge_a_city_with_its_government():
    texts = [
        "Washington will hold talks with Kyiv in Riyadh.",
        "Ukraine and the United States will meet in Riyadh.",
    ]
    mentions = [
        ("d0", "Washington", "Washington", "GPE", "Washington"),
        ("d0", "Kyiv", "Kyiv", "GPE", "Kyiv"),
        ("d0", "Riyadh", "Riyadh", "GPE", "Riyadh"),
        ("d1", "Ukraine", "Ukraine", "GPE", "Ukraine"),
        ("d1", "United States", "United States", "GPE", "United States"),
        ("d1", "Riyadh", "Riyadh", "GPE", "Riyadh"),
    ]
    reports = make(texts, mentions)
    assert len(merge_events(reports)) == 2  # no participant in common as written
    merged = merge_events(reports, equivalents={"Kyiv": "Ukraine", "Washington": "United States"})
    assert merged["n_reports"].tolist() == [2]


def test_merge_of_nothing():
    assert merge_events(make(["No event here."], [])).empty
