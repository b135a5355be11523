"""Views of a topic model (subset), edits in sync (relabel, merge, find), per-class tables."""

from __future__ import annotations

import types
import warnings

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from workbench.core.errors import InputError
from workbench.plots import topics as plots
from workbench.topics import tables as topic_tables
from workbench.topics.edit import TopicSyncWarning
from workbench.topics.fit import auto_unit_note, fit_topics
from workbench.topics.models import choose_settings
from workbench.topics.result import TopicResult
from workbench.topics.views import EmptySubsetWarning

# ----------------------------------------------------------------------------- an inline result

UNITS = ["a:p1", "a:p2", "b:p1", "b:p2", "c:p1", "d:p1"]
DOCS = ["a", "a", "b", "b", "c", "d"]
TOPICS = [0, 1, 0, 2, 1, -1]


@pytest.fixture
def result() -> TopicResult:
    """Four modelled documents (and a fifth, a duplicate, left out), three topics."""
    dates = {"a": "2022-03-01", "b": "2022-03-15T12:00:00", "c": "2022-04-02", "d": None}
    sources = {"a": "CNN", "b": "Fox News", "c": "BBC", "d": None}
    units = pd.DataFrame(
        {
            "unit_id": UNITS,
            "doc_id": DOCS,
            "paragraph_id": UNITS,
            "sentence_id": [pd.NA] * 6,
            "text": [f"passage {u}" for u in UNITS],
            "title": DOCS,
            "date": pd.to_datetime([dates[d] for d in DOCS], utc=True, format="ISO8601"),
            "source": [sources[d] for d in DOCS],
        }
    )
    documents = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e"],
            "title": ["a", "b", "c", "d", "e"],
            "date": pd.to_datetime(
                [dates[d] for d in "abcd"] + ["2022-03-01"], utc=True, format="ISO8601"
            ),
            "source": ["CNN", "Fox News", "BBC", None, "CNN"],
            "text_kind": ["news", "opinion", "news", "wire", "news"],
            "tags": [["grain", "ports"], ["talks"], [], ["grain"], []],
        }
    )
    doc_topics = pd.DataFrame(
        {"unit_id": UNITS, "doc_id": DOCS, "topic": TOPICS, "probability": [0.9] * 6}
    )
    info = pd.DataFrame(
        {
            "topic": [0, 1, 2, -1],
            "label": ["grain, ports", "talks, geneva", "sanctions, oil", "(outliers: no topic)"],
            "size": [2, 2, 1, 1],
            "share": [0.3333, 0.3333, 0.1667, 0.1667],
            "words": [["grain", "ports"], ["talks", "geneva"], ["sanctions", "grain"], []],
            "weights": [[0.5, 0.3], [0.4, 0.2], [0.6, 0.1], []],
            "representative_units": [["a:p1", "b:p1"], ["c:p1", "a:p2"], ["b:p2"], ["d:p1"]],
            "representative_text": ["passage a:p1", "passage c:p1", "passage b:p2", "passage d:p1"],
        }
    )
    words = pd.DataFrame(
        {
            "topic": [0, 0, 1, 1, 2, 2],
            "rank": [1, 2, 1, 2, 1, 2],
            "word": ["grain", "ports", "talks", "geneva", "sanctions", "grain"],
            "weight": [0.5, 0.3, 0.4, 0.2, 0.6, 0.1],
        }
    )
    reps = pd.DataFrame(
        {
            "topic": [0, 0, 1, 1, 2, -1],
            "rank": [1, 2, 1, 2, 1, 1],
            "unit_id": ["a:p1", "b:p1", "c:p1", "a:p2", "b:p2", "d:p1"],
            "doc_id": ["a", "b", "c", "a", "b", "d"],
            "similarity": [0.99, 0.9, 0.98, 0.8, 1.0, 1.0],
            "text": ["passage a:p1", "passage b:p1", "passage c:p1", "passage a:p2", "p", "p"],
        }
    )
    angle = np.radians([0, 60, 120, 200])
    centroids = np.c_[np.cos(angle), np.sin(angle)]
    # Each unit a little off its topic's centroid; b:p1 closer to topic 0's than a:p1.
    offsets = np.radians([10, 5, 2, 0, -3, 0])
    unit_angle = angle[[0, 1, 0, 2, 1, 3]] + offsets
    return TopicResult(
        model=None,
        units=units,
        doc_topics=doc_topics,
        topic_info=info,
        topic_words=words,
        representatives=reps,
        centroids=centroids,
        settings=choose_settings(6, unit="paragraph", embedding="tfidf"),
        notes=["unit='auto' modelled paragraphs: ..."],
        embeddings=np.c_[np.cos(unit_angle), np.sin(unit_angle)],
        documents=documents,
    )


