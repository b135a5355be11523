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
