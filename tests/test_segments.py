import pandas as pd
import pytest

from workbench.corpus.segments import segment, split_paragraphs, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two? Three!", ["One.", "Two?", "Three!"]),
        ("Mr. Rubio met Dr. Sharma. They talked.", ["Mr. Rubio met Dr. Sharma.", "They talked."]),
        (
            "The U.S. and Russia met. Then Kyiv spoke.",
            ["The U.S. and Russia met.", "Then Kyiv spoke."],
        ),
        ('"We want peace." Macron said so.', ['"We want peace."', "Macron said so."]),
        ("On Jan. 5 talks began. J. Smith left.", ["On Jan. 5 talks began.", "J. Smith left."]),
        ("no final stop", ["no final stop"]),
        ("", []),
    ],
)
def test_split_sentences(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_paragraphs_split_on_line_breaks_with_offsets():
    text = "First para.\n\nSecond para.\nThird para."
    spans = split_paragraphs(text)
    assert [text[a:b] for a, b in spans] == ["First para.", "Second para.", "Third para."]


def test_flattened_body_is_regrouped_by_sentences():
    text = " ".join(f"Sentence number {i} has exactly seven words." for i in range(40))
    spans = split_paragraphs(text, max_words=50, sentences_per_group=4)
    assert len(spans) == 10
    assert text[spans[0][0] : spans[0][1]].count(".") == 4
    assert spans[-1][1] == len(text)


def test_segment_ids_and_offsets_point_into_text():
    corpus = pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["A one. A two.\n\nB one.", ""]})
    sents = segment(corpus, "sentence")
    assert sents["unit_id"].tolist() == ["d1:p1:s1", "d1:p1:s2", "d1:p2:s1"]
    assert sents["paragraph_id"].tolist() == ["d1:p1", "d1:p1", "d1:p2"]
    for row in sents.itertuples():
        assert corpus.set_index("doc_id").at[row.doc_id, "text"][row.start : row.end] == row.text
    paras = segment(corpus, "paragraph")
    assert paras["unit_id"].tolist() == ["d1:p1", "d1:p2"]
    assert paras["sentence_id"].isna().all()


def test_segment_rejects_unknown_level():
    with pytest.raises(ValueError, match="level='word'"):
        segment(pd.DataFrame({"doc_id": [], "text": []}), "word")


def test_sample_corpus_sentences_are_real_sentences(sample_corpus):
    sents = segment(sample_corpus, "sentence")
    assert len(sents) > 300
    assert sents["unit_id"].is_unique
    first = sents[sents.doc_id == "003_3b503897f517f221"].iloc[0]
    assert first.text.startswith(
        "In a significant development on the international stage, U.S. and Russian"
    )
    assert first.text.endswith("conflict in Ukraine.")