# ----------------------------------------------------------------------------- subset


def test_a_subset_by_outlet_recounts_on_its_units_and_keeps_the_topics(result):
    view = result.subset(source=["CNN", "Fox News"])
    assert view.doc_topics["unit_id"].tolist() == ["a:p1", "a:p2", "b:p1", "b:p2"]
    assert view.topic_info[["topic", "label", "size", "share"]].values.tolist() == [
        [0, "grain, ports", 2, 0.5],
        [1, "talks, geneva", 1, 0.25],
        [2, "sanctions, oil", 1, 0.25],
        [-1, "(outliers: no topic)", 0, 0.0],
    ]
    assert view.labels() == result.labels()
    assert view.documents["doc_id"].tolist() == ["a", "b", "e"]  # e: a duplicate, not modelled
    assert view.scope == "from CNN or Fox News"
    assert view.notes[0].startswith("a view of 4 paragraphs from 2 documents of 4 (from CNN or")
    assert result.doc_topics["unit_id"].tolist() == UNITS  # the whole is untouched


def test_a_view_picks_its_representatives_among_its_own_units(result):
    view = result.subset(source="Fox News")
    reps = view.representatives
    assert reps[["topic", "rank", "unit_id"]].values.tolist() == [[0, 1, "b:p1"], [2, 1, "b:p2"]]
    assert view.topic_info["representative_units"].tolist() == [["b:p1"], ["b:p2"], [], []]
    assert view.embeddings.shape == (2, 2)


def test_a_view_reorders_the_centroids_with_its_topics(result):
    view = result.subset(source="BBC")  # topic 1 only: it comes first
    assert view.topic_info["topic"].tolist() == [1, 0, 2, -1]
    whole = topic_tables.topic_similarity(result)
    assert_frame_equal(
        topic_tables.topic_similarity(view)
        .sort_values(["topic_a", "topic_b"])
        .reset_index(drop=True),
        whole.sort_values(["topic_a", "topic_b"]).reset_index(drop=True),
    )


@pytest.mark.parametrize(
    ("criteria", "units"),
    [
        (dict(start="2022-03-01", end="2022-03-15"), ["a:p1", "a:p2", "b:p1", "b:p2"]),
        (dict(start="2022-03-02"), ["b:p1", "b:p2", "c:p1"]),
        (dict(end=pd.Timestamp("2022-03-14")), ["a:p1", "a:p2"]),
        (dict(doc_ids=["c", "d", "zzz"]), ["c:p1", "d:p1"]),
        (dict(where={"text_kind": "news"}), ["a:p1", "a:p2", "c:p1"]),
        (dict(where={"text_kind": ["opinion", "wire"]}), ["b:p1", "b:p2", "d:p1"]),
        (dict(where={"tags": "grain"}), ["a:p1", "a:p2", "d:p1"]),  # a list cell: any item
        (dict(source="CNN", where={"text_kind": "news"}), ["a:p1", "a:p2"]),
    ],
)
def test_subset_criteria(result, criteria, units):
    assert result.subset(**criteria).doc_topics["unit_id"].tolist() == units


