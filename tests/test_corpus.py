"""Loading every input format, and every kind of bad input, into the corpus table."""

import gzip
import json

import pandas as pd
import pytest

import workbench
from workbench.corpus import load as corpus_mod
from workbench.corpus.load import SCHEMA, CorpusError, detect_columns, ingest

BODY = "Diplomats met in Geneva on Monday to discuss a ceasefire, officials said after the talks ended."


def load(path, **kw):
    return ingest(path, use_cache=False, warn=False, **kw)


def kinds(result):
    return result.report.problems_frame()["kind"].tolist()


def test_schema_columns_come_first_with_types(tmp_path):
    (tmp_path / "a.txt").write_text(f"A Headline Here\n\n{BODY}")
    c = load(tmp_path).corpus
    assert list(c.columns[: len(SCHEMA)]) == list(SCHEMA)
    assert str(c["date"].dtype) == "datetime64[ns, UTC]"
    assert c.loc[0, "doc_id"] == "a" and c.loc[0, "title"] == "A Headline Here"
    assert c.loc[0, "text"] == BODY and c.loc[0, "n_words"] == 16 and c.loc[0, "lang"] == "en"


def test_csv_columns_detected_and_extras_kept(tmp_path):
    df = pd.DataFrame(
        {
            "ID": ["x1", "x2"],
            "Headline": ["H1", "H2"],
            "Body": [BODY, BODY + " More."],
            "Published": ["July 8, 2022", "2022-07-09T10:00:00Z"],
            "Outlet": ["AP", "CNN"],
            "Byline": ["Jane Doe", ""],
            "Link": ["u1", "u2"],
            "section": ["world", "us"],
        }
    )
    df.to_csv(tmp_path / "a.csv", index=False)
    c = load(tmp_path / "a.csv").corpus
    assert c["doc_id"].tolist() == ["x1", "x2"]
    assert c["title"].tolist() == ["H1", "H2"]
    assert c["source"].tolist() == ["AP", "CNN"]
    assert c["date"].dt.strftime("%Y-%m-%d").tolist() == ["2022-07-08", "2022-07-09"]
    assert c["date_raw"].tolist() == ["July 8, 2022", "2022-07-09T10:00:00Z"]
    assert c.loc[0, "author"] == "Jane Doe" and pd.isna(c.loc[1, "author"])
    assert c["section"].tolist() == ["world", "us"]
    assert c["line"].tolist() == [2, 3]


def test_column_override_and_unknown_override(tmp_path):
    pd.DataFrame({"summary": ["short"], "story_html": [BODY]}).to_csv(
        tmp_path / "a.tsv", sep="\t", index=False
    )
    c = load(tmp_path / "a.tsv", columns={"text": "story_html"}).corpus
    assert c.loc[0, "text"] == BODY and c.loc[0, "doc_id"] == "a-00001"
    with pytest.raises(
        CorpusError, match=r"a.tsv: columns: no column 'nope' in the input; it has \['summary'"
    ):
        load(tmp_path / "a.tsv", columns={"text": "nope"})


def test_detect_columns_prefers_exact_aliases():
    assert detect_columns(["Title", "content", "pub_date", "publisher"], {}) == {
        "text": "content",
        "title": "Title",
        "date": "pub_date",
        "source": "publisher",
    }


def test_json_jsonl_parquet_and_gz(tmp_path):
    records = [{"id": "j1", "title": "T1", "text": BODY, "date": "2022-01-02"}]
    (tmp_path / "a.json").write_text(json.dumps({"articles": records}))
    with gzip.open(tmp_path / "b.jsonl.gz", "wt") as fh:
        fh.write(json.dumps({**records[0], "id": "j2"}) + "\n")
    pd.DataFrame([{**records[0], "id": "j3"}]).to_parquet(tmp_path / "c.parquet")
    with gzip.open(tmp_path / "d.csv.gz", "wt") as fh:
        pd.DataFrame([{**records[0], "id": "j4"}]).to_csv(fh, index=False)
    c = load(tmp_path).corpus
    assert sorted(c["doc_id"]) == ["j1", "j2", "j3", "j4"]
    assert set(c["title"]) == {"T1"}


