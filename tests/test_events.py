"""Events from sentences, with inline mentions (no model needed)."""

import pandas as pd
import pytest

from workbench.timeline.events import event_reports, merge_events
from workbench.timeline.places import is_scene
from workbench.timeline.roles import Demonyms
from workbench.timeline.temporal import temporal_expressions
from workbench.timeline.triggers import find_trigger, hypothetical

PUB = pd.Timestamp("2025-07-11", tz="UTC")
#: Cities that stand for their governments (as the gazetteer's metonymy list says).
SEATS = {"Kyiv": "Ukraine", "Moscow": "Russia", "Washington": "United States"}
RURI = ("d0", "Ruritania", "Ruritania", "GPE", "Ruritania")
SMITH = ("d0", "Smith", "John Smith", "PERSON", None)
JONES = ("d0", "Jones", "Ann Jones", "PERSON", None)
AVALON = ("d0", "Avalon", "Avalon", "GPE", "Avalon")


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
    return event_reports(sentences, m, when, corpus, SEATS)


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
        # a person arriving makes a visit; governments or officials make an agreement
        # a day named without its year, days before the article: this year's
        (
            "Police studied the July 8 attack in Kharkiv.",
            [("d0", "Kharkiv", "Kharkiv", "GPE", "Kharkiv")],
            "attack",
            "Kharkiv",
            "reported",
        ),
        (
            "Rubio arrived in Kyiv on Monday.",
            [("d0", "Rubio", "Marco Rubio", "PERSON", None), ("d0", "Kyiv", "Kyiv", "GPE", "Kyiv")],
            "visit",
            "Kyiv",
            "reported",
        ),
        (
            "Ukraine and Turkey signed a deal in Istanbul.",
            [
                ("d0", "Ukraine", "Ukraine", "GPE", "Ukraine"),
                ("d0", "Turkey", "Turkey", "GPE", "Turkey"),
                ("d0", "Istanbul", "Istanbul", "GPE", "Istanbul"),
            ],
            "agreement",
            "Istanbul",
            "reported",
        ),
        (
            "The ministers Smith and Jones signed a deal in Geneva.",
            [
                ("d0", "Smith", "John Smith", "PERSON", None),
                ("d0", "Jones", "Ann Jones", "PERSON", None),
                ("d0", "Geneva", "Geneva", "GPE", "Geneva"),
            ],
            "agreement",
            "Geneva",
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
        # negated, conditional or a capability: nothing happened
        (
            "There was no call with Rubio in Geneva.",
            [
                ("d0", "Rubio", "Marco Rubio", "PERSON", None),
                ("d0", "Geneva", "Geneva", "GPE", "Geneva"),
            ],
        ),
        (
            "Rubio and Lavrov did not meet in Geneva.",
            [
                ("d0", "Rubio", "Marco Rubio", "PERSON", None),
                ("d0", "Lavrov", "Sergey Lavrov", "PERSON", None),
                ("d0", "Geneva", "Geneva", "GPE", "Geneva"),
            ],
        ),
        (
            "Markets would fall if there was an attack on Kharkiv.",
            [("d0", "Kharkiv", "Kharkiv", "GPE", "Kharkiv")],
        ),
        (
            "Cheap drones used for attacks in Kharkiv were shown on Monday.",
            [("d0", "Kharkiv", "Kharkiv", "GPE", "Kharkiv")],
        ),
        (
            "Russia's attack on Ukraine has forced millions from their homes.",
            [
                ("d0", "Russia", "Russia", "GPE", "Russia"),
                ("d0", "Ukraine", "Ukraine", "GPE", "Ukraine"),
            ],
        ),
        # a ship arriving is no visit; an event named by its day is not the article's year's
        (
            "The Turkish ship Razoni arrived in Istanbul on Monday.",
            [
                ("d0", "Istanbul", "Istanbul", "GPE", "Istanbul"),
                ("d0", "Turkish", "Turkey", "NORP", None),
            ],
        ),
        # agreements are made by governments, not a business deal
        (
            "Smith sold the yacht to Jones in a deal signed in Monaco.",
            [
                ("d0", "Smith", "John Smith", "PERSON", None),
                ("d0", "Jones", "Ann Jones", "PERSON", None),
                ("d0", "Monaco", "Monaco", "GPE", "Monaco"),
            ],
        ),
        (
            "Smith was charged over the Jan. 6 attack in Washington.",
            [
                ("d0", "Smith", "John Smith", "PERSON", None),
                ("d0", "Washington", "Washington", "GPE", "Washington"),
            ],
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
    # Each event names the sentences of its reports, so it can be traced back to them.
    merged = reports[reports["doc_id"].isin(["d0", "d1"])]["sentence_id"].tolist()
    assert sorted(first.sentence_ids) == sorted(merged) and len(merged) == 2
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


def one_report(text, mentions, **kw):
    """The report of a single sentence (one document), or None."""
    out = make([text], [("d0", *m) for m in mentions], **kw)
    return None if out.empty else out.iloc[0]


@pytest.mark.parametrize(
    ("text", "mentions", "date", "precision"),
    [
        # a date the sentence gives wins at any precision; the day of the telling does not
        (
            "Kyiv said Monday that troops died last week in a strike in Desna.",
            [("Kyiv", "Kyiv", "GPE", "Kyiv"), ("Desna", "Desna", "GPE", "Desna")],
            "2025-06-30",
            "week",
        ),
        (
            "Envoys met in Geneva in November.",
            [("Geneva", "Geneva", "GPE", "Geneva")],
            "2024-11-01",
            "month",
        ),
        (
            "The deal was signed in Vienna in 2015.",
            [("Vienna", "Vienna", "GPE", "Vienna")],
            "2015-01-01",
            "year",
        ),
        # the expression nearest the trigger; "since" bounds a period, it dates nothing
        (
            "Since 2014, troops shelled Avdiivka on Tuesday.",
            [("Avdiivka", "Avdiivka", "GPE", "Avdiivka")],
            "2025-07-08",
            "day",
        ),
    ],
)
def test_event_date_comes_from_the_sentence(text, mentions, date, precision):
    r = one_report(text, mentions)
    assert (r.date.strftime("%Y-%m-%d"), r.precision, r.date_source) == (date, precision, "text")


@pytest.mark.parametrize(
    ("text", "mentions", "place", "participants"),
    [
        (
            "Shelling hit the Russia-controlled city of Enerhodar.",
            [("Russia", "Russia", "GPE", "Russia"), ("Enerhodar", "Enerhodar", "GPE", "Enerhodar")],
            "Enerhodar",
            [],
        ),
        (
            "Moscow-backed officials said a Ukrainian attack on the prison in the town of "
            "Olenivka killed 50 people.",
            [
                ("Moscow", "Moscow", "GPE", "Moscow"),
                ("Ukraine", "Ukraine", "GPE", "Ukraine"),  # named later, see below
                ("Olenivka", "Olenivka", "GPE", "Olenivka"),
            ],
            "Olenivka",
            ["Ukraine"],
        ),
        (
            "A missile strike hit a plant in Sloviansk, Ukraine, and Kramatorsk.",
            [
                ("Sloviansk", "Sloviansk", "GPE", "Sloviansk"),
                ("Ukraine", "Ukraine", "GPE", "Ukraine"),
                ("Kramatorsk", "Kramatorsk", "GPE", "Kramatorsk"),
            ],
            "Sloviansk",
            [],
        ),
        (
            "Lukashenko said Belarus signed an agreement with Russia.",
            [
                ("Lukashenko", "Alexander Lukashenko", "PERSON", None),
                ("Belarus", "Belarus", "GPE", "Belarus"),
                ("Russia", "Russia", "GPE", "Russia"),
            ],
            None,
            ["Belarus", "Russia"],
        ),
        (
            '"Russia must stop," Baerbock said during a visit to Prague.',
            [
                ("Russia", "Russia", "GPE", "Russia"),
                ("Baerbock", "Annalena Baerbock", "PERSON", None),
                ("Prague", "Prague", "GPE", "Prague"),
            ],
            "Prague",
            ["Annalena Baerbock"],
        ),
        (
            "Biden attended a NATO summit in Brussels as Putin waged war.",
            [
                ("Biden", "Joe Biden", "PERSON", None),
                ("NATO", "NATO", "ORG", None),
                ("Brussels", "Brussels", "GPE", "Brussels"),
                ("Putin", "Vladimir Putin", "PERSON", None),
            ],
            "Brussels",
            ["Joe Biden", "NATO"],
        ),
        (
            "The UK defence secretary, Wallace, made a visit to Kyiv for talks with Zelensky.",
            [
                ("UK", "United Kingdom", "GPE", "United Kingdom"),
                ("Wallace", "Ben Wallace", "PERSON", None),
                ("Kyiv", "Kyiv", "GPE", "Kyiv"),
                ("Zelensky", "Volodymyr Zelensky", "PERSON", None),
            ],
            "Kyiv",
            ["Ben Wallace", "Volodymyr Zelensky"],
        ),
    ],
)
def test_place_is_where_it_happened_and_participants_act(text, mentions, place, participants):
    if "Ukrainian" in text:  # the nationality names the country: only its mention is dropped
        mentions = [m for m in mentions if m[0] != "Ukraine"]
        texts = [text, "Ukraine denied it."]
        ms = [("d0", *m) for m in mentions] + [("d1", "Ukraine", "Ukraine", "GPE", "Ukraine")]
        r = make(texts, ms).iloc[0]
    else:
        r = one_report(text, mentions)
    assert (r.place if isinstance(r.place, str) else None, r.participants) == (place, participants)


def test_nationality_next_to_forces_names_its_country():
    demonyms = Demonyms.of(["Russia", "Ukraine", "Iran", "Kyiv"])
    found = demonyms.find("Russian forces and Ukrainian drones; an Iranian film.")
    assert [country for _, _, country in found] == ["Russia", "Ukraine"]
    assert Demonyms.of([]).find("Russian forces") == []


@pytest.mark.parametrize(
    ("before", "kind", "scene"),
    [
        ("talks in ", {}, True),
        ("shelling in the Russia-controlled city of ", {}, True),
        ("a blast near the besieged port of ", {}, True),
        ("the prison in the town of ", {}, True),
        ("the war in ", {}, False),
        ("a trip to ", {"visit": True}, True),
        ("a trip to ", {}, False),
        ("Russia attacked ", {"violence": True, "from_trigger": " "}, True),
        ("Russia praised ", {"violence": True}, False),
        # the target after "on", "against" or "of" an attack noun is its place
        ("the attack on ", {"violence": True, "from_trigger": " on "}, True),
        (
            "missile strikes on the port city of ",
            {"violence": True, "from_trigger": " on the port city of "},
            True,
        ),
        ("the shelling of ", {"violence": True, "from_trigger": " of "}, True),
        ("strikes against ", {"violence": True, "from_trigger": " against "}, True),
        ("the talks on ", {"from_trigger": " on "}, False),
        (
            "the attack on civilians in ",
            {"violence": True, "from_trigger": " on civilians in "},
            True,
        ),
        ("the attack, praised by ", {"violence": True, "from_trigger": ", praised by "}, False),
    ],
)
def test_is_scene(before, kind, scene):
    assert is_scene(before, **kind) is scene


def test_reports_merge_only_with_a_distinctive_participant_and_agreeing_dates():
    texts = [
        "A strike hit a port in Odesa on Tuesday.",
        "A second strike hit a port in Odesa on Tuesday.",
        "Lavrov met Rubio in Geneva in July.",
        "Lavrov and Rubio met in Geneva on July 10.",
        "Lavrov and Rubio met in Geneva on June 10.",
    ]
    place = [("Odesa", "Odesa", "GPE", "Odesa"), ("Geneva", "Geneva", "GPE", "Geneva")]
    mentions = [("d0", *place[0]), ("d1", *place[0])]
    for doc in ("d2", "d3", "d4"):
        mentions += [
            (doc, "Lavrov", "Sergey Lavrov", "PERSON", None),
            (doc, "Rubio", "Marco Rubio", "PERSON", None),
            (doc, *place[1]),
        ]
    events = merge_events(make(texts, mentions))
    # same place and day but nobody named: two events; July and July 10 agree, June 10 not
    assert sorted(events["n_reports"].tolist()) == [1, 1, 1, 2]
    merged = events[events["n_reports"] == 2].iloc[0]
    assert merged.doc_ids == ["d2", "d3"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a strike noun anywhere makes a strike; "attacked" and neutral verbs go by the weapon
        ("A Ruritanian strike on a barracks was the deadliest attack yet.", ("strike", "strike")),
        ("Shelling struck a convoy near the town.", ("attack", "Shelling")),
        ("Drones hit a fuel depot in the port.", ("strike", "hit")),
        ("Rebels fired a rocket at the plane.", ("strike", "fired a rocket at")),
        ("Soldiers opened fire on a checkpoint.", ("attack", "opened fire")),
        ("Rebels attacked the base with missiles.", ("strike", "attacked")),
        ("The air defence shot down a drone.", ("attack", "shot down")),
        ("The two leaders struck a deal.", ("agreement", "deal")),
        # not events: no weapon beside "hit", phrasal verbs, adjectives, labour strikes
        ("Prices hit a record high in March.", None),
        ("Mr Smith signed up to the housing scheme.", None),
        ("The town was heavily-bombed.", None),
        ("Dockers went on a hunger strike.", None),
        ("Ministers must deal with the crisis.", None),
    ],
)
def test_trigger_types_violence_by_its_words(text, found):
    got = find_trigger(text)
    assert (got if got is None else (got[0], text[slice(*got[1])])) == found


@pytest.mark.parametrize(
    ("text", "word", "unreal"),
    [
        ("These systems, which can conduct air strikes, are new.", "strikes", True),
        ("They vowed they will not use the missiles to strike abroad.", "strike", True),
        ("Officials warned of the threat of attacks.", "attacks", True),
        ("A strike hit the port on Monday.", "strike", False),
        ("Officials denied any such strike.", "strike", False),
        # modal wording in another clause does not count
        ("Talks could resume, after the strike on Monday.", "strike", False),
    ],
)
def test_hypothetical_violence(text, word, unreal):
    start = text.index(word)
    assert hypothetical(text, (start, start + len(word))) is unreal


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # violence neither placed nor dated, in no story: "the attacks" in general
        (
            "Jones explained Moscow's reasoning for the attacks.",
            [("Jones", "Ann Jones", "PERSON", None), ("Moscow", "Moscow", "GPE", "Moscow")],
        ),
        # capability, not an event
        (
            "Ruritania is supplying Freedonia with rockets that can hit targets in Bravo.",
            [
                ("Ruritania", "Ruritania", "GPE", "Ruritania"),
                ("Freedonia", "Freedonia", "GPE", "Freedonia"),
                ("Bravo", "Bravo", "GPE", "Bravo"),
            ],
        ),
        # a visit needs its visitor
        (
            "She finally arrived in Springfield.",
            [("Springfield", "Springfield", "GPE", "Springfield")],
        ),
        # a caption's quoted shelling with nobody named
        (
            'The army posted video with the caption: "The results of shelling across Bravo."',
            [("Bravo", "Bravo", "GPE", "Bravo")],
        ),
        # a scheme signed up to is no agreement
        (
            "Mr Lee signed up to the Homes for Ruritania scheme.",
            [("Lee", "Tom Lee", "PERSON", None), ("Ruritania", "Ruritania", "GPE", "Ruritania")],
        ),
        # the day of the telling dates no violence
        (
            "Smith said in a video address Thursday that a line was damaged by shelling.",
            [("Smith", "Ann Smith", "PERSON", None)],
        ),
    ],
)
def test_not_events_by_the_violence_and_visit_rules(text, mentions):
    assert one_report(text, mentions) is None


