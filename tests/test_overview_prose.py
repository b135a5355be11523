from __future__ import annotations

import pandas as pd
from test_overview import _corpus, _reuse

from workbench.corpus import overview, prose
from workbench.corpus.load import Ingest
from workbench.corpus.report import IngestReport


def test_describe_escapes_corpus_text_and_counts():
    corpus = _corpus().assign(source=pd.array(["<b>x</b>"] * 6, dtype="string"))
    text = prose.describe(Ingest(corpus, IngestReport()), corpus="data/my_corpus")
    assert "<b>" not in text and "&lt;b&gt;" in text
    assert "data/my\\_corpus holds **6 documents**" in text
    assert "**1 outlet**" in text and "1 document flagged as a copy" in text


def test_describe_names_documents_without_an_outlet():
    text = prose.describe(Ingest(_corpus(), IngestReport()), corpus="c")
    assert "**3 outlets** (BBC (3), CNN (1), Fox (1)) and 1 document naming no outlet" in text


def test_describe_an_empty_selection():
    text = prose.describe(Ingest(_corpus().iloc[:0], IngestReport()), corpus="c")
    assert text == "c holds **no documents** with these parameters."


def test_describe_coverage_names_the_peak_and_the_bulk():
    cov = overview.coverage(_corpus(), date_bin="W", top=2)
    assert prose.describe_coverage(cov) == (
        "Binned by week: 3 weeks, coverage peaks in the week of **2022-03-07** with 2 documents; "
        "0 weeks have none. Nine in ten documents fall between the weeks of 2022-02-28 and "
        "2022-03-14 (the `start` and `end` parameters narrow the range)."
    )


def test_describe_sources():
    text = prose.describe_sources(overview.sources_table(_corpus()))
    assert text.startswith("The largest outlet is **BBC** with 3 documents (50% of the corpus).")
    assert "1 document names no outlet" in text


def test_describe_duplicates_picks_the_pair_across_outlets():
    pairs = overview.reuse_pairs(_reuse(), _corpus())
    text = prose.describe_duplicates(_corpus(), pairs)
    assert text.startswith("1 exact and 0 near copies (16.7% of 6 documents).")
    assert (
        "2 pairs of documents share passages of 25 words or more, 2 of them across outlets" in text
    )
    assert "the most, 70 words, are shared by *C* (CNN) and *A* (BBC)" in text


def test_describe_lengths():
    lengths = overview.word_counts(_corpus().assign(n_words=[0, 10, 20, 30, 40, 50]))
    assert prose.describe_lengths(lengths) == (
        "Half the documents have fewer than 30 words; the shortest by median is CNN (20 words), "
        "the longest Fox (50). 1 document without words is left out."
    )


def test_describe_rules():
    rules = pd.DataFrame({"rule": ["byline"], "n_items": [3], "n_docs": [2], "n_chars": [40]})
    assert prose.describe_rules(rules) == (
        "Normalising removed or moved 3 pieces (40 characters) by 1 rule; the most frequent, "
        "**byline**, touched 2 documents."
    )


def test_describe_sources_when_most_documents_name_no_outlet():
    corpus = _corpus().assign(source=pd.array([None] * 5 + ["BBC"], dtype="string"))
    assert prose.describe_sources(overview.sources_table(corpus)) == (
        "The largest outlet is **BBC** with 1 document (17% of the corpus). 5 documents name no "
        "outlet: give a `source` column or a metadata.csv."
    )
    nothing = overview.sources_table(corpus.assign(source=pd.NA))
    assert prose.describe_sources(nothing).startswith("No document names its outlet. 6 documents")
