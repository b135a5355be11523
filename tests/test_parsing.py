"""Parses of the sentences with a speech verb: which are sent, the cache, the forking."""

from __future__ import annotations

import pandas as pd

from workbench.actors import parsing
from workbench.core import cache


def test_cue_sentences():
    texts = {"d": "The port opened. Mira Tal said it was safe. Boats came."}
    sentences = pd.DataFrame({"doc_id": ["d"] * 3, "start": [0, 17, 44], "end": [16, 43, 55]})
    assert parsing.cue_sentences(texts, sentences) == {"d": [(17, "Mira Tal said it was safe.")]}


def test_parses_are_cached_by_sentence(monkeypatch):
    calls = []

    def fake(texts, *, name, progress=None, n_process=None):
        calls.append(sorted(texts))
        rows = [(h, 0, 0, len(t), 0, "ROOT") for h, t in texts.items()]
        return pd.DataFrame(rows, columns=parsing.PARSE_COLUMNS)

    monkeypatch.setattr(parsing, "run_parser", fake)
    monkeypatch.setattr("workbench.actors.ner.model_name", lambda: "fake_model")
    first = parsing.parse_sentences({"h1": "Tal said so.", "h2": "Kyiv said no."})
    again = parsing.parse_sentences({"h1": "Tal said so.", "h3": "Ruritania said yes."})
    assert calls == [["h1", "h2"], ["h3"]]
    assert set(first["sent_hash"]) == {"h1", "h2"}
    assert set(again["sent_hash"]) == {"h1", "h3"}


def test_a_sentence_cached_twice_keeps_one_parse(monkeypatch):
    # Two runs side by side can each write the same sentence to a shard of their own.
    text = "Tal said so."
    h = cache.text_hash(text)
    rows = [(h, 0, 0, 3, 1, "nsubj"), (h, 1, 4, 8, 1, "ROOT"), (h, 2, 9, 11, 1, "dobj")]
    twice = pd.DataFrame(rows + rows, columns=parsing.PARSE_COLUMNS)
    monkeypatch.setattr(parsing, "parse_sentences", lambda texts, **kw: twice)
    parse = parsing.parse_found({"d": [(20, text)]})["d"][20]
    assert parse.starts == (20, 24, 29) and parse.heads == (1, 1, 1)


def test_nothing_loads_the_parser_when_nothing_is_asked(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the parser was loaded")

    monkeypatch.setattr("workbench.actors.ner.load_parser", fail)
    monkeypatch.setattr("workbench.actors.ner.model_name", lambda: "fake_model")
    assert parsing.parse_found({}) == {}


def test_a_warm_cache_loads_no_parser(monkeypatch):
    def fake(texts, *, name, progress=None, n_process=None):
        rows = [(h, 0, 0, len(t), 0, "ROOT") for h, t in texts.items()]
        return pd.DataFrame(rows, columns=parsing.PARSE_COLUMNS)

    monkeypatch.setattr(parsing, "run_parser", fake)
    monkeypatch.setattr("workbench.actors.ner.model_name", lambda: "fake_model")
    found = {"d": [(0, "Tal said so, and Dan agreed.")]}
    first = parsing.parse_found(found)

    def fail(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(parsing, "run_parser", fail)
    assert parsing.parse_found(found) == first


def test_many_words_fork_the_parser(monkeypatch):
    calls = []

    def fork_map(fn, batches, *args, workers=None, ordered=True):
        calls.append(workers)
        return [[(h, -1, -1, -1, -1, "") for _, h in b] for b in batches]

    monkeypatch.setattr(parsing.pool, "fork_map", fork_map)
    monkeypatch.setattr(parsing.pool, "processes", lambda n, tasks: min(n or 2, tasks))
    monkeypatch.setattr("workbench.actors.ner.load_parser", lambda name: object())
    few = {f"h{i}": "Tal said so." for i in range(10)}
    many = {f"h{i}": "Tal said so. " * 20 for i in range(parsing.CHUNK_SENTENCES * 2)}
    parsing.run_parser(few, name="m")
    parsing.run_parser(many, name="m")
    assert calls == [1, 2]