@pytest.mark.parametrize(
    ("text", "mentions", "place", "participants"),
    [
        # "Name, suggested": the one who tells; "envoy to X" qualifies the title
        (
            "The envoy to Ruritania, Jan Novak, suggested that talks with Freedonia had begun.",
            [
                ("Ruritania", "Ruritania", "GPE", "Ruritania"),
                ("Jan Novak", "Jan Novak", "PERSON", None),
                ("Freedonia", "Freedonia", "GPE", "Freedonia"),
            ],
            None,
            ["Freedonia"],
        ),
        # a visit's object is its place; a content clause's subject takes no part
        (
            "Smith released imagery showing that Jones visited Bravo on June 8.",
            [
                ("Smith", "Ann Smith", "PERSON", None),
                ("Jones", "Bob Jones", "PERSON", None),
                ("Bravo", "Bravo", "GPE", "Bravo"),
            ],
            "Bravo",
            ["Bob Jones"],
        ),
        # a country's grid is its property, not a party to the shelling
        (
            "Officials said Ruritania's power grid was shelled in Bravo on Monday.",
            [
                ("Ruritania", "Ruritania", "GPE", "Ruritania"),
                ("Bravo", "Bravo", "GPE", "Bravo"),
            ],
            "Bravo",
            [],
        ),
        # who comments on an attack does not take part in it
        (
            "Smith condemned the Red Brigade attack in Bravo on Monday.",
            [
                ("Smith", "Ann Smith", "PERSON", None),
                ("Red Brigade", "Red Brigade", "ORG", None),
                ("Bravo", "Bravo", "GPE", "Bravo"),
            ],
            "Bravo",
            ["Red Brigade"],
        ),
    ],
)
def test_roles_of_tellers_owners_and_visits(text, mentions, place, participants):
    r = one_report(text, mentions)
    assert (r.place if isinstance(r.place, str) else None, r.participants) == (place, participants)


