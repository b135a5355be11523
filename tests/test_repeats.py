"""Boilerplate sentences count once per outlet (actors.repeats), in actors, quotes and events."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.actors.repeats import flag_repeats, sentence_rows

BACKGROUND = (
    "Ivo Marek ordered the invasion of Vetria on March 3 in what he calls a special task. "
    'Ivo Marek said: "We will hold every single town until the very end."'
)


def _corpus() -> pd.DataFrame:
    rows = []
    for i in range(4):  # four articles of one outlet repeat the background sentence
        rows.append((f"a{i}", "Coast News", f"2022-03-1{i}", f"Talks {i} went on. {BACKGROUND}"))
    rows.append(("b0", "Hill Post", "2022-03-12", f"Talks 9 went on. {BACKGROUND}"))
    corpus = pd.DataFrame(rows, columns=["doc_id", "source", "date", "text"])
    return corpus.assign(date=pd.to_datetime(corpus["date"], utc=True))


def _sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    from workbench.corpus.segments import segment

    return segment(corpus, "sentence")


def test_a_sentence_repeated_by_one_outlet_counts_in_its_first_article_only():
    corpus = _corpus()
    flagged = flag_repeats(_sentences(corpus), corpus)
    first = BACKGROUND.split(". ")[0] + "."
    background = flagged[flagged["text"] == first].set_index("doc_id")
    assert background["repeated"].to_dict() == {
        "a0": True,
        "a1": True,
        "a2": True,
        "a3": True,
        "b0": False,
    }
    assert background["counted"].to_dict() == {
        "a0": True,
        "a1": False,
        "a2": False,
        "a3": False,
        "b0": True,
    }
    assert flagged.loc[flagged["text"].str.startswith("Talks"), "counted"].all()


def test_every_copy_counts_when_asked_and_stays_flagged():
    corpus = _corpus()
    flagged = flag_repeats(_sentences(corpus), corpus, repeats="every")
    assert flagged["counted"].all() and flagged["copy"].sum() == 6  # two sentences, 3 copies
    with pytest.raises(ValueError, match="repeats='twice'"):
        flag_repeats(_sentences(corpus), corpus, repeats="twice")


@pytest.mark.slow
def test_extract_actors_counts_boilerplate_once_unless_told_otherwise():
    from workbench.actors import extract_actors

    corpus = _corpus()
    once = extract_actors(corpus, use_cache=False, progress=False)
    every = extract_actors(corpus, use_cache=False, progress=False, repeats="every")

    def marek(tables):
        m = tables.mentions
        return m[m["surface"].str.contains("Marek")]["doc_id"].tolist()

    assert sorted(set(marek(once))) == ["a0", "b0"]  # the first copy, and the other outlet
    assert sorted(set(marek(every))) == ["a0", "a1", "a2", "a3", "b0"]
    assert sorted(once.quotes["doc_id"]) == ["a0", "b0"]
    assert sorted(every.quotes["doc_id"]) == ["a0", "a1", "a2", "a3", "b0"]


@pytest.mark.slow
def test_a_corpus_without_a_single_actor_gives_empty_tables():
    from workbench.actors import extract_actors

    corpus = pd.DataFrame(
        {
            "doc_id": ["x"],
            "text": ['It went on. "We will hold every single town to the end," it said.'],
        }
    )
    tables = extract_actors(corpus, use_cache=False, progress=False)
    assert tables.mentions.empty and tables.actors.empty and tables.citations.empty
    assert tables.mentions["start"].dtype == "int64"


def test_sentence_rows_carry_the_counted_flag_or_count_every_sentence():
    table = pd.DataFrame(
        {"doc_id": ["a", "b"], "unit_id": ["a:0", "b:0"], "start": [0, 5], "text": ["Hi.", None]}
    )
    assert list(sentence_rows(table)) == [("a", "a:0", 0, "Hi.", True), ("b", "b:0", 5, "", True)]
    flagged = table.assign(counted=[True, False])
    assert [row[-1] for row in sentence_rows(flagged)] == [True, False]
