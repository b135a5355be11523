"""Corrections re-run in seconds: the gazetteer is matched after the model's cached spans."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.actors import extract as actors
from workbench.actors import ner
from workbench.actors.gazetteer import Entry, Gazetteer, load_gazetteer
from workbench.actors.matcher import AliasMatcher, merge_spans

GAZ = Gazetteer(
    {
        "Joe Biden": Entry("Joe Biden", "PERSON", ("Biden", "Joseph R. Biden Jr.")),
        "United States": Entry("United States", "GPE", ("U.S.", "US")),
        "CNN": Entry("CNN", "MEDIA"),
        "New York": Entry("New York", "GPE"),
        "New York Times": Entry("New York Times", "MEDIA"),
        "York Times Square": Entry("York Times Square", "FAC"),
    }
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Biden spoke.", [("Biden", "Joe Biden")]),
        ("Biden's aide and Biden\u2019s dog", [("Biden", "Joe Biden"), ("Biden", "Joe Biden")]),
        ("the anti-Biden camp", [("Biden", "Joe Biden")]),
        ("Bidenomics and biden and BIDEN", []),
        ("Joseph R. Biden Jr. arrived", [("Joseph R. Biden Jr.", "Joe Biden")]),
        ("the U.S.-Russia talks", []),  # one token for spaCy
        ("the U.S. and US-led talks", [("U.S.", "United States"), ("US", "United States")]),
        ("the US and us", [("US", "United States")]),
        ("USA", []),
        ("(CNN) reported, as did CNN.", [("CNN", "CNN"), ("CNN", "CNN")]),
        ("see CNN.com for more", []),
        ("said CNN.The next", []),
        ("in #Biden2024 and Biden_fan", []),
        ("The New York Times said", [("New York Times", "New York Times")]),
        ("in New York Times Square", [("New York Times", "New York Times")]),
        ("in New York today", [("New York", "New York")]),
    ],
)
def test_alias_matcher_matches_whole_words_exactly(text, found):
    hits = AliasMatcher(GAZ).find(text)
    assert [(text[s:e], gaz_id) for s, e, _, gaz_id in hits] == found
    assert all(label == GAZ.entries[g].type for _, _, label, g in hits)


def test_overlapping_names_most_words_then_earliest():
    """As spaCy's EntityRuler: the match of more tokens wins, then the earlier one."""
    gaz = Gazetteer(
        {
            "New York": Entry("New York", "GPE"),
            "York Times Square": Entry("York Times Square", "FAC"),
            "Times Square Garden": Entry("Times Square Garden", "FAC"),
        }
    )
    find = AliasMatcher(gaz).find
    text = "at New York Times Square"
    assert [text[s:e] for s, e, *_ in find(text)] == ["York Times Square"]
    text = "at New York Times Square Garden"  # two of three tokens: the earlier one
    assert [text[s:e] for s, e, *_ in find(text)] == ["York Times Square"]


def test_merge_spans_gazetteer_wins_over_overlapping_model_spans():
    model = pd.DataFrame(
        [
            ("a", 0, 30, "PERSON"),  # covers the gazetteer match at 20-25
            ("a", 40, 45, "ORG"),  # touches nothing
            ("a", 25, 27, "ORG"),  # starts where the match ends: kept
            ("b", 20, 25, "GPE"),  # same offsets, other text: kept
        ],
        columns=ner.MODEL_COLUMNS,
    )
    found = pd.DataFrame(
        [("a", 20, 25, "PERSON", "Joe Biden"), ("a", 50, 52, "GPE", "United States")],
        columns=["text_hash", "start", "end", "label", "gaz_id"],
    )
    out = merge_spans(model, found).sort_values(["text_hash", "start"])
    assert list(zip(out["text_hash"], out["start"], out["source"], out["gaz_id"], strict=True)) == [
        ("a", 20, "gazetteer", "Joe Biden"),
        ("a", 25, "model", ""),
        ("a", 40, "model", ""),
        ("a", 50, "gazetteer", "United States"),
        ("b", 20, "model", ""),
    ]


def test_gazetteer_built_in_code_has_a_content_digest():
    one = Gazetteer({"A B": Entry("A B", "PERSON")})
    same = Gazetteer({"A B": Entry("A B", "PERSON")})
    other = Gazetteer({"A B": Entry("A B", "PERSON", ("Bee",))})
    assert one.digest == same.digest != other.digest and one.digest


@pytest.mark.slow
def test_matcher_agrees_with_spacy_entity_ruler_on_the_sample(sample_corpus):
    import spacy

    gaz = load_gazetteer().with_outlets(sample_corpus["source"].dropna().unique())
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", config={"validate": False}).add_patterns(gaz.ruler_patterns())
    matcher = AliasMatcher(gaz)
    n = 0
    for text in sample_corpus["text"]:
        ruler = [(e.start_char, e.end_char, e.label_, e.ent_id_) for e in nlp(text).ents]
        assert matcher.find(text) == ruler
        n += len(ruler)
    assert n > 100