@pytest.mark.parametrize(
    ("before", "kind", "scene"),
    [
        ("officials in the southern ", {}, False),
        ("an institute based in ", {}, False),
        ("the army shelled towns in north-east ", {}, True),
        ("Smith visited ", {"visit": True, "from_trigger": " "}, True),
        ("was hit over the ", {"violence": True, "from_trigger": " over the "}, True),
        ("concerns over ", {}, False),
    ],
)
def test_is_scene_of_people_objects_and_over(before, kind, scene):
    assert is_scene(before, **kind) is scene


def make_doc(sentences, mentions, date=PUB):
    """One document of several sentences; mentions as (sentence index, surface, ...)."""
    starts, text = [], ""
    for s in sentences:
        starts.append(len(text))
        text += s + " "
    table = pd.DataFrame(
        {
            "doc_id": "d0",
            "sentence_id": [f"d0:p1:s{i}" for i in range(len(sentences))],
            "start": starts,
            "end": [a + len(s) for a, s in zip(starts, sentences, strict=True)],
            "text": sentences,
        }
    )
    rows = []
    for i, surface, actor, kind, place in mentions:
        start = starts[i] + sentences[i].index(surface)
        rows.append(("d0", f"d0:p1:s{i}", start, start + len(surface), surface, actor, kind, place))
    cols = ["doc_id", "sentence_id", "start", "end", "surface", "actor", "actor_type", "place"]
    corpus = pd.DataFrame({"doc_id": ["d0"], "date": [date], "source": ["AP"]})
    when = temporal_expressions(table, corpus.set_index("doc_id")["date"])
    return event_reports(table, pd.DataFrame(rows, columns=cols), when, corpus)