def test_subset_takes_a_mask_over_documents_or_units(result):
    docs = result.documents
    by_doc = result.subset(where=docs["text_kind"] == "wire")
    assert by_doc.doc_topics["unit_id"].tolist() == ["d:p1"]
    by_unit = result.subset(where=result.doc_topics["topic"] == 1)
    assert by_unit.doc_topics["unit_id"].tolist() == ["a:p2", "c:p1"]
    by_id = result.subset(where=pd.Series({"a": False, "b": True}))
    assert by_id.doc_topics["doc_id"].unique().tolist() == ["b"]
    with pytest.raises(InputError, match="a mask of 3 values matches neither the 5 documents"):
        result.subset(where=[True, False, True])


def test_a_view_of_a_view_narrows_it(result):
    view = result.subset(source=["CNN", "Fox News"]).subset(where={"text_kind": "news"})
    assert view.doc_topics["unit_id"].tolist() == ["a:p1", "a:p2"]
    assert view.scope == "from CNN or Fox News; with text_kind = 'news'"
    corpus_mask = result.documents["text_kind"] == "news"  # on the whole corpus' index
    again = result.subset(source=["CNN", "Fox News"]).subset(where=corpus_mask)
    assert again.doc_topics["unit_id"].tolist() == ["a:p1", "a:p2"]


def test_an_unknown_outlet_names_the_closest(result):
    with pytest.raises(InputError, match=r"source='CNNN' is not an outlet.*closest: 'CNN'"):
        result.subset(source="CNNN")
    with pytest.raises(InputError, match=r"source='fox news'.*closest: 'Fox News'"):
        result.subset(source=["CNN", "fox news"])


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        (dict(where={"text_kid": "news"}), r"no 'text_kid' column \(closest: 'text_kind'"),
        (dict(start="March"), r"start='March' is not a date; write it as 2022-03-01"),
        (dict(end="soon"), r"end='soon' is not a date"),
        (dict(start="2022-04-01", end="2022-03-01"), r"start='2022-04-01' is after end"),
        ({}, r"give at least one of source=, start=, end=, doc_ids= or where="),
    ],
)
def test_subset_mistakes_are_explained(result, criteria, message):
    with pytest.raises(InputError, match=message):
        result.subset(**criteria)


def test_an_empty_subset_gives_empty_tables_and_says_what_selected_nothing(result):
    with pytest.warns(EmptySubsetWarning) as caught:
        view = result.subset(source="CNN", start="2030-01-01", end="2030-12-31")
    message = (
        "no articles from CNN between 2030-01-01 and 2030-12-31 (from CNN: 2 articles; "
        "between 2030-01-01 and 2030-12-31: 0 articles; the articles run from 2022-03-01 "
        "to 2022-04-02)"
    )
    assert str(caught[0].message) == message and view.notes[0] == message
    assert view.doc_topics.empty and view.units.empty
    assert view.topic_info["size"].tolist() == [0, 0, 0, 0]
    assert topic_tables.topics_over_time(view).empty
    assert topic_tables.topics_per_source(view).empty
    assert topic_tables.document_map(view).empty
    assert plots.topic_sizes(view.topic_info).layout.annotations[0].text == "No topics were found."
    over_time = plots.topics_over_time(topic_tables.topics_over_time(view))
    assert "No dated units" in over_time.layout.annotations[0].text
    assert (
        "Topics per source"
        in plots.topics_per_source(topic_tables.topics_per_source(view)).layout.title.text
    )


def test_selected_articles_without_units_are_explained(result):
    with pytest.warns(EmptySubsetWarning, match=r"selected 1 article \(among the 1 doc_id given\)"):
        view = result.subset(doc_ids=["e"])
    assert view.documents["doc_id"].tolist() == ["e"]


# ----------------------------------------------------------------------------- per class


def test_topics_per_class_by_any_document_column(result):
    table = topic_tables.topics_per_class(result, "text_kind")
    assert table.attrs["by"] == "text_kind"
    assert table[["text_kind", "topic", "units", "documents", "share"]].values.tolist() == [
        ["news", 1, 2, 2, 0.6667],
        ["news", 0, 1, 1, 0.3333],
        ["opinion", 0, 1, 1, 0.5],
        ["opinion", 2, 1, 1, 0.5],
    ]
    fig = plots.topics_per_class(table)
    assert fig.layout.title.text == "Topics per text_kind"
    assert sorted(set(fig.data[0].x)) == ["news", "opinion"]


