"""The bundled sample corpus reads like the articles: titles, bylines, clean bodies."""

import shutil

import pandas as pd
import pytest

from workbench import config
from workbench.corpus.load import ingest

CHROME = [
    "Breaking News",
    "Latest:",
    "Continue Reading",
    "Want to read more articles?",
    "Browse All Articles",
    "Post a Comment",
    "Previous Post Next Post",
    "You may also like",
    "Leave a Comment",
    "(Keywords:",
    "#US-Russia relations",
    "Sarah Chen",
    "Emily Carter",
    "by time news",
    "Explore our latest news",
]
TITLES = {
    "000_7302b3ad04d1fce5": "Ukraine Peace: Rubio's Russia Talks Spark Hope or False Dawn?",
    "001_58ba44b3fe287ad0": "US-Russia Dialogue: Ukraine Peace Talks on the Horizon?",
    "002_9865a00d243bec0d": "Rubio Leads US Team in Paris Peace Talks on Ukraine",
    "004_82a852a40f69cc6d": "US and Russia talks possible soon regarding the Ukrainian conflict",
}


@pytest.fixture(scope="module")
def without_sidecar(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nosidecar")
    for f in config.sample_corpus().glob("*.txt"):
        shutil.copy(f, folder)
    return ingest(folder, warn=False).corpus.set_index("doc_id")


@pytest.fixture(scope="module")
def with_sidecar(sample_corpus):
    return sample_corpus.set_index("doc_id")


@pytest.mark.parametrize("which", ["with_sidecar", "without_sidecar"])
def test_titles_and_authors(which, request):
    c = request.getfixturevalue(which)
    assert len(c) == 5
    for doc_id, title in TITLES.items():
        assert c.loc[doc_id, "title"] == title
    assert pd.isna(c.loc["003_3b503897f517f221", "title"])
    assert c.loc["000_7302b3ad04d1fce5", "author"] == "Sarah Chen"
    assert c.loc["001_58ba44b3fe287ad0", "author"] == "Emily Carter"
    assert c["author"].notna().sum() == 2


@pytest.mark.parametrize("which", ["with_sidecar", "without_sidecar"])
def test_bodies_are_clean(which, request):
    c = request.getfixturevalue(which)
    for doc_id, text in c["text"].items():
        for chrome in CHROME:
            assert chrome not in text, (doc_id, chrome)
        assert "U. S." not in text and "\u201c" not in text and "  " not in text
        assert c.loc[doc_id, "title"] is pd.NA or not text.startswith(str(c.loc[doc_id, "title"]))
    assert c.loc["000_7302b3ad04d1fce5", "text"].startswith(
        "Ukraine Peace Talks: A Glimmer of Hope Amidst Escalating Tensions?\n\nThe ongoing conflict"
    )
    assert c.loc["000_7302b3ad04d1fce5", "text"].endswith("Russian aggression.")
    assert c.loc["004_82a852a40f69cc6d", "text"].endswith(
        "Source: US-Russia talks could happen on Sunday or early next week: Kremlin"
    )
    assert (
        "What are the potential outcomes of these peace talks? The potential"
        in c.loc["000_7302b3ad04d1fce5", "text"]
    )


@pytest.mark.parametrize("which", ["with_sidecar", "without_sidecar"])
def test_tags_and_nothing_lost(which, request):
    c = request.getfixturevalue(which)
    assert c.loc["000_7302b3ad04d1fce5", "tags"].split("; ") == [
        "US-Russia Relations",
        "Ukraine Conflict",
        "Marco Rubio",
        "Sergey Lavrov",
        "Diplomacy",
    ]
    assert "Geopolitics" in c.loc["001_58ba44b3fe287ad0", "tags"]
    assert "Zelenskyy" in c.loc["002_9865a00d243bec0d", "tags"]
    for doc_id, row in c.iterrows():
        assert row["n_words"] > 0.9 * len(row["text_raw"].split()), (
            doc_id
        )  # only chrome was removed


def test_sidecar_dates_and_source(with_sidecar, without_sidecar):
    assert with_sidecar.loc["002_9865a00d243bec0d", "source"] == "time.news"
    assert (
        without_sidecar.loc["002_9865a00d243bec0d", "source"] == "time news"
    )  # from "by time news"
    assert with_sidecar["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-07-11",
        "2025-07-11",
        "2025-04-18",
        "2025-02-19",
        "2025-03-20",
    ]
    assert without_sidecar["date"].isna().all()


def test_no_duplicates_in_sample(sample_ingest):
    assert sample_ingest.corpus["duplicate_of"].isna().all()
    assert sample_ingest.report.problems == []