def test_a_later_report_goes_on_with_the_story():
    reports = make_doc(
        [
            "The Red Brigade shelled Bravo on Monday.",
            "The Red Brigade used heavy artillery in the attack.",
            "The Blue Army used heavy artillery in an attack.",
            "Smith met Jones in Geneva on Tuesday.",
            "Smith and Jones met for two hours.",
        ],
        [
            (0, "Red Brigade", "Red Brigade", "ORG", None),
            (0, "Bravo", "Bravo", "GPE", "Bravo"),
            (1, "Red Brigade", "Red Brigade", "ORG", None),
            (2, "Blue Army", "Blue Army", "ORG", None),
            (3, "Smith", "Ann Smith", "PERSON", None),
            (3, "Jones", "Bob Jones", "PERSON", None),
            (3, "Geneva", "Geneva", "GPE", "Geneva"),
            (4, "Smith", "Ann Smith", "PERSON", None),
            (4, "Jones", "Bob Jones", "PERSON", None),
        ],
    )
    got = [
        (
            r.event_type,
            r.place if isinstance(r.place, str) else None,
            str(r.date.date()),
            r.date_source,
        )
        for r in reports.itertuples()
    ]
    assert got == [
        ("attack", "Bravo", "2025-07-07", "text"),
        ("attack", "Bravo", "2025-07-07", "context"),  # "the attack" of the story so far
        # the Blue Army's attack, in no story, neither placed nor dated: dropped
        ("meeting", "Geneva", "2025-07-08", "text"),
        ("meeting", None, "2025-07-08", "context"),  # the date carried, not the place
    ]


