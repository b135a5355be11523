"""Quotes and citations: rules on inline texts, then the sample corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.actors import quotes as quotes_module
from workbench.actors.quotes import (
    CITATION_COLUMNS,
    QUOTE_COLUMNS,
    extract_citations,
    extract_quotes,
    quoted_stretches,
)
from workbench.core import pool
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


def _quotes(text, actors):
    """(kind, speaker, cue, quote) of every quote found in ``text``."""
    out = extract_quotes(*_tables(text, actors))
    speakers = [s if isinstance(s, str) else None for s in out["speaker"]]
    return list(zip(out["kind"], speakers, out["cue"], out["quote"], strict=True))


TAL = [("Mira Tal", "PERSON")]
COUNCIL = [("Harbour Council", "ORG")]


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        ('He said "one two three four." Then', ["one two three four."]),
        ("She wrote: 'five six seven eight' and left.", ["five six seven eight"]),
        ("It's the soldiers' kit, isn't it?", []),  # apostrophes open and close nothing
        ('"One two. "Three four."', ["One two. ", "Three four."]),  # a paragraph left open
        ("\"He said 'a b c d' twice,\" she said.", ["He said 'a b c d' twice,"]),
        # closed with the wrong mark: the quotation ends there, not at the next opening
        (
            '"All of us in one language\'. Tal left. "Next one here."',
            ["All of us in one language", "Next one here."],
        ),
        ('"All of us,\' he said. Tal left. "Next one here."', ["All of us,", "Next one here."]),
        (
            '"The soldiers\' kit is here. "Next one here."',
            ["The soldiers' kit is here. ", "Next one here."],
        ),
        # left open before a sentence that introduces the next quotation: it ends before it
        (
            '"One two three. Asked again, Tal added: "Four five six."',
            ["One two three.", "Four five six."],
        ),
    ],
)
def test_quoted_stretches(text, stretches):
    assert [text[lo:hi] for lo, hi in quoted_stretches(text)] == stretches


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (  # the verb after an inverted subject
            '"We will rebuild every bridge," said Mira Tal, the mayor.',
            TAL,
            [("direct", "Mira Tal", "said", "We will rebuild every bridge,")],
        ),
        (  # a verb that attributes only right after a quotation; the run goes on
            'Mira Tal spoke first. "We will rebuild every bridge," she began. "And we start now."',
            TAL,
            [
                ("direct", "Mira Tal", "began", "We will rebuild every bridge,"),
                ("direct", "Mira Tal", "began", "And we start now."),
            ],
        ),
        (  # words between the verb and the colon
            'Mira Tal said in a statement: "We will rebuild every bridge."',
            TAL,
            [("direct", "Mira Tal", "said", "We will rebuild every bridge.")],
        ),
        (  # a quoted stretch inside reported speech: the subject of the verb before it
            'Mira Tal said the city will "rebuild every bridge by May" this year.',
            TAL,
            [
                (
                    "reported",
                    "Mira Tal",
                    "said",
                    'the city will "rebuild every bridge by May" this year.',
                ),
                ("direct", "Mira Tal", "said", "rebuild every bridge by May"),
            ],
        ),
        (  # the next quoted sentence, with no verb of its own: the same speaker
            '"We will rebuild every bridge," Mira Tal said. "The work starts on Monday."',
            TAL,
            [
                ("direct", "Mira Tal", "said", "We will rebuild every bridge,"),
                ("direct", "Mira Tal", "said", "The work starts on Monday."),
            ],
        ),
        (  # a quotation after a sentence of telling
            'Mira Tal told the council about the plan. "We will rebuild every bridge."',
            TAL,
            [("direct", "Mira Tal", "told", "We will rebuild every bridge.")],
        ),
        (  # single quotation marks, an apostrophe inside
            "Mira Tal said: 'We will rebuild every bridge. It's a promise.' Nobody doubted it.",
            TAL,
            [("direct", "Mira Tal", "said", "We will rebuild every bridge. It's a promise.")],
        ),
        (  # an unnamed speaker is a speaker all the same
            'A spokesperson said: "We will rebuild every bridge."',
            [],
            [("direct", None, "said", "We will rebuild every bridge.")],
        ),
        (  # a name qualifying "aide" names no speaker
            'It plays a "very long list of bridges" role, according to a Harbour Council aide.',
            COUNCIL,
            [
                ("reported", None, "according to", 'It plays a "very long list of bridges" role'),
                ("direct", None, "according to", "very long list of bridges"),
            ],
        ),
        (  # after a full stop, a sentence with its own object is no attribution
            '"We will rebuild every bridge." He also announced new taxes for the city.',
            [],
            [],
        ),
    ],
)
def test_direct_quote_rules(text, actors, expected):
    assert _quotes(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (  # words between the verb and "that"
            "Mira Tal reiterated on Thursday that the bridge would reopen in May.",
            TAL,
            ("Mira Tal", "reiterated", "the bridge would reopen in May."),
        ),
        (  # no "that"
            "Mira Tal said he is open to sending more engineers.",
            TAL,
            ("Mira Tal", "said", "he is open to sending more engineers."),
        ),
        (  # a verb that needs a clause has one
            "Harbour Council announced it has opened the bridge.",
            COUNCIL,
            ("Harbour Council", "announced", "it has opened the bridge."),
        ),
        (  # the listener comes before "that"
            "Mira Tal told reporters that the bridge would reopen in May.",
            TAL,
            ("Mira Tal", "told", "the bridge would reopen in May."),
        ),
        (  # a promise in the infinitive
            "Mira Tal has vowed to rebuild every bridge in the city.",
            TAL,
            ("Mira Tal", "vowed", "to rebuild every bridge in the city."),
        ),
        (  # the attribution closes the sentence; unnamed
            "The bridge will reopen in May, officials said.",
            [],
            (None, "said", "The bridge will reopen in May"),
        ),
        (  # ... named, with a day after the verb
            "The bridge reopened on Monday, Mira Tal said Tuesday.",
            TAL,
            ("Mira Tal", "said", "The bridge reopened on Monday"),
        ),
        (  # ... in the middle of the sentence
            "The bridge reopened on Monday, officials said, and the traffic resumed.",
            [],
            (None, "said", "The bridge reopened on Monday"),
        ),
        (  # a participle: the subject of the sentence
            "Mira Tal praised the engineers, adding that the bridge would reopen in May.",
            TAL,
            ("Mira Tal", "adding", "the bridge would reopen in May."),
        ),
        (  # a second verb of the same subject
            "Mira Tal inspected the site and said the bridge would reopen in May.",
            TAL,
            ("Mira Tal", "said", "the bridge would reopen in May."),
        ),
        (  # an apposition between subject and verb
            "Harbour Council, the city's planning body, said the bridge would reopen in May.",
            COUNCIL,
            ("Harbour Council", "said", "the bridge would reopen in May."),
        ),
        (  # places in an address are not the subject
            "Mira Tal, of Eastport, Northland, said the bridge would reopen in May.",
            [*TAL, ("Eastport", "GPE"), ("Northland", "GPE")],
            ("Mira Tal", "said", "the bridge would reopen in May."),
        ),
        (  # "he": the last person named as a subject, not the object after it
            "Omar Haddad thanked Mira Tal for the visit. He said the bridge would reopen soon.",
            [("Omar Haddad", "PERSON"), *TAL],
            ("Omar Haddad", "said", "the bridge would reopen soon."),
        ),
        (  # "it": the last body that acted
            "Harbour Council voted on Monday. It said the bridge would reopen in May.",
            COUNCIL,
            ("Harbour Council", "said", "the bridge would reopen in May."),
        ),
        (  # "the council": the same
            "Harbour Council voted on Monday. The council said the bridge would reopen in May.",
            COUNCIL,
            ("Harbour Council", "said", "the bridge would reopen in May."),
        ),
        (  # a name qualifying "spokesperson" names no speaker
            "A Harbour Council spokesperson said the bridge would reopen in May.",
            COUNCIL,
            (None, "said", "the bridge would reopen in May."),
        ),
        (  # an outlet is never the speaker
            "A spokesperson told Daily Globe that the bridge would reopen in May.",
            [("Daily Globe", "MEDIA")],
            (None, "told", "the bridge would reopen in May."),
        ),
        (
            "According to Daily Globe, the bridge reopened on Monday.",
            [("Daily Globe", "MEDIA")],
            (None, "according to", "the bridge reopened on Monday."),
        ),
        (  # "Ruritania's military": that country's body of its kind, named later too
            "Ruritania's military denied it, saying the strike came from the north. "
            "Its critics blamed the Armed Forces of Ruritania.",
            [("Ruritania", "GPE"), ("Armed Forces of Ruritania", "ORG")],
            ("Armed Forces of Ruritania", "saying", "the strike came from the north."),
        ),
        (  # a body no name stands for is named after its owner; an aside is skipped
            "Mira Tal visited Ruritania. Ruritania's foreign ministry, in a statement, "
            "said the border would stay open.",
            [("Mira Tal", "PERSON"), ("Ruritania", "GPE")],
            ("Ruritania Foreign Ministry", "said", "the border would stay open."),
        ),
    ],
)
def test_reported_speech_rules(text, actors, expected):
    assert [q[1:] for q in _quotes(text, actors) if q[0] == "reported"] == [expected]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Harbour Council announced new taxes for the whole city.", COUNCIL),  # no clause
        ("Mira Tal told the council about the plan for the bridge.", TAL),  # nothing told
        ("The self-proclaimed Harbour Council met the engineers on Monday.", COUNCIL),
        ("Mira Tal received reports of damage to the bridge on Monday.", TAL),  # a noun
        ("The Harbour Council plan adds cost to the whole bridge project.", COUNCIL),
        ("Mira Tal will add new momentum to the talks on the bridge.", TAL),  # adds a thing
    ],
)
def test_not_reported_speech(text, actors):
    assert _quotes(text, actors) == []


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
            "According to Harbour Council, the bridge reopened on Monday.",
            [("Harbour Council", "ORG")],
            "Harbour Council",
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
    # the outlet's turns are the interviewer's questions, not quotes
    assert turns["speaker"].tolist() == ["Omar Haddad", "Omar Haddad"]
    assert turns["quote"].iloc[0] == "We rebuild, street by street."


@pytest.mark.parametrize(
    ("label", "source", "speakers"),
    [
        # the article's own outlet, whatever the model made of its name
        ("Globe", "Globe", ["Omar Haddad", "Omar Haddad"]),
        ("globe.news", "globe.news", ["Omar Haddad", "Omar Haddad"]),
        # a web address or a press word marks an outlet without a source
        ("globe.news", None, ["Omar Haddad", "Omar Haddad"]),
        ("Kanal News", None, ["Omar Haddad", "Omar Haddad"]),
        # a person interviewing is still quoted
        ("Mira Tal", "Globe", ["Mira Tal", "Omar Haddad", "Mira Tal", "Omar Haddad"]),
    ],
)
def test_interviewer_turns_are_no_quotes(label, source, speakers):
    text = (
        f"{label}: What comes next for the city?\n\n"
        "Omar Haddad: We rebuild, street by street.\n\n"
        f"{label}: And where does the money come from?\n\n"
        "Omar Haddad: It will come from many places."
    )
    corpus, mentions, sentences = _tables(text, [("Omar Haddad", "PERSON")])
    corpus = corpus.assign(source=source)
    turns = extract_quotes(corpus, mentions, sentences)
    assert turns.loc[turns["kind"] == "interview turn", "speaker"].tolist() == speakers


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("According to Daily Globe, the bridge reopened.", ["Daily Globe"]),
        ("Daily Globe reported that the bridge reopened.", ["Daily Globe"]),
        ("As Daily Globe reports, the bridge reopened.", ["Daily Globe"]),
        ("Mira Tal told Daily Globe that the bridge reopened.", ["Daily Globe"]),
        ("Daily Globe sits down with Mira Tal about bridges.", []),
        ("Mira Tal told the state news agency Daily Globe on Friday.", ["Daily Globe"]),
        ("Mira Tal was quoted as saying by Daily Globe.", ["Daily Globe"]),
        ("Daily Globe in August reported that the bridge reopened.", ["Daily Globe"]),
        ("Daily Globe first reported the story.", ["Daily Globe"]),
        ("Daily Globe could not verify the report.", ["Daily Globe"]),
        ("She spoke in a live Daily Globe interview.", ["Daily Globe"]),
    ],
)
def test_citations(text, cited):
    corpus, mentions, sentences = _tables(text, [("Daily Globe", "MEDIA")])
    out = extract_citations(mentions, sentences)
    assert list(out.columns) == CITATION_COLUMNS
    assert out["cited"].tolist() == cited


def test_two_outlets_cited_by_one_verb():
    corpus, mentions, sentences = _tables(
        "The Daily Globe and Evening Post both reported the deal.",
        [("Daily Globe", "MEDIA"), ("Evening Post", "MEDIA")],
    )
    cited = extract_citations(mentions, sentences)["cited"].tolist()
    assert cited == ["Daily Globe", "Evening Post"]


def test_the_article_s_own_outlet_is_not_cited():
    corpus, mentions, sentences = _tables(
        "Mira Tal told Daily Globe Digital that the bridge reopened. Evening Post reported it.",
        [("Daily Globe Digital", "MEDIA"), ("Evening Post", "MEDIA")],
    )
    mentions = mentions.assign(source="The Daily Globe")
    assert extract_citations(mentions, sentences)["cited"].tolist() == ["Evening Post"]


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
    speakers = [s if isinstance(s, str) else None for s in quotes["speaker"]]
    assert quotes[["doc_id", "source", "date"]].values.tolist() == [["d", "Kyiv Post", day]] * 2
    assert speakers == [None, "Mira Tal"]  # "according to" an outlet: it only carried the words
    citations = extract_citations(mentions, sentences)
    assert citations[["doc_id", "source", "date", "cited"]].values.tolist() == [
        ["d", "Kyiv Post", day, "Daily Globe"]
    ]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("According to the Kharkiv Times, it rained.", ["Kharkiv Times"]),
        ("The Kharkiv Times reported that it rained.", ["Kharkiv Times"]),
        ("The Kharkiv Times published its forecast.", []),  # a body speaking, not cited
    ],
)
def test_unknown_outlet_recognised_by_its_name(text, cited):
    from workbench.actors.gazetteer import Gazetteer

    gaz = Gazetteer(outlet_words=frozenset({"times"}))
    corpus, mentions, sentences = _tables(text, [("Kharkiv Times", "ORG")])
    assert extract_citations(mentions, sentences, gaz)["cited"].tolist() == cited


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
    assert set(turns["speaker"]) == {"Anya Sharma"}  # time.news asks the questions


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


@pytest.mark.parametrize(
    ("text", "actors", "speaker", "sentence"),
    [
        (  # a title the text gave a person before
            "Foreign Secretary Mira Tal met the envoy on Monday. "
            "The foreign secretary said the talks had gone well.",
            [("Mira Tal", "PERSON")],
            "Mira Tal",
            1,
        ),
        (  # a place in the description picks the holder from that place
            "Ruritanian President Ivo Brand and Osterland President Karl Lenz met on Monday. "
            "Ruritania's president said the border would stay open.",
            [("Ivo Brand", "PERSON"), ("Karl Lenz", "PERSON")],
            "Ivo Brand",
            1,
        ),
        (  # a lede describes the person the article names later
            "Ruritania's president said the border would stay open. "
            "President Ivo Brand visited the crossing on Monday.",
            [("Ivo Brand", "PERSON")],
            "Ivo Brand",
            0,
        ),
        (  # no one holds that title: no one
            "Ivo Brand met the envoy on Monday. The foreign secretary said the talks went well.",
            [("Ivo Brand", "PERSON")],
            None,
            1,
        ),
        (  # a body of that kind named before
            "The Ruritanian Defence Ministry published a map on Monday. "
            "The Ruritanian military said the drills would end soon.",
            [("Defence Ministry", "ORG")],
            "Defence Ministry",
            1,
        ),
        (  # a body of another place is not it
            "The Ruritanian Defence Ministry published a map on Monday. "
            "The Osterland military said the drills would end soon.",
            [("Defence Ministry", "ORG")],
            None,
            1,
        ),
        (  # a government: its country
            "Ruritania sent two ships on Monday. The Ruritanian government said they would stay.",
            [("Ruritania", "GPE")],
            "Ruritania",
            1,
        ),
        (  # a person noun: the person who just spoke
            "Ivo Brand, 45, said the road was open. The engineer said the bridge would hold.",
            [("Ivo Brand", "PERSON")],
            "Ivo Brand",
            1,
        ),
        (  # a role usually unnamed stays unnamed
            "Ivo Brand said the road was open. The spokesman said the bridge would hold.",
            [("Ivo Brand", "PERSON")],
            None,
            1,
        ),
        (  # named in the next sentence, as its speaker
            "The bridge will reopen in May, the region's governor said. "
            "Ivo Brand wrote on Monday that the repairs were done.",
            [("Ivo Brand", "PERSON")],
            "Ivo Brand",
            0,
        ),
    ],
)
def test_descriptions_resolve_to_the_actor_named_elsewhere(text, actors, speaker, sentence):
    """The speaker of the words reported in the description's sentence."""
    described = text.split(". ")[sentence]
    rows = [q for q in _quotes(text, actors) if q[3].rstrip(".") in described]
    assert [q[1] for q in rows] == [speaker]


