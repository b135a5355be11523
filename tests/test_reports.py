"""workbench report: planning (parameters, grids), failures, and what the HTML may hold."""

from __future__ import annotations

import csv
import json
import os
import re

import nbformat
import pytest

from workbench import cli, config
from workbench.reports.grid import read_grid
from workbench.reports.html import remote_references
from workbench.reports.pack import expand
from workbench.reports.params import ParameterError
from workbench.reports.run import MAX_HTML_BYTES, corpus_name, find_notebooks, plan, render

SCRIPT = "<script>window.__xss = 1</script>"
IMG = "<img src=x onerror=window.__xss=2>"


# ----------------------------------------------------------------------------- fixtures


def _write_notebook(path, params: str, *code: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "workbench",
        "display_name": "Python (workbench)",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {path.stem}\n\nA fixture notebook."),
        nbformat.v4.new_code_cell(params, metadata={"tags": ["parameters"]}),
        *(nbformat.v4.new_code_cell(c) for c in code),
    ]
    nbformat.write(nb, path)


@pytest.fixture
def notebooks(tmp_path):
    """01-simple prints its parameters; 02-broken raises."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    params = 'corpus: str = "data/sample"  # the corpus\nn: int = 1  # a number'
    _write_notebook(
        folder / "01-simple.ipynb",
        params,
        "from IPython.display import Markdown, display\n"
        "display(Markdown(f'n is **{n}**, corpus is {corpus}'))",
    )
    _write_notebook(
        folder / "02-broken.ipynb",
        'corpus: str = "data/sample"  # the corpus',
        "raise RuntimeError('deliberately broken')",
    )
    _write_notebook(folder / "notes.ipynb", 'corpus: str = "x"  # not rendered: no number')
    return folder


def hostile_corpus(folder) -> str:
    """Four articles whose titles, outlets, texts and dates carry HTML that must not run."""
    shared = (
        "the delegations met for six hours in the capital and agreed on a prisoner exchange "
        "a humanitarian corridor and a further round of talks next month according to "
        "officials from both sides who spoke on condition of anonymity"
    )
    body = f"{SCRIPT} {IMG} " + " ".join(f"word{i}" for i in range(80))
    rows = [
        ("d1", f"Talks {SCRIPT}", IMG, "2022-03-01", f"{body} {shared}"),
        ("d2", f"Talks again {IMG}", "Plain Outlet", "2022-03-02", f"{body} {shared} extra"),
        (
            "d3",
            "Other story",
            IMG,
            "2022-03-09",
            " ".join(f"other{i}" for i in range(60)) + f" {shared} {SCRIPT}",
        ),
        ("d4", "Undated", "Plain Outlet", SCRIPT, " ".join(f"filler{i}" for i in range(50))),
        (  # names, a quote and an event, so actors, quotes and events carry the payloads too
            "d5",
            f"Rubio meets Lavrov {SCRIPT}",
            "Plain Outlet",
            "2022-03-03",
            f"Marco Rubio met Sergey Lavrov in Geneva on Monday to discuss a ceasefire. "
            f'"We want peace {IMG} and {SCRIPT}," Rubio said. Lavrov said that the talks in '
            f"Geneva were useful {IMG}. According to CNN {SCRIPT}, both sides will meet again.",
        ),
    ]
    path = folder / "hostile.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "title", "source", "date", "text"])
        writer.writerows(rows)
    return str(path)


# ----------------------------------------------------------------------------- planning


def test_find_notebooks_in_order_and_only(notebooks):
    assert [p.stem for p in find_notebooks(folder=notebooks)] == ["01-simple", "02-broken"]
    for name in ("02", "02-broken", "broken"):
        assert [p.stem for p in find_notebooks([name], folder=notebooks)] == ["02-broken"]
    assert len(find_notebooks(["01,02"], folder=notebooks)) == 2
    with pytest.raises(
        ValueError, match="--only 'topics': no such notebook; notebooks are 01-simple"
    ):
        find_notebooks(["topics"], folder=notebooks)


def test_plan_converts_parameters_for_the_notebooks_declaring_them(notebooks, tmp_path):
    p = plan(out=tmp_path / "out", params={"n": "7"}, folder=notebooks)
    by_name = {j.name: j.params for j in p.jobs}
    assert by_name == {
        "01-simple": {"corpus": "data/sample", "n": 7},
        "02-broken": {"corpus": "data/sample"},
    }


def test_plan_rejects_an_unknown_parameter_naming_it_and_the_notebooks(notebooks):
    with pytest.raises(ParameterError) as err:
        plan(params={"top": "5"}, folder=notebooks)
    assert "unknown parameter 'top'" in str(err.value)
    assert "01-simple: corpus, n" in str(err.value) and "02-broken: corpus" in str(err.value)


def test_plan_rejects_an_ill_typed_parameter_naming_the_notebook(notebooks):
    with pytest.raises(ParameterError, match=r"01-simple: parameter 'n' is declared `int`.*'many'"):
        plan(params={"n": "many"}, folder=notebooks)


def test_plan_rejects_a_missing_corpus(notebooks, tmp_path):
    with pytest.raises(ValueError, match="no such file or folder"):
        plan(tmp_path / "nothing", folder=notebooks)


def test_default_output_folder_is_named_after_the_corpus(notebooks):
    assert plan(folder=notebooks).out_dir == config.reports_dir() / "sample"
    assert corpus_name("corpora/ukraine/articles.csv.gz") == "articles"
    assert corpus_name("data/My Corpus") == "my-corpus"


def _grid(tmp_path, text: str):
    path = tmp_path / "grid.yaml"
    path.write_text(text)
    return path


def test_read_grid_sets_and_matrix(tmp_path):
    sets = read_grid(_grid(tmp_path, "parameters: {n: 1}\nsets:\n  bbc: {source: BBC}\n"))
    assert sets == {"bbc": {"n": 1, "source": "BBC"}}
    matrix = read_grid(_grid(tmp_path, "matrix:\n  source: [BBC, CNN]\n  n: [1, 2]\n"))
    assert list(matrix) == ["bbc_1", "bbc_2", "cnn_1", "cnn_2"]
    assert matrix["cnn_2"] == {"source": "CNN", "n": 2}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sets: [a, b]", "expected a mapping"),
        ("runs: {a: {n: 1}}", "a grid file holds `sets:`"),
        ("matrix: {n: []}", "needs a non-empty list"),
        ("sets: {'A b': {}, 'a-b': {}}", "share a folder name"),
        ("sets: {a: {n: [1}", "not valid YAML"),
    ],
)
def test_read_grid_rejects_malformed_files(tmp_path, text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        read_grid(_grid(tmp_path, text))


def test_plan_with_a_grid_checks_every_set(notebooks, tmp_path):
    grid = _grid(tmp_path, "sets:\n  one: {n: 1}\n  two: {n: 2}\n")
    p = plan(out=tmp_path / "out", grid=grid, only=["01"], folder=notebooks)
    assert [(j.label, j.out_dir.name, j.params["n"]) for j in p.jobs] == [
        ("one", "one", 1),
        ("two", "two", 2),
    ]
    bad = _grid(tmp_path, "sets:\n  one: {n: 1}\n  two: {n: lots}\n")
    with pytest.raises(ParameterError, match="'n' is declared `int`"):
        plan(grid=bad, folder=notebooks)


def test_cli_reports_a_bad_parameter_before_running(capsys):
    assert cli.main(["report", "--only", "01", "-p", "no_such_knob=1"]) == 2
    err = capsys.readouterr().err
    assert "unknown parameter 'no_such_knob'" in err and "01-corpus-overview" in err


# ----------------------------------------------------------------------------- rendering


@pytest.mark.slow
def test_a_failing_notebook_does_not_stop_the_others(notebooks, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(config, "notebooks_dir", lambda: notebooks)
    out = tmp_path / "out"
    assert cli.main(["report", "--out", str(out), "-p", "n=3", "--single-file"]) == 1
    index = json.loads((out / "index.json").read_text())
    status = {r["notebook"]: (r["ok"], r["error"]) for r in index["reports"]}
    assert status["01-simple"] == (True, "")
    assert status["02-broken"][0] is False
    assert "RuntimeError: deliberately broken" in status["02-broken"][1]
    page = (out / "index.html").read_text()
    assert "1 of 2 failed" in page and "deliberately broken" in page
    assert (out / "01-simple.html").exists() and (out / "02-broken.ipynb").exists()
    assert not (out / "02-broken.html").exists()
    assert "n is <strong>3</strong>" in (out / "01-simple.html").read_text()
    assert not list(out.glob(".*partial*"))
    single = (out / "all-reports.html").read_text()  # --single-file: the report that rendered
    assert "n is <strong>3</strong>" in single and "report-02-broken" not in single
    assert index["single_file"] == {"html": "all-reports.html", "bytes": len(single.encode())}
    assert "href='all-reports.html'" in page
    assert "every report in one file: all-reports.html" in capsys.readouterr().out


@pytest.mark.slow
def test_a_grid_renders_each_set_into_its_folder(notebooks, tmp_path):
    grid = _grid(tmp_path, "sets:\n  one: {n: 1}\n  two: {n: 2}\n")
    index, outcomes = render(out=tmp_path / "out", grid=grid, only=["01"], folder=notebooks)
    assert [o.ok for o in outcomes] == [True, True]
    for label, n in (("one", 1), ("two", 2)):
        html = (tmp_path / "out" / label / "01-simple.html").read_text()
        assert f"n is <strong>{n}</strong>" in html
        executed = nbformat.read(tmp_path / "out" / label / "01-simple.ipynb", as_version=4)
        assert executed.metadata.papermill.parameters["n"] == n
    page = index.read_text()
    assert "one/01-simple.html" in page and "two/01-simple.html" in page
    record = json.loads((tmp_path / "out" / "index.json").read_text())
    assert record["corpora"][0]["fingerprint"] and record["versions"]["papermill"] != "-"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    index, outcomes = render(hostile_corpus(folder), out=folder / "out")
    assert [o.error for o in outcomes] == [""] * len(outcomes) and len(outcomes) == 4
    return folder, index, outcomes[0].html, [o.html for o in outcomes]


@pytest.mark.slow
def test_article_text_is_shown_as_text_not_run(hostile_report):
    pages = {p.stem: p.read_text() for p in hostile_report[3]}
    for name, page in pages.items():
        for payload in (SCRIPT, IMG, "<img src=x", "<script>window.__xss"):
            assert payload not in page, name
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in pages["01-corpus-overview"]  # a table
    assert "onerror" in pages["01-corpus-overview"]  # the outlet name is on the page, escaped
    assert "We want peace &lt;img src=x onerror" in pages["03-actors"]  # the quote, escaped


@pytest.mark.slow
def test_report_loads_nothing_from_the_network(hostile_report):
    _, index, _, paths = hostile_report
    for page in [p.read_text() for p in paths] + [index.read_text()]:
        assert remote_references(page) == []
        assert not re.search(r"<script[^>]+src=", page)
        assert "cdnjs" not in page and "mathjax@" not in page.lower()


@pytest.mark.slow
def test_report_holds_no_absolute_path(hostile_report):
    folder, index, _, paths = hostile_report
    roots = {str(config.project_root()), str(folder), os.path.expanduser("~") + "/"}
    for page in [p.read_text() for p in paths] + [index.read_text()]:
        for root in roots:  # relative paths such as ../../tmp/... are fine
            assert not re.search(r"(?<![.\w])" + re.escape(root), page), root


@pytest.mark.slow
def test_report_is_small_and_embeds_plotly_once_compressed(hostile_report):
    html_path = hostile_report[2]
    page = html_path.read_text()
    assert all(p.stat().st_size < MAX_HTML_BYTES for p in hostile_report[3])
    assert not re.search(r"plotly\.js v\d", page)  # the bundle's banner: no uncompressed copy
    blobs = re.findall(
        r'<script type="application/octet-stream" id="wb-plotly"[^>]*>([^<]*)<', page
    )
    assert len(blobs) == 1 and len(re.findall(r"plotly\.js v\d", expand(blobs[0]))) == 1
    figures = page.count('class="plotly-graph-div"')
    assert figures >= 5
    assert (
        page.count("<script>wbReport.defer(function") + page.count("<script>wbReport.deferPacked(")
        == figures
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("date_bin", "only", "pages"),
    [
        ("M", (), ["01-corpus-overview", "02-topics", "03-actors", "04-timeline"]),
        ("month", ("04",), ["04-timeline"]),
    ],
)
def test_every_notebook_reads_any_bin_spelling(tmp_path, date_bin, only, pages):
    _, outcomes = render(out=tmp_path / "out", only=only, params={"date_bin": date_bin})
    assert [(o.job.name, o.error) for o in outcomes] == [(p, "") for p in pages]
    text = {o.html.stem: o.html.read_text() for o in outcomes}
    assert "Documents per month, by outlet" in text["04-timeline"]
    assert "Coverage per month: the busiest month starts" in text["04-timeline"]
    if "01-corpus-overview" in text:
        assert "Binned by month:" in text["01-corpus-overview"]
        assert "Topics over time (per month)" in text["02-topics"]
    assert not any("per M," in page or "per M)" in page for page in text.values())


def test_fingerprint_covers_the_articles_not_a_readme(tmp_path):
    from workbench.reports.index import corpus_info

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\n\nOne article about talks in Geneva. " * 5)
    (folder / "README.md").write_text("notes")
    first = corpus_info(str(folder))
    (folder / "README.md").write_text("other notes")
    assert corpus_info(str(folder))["fingerprint"] == first["fingerprint"]
    (folder / "a.txt").write_text("Headline\n\nAnother article about talks in Vienna. " * 5)
    assert corpus_info(str(folder))["fingerprint"] != first["fingerprint"]
    assert first["summary"]["documents"] == 1 and first["files"] == 1


@pytest.mark.parametrize(("size", "flagged"), [(MAX_HTML_BYTES, False), (MAX_HTML_BYTES + 1, True)])
def test_index_flags_a_report_over_the_size_budget_and_lists_the_single_file(
    tmp_path, size, flagged
):
    from workbench.reports.index import write_index
    from workbench.reports.plan import Job, Outcome, Plan

    job = Job(tmp_path / "01-a.ipynb", {}, tmp_path)
    (tmp_path / "01-a.html").write_text("page")
    single = tmp_path / "all-reports.html"
    single.write_text("x" * 1_234)
    outcomes = [Outcome(job, True, 1.0, html=tmp_path / "01-a.html", size=size)]
    index = write_index(Plan([job], tmp_path, {"01-a": {}}), outcomes, {}, seconds=1, single=single)
    page = index.read_text()
    assert ("(over 2.5 MB)" in page) is flagged
    assert "<a href='all-reports.html'>all-reports.html</a>" in page
    assert json.loads((tmp_path / "index.json").read_text())["single_file"]["bytes"] == 1_234


def test_index_shows_the_warm_up_and_what_failed_in_it(tmp_path):
    from workbench.reports.index import write_index
    from workbench.reports.plan import Job, Outcome, Plan

    job = Job(tmp_path / "01-a.ipynb", {}, tmp_path)
    warmup = {
        "seconds": 12.34,
        "steps": [
            {"step": "load()", "seconds": 0.2, "error": ""},
            {"step": "fit_topics(seed=1)", "seconds": 9.0, "error": "ValueError: <b>x</b>"},
        ],
    }
    plan_ = Plan([job], tmp_path, {"01-a": {}})
    page = write_index(plan_, [Outcome(job, True, 1.0)], {}, seconds=20, warmup=warmup).read_text()
    assert "(shared steps warmed first: 12.3 s; failed: fit_topics(seed=1))" in page
    assert json.loads((tmp_path / "index.json").read_text())["warm_up"] == warmup
    page = write_index(plan_, [Outcome(job, True, 1.0)], {}, seconds=20).read_text()
    assert "warmed" not in page


def test_cli_report_warms_unless_told_not_to(monkeypatch, tmp_path, capsys):
    from workbench.reports import run
    from workbench.reports.warm import StepTime, Warmup

    calls = []

    def fake_render(corpus, **kwargs):
        calls.append(kwargs["warm"])
        if kwargs["warm"]:
            kwargs["on_warm"](Warmup(3.21, [StepTime("load()", 0.1), StepTime("x()", 1, "Boom")]))
        return tmp_path / "index.html", []

    monkeypatch.setattr(run, "render", fake_render)
    assert cli.main(["report"]) == 0
    assert cli.main(["report", "--no-warm"]) == 0
    assert calls == [True, False]
    out = capsys.readouterr().out
    assert "3.2 s   2 shared steps, 1 failed" in out and "x(): Boom" in out


@pytest.mark.slow
def test_kernels_running_side_by_side_share_the_cores(tmp_path):
    from workbench.core.pool import PROCESSES_ENV, budget

    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("01-a", "02-b"):
        _write_notebook(
            folder / f"{name}.ipynb",
            'corpus: str = "data/sample"  # the corpus',
            f"import os\nprint('processes:', os.environ.get({PROCESSES_ENV!r}))",
        )
    index, outcomes = render(out=tmp_path / "out", folder=folder, workers=2)
    assert [o.ok for o in outcomes] == [True, True], [o.error for o in outcomes]
    share = max(1, budget() // min(2, budget()))
    for o in outcomes:
        assert f"processes: {share}" in o.html.read_text()


def test_a_kernel_that_fails_to_start_is_tried_once_more_and_a_cell_error_never(
    tmp_path, monkeypatch
):
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from workbench.reports import run
    from workbench.reports.plan import Job

    job = Job(tmp_path / "01-a.ipynb", {}, tmp_path)
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Kernel didn't respond in 60 seconds")

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    assert run._papermill(job, tmp_path / "out.ipynb") == "" and len(calls) == 2

    def dead(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("Kernel died before replying to kernel_info")

    calls.clear()
    monkeypatch.setattr(papermill, "execute_notebook", dead)
    assert "Kernel died" in run._papermill(job, tmp_path / "out.ipynb")
    assert len(calls) == run.KERNEL_ATTEMPTS

    def broken(*args, **kwargs):
        calls.append(1)
        raise PapermillExecutionError(3, 3, "x()", "RuntimeError", "deliberately broken", [])

    calls.clear()
    monkeypatch.setattr(papermill, "execute_notebook", broken)
    message = run._papermill(job, tmp_path / "out.ipynb")
    assert message == "RuntimeError: deliberately broken (cell 3)" and len(calls) == 1