def test_merged_event_is_a_summit_with_the_participants_reports_agree_on():
    texts = [
        "Smith attended a NATO summit on Monday.",
        "NATO leaders met with Jones on Monday.",
        "Brown joined the NATO meeting on Monday.",
    ]
    mentions = [
        ("d0", "Smith", "Ann Smith", "PERSON", None),
        ("d0", "NATO", "NATO", "ORG", None),
        ("d1", "NATO", "NATO", "ORG", None),
        ("d1", "Jones", "Bob Jones", "PERSON", None),
        ("d2", "Brown", "Cy Brown", "PERSON", None),
        ("d2", "NATO", "NATO", "ORG", None),
    ]
    events = merge_events(make(texts, mentions))
    assert len(events) == 1
    assert (events.iloc[0].event_type, events.iloc[0].participants) == ("summit", ["NATO"])


@pytest.mark.parametrize(
    ("text", "mentions", "reported"),
    [
        # speaking to a news outlet is an interview, not a call
        (
            "Speaking to the Daily Courier on Monday, Minister Smith said the talks went well.",
            [
                ("d0", "Daily Courier", "Daily Courier", "MEDIA", None),
                ("d0", "Smith", "John Smith", "PERSON", None),
            ],
            False,
        ),
        (
            "Minister Smith spoke to Minister Jones on Monday.",
            [
                ("d0", "Smith", "John Smith", "PERSON", None),
                ("d0", "Jones", "Ann Jones", "PERSON", None),
            ],
            True,
        ),
    ],
)
def test_a_call_addresses_a_party_not_an_outlet(text, mentions, reported):
    out = make([text], mentions)
    assert (not out.empty and out["event_type"].iloc[0] == "call") is reported


