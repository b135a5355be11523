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
]


@pytest.mark.parametrize(("text", "actors", "speaker"), BODIES)
def test_a_lower_case_body_is_the_body_of_its_field(text, actors, speaker):
    from tests.test_quotes import _quotes

    assert [q[1] for q in _quotes(text, actors)] == [speaker]
