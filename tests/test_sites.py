"""Sites: buildings named after a preposition of place are places."""

import pandas as pd
import pytest

from workbench.timeline.sites import as_sites, is_site


@pytest.mark.parametrize(
    ("surface", "before", "site"),
    [
        ("White House", "Ann Lee met Bo Li at the ", True),
        ("Kerch Bridge", "the attack on the ", True),
        ("Elysee Palace", "a visit to the ", True),
        ("Kremlin", "talks inside the ", True),
        ("White House", "", False),  # "The White House said": the people inside
        ("White House", "a statement by the ", False),
        ("Avalon Institute", "at the ", False),  # an organisation, no building
        ("House", "a vote in the ", False),  # the chamber, no named building
    ],
)
def test_is_site(surface, before, site):
    assert is_site(surface, before) is site


def test_as_sites_retypes_only_buildings_after_a_preposition():
    text = "The White House said Ann Lee met Bo Li at the White House."
    mentions = pd.DataFrame(
        {
            "doc_id": ["d", "d"],
            "start": [4, text.rindex("White")],
            "surface": ["White House", "White House"],
            "actor": ["White House", "White House"],
            "actor_type": ["ORG", "ORG"],
            "place": [None, None],
        }
    )
    out = as_sites(mentions, {"d": text})
    assert out["actor_type"].tolist() == ["ORG", "FAC"]
    assert out["place"].tolist() == [None, "White House"]
    assert mentions["actor_type"].tolist() == ["ORG", "ORG"]  # the input is left alone