def test_was_quoted_as_saying_attributes_a_direct_quote():
    text = '"We will rebuild every bridge," Mira Tal was quoted as saying by the agency.'
    assert _quotes(text, [("Mira Tal", "PERSON")])[0][:3] == ("direct", "Mira Tal", "saying")


def test_its_in_an_attribution_names_the_body_that_spoke_last():
    text = (
        "Harbour Council said the bridge would reopen. "
        '"We will keep every lane open all winter," a statement on its channel read.'
    )
    direct = [q for q in _quotes(text, COUNCIL) if q[0] == "direct"]
    assert [q[1:3] for q in direct] == [("Harbour Council", "read")]


# ----------------------------------------------------------------------------- general rules

HARBOUR = [("Harbour Council", "ORG")]


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        (  # accusing someone of something reports a claim
            "Mira Tal accused the council of hiding the report.",
            TAL,
            ("Mira Tal", "accused", "the council of hiding the report."),
        ),
        (  # a time phrase after the verb: still a final attribution
            "The bridge will close in May, officials said this week.",
            [],
            (None, "said", "The bridge will close in May"),
        ),
        (  # an outlet that reports: a quote with no speaker (the citation names the outlet)
            "Daily Globe reported that the bridge would reopen in May.",
            [("Daily Globe", "MEDIA")],
            (None, "reported", "the bridge would reopen in May."),
        ),
        (  # a listener in quotation marks (a programme) before "that"
            'Mira Tal told "Morning Show" on Friday that the bridge would reopen.',
            TAL,
            ("Mira Tal", "told", "the bridge would reopen."),
        ),
        (  # "that" after a noun phrase is a relative pronoun, not the complementiser
            "Prosecutors say the missile that destroyed the bridge came from the north.",
            [],
            (None, "say", "the missile that destroyed the bridge came from the north."),
        ),
        (  # a subordinate clause after the attribution
            "The workers were beaten every day, they revealed after they returned home.",
            [],
            (None, "revealed", "The workers were beaten every day"),
        ),
        (  # a handle the model does not tag
            "Twitter user @harbour_watch said the bridge was closed again.",
            [],
            ("@harbour_watch", "said", "the bridge was closed again."),
        ),
        (  # a text that speaks for its author
            "A statement from the Harbour Council said the bridge was closed.",
            HARBOUR,
            ("Harbour Council", "said", "the bridge was closed."),
        ),
        (  # a name governed by "of" is no subject, though capitalised and unknown
            "A veteran of the Harbour Guard, who declined to be named, said the kit was good.",
            [],
            (None, "said", "the kit was good."),
        ),
        (  # an organisation named as an outlet by its press word never speaks
            "Harbour Radio said the bridge had reopened on Monday.",
            [("Harbour Radio", "ORG")],
            (None, "said", "the bridge had reopened on Monday."),
        ),
    ],
)
def test_general_reported_speech_rules(text, actors, expected):
    assert [q[1:] for q in _quotes(text, actors) if q[0] == "reported"] == [expected]


