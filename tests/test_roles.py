"""Roles: nationalities of officials, passive subjects, embedded triggers, dates of a clause."""

import pandas as pd
import pytest

from tests.test_events import AVALON, make
from workbench.timeline.places import is_scene

# Another article names the country, so that its nationality word is known.
RUSSIA = ("d1", "Russia", "Russia", "GPE", "Russia")
OTHER = "Russia is at war."


@pytest.mark.parametrize(
    ("text", "mentions", "place", "participants"),
    [
        # a nationality before a government's people names its country ...
        (
            "Imagery showed that Russian officials visited Kashan Airfield on June 8.",
            [("d0", "Kashan Airfield", "Kashan Airfield", "FAC", "Kashan Airfield"), RUSSIA],
            "Kashan Airfield",
            ["Russia"],
        ),
        # ... which only tells of the event when a speech verb follows
        (
            "Russian officials said Ukraine shelled Donetsk on Sunday.",
            [
                ("d0", "Ukraine", "Ukraine", "GPE", "Ukraine"),
                ("d0", "Donetsk", "Donetsk", "GPE", "Donetsk"),
                RUSSIA,
            ],
            "Donetsk",
            ["Ukraine"],
        ),
        # the subject of a passive violence verb is its target
        (
            "Kharkiv was heavily shelled by Russian troops on Monday.",
            [("d0", "Kharkiv", "Kharkiv", "GPE", "Kharkiv"), RUSSIA],
            "Kharkiv",
            ["Russia"],
        ),
        # a place before a trigger noun another predicate governs is that predicate's
        (
            "Smith was tried in the Netherlands over the downing of the plane in July 2014.",
            [
                ("d0", "Smith", "John Smith", "PERSON", None),
                ("d0", "Netherlands", "Netherlands", "GPE", "Netherlands"),
            ],
            None,
            ["John Smith"],
        ),
        # the place after "on" or "of" an attack noun is its target, not a participant
        (
            "Russia launched an attack on Kharkiv on Monday.",
            [
                ("d0", "Russia", "Russia", "GPE", "Russia"),
                ("d0", "Kharkiv", "Kharkiv", "GPE", "Kharkiv"),
                RUSSIA,
            ],
            "Kharkiv",
            ["Russia"],
        ),
        (
            "Russian troops kept up the shelling of Mykolaiv on Friday.",
            [("d0", "Mykolaiv", "Mykolaiv", "GPE", "Mykolaiv"), RUSSIA],
            "Mykolaiv",
            ["Russia"],
        ),
        (
            "Missile strikes on Odesa killed two, Smith said on Sunday.",
            [
                ("d0", "Odesa", "Odesa", "GPE", "Odesa"),
                ("d0", "Smith", "John Smith", "PERSON", None),
            ],
            "Odesa",
            [],  # the teller is no participant
        ),
        # a whole country attacked is the war's background: only a dated report is an event
        (
            "Russia's attack on Ukraine on Monday killed ten people.",
            [
                ("d0", "Russia", "Russia", "GPE", "Russia"),
                ("d0", "Ukraine", "Ukraine", "GPE", "Ukraine"),
            ],
            "Ukraine",
            ["Russia"],
        ),
        # violence "on the city" names the one place the sentence names
        (
            "The Kharkiv governor said strikes on the city resumed on Tuesday.",
            [("d0", "Kharkiv", "Kharkiv", "GPE", "Kharkiv"), RUSSIA],
            "Kharkiv",
            [],
        ),
        (
            "Officials in Kharkiv and Odesa said Russian strikes on the city resumed on Tuesday.",
            [
                ("d0", "Kharkiv", "Kharkiv", "GPE", "Kharkiv"),
                ("d0", "Odesa", "Odesa", "GPE", "Odesa"),
                RUSSIA,
            ],
            None,
            ["Russia"],
        ),
    ],
)
def test_roles_of_nationalities_passives_and_embedded_triggers(text, mentions, place, participants):
    reports = make([text, OTHER], mentions)
    r = reports[reports.doc_id == "d0"].iloc[0]
    assert (r.place if isinstance(r.place, str) else None) == place
    assert r.participants == participants


def test_a_date_in_another_clause_is_another_events():
    text = (
        "Rebels said Smith used rockets to hit a prison in Olenivka, killing soldiers "
        "who had been captured in late May."
    )
    mentions = [
        ("d0", "Smith", "John Smith", "PERSON", None),
        ("d0", "Olenivka", "Olenivka", "GPE", "Olenivka"),
    ]
    r = make([text], mentions).iloc[0]
    assert (r.date_source, r.date) == ("article", pd.Timestamp("2025-07-11", tz="UTC"))


