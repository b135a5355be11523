"""The guide notebook, notebooks/00-start-here.ipynb: skipped by reports, run end to end here.

It does a researcher's first afternoon (load, filter, actors, quotes, topics and a view of
them, a timeline, evidence in context, a corrected alias, saving the tables) on the sample
and on a small invented corpus of two outlets, and must finish with no exception.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from workbench import config
from workbench.reports import find_notebooks

GUIDE = config.notebooks_dir() / "00-start-here.ipynb"


def test_the_guide_is_not_a_report():
    assert GUIDE.exists()
    assert GUIDE not in find_notebooks()
    cells = json.loads(GUIDE.read_text(encoding="utf-8"))["cells"]
    assert not [c for c in cells if c["cell_type"] == "code" and c.get("outputs")]
    text = "\n".join("".join(c["source"]) for c in cells)
    for step in (
        "notebook.load",
        "extract_actors",
        "fit_topics",
        ".subset(",
        "build_timeline",
        "kwic(",
        "show_article(",
        "gazetteer=",
        ".write(",
    ):
        assert step in text, step


def _fixture(folder) -> str:
    """Eight invented articles from two outlets, three paragraphs each."""
    talks = (
        "Foreign Minister Olena Petrenko met envoy Mark Dalton in Vienna on Monday. "
        "Petrenko said the talks on a ceasefire were constructive."
    )
    grain = (
        "Ships carrying grain left the port of Odesa under the new corridor deal. "
        "Traders in Istanbul said wheat prices fell after the first convoy."
    )
    energy = (
        "Gas flows to Europe dropped again as the pipeline operator cited repairs. "
        "Minister Petrenko called the cut a political decision."
    )
    rows = []
    for i in range(8):
        paragraphs = [talks, grain, energy][i % 3 :] + [talks, grain, energy][: i % 3]
        rows.append(
            {
                "id": f"a{i}",
                "title": f"Report {i}",
                "text": "\n\n".join(paragraphs),
                "date": f"2022-03-{i + 1:02d}",
                "source": "Daily Globe" if i % 2 else "Evening Wire",
            }
        )
    path = folder / "small.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return str(path)


def _run(corpus: str, out) -> dict:
    import papermill

    executed = out / "executed.ipynb"
    papermill.execute_notebook(
        str(GUIDE),
        str(executed),
        parameters={"corpus": corpus, "output": str(out / "tables")},
        kernel_name="workbench",
        cwd=str(config.notebooks_dir()),
        progress_bar=False,
    )
    return json.loads(executed.read_text(encoding="utf-8"))


def _printed(nb: dict) -> str:
    return "\n".join(
        "".join(o.get("text", ""))
        for c in nb["cells"]
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
    )


@pytest.mark.slow
def test_the_guide_runs_on_the_sample(tmp_path):
    nb = _run("data/sample", tmp_path)
    printed = _printed(nb)
    assert "A filter that keeps nothing: no articles dated 2030-01-01 or later" in printed
    assert "'Rubio' is 'Marco Rubio'" in printed
    assert "The biggest topic, named by hand" in printed
    saved = tmp_path / "tables"
    actors = pd.read_csv(saved / "actors.csv")
    corrected = actors.set_index("actor").loc["Anya Sharma"]
    assert corrected["affiliation"] == "Independent analysts"
    assert (saved / "timeline" / "events.csv").exists() and (saved / "topics").is_dir()


@pytest.mark.slow
def test_the_guide_runs_on_a_small_corpus_of_two_outlets(tmp_path):
    nb = _run(_fixture(tmp_path), tmp_path)
    printed = _printed(nb)
    assert "1 of 8 articles" not in printed and "4 of 8 articles from" in printed
    assert "A filter that keeps nothing" in printed
    assert (tmp_path / "tables" / "actors.csv").exists()
