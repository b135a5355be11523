import pytest

from tests.test_events import make
from workbench.timeline.casualties import casualty


@pytest.mark.parametrize(
    ("text", "name", "killed"),
    [
        ("The Smiths died at home after strikes on the city.", "Smiths", True),
        ("Ann Jones was among five people killed in the attack.", "Ann Jones", True),
        ("Ann Jones, 54, was killed in the shelling.", "Ann Jones", True),
        # an apposition closing after the name: "a respected actor, Ann Jones, was killed"
        ("A respected actor, Ann Jones, was killed in a rocket attack.", "Ann Jones", True),
        ("A respected actor, Ann Jones, said the attack killed two.", "Ann Jones", False),
        ("He spoke to Ann Jones minutes before her death, as strikes hit.", "Ann Jones", True),
        ("Shelling hit the town, killing Ann Jones and two others.", "Ann Jones", True),
        # the one who killed, or who only tells of it, is no casualty
        ("Ann Jones killed two soldiers in the attack.", "Ann Jones", False),
        ("Ann Jones said the strikes went on.", "Ann Jones", False),
        ("Ann Jones ordered the attack on the town.", "Ann Jones", False),
    ],
)
def test_casualty(text, name, killed):
    start = text.index(name)
    assert casualty(text, start, start + len(name)) is killed


def test_a_casualty_of_violence_takes_no_part_in_it():
    text = "Ann Jones was among five people killed in the Avalonian drone attacks on Camelot on Monday."
    mentions = [
        ("d0", "Ann Jones", "Ann Jones", "PERSON", None),
        ("d0", "Camelot", "Camelot", "GPE", "Camelot"),
    ]
    r = make([text], mentions).iloc[0]
    assert (r.event_type, r.place, r.participants) == ("strike", "Camelot", [])