@pytest.mark.parametrize(
    ("text", "mentions", "found"),
    [
        # a campaign as a whole is no event, even going on with a story
        ("Ruritania said the counteroffensive is gaining momentum.", [RURI], None),
        # a dated or placed one is
        (
            "Ruritania launched its invasion on Monday, July 7.",
            [RURI],
            ("attack", "2025-07-07"),
        ),
        (
            "Ruritania launched a counteroffensive near Avalon.",
            [RURI, ("d0", "Avalon", "Avalon", "GPE", "Avalon")],
            ("attack", "2025-07-11"),
        ),
        # the date of another deed, far from the campaign, is not its date
        (
            "The paper shut down in March amid a crackdown in the wake of Ruritania's invasion.",
            [RURI],
            None,
        ),
    ],
)
def test_a_campaign_is_an_event_only_dated_or_placed(text, mentions, found):
    out = make([text], mentions)
    got = (out["event_type"].iloc[0], str(out["date"].iloc[0].date())) if len(out) else None
    assert got == found


@pytest.mark.parametrize(
    ("text", "mentions", "types"),
    [
        # two events in two clauses
        (
            "Smith met Jones in Avalon on Monday, while rebels shelled Camelot.",
            [SMITH, JONES, AVALON, ("d0", "Camelot", "Camelot", "GPE", "Camelot")],
            ["attack", "meeting"],
        ),
        # one of a family: the meeting and its talks are one encounter
        (
            "Smith met Jones in Avalon, and they held talks on trade.",
            [SMITH, JONES, AVALON],
            ["meeting"],
        ),
        # one of a clause: "a visit for talks" is a visit
        ("Smith arrived in Avalon on a visit for talks.", [SMITH, AVALON], ["visit"]),
        # a campaign beside another event is its time
        (
            "Smith held talks with Jones in Avalon on July 7, before the invasion on July 9.",
            [SMITH, JONES, AVALON],
            ["talks"],
        ),
    ],
)
def test_events_of_several_kinds_in_one_sentence(text, mentions, types):
    assert sorted(make([text], mentions)["event_type"]) == types


