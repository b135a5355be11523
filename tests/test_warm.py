"""The warm-up: which cached steps the notebooks call, with which arguments, run once each."""

from __future__ import annotations

import json

import nbformat
import pytest

from workbench import config
from workbench.reports.plan import plan
from workbench.reports.warm import Ref, find_steps, plan_steps, steps, warm


def _notebook(path, params: str, *code: str):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "workbench", "display_name": "x", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell(params, metadata={"tags": ["parameters"]}),
        *(nbformat.v4.new_code_cell(c) for c in code),
    ]
    nbformat.write(nb, path)
    return path


PARAMS = 'corpus: str = "data/sample"  # the corpus\nwindow: str = "sentence"  # a window'


def test_a_notebook_s_step_calls_are_read_with_their_arguments(tmp_path):
    nb = _notebook(
        tmp_path / "01-x.ipynb",
        PARAMS,
        "from workbench import notebook\nfrom workbench.actors import extract_actors as ea\n"
        "import workbench.topics as wt",
        "result = notebook.load(corpus)\ntables = ea(result.corpus, window=window, metonymy=True)",
        "print(wt.fit_topics(result.corpus, seed=7).n_topics)",
        "if window == 'x':\n    ea(result.corpus, window=window.upper())",  # an expression: left out
        "from workbench.plots import topics as plots\nplots.document_map(None)",  # not a step
        "%time ea(result.corpus)",  # a magic: the cell is not Python, so it is skipped
    )
    found = find_steps(nb, {"corpus": "data/sample", "window": "paragraph"})
    assert [s.function.__name__ for s in found] == ["load", "extract_actors", "fit_topics"]
    load, actors, topics = found
    assert load.args == ("data/sample",) and load.kwargs == ()
    assert actors.args == (Ref(load.key, ("corpus",)),)
    assert actors.kwargs == (("window", "paragraph"), ("metonymy", True))
    assert topics.kwargs == (("seed", 7),) and topics.args == actors.args
    assert actors.label == "extract_actors(window='paragraph', metonymy=True)"


def test_the_sample_notebooks_share_their_steps(tmp_path):
    labels = [s.label for s in plan_steps(plan(config.sample_corpus(), out=tmp_path))]
    assert labels[0] == "load(source=None, start=None, end=None)"
    assert labels.count("load(source=None, start=None, end=None)") == 1  # once for all four
    assert (
        "extract_actors(window='sentence', metonymy=False, repeats='once')" in labels
    )  # 03-actors
    assert "extract_actors(metonymy=False, repeats='once')" in labels  # 04-timeline
    assert "document_map(seed=42)" in labels and "build_timeline()" in labels
    assert any(label.startswith("fit_topics(unit='auto'") for label in labels)


def test_parameters_given_to_a_rendering_reach_the_steps(tmp_path):
    the_plan = plan(
        config.sample_corpus(), out=tmp_path, params={"seed": "7", "window": "document"}
    )
    by_name = {}
    for s in plan_steps(the_plan):
        by_name.setdefault(s.function.__name__, []).append(dict(s.kwargs))
    assert by_name["fit_topics"][0]["seed"] == 7 and by_name["document_map"][0]["seed"] == 7
    assert {"window": "document", "metonymy": False, "repeats": "once"} in by_name["extract_actors"]


def test_steps_cover_the_cached_layers():
    groups = {name.rpartition(".")[2]: group for name, (group, _) in steps().items()}
    assert groups == {
        "load": "corpus",
        "extract_actors": "actors",
        "fit_topics": "topics",
        "document_map": "topics",
        "build_timeline": "places",
    }


def test_a_failing_step_is_reported_and_what_needs_it_skipped(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(
        folder / "01-x.ipynb",
        'corpus: str = "data/sample"  # the corpus',
        "from workbench import notebook\nfrom workbench.actors import extract_actors",
        "result = notebook.load(corpus, source='No Such Outlet')",
        "extract_actors(result.corpus)",
    )
    done = warm(plan(config.sample_corpus(), out=tmp_path / "out", folder=folder))
    assert [(s.label.split("(")[0], s.error[:10]) for s in done.steps] == [
        ("load", "InputError"),  # a ValueError that the researcher can fix
        ("extract_actors", "skipped: a"),
    ]
    assert "No Such Outlet" in done.steps[0].error
    assert done.as_dict()["steps"][1]["error"] == "skipped: a step it needs failed"


@pytest.mark.slow
def test_warming_the_sample_fills_the_caches_the_notebooks_read(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    done = warm(plan(config.sample_corpus(), out=tmp_path / "out"))
    assert [s.error for s in done.steps] == [""] * len(done.steps) and len(done.steps) == 7
    assert list(config.cache_dir("topic_fits").iterdir())
    assert len(list(config.cache_dir("actor_tables").iterdir())) == 1  # one key for all three
    assert list(config.cache_dir("places").glob("*.parquet"))
    assert done.seconds >= max(s.seconds for s in done.steps)
    record = json.loads(json.dumps(done.as_dict()))
    assert record["seconds"] == round(done.seconds, 1)


def test_chains_keep_a_step_with_the_step_it_needs_and_the_loads_it_reads(tmp_path):
    from workbench.reports.warm import _chains

    found = plan_steps(plan(config.sample_corpus(), out=tmp_path))
    chains = [[s.function.__name__ for s in chain] for chain in _chains(found, steps())]
    assert chains == [
        ["load", "fit_topics", "document_map"],
        ["load", "extract_actors", "extract_actors", "extract_actors"],
        ["build_timeline"],
    ]


@pytest.mark.parametrize(
    ("words", "calls"),
    [
        (1_000, [(3, 1)]),  # a small corpus: three chains side by side, a core each
        (5_000_000, [(1, 2), (1, 2), (1, 2)]),  # a large one: one after another, both cores
    ],
)
def test_chains_run_side_by_side_on_a_small_corpus_only(tmp_path, monkeypatch, words, calls):
    from workbench.core import pool
    from workbench.reports import warm as warm_module

    monkeypatch.setattr(pool, "cores", lambda: 2)
    monkeypatch.delenv(pool.PROCESSES_ENV, raising=False)
    seen = []

    def fake(chains, share):
        seen.append((len(chains), share))
        return [[] for _ in chains]

    monkeypatch.setattr(warm_module, "_spawned", fake)
    warm(plan(config.sample_corpus(), out=tmp_path), words=words)
    assert seen == calls