@pytest.mark.parametrize(
    ("text", "actors", "second"),
    [
        (  # a second verb shares the subject of the speech verb nearest before it
            "Kyiv said the dam held, while Ruritania denied it and said the dam broke.",
            [("Kyiv", "GPE"), ("Ruritania", "GPE")],
            "Ruritania",
        ),
        (  # "the report": whoever put out what was last reported
            "Harbour Council said the bridge was closed. Traffic will stop for a week, the "
            "report said.",
            HARBOUR,
            "Harbour Council",
        ),
        (  # a name qualifying a noun yields to the name in apposition
            "The camp was full, according to the Ruritania refugee agency, Harbour Relief.",
            [("Ruritania", "GPE"), ("Harbour Relief", "ORG")],
            "Harbour Relief",
        ),
    ],
)
def test_speaker_of_the_last_report(text, actors, second):
    assert [q[1] for q in _quotes(text, actors) if q[0] == "reported"][-1] == second


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Mira Tal said Monday, with the council reportedly agreeing.", TAL),
        ("Fighting went on, denying Mira Tal any quick gains in the east.", TAL),
    ],
)
def test_verbs_that_report_nothing_after_them(text, actors):
    assert [q for q in _quotes(text, actors) if q[0] == "reported"] == []


# (sentence, the reported words a verb of naming attributes to Mira Tal, or None)
NAMING = [
    ("Mira Tal branded the move 'a provocation' on Monday.", "the move 'a provocation' on Monday."),
    (
        "Mira Tal has labelled the council 'clueless' on the bridge.",
        "the council 'clueless' on the bridge.",
    ),
    ('Mira Tal labeled it "a dead end".', 'it "a dead end".'),
    ('Mira Tal dubbed the plan "a recipe for disaster".', 'the plan "a recipe for disaster".'),
    ("Crates labelled 'fragile' stood by the door as Mira Tal arrived.", None),  # a thing
    ("The plan, dubbed 'Sea Wall', was backed by Mira Tal.", None),  # a participle
    ("Mira Tal was branded 'a traitor' by the council.", None),  # passive
    ("Mira Tal was often labelled a 'clown' in the press.", None),  # passive, an adverb
    ("Mira Tal dubbed by locals 'the builder' arrived.", None),  # a preposition, no object
    ("Mira Tal visited what the council dubbed a 'reform' plan.", None),  # object before it
    ("Stacks of labelled boxes filled the hall where Mira Tal spoke.", None),  # an adjective
    ("Mira Tal branded the move a provocation.", None),  # no quotation
]


