"""Finding actors by any name, and the threshold that keeps rarely named ones out of displays."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from workbench.actors import (
    AmbiguousNameError,
    Gazetteer,
    NameNotFoundError,
    default_min_mentions,
    find_actor,
    frequent_actors,
    load_gazetteer,
)
from workbench.actors import prose as actors_prose
from workbench.actors.gazetteer import fold as gazetteer_fold
from workbench.core.errors import UserError
from workbench.core.names import find_name, fold, resolve_names

# The surfaces seen never include "Sergei Lavrov": only the gazetteer knows that spelling.
ACTORS = pd.DataFrame(
    {
        "actor": [
            "Sergey Lavrov",
            "Volodymyr Zelensky",
            "Russia",
            "Anna Novak",
            "Piotr Novak",
            "Élysée Palace",
            "un-Reaganesque",
        ],
        "actor_type": ["PERSON", "PERSON", "GPE", "PERSON", "PERSON", "FAC", "ORG"],
        "n_mentions": [12, 9, 30, 2, 1, 1, 1],
        "n_docs": [5, 4, 6, 1, 1, 1, 1],
        "aliases": [
            ["Lavrov", "Sergey Lavrov"],
            ["Zelenskyy", "President Zelenskyy"],
            ["Russia", "Russian Federation"],
            ["Anna Novak"],
            ["Piotr Novak"],
            ["Elysee Palace"],
            ["un-Reaganesque"],
        ],
    }
).sort_values("n_mentions", ascending=False, ignore_index=True)


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Sergey Lavrov", "Sergey Lavrov"),  # exact
        ("Sergei Lavrov", "Sergey Lavrov"),  # the gazetteer's alias
        ("Lavrov", "Sergey Lavrov"),
        ("sergei v. lavrov", "Sergey Lavrov"),  # folded gazetteer alias
        ("SERGEY  LAVROV", "Sergey Lavrov"),  # case and spaces
        ("President Zelenskyy", "Volodymyr Zelensky"),  # a surface seen in the corpus
        ("Zelenskiy", "Volodymyr Zelensky"),  # gazetteer transliteration
        ("elysee palace", "Élysée Palace"),  # accents
        ("Russian Federation", "Russia"),
    ],
)
def test_find_actor_resolves_aliases_and_spellings_with_the_real_gazetteer(name, actor):
    assert find_actor(name, ACTORS) == actor


def test_find_actor_takes_the_actor_tables_too():
    assert find_actor("Lavrov", SimpleNamespace(actors=ACTORS)) == "Sergey Lavrov"


def test_a_surname_of_one_person_resolves_without_any_gazetteer():
    empty = Gazetteer()
    assert find_actor("lavrov", ACTORS.drop(columns="aliases"), empty) == "Sergey Lavrov"
    assert find_actor("Zelensky", ACTORS, empty) == "Volodymyr Zelensky"


def test_an_ambiguous_surname_names_every_candidate():
    with pytest.raises(AmbiguousNameError, match="2 people: Anna Novak, Piotr Novak") as err:
        find_actor("Novak", ACTORS, Gazetteer())
    assert isinstance(err.value, UserError) and err.value.candidates == [
        "Anna Novak",
        "Piotr Novak",
    ]


def test_an_unknown_name_suggests_the_closest():
    with pytest.raises(NameNotFoundError, match="no actor by that name") as err:
        find_actor("Sergei Lavrow", ACTORS, Gazetteer())
    assert err.value.candidates[0] == "Sergey Lavrov"
    assert "closest: 'Sergey Lavrov'" in str(err.value)


def test_a_gazetteer_actor_never_named_here_says_so():
    with pytest.raises(NameNotFoundError, match="'Dmitry Peskov' in the gazetteer, but these"):
        find_actor("Peskov", ACTORS)


def test_find_actor_refuses_what_is_not_an_actors_table():
    with pytest.raises(TypeError, match="takes the actors table"):
        find_actor("Lavrov", pd.DataFrame({"name": ["x"]}))


def test_figures_find_names_from_the_table_alone():
    assert find_name("lavrov", ACTORS) == "Sergey Lavrov"
    # the table never saw this spelling: one person is called Lavrov, and Sergei is Sergey
    assert find_name("Sergei Lavrov", ACTORS) == "Sergey Lavrov"
    assert resolve_names(["zelenskyy", "Macron"], ACTORS) == ["Volodymyr Zelensky", "Macron"]


@pytest.mark.parametrize(
    ("name", "candidates"),
    [
        ("Sergei Lavrow", ["Sergey Lavrov"]),  # the surname differs: suggested, not picked
        ("Maria Novak", ["Anna Novak", "Piotr Novak"]),  # two Novaks: nothing picked
        ("Pavel Lavrov", ["Sergey Lavrov"]),  # another first name
    ],
)
def test_near_misses_are_suggested_never_picked(name, candidates):
    with pytest.raises(NameNotFoundError) as err:
        find_name(name, ACTORS)
    assert set(candidates) <= set(err.value.candidates)
    assert "Russia" not in err.value.candidates


@pytest.mark.parametrize(
    "name", ["  U.S. Zelenskyy’s ", "Élysée-Palace", "O'Brien", "Sergéi  LAVROV", "Kyiv"]
)
def test_fold_is_the_gazetteers_key(name):
    assert fold(name) == gazetteer_fold(name)


def test_the_real_gazetteer_has_the_lavrov_aliases_the_tests_rely_on():
    entry = load_gazetteer().lookup("Sergei Lavrov")
    assert entry is not None and entry.name == "Sergey Lavrov"


@pytest.mark.parametrize(
    ("n_docs", "threshold"),
    [(0, 1), (5, 1), (50, 1), (51, 2), (500, 2), (501, 3), (5_000, 3), (5_001, 5), (12_837, 5)],
)
def test_default_min_mentions_follows_corpus_size(n_docs, threshold):
    assert default_min_mentions(n_docs) == threshold


def test_frequent_actors_hide_the_rare_and_say_how_many():
    kept, note = frequent_actors(ACTORS, n_docs=1_000)
    assert kept["actor"].tolist() == ["Russia", "Sergey Lavrov", "Volodymyr Zelensky"]
    assert note == (
        "Actors named fewer than 3 times are hidden (4 of 7); pass min_mentions=1 to see all."
    )
    kept, note = frequent_actors(ACTORS, min_mentions=2)
    assert len(kept) == 4 and note.startswith("Actors named only once are hidden (3 of 7)")
    kept, note = frequent_actors(ACTORS, min_mentions=1)
    assert kept.equals(ACTORS) and note == ""


def test_frequent_actors_estimate_the_corpus_from_the_table():
    # the most widely named actor is in 6 documents: a small corpus, nothing hidden
    kept, note = frequent_actors(ACTORS)
    assert len(kept) == len(ACTORS) and note == ""
    wide = ACTORS.assign(n_docs=ACTORS["n_docs"] * 100)  # 600 documents at least
    assert len(frequent_actors(wide)[0]) == 3


@pytest.mark.parametrize("bad", [0, -1, 1.5, "3", True])
def test_min_mentions_must_be_a_count(bad):
    with pytest.raises(UserError, match="min_mentions="):
        frequent_actors(ACTORS, min_mentions=bad)


def test_actor_prose_describes_the_frequent_and_counts_the_hidden():
    text = actors_prose.describe_actors(ACTORS, n_docs=1_000)
    assert text.startswith(
        "7 actors (the 3 named at least 3 times: 2 people, 1 place or government). "
        "The most named is **Russia** (30 mentions in 6 documents)."
    )
    assert text.endswith(
        "Actors named fewer than 3 times are hidden (4 of 7); pass min_mentions=1 to see all."
    )
    assert "hidden" not in actors_prose.describe_actors(ACTORS, min_mentions=1)


def test_pair_prose_passes_over_pairs_of_rarely_named_actors():
    edges = pd.DataFrame(
        {
            "source": ["Anna Novak", "Russia"],
            "target": ["Piotr Novak", "Sergey Lavrov"],
            "count": [1, 7],
            "n_docs": [1, 4],
            "npmi": [1.0, 0.3],
        }
    )
    assert "**Anna Novak** and **Piotr Novak**" in actors_prose.describe_pairs(edges, "npmi")
    text = actors_prose.describe_pairs(edges, "npmi", actors=ACTORS, n_docs=1_000)
    assert text.startswith("1 pair of actors") and "**Russia** and **Sergey Lavrov**" in text
    assert text.endswith("pass min_mentions=1 to see all.")


def test_an_alias_never_hides_another_actors_own_name():
    # a misresolved surface: "Ukraine" was once merged into Russia, the most named actor
    table = pd.DataFrame(
        {
            "actor": ["Russia", "Ukraine"],
            "actor_type": ["GPE", "GPE"],
            "aliases": [["Russia", "Ukraine"], ["Ukraine"]],
        }
    )
    assert find_name("ukraine", table) == "Ukraine"