def test_topics_per_class_counts_each_item_of_a_list_cell(result):
    table = topic_tables.topics_per_class(result, "tags", include_outliers=True)
    rows = table[["tags", "topic", "units"]].values.tolist()
    assert rows == [
        ["(unknown)", 1, 1],  # c has no tags
        ["grain", -1, 1],
        ["grain", 0, 1],
        ["grain", 1, 1],
        ["ports", 0, 1],
        ["ports", 1, 1],
        ["talks", 0, 1],
        ["talks", 2, 1],
    ]


def test_topics_per_class_takes_a_column_added_after_fitting(result):
    stance = pd.DataFrame({"doc_id": ["a", "b", "c"], "stance": ["pro", "anti", "pro"]})
    table = topic_tables.topics_per_class(result, "stance", corpus=stance)
    assert table[["stance", "topic", "units"]].values.tolist() == [
        ["anti", 0, 1],
        ["anti", 2, 1],
        ["pro", 1, 2],
        ["pro", 0, 1],
    ]


def test_topics_per_class_names_the_columns_there_are(result):
    with pytest.raises(InputError, match=r"by='kind': .*closest: 'text_kind'.*columns: title, "):
        topic_tables.topics_per_class(result, "kind")


def test_topics_per_source_of_a_view(result):
    view = result.subset(where={"text_kind": "news"})
    assert topic_tables.topics_per_source(view)[["source", "topic", "units"]].values.tolist() == [
        ["BBC", 1, 1],
        ["CNN", 0, 1],
        ["CNN", 1, 1],
    ]


# ----------------------------------------------------------------------------- relabel, find


def test_relabel_returns_a_new_result_whose_tables_and_figures_follow(result):
    edited = result.relabel({2: "Sanctions on oil", 0: "Grain deal"})
    assert result.labels()[0] == "grain, ports"  # untouched
    assert edited.labels() == {
        0: "Grain deal",
        1: "talks, geneva",
        2: "Sanctions on oil",
        -1: "(outliers: no topic)",
    }
    assert edited.edits == [{"relabel": [[2, "Sanctions on oil"], [0, "Grain deal"]]}]
    over_time = topic_tables.topics_over_time(edited, freq="D")
    assert set(over_time.loc[over_time["topic"] == 0, "label"]) == {"Grain deal"}
    fig = plots.topics_over_time(over_time)
    assert "0: Grain deal" in [t.name for t in fig.data]
    words = plots.topic_words(edited.topic_words, labels=edited.labels())
    assert [a.text for a in words.layout.annotations] == [
        "0: Grain deal",
        "1: talks, geneva",
        "2: Sanctions on oil",
    ]
    assert "2: Sanctions on oil" in plots.topic_sizes(edited.topic_info).data[0].y
    assert "edit: relabelled 2 'Sanctions on oil', 0 'Grain deal'" in edited.summary()


def test_relabel_of_a_view_relabels_the_whole_and_keeps_the_view(result):
    view = result.subset(source="BBC").relabel({1: "Geneva talks"})
    assert view.scope == "from BBC" and view.doc_topics["unit_id"].tolist() == ["c:p1"]
    assert view.labels()[1] == "Geneva talks"
    assert view.__dict__["_whole"].labels()[1] == "Geneva talks"


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ({7: "x"}, r"relabel\(\): 7 is not a topic of this model; its topics: -1, 0, 1, 2"),
        ({"1": "x"}, r"'1' is not a topic"),
        ({1: "  "}, r"the label of topic 1 is empty"),
        (["x"], r"give a dict of topic -> label"),
    ],
)
def test_relabel_mistakes_are_explained(result, labels, message):
    with pytest.raises(InputError, match=message):
        result.relabel(labels)


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ([[0, -1]], "topic -1 holds the outliers"),
        ([[0]], r"the group \[0\] needs two topics"),
        ([[0, 1], [1, 2]], "topic 1 is in two groups"),
        ([[0, 9]], "9 is not a topic"),
        ([], "give the topics to merge"),
    ],
)
def test_merge_mistakes_are_explained(result, groups, message):
    with pytest.raises(InputError, match=message):
        result.merge(groups)