@pytest.mark.parametrize(
    ("to_trigger", "scene"),
    [
        (" was ", True),
        (" came under heavy ", True),
        (", a port city, was ", True),
        (" said ", False),
    ],
)
def test_is_scene_of_a_passive_subject(to_trigger, scene):
    assert is_scene("", violence=True, to_trigger=to_trigger) is scene


@pytest.mark.parametrize(
    ("text", "published", "reported"),
    [
        ("Smith's troops invaded the country on Feb. 24.", "2025-03-02", True),
        ("Smith's troops invaded the country in February.", "2025-03-02", True),
        ("Smith's troops invaded the country this year.", "2025-03-02", False),
        ("Since Smith's troops invaded the country, prices rose.", "2025-03-02", False),
        # told months later, the invasion is the background of the coverage
        ("Smith's troops invaded the country on Feb. 24.", "2025-05-30", False),
        ("Prices rose since Smith's troops invaded in late February.", "2025-06-18", False),
    ],
)
def test_an_invasion_is_an_event_only_when_dated_finer_than_a_year_and_recent(
    text, published, reported
):
    mentions = [("d0", "Smith", "John Smith", "PERSON", None)]
    dates = [pd.Timestamp(published, tz="UTC")]
    assert (not make([text], mentions, dates=dates).empty) is reported


SMITH = ("d0", "Smith", "John Smith", "PERSON", None)
MINISTRY = ("d0", "Defence Ministry", "Defence Ministry", "ORG", None)
ODESA = ("d0", "Odesa", "Odesa", "GPE", "Odesa")


@pytest.mark.parametrize(
    ("text", "mentions", "participants"),
    [
        # a teller of someone else's deed, or of a deed without a doer, takes no part
        ("Smith said the strikes on Odesa resumed on Monday.", [SMITH], []),
        ("Smith said that shelling in Odesa went on on Monday.", [SMITH], []),
        ("Strikes on Odesa resumed on Monday, according to Smith.", [SMITH], []),
        ("Footage shared by the Defence Ministry shows a strike on Odesa.", [MINISTRY], []),
        # ... but takes part when the telling says it was their own deed
        ("Smith said he met the envoys on Monday in Odesa.", [SMITH], ["John Smith"]),
        ("Smith said that they had talks in Odesa on Monday.", [SMITH], ["John Smith"]),
        ("Smith said Monday that she had visited Odesa.", [SMITH], ["John Smith"]),
        (
            "The Defence Ministry said it used drones to strike Odesa.",
            [MINISTRY],
            ["Defence Ministry"],
        ),
        ("Smith said it was a strike on Odesa on Monday.", [SMITH], []),
        ('"We met in Odesa on Monday," Smith said.', [SMITH], ["John Smith"]),
        # naming the event in one's own words ("what X called ...") is telling of it
        (
            "Explosions from what Smith called horrific strikes were heard in Odesa on Monday.",
            [SMITH],
            [],
        ),
        (
            "Russia shelled Odesa on Monday in what Smith called an attack on civilians.",
            [SMITH, ("d0", "Russia", "Russia", "GPE", "Russia")],
            ["Russia"],
        ),
        ("Smith explained that the strikes on Odesa resumed on Monday.", [SMITH], []),
        # the source of a record is no participant when someone else acts either
        (
            "Footage shared by the Defence Ministry shows Russia striking Odesa on Monday.",
            [MINISTRY, ("d0", "Russia", "Russia", "GPE", "Russia")],
            ["Russia"],
        ),
    ],
)
def test_a_teller_takes_part_only_in_their_own_deed(text, mentions, participants):
    reports = make([text, OTHER], [*mentions, ODESA, RUSSIA])
    r = reports[reports.doc_id == "d0"]
    assert not r.empty
    assert r.iloc[0].participants == participants