@pytest.mark.parametrize(
    ("text", "mentions", "event_type"),
    [
        # a date of its own and someone named taking part make an event concrete
        (
            "Energy Secretary Smith met with oil executives on Tuesday.",
            [("d0", "Smith", "John Smith", "PERSON", None)],
            "meeting",
        ),
        ("Ruritania's ministers will meet on Wednesday, July 16.", [RURI], "meeting"),
        # an agreement between governments, its word not inside an organisation's name
        (
            "Ruritania and Avalon signed a treaty on Monday.",
            [RURI, ("d0", "Avalon", "Avalon", "GPE", "Avalon")],
            "agreement",
        ),
    ],
)
def test_a_dated_event_with_someone_taking_part(text, mentions, event_type):
    out = make([text], mentions)
    assert list(out["event_type"]) == [event_type]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # no date of its own: one person alone is not concrete
        (
            "Energy Secretary Smith said a meeting with oil executives helps.",
            [("d0", "Smith", "John Smith", "PERSON", None)],
        ),
        # a year is no date of its own here; nor is the day of the telling
        ("Ruritania's ministers will meet this year.", [RURI]),
        ("Ruritania said on Monday that a meeting helps.", [RURI]),
        # a trigger word inside an organisation's name is part of the name
        (
            "Ruritania voted on Tuesday to join the Northern Treaty Organization.",
            [RURI, ("d0", "Northern Treaty Organization", "NTO", "ORG", None)],
        ),
    ],
)
def test_not_dated_events(text, mentions):
    assert make([text], mentions).empty


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # a date right before the speech verb is the day of the telling ...
        ("Smith early Friday said the talks went well.", True),
        ("The ministry on Monday announced the talks went well.", True),
        ("Smith said Monday the talks went well.", True),
        # ... not a date of the event itself
        ("Smith held talks on Monday, the ministry said.", False),
        ("Talks on Monday said little.", True),  # the wording, whatever it means, is a telling
    ],
)
def test_a_date_before_the_speech_verb_is_the_telling(text, told):
    from workbench.timeline.dating import event_date

    when = temporal_expressions(
        pd.DataFrame({"doc_id": ["d0"], "sentence_id": ["d0:p1:s1"], "start": [0], "text": [text]}),
        pd.Series({"d0": PUB}),
    ).dropna(subset=["date"])
    found = list(zip(when["start"], when["end"], when["date"], when["precision"], strict=True))
    trigger = find_trigger(text)[1]
    assert event_date(found, text, trigger, PUB)[3] is told


@pytest.mark.parametrize(
    ("text", "is_caption"),
    [
        ("Ann Lee attends a meeting in Avalon, Ruritania, Friday, Nov. 26, 2021.", True),
        ("Ann Lee speaks to the press in Avalon, Tuesday, April 13, 2021.", True),
        # news in the present tense ending on a year is no caption
        ("Ann Lee visits Avalon on Friday, where she met the mayor elected in 2019.", False),
        ("Leaders met in Avalon on Friday, Nov. 26, 2021.", False),
    ],
)
def test_photo_captions(text, is_caption):
    from workbench.timeline.events import caption

    assert caption(text) is is_caption


def test_the_city_is_the_city_named_before():
    reports = make_doc(
        [
            "Ann Jones lives in Kharkiv, Ukraine.",
            "Russian attacks on the outskirts of the city went on overnight on Monday.",
        ],
        [
            (0, "Kharkiv", "Kharkiv", "GPE", "Kharkiv"),
            (0, "Ukraine", "Ukraine", "GPE", "Ukraine"),
            (1, "Russian", "Russia", "NORP", None),
        ],
    )
    assert [(r.place, r.participants) for r in reports.itertuples()] == [("Kharkiv", ["Russia"])]
