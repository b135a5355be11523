import pandas as pd

from workbench.cli import main


def test_ingest_prints_summary_titles_and_authors(capsys):
    assert main(["ingest", "--show", "5"]) == 0
    out = capsys.readouterr().out
    assert "documents   5" in out
    assert "Ukraine Peace: Rubio's Russia Talks Spark Hope or False Dawn?" in out
    assert "by Sarah Chen" in out and "by Emily Carter" in out
    assert "2025-02-19 to 2025-07-11" in out
    assert "chrome_line" in out


def test_ingest_writes_tables(tmp_path, capsys):
    out = tmp_path / "corpus.parquet"
    reuse = tmp_path / "reuse.csv"
    report = tmp_path / "report.csv"
    assert (
        main(["ingest", "--out", str(out), "--reuse-out", str(reuse), "--report-out", str(report)])
        == 0
    )
    assert len(pd.read_parquet(out)) == 5
    assert list(pd.read_csv(reuse).columns)[:3] == ["doc_id", "other_doc_id", "n_words"]
    assert list(pd.read_csv(report).columns) == [
        "file",
        "line",
        "doc_id",
        "kind",
        "message",
        "action",
    ]


def test_bad_input_is_one_line_and_status_2(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("workbench ingest: ") and "no such file or folder" in err
    assert "Traceback" not in err


def test_bad_column_option(tmp_path, capsys):
    assert main(["ingest", "--column", "text"]) == 2
    assert "write it as KEY=VALUE" in capsys.readouterr().err


def test_problems_are_listed(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(
        "A body of text about talks in Geneva between the envoys today."
    )
    (tmp_path / "b.txt").write_text("")
    assert main(["ingest", str(tmp_path), "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "empty_file 1" in out and "b.txt: the file is empty" in out
