"""Descriptions read from the words before a speech verb."""

import pytest

from workbench.actors.descriptions import parse


@pytest.mark.parametrize(
    ("head", "noun", "titles", "places", "kind"),
    [
        ("Later, the foreign secretary", "secretary", {"foreign"}, set(), "title"),
        ("Ruritania's president", "president", set(), {"ruritania"}, "title"),
        ("The President", "president", set(), set(), "title"),
        ("The Ruritanian military", "military", set(), {"ruritanian"}, "body"),
        ("the ministry of defence", "ministry", {"defence"}, set(), "body"),
        ("The editor and blogger", "blogger", set(), set(), "person"),
        ("the spokesman", "spokesman", set(), set(), "title"),
        ("the report", "report", set(), set(), None),
        ("The billionaire", "billionaire", set(), set(), "person"),
        ("the grid operator", "operator", set(), set(), "agent"),
    ],
)
def test_parse_reads_noun_titles_and_places(head, noun, titles, places, kind):
    desc = parse(head)
    assert (desc.noun, set(desc.titles), set(desc.places), desc.kind) == (
        noun,
        titles,
        places,
        kind,
    )


@pytest.mark.parametrize("head", ["Ivo Brand", "a spokesman", "the Red Cross", ""])
def test_parse_leaves_names_and_indefinites_alone(head):
    assert parse(head) is None


@pytest.mark.parametrize(
    ("head", "owner"),
    [
        ("Ruritania's foreign ministry", "Ruritania Foreign Ministry"),
        ("Ruritania's military", "Ruritania Military"),
        ("the ministry", ""),  # no owner: no name of its own
        ("the Harbour regional administration", "Harbour Regional Administration"),
        ("a spokesperson for Ruritania's eastern forces", ""),  # governed by "for"
    ],
)
def test_parse_names_a_body_after_its_owner(head, owner):
    assert parse(head).owner == owner


@pytest.mark.parametrize(
    ("head", "fields"),
    [
        ("The defense ministry", {"defense"}),
        ("the ministry of defence", {"defence"}),
        ("the president's office", {"president"}),
        ("Ruritania's foreign ministry", {"foreign"}),
        ("the ministry", set()),
    ],
)
def test_parse_reads_the_field_of_a_body(head, fields):
    assert set(parse(head).fields) == fields


BOTH = [("Defence Ministry", "ORG"), ("Foreign Ministry", "ORG")]


# (text, mentions, the speaker of the report)
BODIES = [
    (  # the field picks the ministry, in either spelling
        "The Defence Ministry and the Foreign Ministry met. The defense ministry said the port was shut.",
        BOTH,
        "Defence Ministry",
    ),
    (
        "The Defence Ministry and the Foreign Ministry met. The foreign ministry said the port was shut.",
        BOTH,
        "Foreign Ministry",
    ),
    (  # "president's" and "Presidential" share their first letters
        "The Presidential Office met the Harbour Council. The president's office said the port was shut.",
        [("Presidential Office", "ORG"), ("Harbour Council", "ORG")],
        "Presidential Office",
    ),
    (  # no ministry of that field named: no speaker rather than another ministry
        "The Foreign Ministry met. The defense ministry said the port was shut.",
        [("Foreign Ministry", "ORG")],
        None,
    ),
    (  # no field: the ministry named, as before
        "The Foreign Ministry met. The ministry said the port was shut.",
        [("Foreign Ministry", "ORG")],
        "Foreign Ministry",
    ),
    (  # a city the body is based in is its seat, not a place its name must hold
        "The Harbour Council met on Monday. The port will reopen in May, the Tallinn-based "
        "council said.",
        [("Harbour Council", "ORG")],
        "Harbour Council",
    ),
]


@pytest.mark.parametrize(("text", "actors", "speaker"), BODIES)
def test_a_lower_case_body_is_the_body_of_its_field(text, actors, speaker):
    from tests.test_quotes import _quotes

    assert [q[1] for q in _quotes(text, actors)] == [speaker]


