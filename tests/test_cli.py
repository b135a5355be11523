import pandas as pd
import pytest

from workbench.cli import main
from workbench.cli.app import build_parser


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


@pytest.mark.parametrize(
    ("argv", "option", "expected"),
    [
        (["timeline", "--out", "x", "--bin", "M"], "bin", "month"),
        (["timeline", "--out", "x", "--bin", "quarter"], "bin", "quarter"),
        (["timeline", "--out", "x"], "bin", "week"),
        (["actors", "--out", "x", "--time-bin", "W"], "time_bin", "week"),
        (["actors", "--out", "x", "--time-bin", "Year"], "time_bin", "year"),
        (["actors", "--out", "x"], "time_bin", None),
    ],
)
def test_bin_options_read_the_whole_vocabulary(argv, option, expected):
    assert getattr(build_parser().parse_args(argv), option) == expected


def test_a_bad_bin_option_names_the_choices(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["timeline", "--out", "x", "--bin", "fortnight"])
    assert "--bin='fortnight': use one of 'day', 'week'" in capsys.readouterr().err


# ----------------------------------------------------------------------------- errors


def _user_errors(tmp_path):
    missing = str(tmp_path / "missing")
    return [
        (["ingest", missing], "no such file or folder"),
        (["ingest", "--column", "text"], "write it as KEY=VALUE"),
        (["ingest", "--stream"], "give --out FILE.parquet"),
        (["ingest", "--stream", "--out", str(tmp_path / "c.csv")], "name the file *.parquet"),
        (["ingest", "--out", str(tmp_path / "c.txt")], "cannot tell the table format"),
        (["ingest", "--near-threshold", "2"], "give a Jaccard similarity between 0 and 1"),
        (["ingest", "--workers", "0"], "workers=0: give at least 1"),
        (["report", "--corpus", missing], "no such file or folder"),
        (["report", "--only", "maps"], "--only 'maps': no such notebook"),
        (["report", "-p", "no_such_parameter=1"], "no_such_parameter"),
        (["report", "--grid", str(tmp_path / "grid.yaml")], "no such grid file"),
        (["actors", "--out", str(tmp_path / "m.csv"), "--gazetteer", missing], "no such gazetteer"),
        (
            ["topics", "--out", str(tmp_path / "t"), "--nr-topics", "many"],
            "give a number or 'auto'",
        ),
        (["topics", "--out", str(tmp_path / "t"), "--max-windows", "0"], "--max-windows '0'"),
        (
            ["topics", "--out", str(tmp_path / "t"), "--embedding", missing],
            "neither a model folder",
        ),
        (
            ["timeline", "--out", str(tmp_path / "tl"), "--topics", str(tmp_path / "dt.csv")],
            "dt.csv: No such file or directory",
        ),
    ]


@pytest.mark.parametrize("case", range(16))
def test_a_user_error_is_one_line_and_status_2(tmp_path, capsys, case):
    argv, expected = _user_errors(tmp_path)[case]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith(f"workbench {argv[0]}: ") and expected in line


def test_a_missing_spacy_model_is_a_user_error(tmp_path, capsys, monkeypatch):
    from workbench.actors import ner

    monkeypatch.setattr(ner, "MODEL_NAMES", ("xx_no_such_model",))
    assert main(["actors", "--out", str(tmp_path / "m.csv"), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "no English spaCy model found" in err


@pytest.mark.parametrize(
    "error", [KeyError("doc_id"), ValueError("cannot reindex"), TypeError("unhashable")]
)
def test_a_bug_shows_its_traceback_and_status_1(capsys, monkeypatch, error):
    from workbench.cli import app

    def buggy(_args):
        raise error

    monkeypatch.setitem(app.COMMANDS, "ingest", (app.COMMANDS["ingest"][0], buggy))
    assert main(["ingest"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "in buggy" in err
    assert f"{type(error).__name__}: {error}" in err
    assert err.strip().splitlines()[-1].startswith("workbench ingest: ")


@pytest.mark.parametrize(
    "argv", [["--debug", "ingest", "MISSING"], ["ingest", "MISSING", "--debug"]]
)
def test_debug_shows_the_traceback_of_a_user_error(tmp_path, capsys, argv):
    argv = [str(tmp_path / "missing") if a == "MISSING" else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "CorpusError" in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("workbench ingest: ") and "no such file or folder" in last


def test_debug_is_off_by_default():
    assert build_parser().parse_args(["ingest"]).debug is False
    assert build_parser().parse_args(["--debug", "ingest"]).debug is True
    assert build_parser().parse_args(["ingest", "--debug"]).debug is True
