"""Quotes and citations: rules on inline texts, then the sample corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.actors.quotes import (
    CITATION_COLUMNS,
    QUOTE_COLUMNS,
    extract_citations,
    extract_quotes,
)
from workbench.corpus.segments import segment


def _tables(text, actors):
    """A one-document corpus, its sentences, and mentions of ``actors`` (name, type) by search."""
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    sentences = segment(corpus, "sentence")
    rows, cursor = [], {}
    for name, kind in actors:
        start = text.index(name, cursor.get(name, 0))
        cursor[name] = start + len(name)
        sid = sentences[(sentences["start"] <= start) & (sentences["end"] > start)]["unit_id"]
        rows.append(("d", start, start + len(name), name, kind, sid.iloc[0]))
    mentions = pd.DataFrame(
        rows, columns=["doc_id", "start", "end", "actor", "actor_type", "sentence_id"]
    )
    return corpus, mentions, sentences


@pytest.mark.parametrize(
    ("text", "actors", "speaker", "cue", "quote"),
    [
        (
            'Mira Tal said, "We will rebuild every bridge."',
            [("Mira Tal", "PERSON")],
            "Mira Tal",
            "said",
            "We will rebuild every bridge.",
        ),
        (
            '"We will rebuild every bridge," Mira Tal told reporters.',
            [("Mira Tal", "PERSON")],
            "Mira Tal",
            "told",
            "We will rebuild every bridge,",
        ),
        (
            '"We will rebuild every bridge," said Mira Tal.',
            [("Mira Tal", "PERSON")],
            "Mira Tal",
            "said",
            "We will rebuild every bridge,",
        ),
        (
            'Mira Tal spoke first. "We will rebuild every bridge," she insisted.',
            [("Mira Tal", "PERSON")],
            "Mira Tal",
            "insisted",
            "We will rebuild every bridge,",
        ),
    ],
)
def test_direct_quotes(text, actors, speaker, cue, quote):
    quotes = extract_quotes(*_tables(text, actors))
    direct = quotes[quotes["kind"] == "direct"].iloc[0]
    assert (direct["speaker"], direct["cue"], direct["quote"]) == (speaker, cue, quote)
    assert text[direct["start"] : direct["end"]] == quote


def test_scare_quotes_and_quotes_without_cue_are_not_speech():
    text = (
        'Mira Tal spoke of "technical teams". The "normal" plan of Mira Tal is a "big idea here".'
    )
    quotes = extract_quotes(*_tables(text, [("Mira Tal", "PERSON"), ("Mira Tal", "PERSON")]))
    assert quotes.empty


@pytest.mark.parametrize(
    ("text", "actors", "speaker", "cue", "quote"),
    [
        (
            "Mira Tal said that the bridge would reopen in May.",
            [("Mira Tal", "PERSON")],
            "Mira Tal",
            "said",
            "the bridge would reopen in May.",
        ),
        (
            "Mira Tal has repeatedly insisted that talks must wait.",
            [("Mira Tal", "PERSON")],
            "Mira Tal",
            "insisted",
            "talks must wait.",
        ),
        (
            "According to Daily Globe, the bridge reopened on Monday.",
            [("Daily Globe", "MEDIA")],
            "Daily Globe",
            "according to",
            "the bridge reopened on Monday.",
        ),
        (
            "The bridge reopened on Monday, according to Mira Tal.",
            [("Mira Tal", "PERSON")],
            "Mira Tal",
            "according to",
            "The bridge reopened on Monday",
        ),
    ],
)
def test_reported_speech(text, actors, speaker, cue, quote):
    quotes = extract_quotes(*_tables(text, actors))
    row = quotes[quotes["kind"] == "reported"].iloc[0]
    assert (row["speaker"], row["cue"], row["quote"]) == (speaker, cue, quote)


def test_interview_turns_need_a_repeated_label():
    text = (
        "Heading: A Title Here\n\nDaily Globe: What comes next for the city?\n\n"
        "Dr. Omar Haddad: We rebuild, street by street.\n\n"
        "Daily Globe: And the money?\n\nDr. Haddad: It will come from many places.\n\n"
        "Q: Is this a question here?"
    )
    corpus, mentions, sentences = _tables(
        text, [("Daily Globe", "MEDIA"), ("Omar Haddad", "PERSON")]
    )
    turns = extract_quotes(corpus, mentions, sentences)
    turns = turns[turns["kind"] == "interview turn"]
    assert turns["speaker"].tolist() == ["Daily Globe", "Omar Haddad", "Daily Globe", "Omar Haddad"]
    assert turns["quote"].iloc[1] == "We rebuild, street by street."


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("According to Daily Globe, the bridge reopened.", ["Daily Globe"]),
        ("Daily Globe reported that the bridge reopened.", ["Daily Globe"]),
        ("As Daily Globe reports, the bridge reopened.", ["Daily Globe"]),
        ("Mira Tal told Daily Globe that the bridge reopened.", ["Daily Globe"]),
        ("Daily Globe sits down with Mira Tal about bridges.", []),
    ],
)
def test_citations(text, cited):
    corpus, mentions, sentences = _tables(text, [("Daily Globe", "MEDIA")])
    out = extract_citations(mentions, sentences)
    assert list(out.columns) == CITATION_COLUMNS
    assert out["cited"].tolist() == cited


def test_quotes_and_citations_carry_the_document_s_source_and_date():
    corpus, mentions, sentences = _tables(
        'According to Daily Globe, Mira Tal said, "We will rebuild every bridge."',
        [("Daily Globe", "MEDIA"), ("Mira Tal", "PERSON")],
    )
    day = pd.Timestamp("2025-03-20", tz="UTC")
    corpus = corpus.assign(source="Kyiv Post", date=day)
    mentions = mentions.assign(source="Kyiv Post", date=day)
    quotes = extract_quotes(corpus, mentions, sentences)
    assert list(quotes.columns) == QUOTE_COLUMNS
    assert quotes[["doc_id", "source", "date", "speaker"]].values.tolist() == [
        ["d", "Kyiv Post", day, "Daily Globe"],
        ["d", "Kyiv Post", day, "Mira Tal"],
    ]
    citations = extract_citations(mentions, sentences)
    assert citations[["doc_id", "source", "date", "cited"]].values.tolist() == [
        ["d", "Kyiv Post", day, "Daily Globe"]
    ]


def test_unknown_outlet_recognised_by_its_name():
    from workbench.actors.gazetteer import Gazetteer

    gaz = Gazetteer(outlet_words=frozenset({"times"}))
    corpus, mentions, sentences = _tables(
        "According to the Kharkiv Times, it rained.", [("Kharkiv Times", "ORG")]
    )
    assert extract_citations(mentions, sentences, gaz)["cited"].tolist() == ["Kharkiv Times"]


# ----------------------------------------------------------------------------- the sample corpus


@pytest.fixture(scope="module")
def sample_tables(sample_corpus):
    from workbench.actors.extract import extract_actors

    return extract_actors(sample_corpus)


@pytest.mark.slow
def test_sample_macron_quote(sample_tables):
    q = sample_tables.quotes
    assert list(q.columns) == QUOTE_COLUMNS
    macron = q[q["quote"].str.startswith("Everyone wants to get peace")].iloc[0]
    assert (macron["speaker"], macron["kind"], macron["cue"]) == (
        "Emmanuel Macron",
        "direct",
        "stated",
    )
    zelensky = q[q["quote"].str.startswith("He does not have the mandate")].iloc[0]
    assert zelensky["speaker"] == "Volodymyr Zelensky"


@pytest.mark.slow
def test_sample_interview_turns(sample_tables):
    turns = sample_tables.quotes[sample_tables.quotes["kind"] == "interview turn"]
    sharma = turns[turns["speaker"] == "Anya Sharma"]
    assert len(sharma) == 8
    assert sharma["quote"].iloc[0].startswith("the situation remains incredibly delicate")
    assert set(turns["speaker"]) == {"Anya Sharma", "time.news"}


@pytest.mark.slow
def test_sample_reported_speech(sample_tables):
    q = sample_tables.quotes
    rubio = q[(q["speaker"] == "Marco Rubio") & (q["kind"] == "reported")].iloc[0]
    assert rubio["quote"].startswith("the U.S. and Russia have exchanged new ideas")


@pytest.mark.slow
def test_sample_citations(sample_tables):
    c = sample_tables.citations
    first, second = c[c["doc_id"].str.startswith("000")], c[c["doc_id"].str.startswith("001")]
    assert set(first["cited"]) == {"Associated Press", "CNN", "Kyiv Post", "ABC News"}
    assert set(second["cited"]) == {"Associated Press", "CNN", "Politico"}
    assert "time.news" not in set(c["cited"])