#: A generic body noun ("the company") names the body that spoke just before it, when no
#: body of that kind is named; else no one (the sentence's own body is not guessed).
GENERIC = [
    (  # the body that just spoke
        "Harbour Gas said the pipe was shut. The company said the repairs would take a week.",
        [("Harbour Gas", "ORG")],
        ["Harbour Gas", "Harbour Gas"],
    ),
    (  # ... with a country the text does not contradict
        "Harbour Gas said the pipe was shut. The Ruritanian group has blamed the weather for it.",
        [("Harbour Gas", "ORG"), ("Ruritania", "GPE")],
        ["Harbour Gas", "Harbour Gas"],
    ),
    (  # ... in an attribution after a quotation too
        'Harbour Gas said the pipe was shut. "The repairs will take a week," the company said.',
        [("Harbour Gas", "ORG")],
        ["Harbour Gas", "Harbour Gas"],
    ),
    (  # a person spoke last: the company is no one the text says
        'Harbour Gas said the pipe was shut. Mira Tal said the price would rise. "The repairs '
        'will take a week," the company said.',
        [("Harbour Gas", "ORG"), ("Mira Tal", "PERSON")],
        ["Harbour Gas", "Mira Tal", None],
    ),
    (  # a body named as the object of a verb did not speak
        "The council raided the offices of Harbour Gas. The company said the raid was unlawful.",
        [("Harbour Gas", "ORG")],
        [None],
    ),
    (  # no invented name for a generic body of a country ("Ruritanian Company")
        "Ruritania held talks. The Ruritanian company said the pipe was shut.",
        [("Ruritania", "GPE")],
        [None],
    ),
]


@pytest.mark.parametrize(("text", "actors", "speakers"), GENERIC)
def test_a_generic_body_noun_goes_on_with_the_body_that_spoke(text, actors, speakers):
    from tests.test_quotes import _quotes

    assert [q[1] for q in _quotes(text, actors)] == speakers


@pytest.mark.parametrize(
    ("text", "actors", "speaker"),
    [
        (  # a nationality word by its stem: "Finnish" is Finland's
            "Finland closed the border. The Finnish government said the port was shut.",
            [("Finland", "GPE")],
            "Finland",
        ),
        (  # one country's government, though the country is named only later
            "The Ruritanian government said the port was shut. Ruritania has two ports.",
            [("Ruritania", "GPE")],
            "Ruritania",
        ),
        (  # a stem that only looks like another country's is no agreement
            "Iraq closed the border. The Iranian government said the port was shut.",
            [("Iraq", "GPE")],
            None,
        ),
    ],
)
def test_a_government_is_its_country(text, actors, speaker):
    from tests.test_quotes import _quotes

    assert [q[1] for q in _quotes(text, actors) if q[0] == "reported"][:1] == [speaker]


@pytest.mark.parametrize(
    ("text", "actors", "countries", "speaker"),
    [
        (  # the gazetteer ties the only president named to another country: no one
            "President Mira Tal left on Friday. Ruritania's president said the port was shut.",
            [("Mira Tal", "PERSON")],
            {"Mira Tal": "Elbonia"},
            None,
        ),
        (  # tied to the country the description names: that holder
            "President Mira Tal left on Friday. Ruritania's president said the port was shut.",
            [("Mira Tal", "PERSON")],
            {"Mira Tal": "Ruritania"},
            "Mira Tal",
        ),
        (  # no tie anywhere: the holder named, as before
            "President Mira Tal left on Friday. The Ruritanian president said the port was shut.",
            [("Mira Tal", "PERSON")],
            {},
            "Mira Tal",
        ),
        (  # another mention ties the holder to another country
            "Elbonian President Mira Tal came. Later President Mira Tal left. Ruritania's president"
            " said the port was shut.",
            [("Mira Tal", "PERSON"), ("Mira Tal", "PERSON")],
            {},
            None,
        ),
        (  # a title no country owns keeps its holder whatever the gazetteer says
            "President Mira Tal left on Friday. The president said the port was shut.",
            [("Mira Tal", "PERSON")],
            {"Mira Tal": "Elbonia"},
            "Mira Tal",
        ),
    ],
)
def test_a_country_owned_title_is_no_one_tied_to_another_country(text, actors, countries, speaker):
    from tests.test_quotes import _tables
    from workbench.actors.quotes import extract_quotes

    gpes = [("Ruritania", "GPE")] if "Ruritania's" in text else []
    out = extract_quotes(*_tables(text, actors + gpes), countries=countries)
    said = out[out["cue"] == "said"]["speaker"].tolist()
    assert [s if isinstance(s, str) else None for s in said][-1:] == [speaker]


@pytest.mark.parametrize(
    ("text", "name", "titles", "places"),
    [
        ("It sent aid to Ruritania. Mr. Tal spoke.", "Tal", {"mr"}, set()),  # the sentence before
        ("Elbonian President Tal spoke.", "Tal", {"president"}, {"elbonian"}),
        ("The U.S. President Tal spoke.", "Tal", {"president"}, {"u.s"}),
        ("It was Gen. Tal who spoke.", "Tal", {"gen"}, set()),
    ],
)
def test_title_words_stop_at_the_sentence_before(text, name, titles, places):
    from workbench.actors.descriptions import _title_words

    start = text.index(name)
    found = _title_words(text, start, start + len(name))
    assert (set(found[0]), set(found[1])) == (titles, places)