@pytest.mark.parametrize(("text", "quote"), NAMING)
def test_verbs_of_naming_report_an_object_and_a_quotation(text, quote):
    found = [q[1:] for q in _quotes(text, TAL) if q[0] == "reported"]
    cue = next((w for w in ("branded", "labelled", "labeled", "dubbed") if w in text), None)
    assert found == ([("Mira Tal", cue, quote)] if quote else [])


def test_a_verb_of_naming_attributes_a_direct_quotation_after_its_object():
    text = 'Mira Tal dubbed the plan "a recipe for total disaster".'
    direct = [q[1:3] for q in _quotes(text, TAL) if q[0] == "direct"]
    assert direct == [("Mira Tal", "dubbed")]


@pytest.mark.parametrize(
    ("text", "actor", "kind", "cited"),
    [
        ("The Baltic News Service said the bridge reopened.", "Baltic News Service", "ORG", 1),
        ("According to the Times, it rained all week.", "Times", "PERSON", 1),
        ("Mira Tal told state news agency Kanal Nine that it rained.", "Kanal Nine", "ORG", 1),
        ("The Kanal Nine newspaper reported that it rained.", "Kanal Nine", "GPE", 1),
        ("The Energy Agency said the grid held.", "Energy Agency", "ORG", 0),
        ("Mira Tal posted on her Kanal Nine channel that it rained.", "Kanal Nine", "ORG", 0),
    ],
)
def test_outlets_whatever_their_type(text, actor, kind, cited):
    corpus, mentions, sentences = _tables(text, [(actor, kind)])
    assert extract_citations(mentions, sentences)["cited"].tolist() == [actor] * cited