@pytest.mark.parametrize(
    ("text", "mentions", "participants"),
    [
        # the name a relative pronoun stands for acts in the clause the pronoun opens
        (
            "Speaking on Tuesday, Ann Jones, who visited Avalon in May, praised its people.",
            [
                ("d0", "Ann Jones", "Ann Jones", "PERSON", None),
                ("d0", "Avalon", "Avalon", "GPE", "Avalon"),
            ],
            ["Ann Jones"],
        ),
        (
            "Officials thanked the Relief Fund, which negotiated the truce in Avalon.",
            [
                ("d0", "Relief Fund", "Relief Fund", "ORG", None),
                ("d0", "Avalon", "Avalon", "GPE", "Avalon"),
            ],
            ["Relief Fund"],
        ),
        # a clause the comma closed is not the trigger's: the name tells of it
        (
            "Smith, who chairs the panel, said the talks in Geneva went well.",
            [
                ("d0", "Smith", "John Smith", "PERSON", None),
                ("d0", "Geneva", "Geneva", "GPE", "Geneva"),
            ],
            [],
        ),
    ],
)
def test_a_relative_pronoun_stands_for_the_name_before_it(text, mentions, participants):
    reports = make([text], mentions)
    assert not reports.empty
    assert reports.iloc[0].participants == participants


US = ("d0", "US", "United States", "GPE", "United States")
RU0 = ("d0", "Russia", "Russia", "GPE", "Russia")
SERVICE = ("d0", "Emergency Service", "Emergency Service", "ORG", None)


@pytest.mark.parametrize(
    ("text", "mentions", "participants"),
    [
        # the people of a body who speak for it, and present-tense speech verbs
        ("US officials say Russia shelled Odesa on Monday.", [US, RU0], ["Russia"]),
        ("Smith reports on a Russian attack on Odesa on Monday.", [SMITH], ["Russia"]),
        # titles or an owner between "according to" and the teller
        ("Strikes on Odesa resumed on Monday, according to security adviser Smith.", [SMITH], []),
        (
            "Strikes on Odesa resumed on Monday, according to Russia's Emergency Service.",
            [RU0, SERVICE],
            [],
        ),
        # a long apposition between the teller and the speech verb, and an inverted teller
        (
            "Smith, governor of the region in the south that borders the Avalon region, said "
            "strikes on Odesa resumed on Monday.",
            [SMITH],
            [],
        ),
        ("Strikes on Odesa resumed on Monday, says the agency's chief editor, Smith.", [SMITH], []),
        # "though" opens another clause
        (
            "Russia has not commented, though Smith met the envoys in Odesa on Monday.",
            [RU0, SMITH],
            ["John Smith"],
        ),
    ],
)
def test_tellers_of_bodies_titles_and_appositions(text, mentions, participants):
    reports = make([text, OTHER], [*mentions, ODESA, RUSSIA])
    r = reports[reports.doc_id == "d0"]
    assert not r.empty
    assert r.iloc[0].participants == participants


MOLDOVA = ("d0", "Moldova", "Moldova", "GPE", "Moldova")


@pytest.mark.parametrize(
    ("text", "mentions", "place"),
    [
        # a place qualifying the noun after it is not where anything happens
        (
            "Smith met Jones on Monday to discuss drones used in the Avalon war.",
            [SMITH, AVALON],
            None,
        ),
        ("Smith met Jones near the Avalon capital on Monday.", [SMITH, AVALON], None),
        ("Smith met Jones in Avalon on Monday.", [SMITH, AVALON], "Avalon"),
        # violence in a whole country is placed there only when the sentence dates it ...
        ("Shelling killed three in Moldova, the office said on Tuesday.", [MOLDOVA], "Moldova"),
    ],
)
def test_places_that_qualify_a_noun_and_countries(text, mentions, place):
    jones = [("d0", "Jones", "Ann Jones", "PERSON", None)] if "Jones" in text else []
    r = make([text, OTHER], [*mentions, *jones, RUSSIA])
    r = r[r.doc_id == "d0"].iloc[0]
    assert (r.place if isinstance(r.place, str) else None) == place


@pytest.mark.parametrize(
    "text",
    [
        # ... else it is the war's background
        "The relentless bombing campaign in Moldova goes on.",
        # what is done every month or as a rule is no one event
        "The cartel meets every month in Vienna to set its output.",
        "Hackers attack the servers in Vienna 15 million times a day.",
    ],
)
def test_background_and_habitual_events_are_none(text):
    mentions = [MOLDOVA, ("d0", "Vienna", "Vienna", "GPE", "Vienna")]
    present = [m for m in mentions if m[1] in text]
    assert make([text], present).empty


def test_a_habitual_wording_beside_a_dated_event():
    text = "The ministers met in Vienna on Monday, as they do every month."
    r = make([text], [("d0", "Vienna", "Vienna", "GPE", "Vienna")])
    assert list(r.event_type) == ["meeting"]