# ----------------------------------------------------------------------------- no model re-runs

BASE_YML = """
actors:
  - {name: Marco Rubio, type: PERSON, affiliation: United States, aliases: [Rubio]}
  - {name: Vladimir Putin, type: PERSON, affiliation: Russia, aliases: [Putin]}
  - {name: Kyiv, type: GPE, affiliation: Ukraine}
"""
TEXTS = {
    "a": "Marco Rubio met Olena Kostenko in Kyiv on Monday. Vova was not invited.",
    "b": "Kostenko said that Putin would not attend. The Daily Planet reported the talks.",
    "c": "Vova, as his friends call Putin, stayed in Moscow, the Harbour Gazette said.",
}


def _corpus(ids, source):
    return pd.DataFrame({"doc_id": list(ids), "text": [TEXTS[i] for i in ids], "source": source})


def _forbid_the_model(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the model ran")

    monkeypatch.setattr(ner, "load_pipeline", refuse)
    monkeypatch.setattr(ner, "run_model", refuse)


@pytest.mark.slow
def test_subsets_outlets_and_edits_never_run_the_model(monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    base, edited = tmp_path / "base.yml", tmp_path / "edited.yml"
    base.write_text(BASE_YML)
    edited.write_text(BASE_YML.replace("aliases: [Putin]", "aliases: [Putin, Vova]"))
    first = actors.extract_actors(_corpus("abc", "Wire"), gazetteer=base)
    assert "Vova" not in set(
        first.mentions.loc[first.mentions["actor"] == "Vladimir Putin", "surface"]
    )

    _forbid_the_model(monkeypatch)
    subset = actors.extract_actors(_corpus("ab", "Wire"), gazetteer=base)
    assert set(subset.mentions["doc_id"]) == {"a", "b"}
    assert {"Marco Rubio", "Olena Kostenko", "Kyiv", "Vladimir Putin"} <= set(
        subset.mentions["actor"]
    )

    outlets = actors.extract_actors(
        _corpus("bc", ["Harbour Gazette", "Daily Planet"]),
        gazetteer=base,  # each cites the other (its own outlet is no citation)
    )
    m = outlets.mentions.set_index("surface")
    assert m.loc["Daily Planet", "actor_type"] == "MEDIA"
    assert m.loc["Daily Planet", "method"] == "gazetteer"
    assert set(outlets.citations["cited"]) >= {"Daily Planet", "Harbour Gazette"}

    after = actors.extract_actors(_corpus("abc", "Wire"), gazetteer=edited)
    vova = after.mentions[after.mentions["surface"] == "Vova"]
    assert len(vova) == 2 and set(vova["actor"]) == {"Vladimir Putin"}
    assert set(vova["method"]) == {"gazetteer"}
    putin = after.actors.set_index("actor").loc["Vladimir Putin"]
    assert putin["n_mentions"] == 4 and "Vova" in putin["aliases"]


def test_write_gazetteer_adds_and_extends_actors_and_checks_them(tmp_path):
    from workbench.actors import GazetteerError, load_gazetteer, write_gazetteer
    from workbench.actors.gazetteer import fold

    base = tmp_path / "base.yml"
    base.write_text(
        "actors:\n  - {name: Olena Petrenko, type: PERSON, aliases: [Petrenko]}\nignore: [Daily]\n",
        encoding="utf-8",
    )
    mine = write_gazetteer(
        tmp_path / "mine.yml",
        base=base,
        add=[
            {"name": "Olena Petrenko", "aliases": ["Minister Petrenko"], "affiliation": "Ukraine"},
            {"name": "Mark Dalton", "type": "PERSON", "aliases": ["Envoy Dalton"]},
        ],
        ignore=["Neo-Nazis"],
    )
    gaz = load_gazetteer(mine)
    assert gaz.lookup("Minister Petrenko").name == "Olena Petrenko"
    assert gaz.lookup("Petrenko").affiliation == "Ukraine"
    assert gaz.lookup("Envoy Dalton").name == "Mark Dalton"
    assert {fold("Daily"), fold("Neo-Nazis")} <= set(gaz.ignore)
    before = mine.read_text(encoding="utf-8")
    with pytest.raises(GazetteerError, match="alias 'Petrenko' of 'Pavlo Petrenko' already"):
        write_gazetteer(
            mine,
            base=mine,
            add=[{"name": "Pavlo Petrenko", "type": "PERSON", "aliases": ["Petrenko"]}],
        )
    assert mine.read_text(encoding="utf-8") == before  # a rejected edit replaces nothing