_MANY = {
    "d0": 'Mira Tal said, "We will rebuild every bridge in the valley." She added that the '
    "port was safe.",
    "d1": '"The talks are over for now," Oren Vale told reporters. Vale said the next round '
    "would wait.",
    "d2": "According to Lena Hart, the convoy reached the border. A crew member said the ships "
    "would wait.",
    "d3": 'Lena Hart spoke first. "We need more time to count the damage," she insisted.',
    "d4": "Oren Vale said in a statement that the council would meet again on Friday.",
    "d5": "Mira Tal: We have enough fuel for the winter.\nOren Vale: That is not what the "
    "numbers say.\nMira Tal: Then read them again, all of them.\nOren Vale: I have read "
    "them twice already.",
}


def _many_tables():
    corpus = pd.DataFrame({"doc_id": list(_MANY), "text": list(_MANY.values())})
    sentences = segment(corpus, "sentence")
    rows = []
    for doc_id, text in _MANY.items():
        for name in ("Mira Tal", "Oren Vale", "Vale", "Lena Hart"):
            at = text.find(name)
            while at >= 0:
                if not any(r[0] == doc_id and r[1] <= at < r[2] for r in rows):
                    full = "Oren Vale" if name == "Vale" else name
                    rows.append((doc_id, at, at + len(name), full, "PERSON"))
                at = text.find(name, at + len(name))
    mentions = pd.DataFrame(rows, columns=["doc_id", "start", "end", "actor", "actor_type"])
    return corpus, mentions, sentences