LYON = ("d0", "Lyon", "Lyon", "GPE", "Lyon")
KYIV = ("d0", "Kyiv", "Kyiv", "GPE", "Kyiv")
RURI = ("d0", "Ruritania", "Ruritania", "GPE", "Ruritania")


@pytest.mark.parametrize(
    ("text", "mentions", "participants"),
    [
        # a city named in the event's clause is where something is, not who acts ...
        ("Ruritania held talks on Monday about the Lyon plant.", [RURI, LYON], ["Ruritania"]),
        (
            "Smith spoke from Lyon on Monday after talks with Ruritania.",
            [SMITH, RURI, LYON],
            ["John Smith", "Ruritania"],
        ),
        ("Smith met the envoys on Monday to discuss Lyon.", [SMITH, LYON], ["John Smith"]),
        # ... but a seat of government stands for it (the gazetteer's metonymy list)
        ("Smith met the envoys on Monday to discuss Kyiv.", [SMITH, KYIV], ["John Smith", "Kyiv"]),
    ],
)
def test_a_city_takes_no_part_unless_it_is_a_seat_of_government(text, mentions, participants):
    r = make([text], mentions).iloc[0]
    assert r.participants == participants


OFFICE = ("d0", "Palace Office", "Palace Office", "ORG", None)
LEE = ("d0", "Ann Lee", "Ann Lee", "PERSON", None)


@pytest.mark.parametrize(
    ("text", "mentions", "participants"),
    [
        # a body telling after the event tells of it: those the telling names took part
        (
            "The Palace Office said after the call that Ann Lee and Smith agreed on Odesa.",
            [OFFICE, LEE, SMITH],
            ["Ann Lee", "John Smith"],
        ),
        # ... and takes part only when no one else does
        (
            "The Palace Office said after the talks in Odesa that progress was made.",
            [OFFICE],
            ["Palace Office"],
        ),
        # a person telling during or after the event was at it
        ("Ann Lee said after the talks in Odesa that progress was made.", [LEE], ["Ann Lee"]),
        ("Ann Lee said during a visit to Odesa that progress was made.", [LEE], ["Ann Lee"]),
        # telling at another occasion is telling only
        (
            "Ann Lee said at a news conference that the strikes on Odesa resumed on Monday.",
            [LEE],
            [],
        ),
    ],
)
def test_a_teller_at_the_event(text, mentions, participants):
    reports = make([text, OTHER], [*mentions, ODESA, RUSSIA])
    r = reports[reports.doc_id == "d0"]
    assert not r.empty
    assert r.iloc[0].participants == participants


MADRID = ("d0", "Madrid", "Madrid", "GPE", "Madrid")
WASHINGTON = ("d0", "WASHINGTON", "Washington", "GPE", "Washington")


@pytest.mark.parametrize(
    ("text", "mentions", "place", "participants"),
    [
        # a clause of time with its own verb holds the trigger: the name outside takes no part
        (
            "Smith was speaking a day after Ruritania held a summit in Odesa.",
            [SMITH, RURI, ODESA],
            "Odesa",
            ["Ruritania"],
        ),
        ("Smith took command days before the strikes on Odesa began.", [SMITH, ODESA], "Odesa", []),
        # ... but a phrase of the name's own clause leaves it taking part
        (
            "Smith spoke in Odesa on Monday after talks with Ruritania.",
            [SMITH, RURI, ODESA],
            "Odesa",
            ["John Smith", "Ruritania"],
        ),
        # a question's clause that a comma closes before the trigger
        (
            "Asked why Ruritania waited, Smith said the summit in Odesa on Monday went well.",
            [RURI, SMITH, ODESA],
            "Odesa",
            [],
        ),
        # a dateline says where the story was filed
        (
            "WASHINGTON — Smith met the envoys in Odesa on Monday.",
            [WASHINGTON, SMITH, ODESA],
            "Odesa",
            ["John Smith"],
        ),
        (
            "Ruritania — the aggressor — shelled Odesa on Monday.",
            [RURI, ODESA],
            "Odesa",
            ["Ruritania"],
        ),
        # a city qualifying a gathering's noun is where it met
        (
            "Smith would address the June 29-30 Madrid summit.",
            [SMITH, MADRID],
            "Madrid",
            ["John Smith"],
        ),
        (
            "Smith attended the Madrid peace talks on Monday.",
            [SMITH, MADRID],
            "Madrid",
            ["John Smith"],
        ),
        # ... not a country ("the Ruritania talks": with it) nor an official's city
        (
            "Smith attended the Ruritania talks on Monday.",
            [SMITH, RURI],
            None,
            ["John Smith", "Ruritania"],
        ),
        ("Madrid officials met Smith on Monday.", [SMITH, MADRID], None, ["John Smith"]),
    ],
)
def test_clauses_of_time_datelines_and_venues(text, mentions, place, participants):
    reports = make([text, OTHER], [*mentions, RUSSIA])
    r = reports[reports.doc_id == "d0"].iloc[0]
    assert (r.place if isinstance(r.place, str) else None) == place
    assert r.participants == participants