def test_find_by_topic_words(result):
    table = result.find("Grain", by="words")
    assert table[["topic", "weight"]].values.tolist() == [[0, 0.5], [2, 0.1]]
    assert table.attrs["ranked_by"] == "words"
    assert table["words"].tolist() == [["grain", "ports"], ["sanctions", "grain"]]
    none = result.find("helicopter", by="words")
    assert none.empty and none.attrs["note"] == "no topic word matches 'helicopter'"
    with pytest.raises(InputError, match="give a word or phrase"):
        result.find(" ")


def test_a_model_edited_directly_is_noticed(result):
    fake = types.SimpleNamespace(
        topics_=[0, 1, 2, -1],
        topic_sizes_={0: 2, 1: 2, 2: 1, -1: 1},
        custom_labels_=["(outliers: no topic)", "grain, ports", "Talks", "sanctions, oil"],
    )
    result.model = fake
    with pytest.warns(TopicSyncWarning, match=r"labels of topic\(s\) 1 differ.*topics.relabel"):
        result.labels()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result.labels()  # once per result
    fake.topic_sizes_ = {0: 4, 2: 1, -1: 1}  # as after model.merge_topics
    other = result.relabel({0: "Grain deal"})
    other.model = fake
    with pytest.warns(TopicSyncWarning, match="the model has 2 topics, the result's tables 3"):
        other.labels()


@pytest.mark.parametrize(
    ("level", "n", "start"),
    [
        ("paragraph", 120, "unit='auto' modelled paragraphs: the corpus has 120 documents, fewer"),
        ("document", 1000, "unit='auto' modelled documents: the corpus has 1,000 documents, 300"),
    ],
)
def test_the_auto_unit_says_which_and_why(level, n, start):
    note = auto_unit_note(level, n)
    assert note.startswith(start) and "result.subset(...)" in note


# ----------------------------------------------------------------------------- on a real fit (slow)


@pytest.fixture(scope="module")
def fitted(sample_corpus) -> TopicResult:
    return fit_topics(sample_corpus)


@pytest.mark.slow
def test_a_fit_keeps_the_corpus_columns_and_says_why_its_unit(fitted, sample_corpus):
    assert fitted.notes[0].startswith("unit='auto' modelled paragraphs: the corpus has 5 ")
    assert "note: unit='auto' modelled paragraphs" in fitted.summary()
    assert fitted.documents["doc_id"].tolist() == sample_corpus["doc_id"].tolist()
    assert "text" not in fitted.documents and "source" in fitted.documents
    labels = fitted.model.get_topic_info().set_index("Topic")["CustomName"].to_dict()
    assert labels == fitted.labels()


@pytest.mark.slow
def test_a_subset_of_a_real_fit_needs_no_refit(fitted):
    view = fitted.subset(source="time.news")
    doc = fitted.documents.loc[fitted.documents["source"] == "time.news", "doc_id"].item()
    assert set(view.doc_topics["doc_id"]) == {doc}
    assert len(view.doc_topics) == (fitted.units["doc_id"] == doc).sum()
    assert view.topic_info["topic"].tolist() != [] and set(view.topic_info["topic"]) == set(
        fitted.topic_info["topic"]
    )
    assert view.topic_info["size"].sum() == len(view.doc_topics)
    assert view.model is fitted.model  # the whole's model, not a new one
    figures = [
        plots.topic_sizes(view.topic_info),
        plots.topics_over_time(topic_tables.topics_over_time(view)),
        plots.topics_per_source(topic_tables.topics_per_source(view)),
        plots.topic_similarity(topic_tables.topic_similarity(view)),
    ]
    assert all(f.data for f in figures)
    with pytest.raises(InputError, match="closest: 'time.news'"):
        fitted.subset(source="time.new")