def test_documents_read_by_forked_workers_give_the_table_one_process_gives(monkeypatch):
    corpus, mentions, sentences = _many_tables()
    asked = []

    def parse(found):  # the second pass runs (with no parse) for every document that asked
        asked.append(sorted(found))
        return {d: {} for d in found}

    alone = extract_quotes(corpus, mentions, sentences, parse, n_process=1)
    used = []
    fork_map = pool.fork_map

    def counting(fn, batches, *args, workers=None, ordered=True):
        used.append(pool.processes(workers, len(batches)))
        return fork_map(fn, batches, *args, workers=workers, ordered=ordered)

    monkeypatch.setattr(quotes_module, "PARALLEL_MIN_DOCS", 1)
    monkeypatch.setattr(quotes_module, "CHUNK_DOCS", 2)
    monkeypatch.setattr(pool, "cores", lambda: 2)
    monkeypatch.setattr(pool, "fork_is_safe", lambda: pool.can_fork())
    monkeypatch.setattr(pool, "fork_map", counting)
    forked = extract_quotes(corpus, mentions, sentences, parse, n_process=2)
    pd.testing.assert_frame_equal(forked, alone)
    assert asked[0] == asked[1] and asked[0]  # both runs asked for the same sentences
    assert used[0] == (2 if pool.can_fork() else 1)
    speakers = dict(zip(alone["quote"].str[:12], alone["speaker"], strict=True))
    assert speakers["We will rebu"] == "Mira Tal"
    assert speakers["We need more"] == "Lena Hart"
    assert (alone["kind"] == "interview turn").sum() == 4
    assert set(alone["doc_id"]) == set(_MANY)