AVALON_D0 = ("d0", "Avalon", "Avalon", "GPE", "Avalon")


@pytest.mark.parametrize(
    ("text", "mentions", "place", "participants"),
    [
        # the subject of another predicate governing the trigger noun takes no part
        ("Smith addressed the attack on Odesa on Monday.", [SMITH, ODESA], "Odesa", []),
        (
            "US officials say they believe Avalon has arrested the man behind the attack"
            " on Odesa on Monday.",
            [US, AVALON_D0, ODESA],
            "Odesa",
            [],
        ),
        ("Smith launched an attack on Odesa on Monday.", [SMITH, ODESA], "Odesa", ["John Smith"]),
        # a journey's destination joined to a gathering, an owner before the place
        (
            "Smith travelled to Lyon and met Ann Lee on Monday.",
            [SMITH, LYON, LEE],
            "Lyon",
            ["Ann Lee", "John Smith"],
        ),
        (
            "Smith hosted a meeting on Monday at Avalon's Lyon headquarters.",
            [SMITH, AVALON_D0, LYON],
            "Lyon",
            ["John Smith"],
        ),
        # violence lands "into" a place; "X, near Y": X is the place
        ("Missiles were fired into Ruritania on Monday.", [RURI], "Ruritania", []),
        (
            "Homes in the village of Kyiv, near Lyon, were hit by shelling on Monday.",
            [KYIV, LYON],
            "Kyiv",
            [],
        ),
    ],
)
def test_governing_predicates_journeys_and_owners(text, mentions, place, participants):
    reports = make([text, OTHER], [*mentions, RUSSIA])
    r = reports[reports.doc_id == "d0"].iloc[0]
    assert (r.place if isinstance(r.place, str) else None) == place
    assert r.participants == participants


UKRAINE = ("d1", "Ukraine", "Ukraine", "GPE", "Ukraine")
IRAN = ("d1", "Iran", "Iran", "GPE", "Iran")
MORE = "Russia, Iran and Ukraine are named here."


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # a gathering's partners named by their nationalities just after its trigger
        (
            "Peace talks between Ukrainian and Russian negotiators stalled in Lyon.",
            ["Russia", "Ukraine"],
        ),
        ("Ann Lee held talks with Russian officials in Lyon.", ["Ann Lee", "Russia"]),
        # one nationality joined to another before forces
        ("Ukrainian and Russian officials met in Lyon on Monday.", ["Russia", "Ukraine"]),
        # not violence's weapon, nor a nationality further on in another phrase
        ("Russian forces struck Lyon with Iranian drones on Monday.", ["Russia"]),
        (
            "Ann Lee attends a meeting with Bo Chen in Lyon, a region in conflict with the"
            " Ukrainian army since 2014.",
            ["Ann Lee", "Bo Chen"],
        ),
    ],
)
def test_nationalities_of_partners_and_joined_nationalities(text, participants):
    lyon = ("d0", "Lyon", "Lyon", "GPE", "Lyon")
    people = [("d0", n, n, "PERSON", None) for n in ("Ann Lee", "Bo Chen") if n in text]
    reports = make([text, MORE], [lyon, *people, RUSSIA, UKRAINE, IRAN])
    r = reports[reports.doc_id == "d0"].iloc[0]
    assert r.participants == participants


def test_a_place_in_a_larger_one_is_the_scene():
    # "the Lyon airbase in Avalon region was hit": Avalon only says where Lyon lies
    text = "The Lyon airbase in Avalon region was hit by missiles on Monday."
    lyon = ("d0", "Lyon airbase", "Lyon Air Base", "FAC", "Lyon Air Base")
    avalon = ("d0", "Avalon", "Avalon", "GPE", "Avalon")
    reports = make([text, OTHER], [lyon, avalon, RUSSIA])
    assert reports[reports.doc_id == "d0"].iloc[0].place == "Lyon Air Base"