def test_html_main_text_and_metadata(tmp_path):
    html = (
        "<html><head><title>Envoys meet | Example News</title>"
        '<meta property="og:title" content="Envoys meet in Geneva">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="article:published_time" content="2022-05-04T08:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Envoys meet in Geneva</h1>"
        + "".join(f"<p>{BODY} Paragraph {i} adds detail about the talks.</p>" for i in range(4))
        + "</article><footer>Subscribe to our newsletter</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html)
    c = load(tmp_path).corpus
    row = c.iloc[0]
    assert row["title"] == "Envoys meet in Geneva"
    assert row["author"] == "Jane Doe"
    assert row["date"] == pd.Timestamp("2022-05-04", tz="UTC")
    assert "Paragraph 3 adds detail" in row["text"]
    assert "Home | World" not in row["text"] and "Subscribe" not in row["text"]


def test_sidecar_joins_on_doc_id_and_wins(tmp_path):
    (tmp_path / "a.txt").write_text(f"Text Title\n\n{BODY}")
    (tmp_path / "b.txt").write_text(BODY)
    pd.DataFrame(
        {
            "doc_id": ["a", "zzz"],
            "title": ["Sidecar Title", "x"],
            "date": ["2025-07-11", ""],
            "source": ["time.news", ""],
        }
    ).to_csv(tmp_path / "metadata.csv", index=False)
    c = load(tmp_path).corpus.set_index("doc_id")
    assert c.loc["a", "title"] == "Sidecar Title"
    assert c.loc["a", "date"] == pd.Timestamp("2025-07-11", tz="UTC")
    assert (
        c.loc["a", "text"] == "Text Title\n\n" + BODY
    )  # the sidecar title differs: the line stays
    assert pd.isna(c.loc["b", "title"])
    assert len(c) == 2  # metadata.csv itself is not an article


def test_sidecar_given_explicitly(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(BODY)
    pd.DataFrame({"doc_id": ["a"], "outlet": ["CNN"]}).to_csv(tmp_path / "meta.csv", index=False)
    c = load(tmp_path / "docs", metadata=tmp_path / "meta.csv").corpus
    assert c.loc[0, "source"] == "CNN"


# ----------------------------------------------------------------------------- bad input


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load(tmp_path / "nope")


def test_folder_without_articles_is_a_clear_error(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(CorpusError, match="no readable articles"):
        load(tmp_path)


def test_empty_and_binary_files_are_skipped_and_reported(tmp_path):
    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("  \n\n ")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    r = load(tmp_path)
    assert r.corpus["doc_id"].tolist() == ["good"]
    probs = r.report.problems_frame().sort_values("file")
    assert probs["kind"].tolist() == ["binary_file", "empty_file", "empty_file"]
    assert all("skipped" in a for a in probs["action"])


def test_encodings_are_repaired_and_reported(tmp_path):
    (tmp_path / "cp.txt").write_bytes(f"{BODY} Zelenskyy’s café.".encode("cp1252"))
    (tmp_path / "u16.txt").write_bytes(codecs_utf16(f"{BODY} Kyiv."))
    r = load(tmp_path)
    c = r.corpus.set_index("doc_id")
    assert c.loc["cp", "text"].endswith("Zelenskyy's café.")
    assert c.loc["u16", "text"].endswith("Kyiv.")
    assert kinds(r) == ["encoding"]
    assert r.report.problems[0].file.endswith("cp.txt")


def codecs_utf16(text):
    import codecs

    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def test_malformed_csv_rows_are_reported_with_line_and_the_rest_loads(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(f'id,title,text\n1,a,"{BODY}"\n2,b,c,d\n3,c,"{BODY}"\n')
    r = load(path)
    assert r.corpus["doc_id"].tolist() == ["1", "3"]
    p = [p for p in r.report.problems if p.kind == "malformed_row"][0]
    assert p.line == 3
    assert "wrong number of fields" in p.message


def test_unterminated_quote_loses_only_that_record(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(f'id,title,text\n1,a,"{BODY}"\n2,b,"never closed\n3,c,"{BODY}"\n4,d,"{BODY}"\n')
    r = load(path)
    assert r.corpus["doc_id"].tolist() == ["1", "3", "4"]
    assert "malformed_csv" in kinds(r)
    unclosed = [p for p in r.report.problems if p.kind == "malformed_row"]
    assert [(p.line, "never closed" in p.message) for p in unclosed] == [(3, True)]


def test_unparseable_json_lines_are_skipped_by_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "1", "text": BODY})
        + "\n{broken\n[1, 2]\n"
        + json.dumps({"id": "4", "text": BODY})
        + "\n"
    )
    r = load(path)
    assert r.corpus["doc_id"].tolist() == ["1", "4"]
    assert [(p.kind, p.line) for p in r.report.problems] == [
        ("malformed_json", 2),
        ("malformed_json", 3),
    ]


def test_broken_json_file_is_reported_and_others_load(tmp_path):
    (tmp_path / "bad.json").write_text('[{"text": "x",}')
    (tmp_path / "ok.txt").write_text(BODY)
    r = load(tmp_path)
    assert r.corpus["doc_id"].tolist() == ["ok"]
    assert r.report.problems[0].kind == "malformed_json" and r.report.problems[0].line == 1


def test_missing_text_column_names_the_columns_and_the_fix(tmp_path):
    pd.DataFrame({"id": [1], "headline": ["x"], "summary_html": ["y"]}).to_csv(
        tmp_path / "a.csv", index=False
    )
    (tmp_path / "ok.txt").write_text(BODY)
    r = load(tmp_path)
    assert r.corpus["doc_id"].tolist() == ["ok"]
    p = r.report.problems[0]
    assert (
        p.kind == "no_text_column" and "summary_html" in p.message and "columns={'text'" in p.action
    )


def test_duplicate_ids_are_renamed_and_reported(tmp_path):
    pd.DataFrame({"id": ["a", "a", "b"], "text": [BODY, BODY + " Two.", BODY + " Three."]}).to_csv(
        tmp_path / "a.csv", index=False
    )
    r = load(tmp_path / "a.csv")
    assert r.corpus["doc_id"].tolist() == ["a", "a~2", "b"]
    assert [(p.kind, p.line) for p in r.report.problems] == [("duplicate_id", 3)]


def test_unparseable_dates_stay_raw_and_are_counted(tmp_path):
    pd.DataFrame(
        {"id": ["a", "b"], "text": [BODY, BODY + " B."], "date": ["2022-01-01", "the other day"]}
    ).to_csv(tmp_path / "a.csv", index=False)
    r = load(tmp_path / "a.csv")
    c = r.corpus
    assert pd.isna(c.loc[1, "date"]) and c.loc[1, "date_raw"] == "the other day"
    assert r.summary()["unparsed_dates"] == 1
    assert [(p.kind, p.line) for p in r.report.problems] == [("unparsed_date", 3)]


def test_empty_bodies_are_kept_and_reported(tmp_path):
    pd.DataFrame({"id": ["a", "b"], "title": ["Has a title", "B"], "text": ["", BODY]}).to_csv(
        tmp_path / "a.csv", index=False
    )
    r = load(tmp_path / "a.csv")
    assert r.corpus["doc_id"].tolist() == ["a", "b"]
    assert r.corpus.loc[0, "n_words"] == 0
    assert kinds(r) == ["empty_text"]


def test_large_csv_in_chunks_loses_nothing(tmp_path, monkeypatch):
    from workbench.corpus import readers

    monkeypatch.setattr(readers, "CHUNK_ROWS", 7)
    n = 50
    texts = [f"{BODY} Number {i} of the series." for i in range(40)]
    texts += texts[:10]  # rows 40-49 repeat rows 0-9, several chunks earlier
    pd.DataFrame({"id": range(n), "text": texts}).to_csv(tmp_path / "a.csv", index=False)
    c = load(tmp_path / "a.csv").corpus
    assert c["doc_id"].tolist() == [str(i) for i in range(n)]
    assert c["duplicate_of"].iloc[40:].tolist() == [str(i) for i in range(10)]
    assert c["duplicate_of"].iloc[:40].isna().all()


def test_warnings_name_the_file(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text(BODY)
    with pytest.warns(
        workbench.corpus.report.WorkbenchWarning, match="empty.txt: the file is empty"
    ):
        ingest(tmp_path, use_cache=False)


# ----------------------------------------------------------------------------- duplicates and cache


def test_duplicates_and_reuse_are_flagged_not_dropped(tmp_path):
    wire = (
        "The first grain ship left Odesa on Monday under a deal brokered by Turkey and the United Nations, "
        "carrying corn to Lebanon after months in which Russian warships blocked the port and world food "
        "prices climbed. Inspectors in Istanbul will check the cargo before it sails on, officials said, "
        "and more ships are expected to follow if the corridor holds through the week."
    )
    (tmp_path / "a.txt").write_text(wire)
    (tmp_path / "b.txt").write_text(wire)
    (tmp_path / "c.txt").write_text(
        "Local lead paragraph about the port city and its mayor today. " + wire[:200]
    )
    r = load(tmp_path)
    c = r.corpus.set_index("doc_id")
    assert len(c) == 3
    assert c.loc["b", "duplicate_of"] == "a" and c.loc["b", "duplicate_kind"] == "exact"
    assert set(zip(r.reuse["doc_id"], r.reuse["other_doc_id"], strict=True)) == {("a", "c")}


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(BODY)
    first = ingest(tmp_path, warn=False)
    monkeypatch.setattr(corpus_mod, "_ingest_frames", lambda *a, **k: pytest.fail("not cached"))
    second = ingest(tmp_path, warn=False)
    pd.testing.assert_frame_equal(first.corpus, second.corpus)
    (tmp_path / "a.txt").write_text(BODY + " Changed.")
    with pytest.raises(pytest.fail.Exception):
        ingest(tmp_path, warn=False)


def test_saved_parquet_reloads_as_is(tmp_path):
    (tmp_path / "a.txt").write_text(f"Headline Of It\n\n{BODY}")
    c = load(tmp_path).corpus
    workbench.save_corpus(c, tmp_path / "out.parquet")
    again = load(tmp_path / "out.parquet").corpus
    pd.testing.assert_frame_equal(c, again)


def test_dataframe_input(tmp_path):
    c = load(pd.DataFrame({"text": [BODY], "headline": ["H"]})).corpus
    assert c.loc[0, "title"] == "H" and c.loc[0, "file"] == "<DataFrame>"


# ----------------------------------------------------------------------------- streaming


def test_streaming_gives_the_same_table_batch_by_batch(tmp_path, monkeypatch):
    from workbench.corpus import readers
    from workbench.corpus.stream import ingest_to_file

    monkeypatch.setattr(readers, "CHUNK_ROWS", 7)
    texts = [f"{BODY} Number {i} of the series." for i in range(30)]
    texts += texts[:5]
    ids = [str(i) for i in range(33)] + ["3", "4"]
    pd.DataFrame({"id": ids, "text": texts, "date": ["2022-01-01"] * 35}).to_csv(
        tmp_path / "a.csv", index=False
    )
    seen_batches = []
    from workbench.corpus import records

    real = records.order_columns
    monkeypatch.setattr(
        records, "order_columns", lambda df: seen_batches.append(len(df)) or real(df)
    )
    streamed = ingest_to_file(tmp_path / "a.csv", tmp_path / "out.parquet")
    assert max(seen_batches) == 7 and sum(seen_batches) == 35  # never more than a batch at once
    in_memory = load(tmp_path / "a.csv").corpus
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "out.parquet"), in_memory)
    assert streamed.summary()["duplicates"] == 5
    assert [p.kind for p in streamed.report.problems] == ["duplicate_id", "duplicate_id"]
    assert [p.line for p in streamed.report.problems] == [35, 36]


def test_streaming_cli(tmp_path, capsys):
    from workbench.cli import main

    pd.DataFrame({"id": ["a", "b"], "text": [BODY, BODY + " More."]}).to_csv(
        tmp_path / "a.csv", index=False
    )
    assert (
        main(["ingest", str(tmp_path / "a.csv"), "--stream", "--out", str(tmp_path / "c.parquet")])
        == 0
    )
    assert "streamed" in capsys.readouterr().out
    assert load(tmp_path / "c.parquet").corpus["doc_id"].tolist() == ["a", "b"]
    assert main(["ingest", str(tmp_path / "a.csv"), "--stream"]) == 2
    assert "give --out FILE.parquet" in capsys.readouterr().err


def test_a_csv_with_only_its_header_names_the_file_and_what_to_do(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("title,text,date\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        ingest(path)
    message = str(err.value)
    assert "export.csv: no article could be read" in message
    assert "only its header" in message and "add articles" in message
