from __future__ import annotations

import datetime as dt
import json

import pytest

from workbench.reports.params import (
    Parameter,
    ParameterError,
    check,
    coerce,
    parse_assignments,
    parse_cell,
    read_parameters,
)

CELL = """corpus: str = "data/sample"  # the corpus
top_n: int = 12  # rows shown
# a comment line between parameters is fine
share: float = 0.5  # a share
flag: bool = False  # a switch
source: str | None = None  # one outlet
names: list[str] = ["a", "b"]  # some names
"""


def _param(annotation: str, default: object = None) -> Parameter:
    return Parameter("x", annotation, default, "help", "01-test")


def test_parse_cell_reads_names_types_defaults_and_comments():
    params = parse_cell(CELL, notebook="01-test")
    assert [p.name for p in params] == ["corpus", "top_n", "share", "flag", "source", "names"]
    assert [p.annotation for p in params] == [
        "str",
        "int",
        "float",
        "bool",
        "str | None",
        "list[str]",
    ]
    assert params[0].default == "data/sample"
    assert params[5].default == ["a", "b"]
    assert [p.help for p in params][:2] == ["the corpus", "rows shown"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("corpus = 'x'  # no type", "write each parameter as"),
        ("x: dict = {}  # a dict", "unsupported type `dict`"),
        ("x: int = len('ab')  # computed", "must be a literal"),
        ("x: int = 'twelve'  # wrong default", "declared `int`"),
        ("x: int = (", "parameters cell, line 1"),
    ],
)
def test_parse_cell_rejects_bad_lines(source, message):
    with pytest.raises(ParameterError, match=message):
        parse_cell(source, notebook="01-test")


@pytest.mark.parametrize(
    ("annotation", "value", "expected"),
    [
        ("str", "BBC", "BBC"),
        ("str", dt.date(2022, 3, 1), "2022-03-01"),
        ("int", "20", 20),
        ("int", 20, 20),
        ("int", 20.0, 20),
        ("float", "0.25", 0.25),
        ("float", 1, 1.0),
        ("bool", "yes", True),
        ("bool", "False", False),
        ("bool", True, True),
        ("str | None", "none", None),
        ("str | None", None, None),
        ("str | None", "BBC", "BBC"),
        ("list[str]", "BBC, CNN", ["BBC", "CNN"]),
        ("list[int]", "[1, 2]", [1, 2]),
        ("list[int]", [3, "4"], [3, 4]),
        ("int | None", "", None),
    ],
)
def test_coerce_accepts(annotation, value, expected):
    assert coerce(_param(annotation), value) == expected


@pytest.mark.parametrize(
    ("annotation", "value"),
    [
        ("int", "twelve"),
        ("int", 2.5),
        ("int", True),
        ("float", "much"),
        ("bool", "maybe"),
        ("bool", 1),
        ("str", 12),
        ("str", None),
        ("list[int]", "[1, x]"),
        ("list[str]", 5),
    ],
)
def test_coerce_rejects_with_a_clear_message(annotation, value):
    with pytest.raises(ParameterError) as err:
        coerce(_param(annotation, default=1), value)
    text = str(err.value)
    assert "01-test" in text and "'x'" in text and f"`{annotation}`" in text


def test_check_names_an_unknown_parameter_and_suggests_the_close_one():
    params = {p.name: p for p in parse_cell(CELL, notebook="01-test")}
    assert check({"top_n": "5"}, params, notebook="01-test") == {"top_n": 5}
    with pytest.raises(ParameterError, match=r"unknown parameter 'topn'.*Did you mean 'top_n'"):
        check({"topn": "5"}, params, notebook="01-test")


def test_parse_assignments():
    assert parse_assignments(["top_n=20", "source = BBC", "q=a=b"]) == {
        "top_n": "20",
        "source": "BBC",
        "q": "a=b",
    }
    with pytest.raises(ParameterError, match="NAME=VALUE"):
        parse_assignments(["top_n"])


def _notebook(tmp_path, *cells):
    nb = {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "01-test.ipynb"
    path.write_text(json.dumps(nb))
    return path


def _code(source, tags=()):
    return {
        "cell_type": "code",
        "source": source,
        "metadata": {"tags": list(tags)},
        "outputs": [],
        "execution_count": None,
    }


def test_read_parameters_from_a_notebook(tmp_path):
    path = _notebook(tmp_path, _code("x = 1"), _code(CELL, ["parameters"]))
    assert list(read_parameters(path)) == ["corpus", "top_n", "share", "flag", "source", "names"]


@pytest.mark.parametrize("n_cells", [0, 2])
def test_read_parameters_needs_exactly_one_cell(tmp_path, n_cells):
    path = _notebook(tmp_path, *[_code(CELL, ["parameters"]) for _ in range(n_cells)])
    with pytest.raises(ParameterError, match="exactly one"):
        read_parameters(path)