@pytest.mark.slow
def test_merge_keeps_model_and_tables_in_sync(fitted):
    a, b = fitted.topic_info["topic"][fitted.topic_info["topic"] != -1].tolist()[-2:]
    named = [t for t in fitted.topic_info["topic"] if t not in (a, b, -1)][0]
    before = fitted.n_topics
    merged = fitted.relabel({named: "Named topic"}).merge([[a, b]])
    mapping = dict(map(tuple, merged.edits[-1]["mapping"]))
    model_topics = set(merged.model.topics_) - {-1}
    assert len(model_topics) == merged.n_topics == before - 1
    assert model_topics == set(merged.doc_topics["topic"]) - {-1}
    assert set(merged.topic_words["topic"]) - {-1} == model_topics
    was = fitted.doc_topics["topic"].isin([a, b]).to_numpy()
    assert (merged.doc_topics.loc[was, "topic"] == mapping[a]).all()
    assert mapping[a] == mapping[b]
    assert merged.topic_info["size"].sum() == len(merged.doc_topics)
    assert merged.labels()[mapping[named]] == "Named topic"
    others = [t for t in fitted.topic_info["topic"] if t not in (a, b, named)]
    assert all(merged.labels()[mapping[t]] == fitted.labels()[t] for t in others)
    custom = merged.model.get_topic_info().set_index("Topic")["CustomName"].to_dict()
    assert custom == merged.labels()
    reps = merged.representatives.merge(merged.doc_topics, on=["unit_id", "doc_id"])
    assert (reps["topic_x"] == reps["topic_y"]).all()
    assert fitted.n_topics == before and len(set(fitted.model.topics_) - {-1}) == before
    assert merged.notes[-1].startswith(f"topics merged: {a} + {b} -> {mapping[a]}")


@pytest.mark.slow
def test_an_edited_result_saves_and_loads(fitted, tmp_path):
    from workbench.topics.result import load_topics

    t = int(fitted.topic_info["topic"].iloc[0])
    edited = fitted.relabel({t: "Grain deal"})
    loaded = load_topics(edited.save(tmp_path / "edited"))
    assert loaded.labels() == edited.labels() and loaded.edits == edited.edits
    assert_frame_equal(loaded.topic_info, edited.topic_info)
    assert loaded.model.get_topic_info().set_index("Topic")["CustomName"][t] == "Grain deal"
    assert loaded.documents["doc_id"].tolist() == fitted.documents["doc_id"].tolist()
    pair = fitted.topic_info["topic"][fitted.topic_info["topic"] != -1].tolist()[:2]
    merged = loaded.merge([pair])  # a loaded result: the model read, the embeddings from cache
    again = load_topics(merged.save(tmp_path / "merged"))
    assert_frame_equal(again.doc_topics, merged.doc_topics)
    assert again.n_topics == merged.n_topics == fitted.n_topics - 1
    assert len(set(again.model.topics_) - {-1}) == again.n_topics


@pytest.mark.slow
def test_direct_model_edits_warn(fitted):
    copy = fitted.relabel({int(fitted.topic_info["topic"].iloc[0]): "Mine"})
    copy.model.set_topic_labels({int(fitted.topic_info["topic"].iloc[1]): "changed directly"})
    with pytest.warns(TopicSyncWarning, match="topics.model was edited directly"):
        copy.labels()
    assert fitted.model.custom_labels_ != copy.model.custom_labels_  # the copy's model only


@pytest.mark.slow
def test_find_ranks_topics_by_the_fit_embedding(fitted):
    t = int(fitted.topic_info["topic"].iloc[0])
    passage = fitted.representatives.query("topic == @t and rank == 1")["text"].item()
    table = fitted.find(passage, top=3)
    assert table.attrs["ranked_by"] == "similarity" and len(table) == 3
    assert table["topic"].iloc[0] == t
    assert table["similarity"].is_monotonic_decreasing
    word = fitted.topic_words.query("topic == @t and rank == 1")["word"].item()
    by_words = fitted.find(word, by="words")
    expected = fitted.topic_words.loc[fitted.topic_words["word"] == word, "weight"].max()
    assert by_words["weight"].iloc[0] == pytest.approx(expected)
