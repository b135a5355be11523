import codecs
from pathlib import Path

import pytest

from workbench.corpus import readers
from workbench.corpus.report import IngestReport


@pytest.mark.parametrize(
    ("data", "text", "problem"),
    [
        ("Kyiv — café".encode(), "Kyiv — café", None),
        (codecs.BOM_UTF8 + b"Kyiv", "Kyiv", None),
        (codecs.BOM_UTF16_LE + "Zelenskyy’s".encode("utf-16-le"), "Zelenskyy’s", None),
        (
            "Zelenskyy’s café".encode("cp1252"),
            "Zelenskyy’s café",
            "not UTF-8; read as Windows-1252",
        ),
        (
            b"ok\n\x81\x8d\x8f\x90\x9d",
            "ok\n\ufffd\ufffd\ufffd\ufffd\ufffd",
            "neither UTF-8 nor cp1252",
        ),
    ],
)
def test_decode_tries_encodings_in_order(data, text, problem):
    report = IngestReport()
    assert readers.decode(data, "f.txt", report) == text
    if problem is None:
        assert report.problems == []
    else:
        assert problem in report.problems[0].message
        assert report.problems[0].file == "f.txt"


@pytest.mark.parametrize(
    ("head", "binary"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", True),
        (b"plain text", False),
        (codecs.BOM_UTF16_LE + b"a\x00", False),
    ],
)
def test_looks_binary(head, binary):
    assert readers.looks_binary(head) is binary


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.csv", ".csv"),
        ("a.csv.gz", ".csv"),
        ("A.TSV", ".tsv"),
        ("x.jsonl", ".jsonl"),
        ("x.parquet", ".parquet"),
        ("page.htm", ".html" if False else ".htm"),
        ("x.docx", None),
        ("x.gz", None),
    ],
)
def test_format_of(name, fmt):
    assert readers.format_of(Path(name)) == fmt


def test_csv_is_read_in_chunks_with_line_numbers(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "CHUNK_ROWS", 3)
    path = tmp_path / "big.csv"
    path.write_text("id,text\n" + "".join(f"{i},body {i}\n" for i in range(10)))
    batches = list(readers.read_csv_file(path, IngestReport()))
    assert [len(b) for b in batches] == [3, 3, 3, 1]
    assert batches[1]["_line"].tolist() == [5, 6, 7]
    assert batches[3]["id"].tolist() == ["9"]
