"""Process pools never start more processes than cores, or than $WORKBENCH_PROCESSES allows."""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace

import pytest

from workbench.core import pool
from workbench.core.errors import InputError


@pytest.fixture
def four_cores(monkeypatch):
    monkeypatch.setattr(pool, "cores", lambda: 4)
    monkeypatch.delenv(pool.PROCESSES_ENV, raising=False)


@pytest.mark.parametrize(
    ("env", "requested", "tasks", "expected"),
    [
        (None, None, 10, 4),  # every core by default
        (None, 8, 10, 4),  # never more than the cores
        (None, None, 3, 3),  # nor than the tasks
        (None, 0, 3, 1),  # at least one
        ("1", None, 10, 1),  # a kernel of a report running beside another: its share
        ("2", 3, 10, 2),
        ("16", None, 10, 4),  # a budget above the cores is the cores
        (" 2 ", None, 10, 2),
    ],
)
def test_processes_stay_within_the_budget(four_cores, monkeypatch, env, requested, tasks, expected):
    if env is not None:
        monkeypatch.setenv(pool.PROCESSES_ENV, env)
    assert pool.processes(requested, tasks) == expected


@pytest.mark.parametrize("env", ["0", "-1", "two", "1.5"])
def test_a_bad_budget_names_the_variable(four_cores, monkeypatch, env):
    monkeypatch.setenv(pool.PROCESSES_ENV, env)
    with pytest.raises(InputError, match=rf"WORKBENCH_PROCESSES='{env}': give a whole number"):
        pool.budget()


def _pid(_: int) -> int:
    return os.getpid()


def test_fork_map_with_a_budget_of_one_stays_in_this_process(monkeypatch):
    monkeypatch.setenv(pool.PROCESSES_ENV, "1")
    assert set(pool.fork_map(_pid, [1, 2, 3, 4], workers=2)) == {os.getpid()}


# ----------------------------------------------------------------------------- progress


@pytest.fixture
def watched(monkeypatch):
    """No variable that decides progress bars is set; stderr is a terminal, no kernel."""
    for name in (pool.PROGRESS_ENV, pool.REPORT_ENV, "TQDM_DISABLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(pool, "in_notebook", lambda: False)
    monkeypatch.setattr(pool, "_terminal", lambda: True)
    return monkeypatch


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, True),  # a terminal: on by default
        ({pool.PROGRESS_ENV: "0"}, False),
        ({pool.PROGRESS_ENV: "off"}, False),
        ({pool.REPORT_ENV: "1"}, False),  # a kernel of `workbench report`
        ({"TQDM_DISABLE": "1"}, False),
        ({pool.REPORT_ENV: "1", pool.PROGRESS_ENV: "1"}, True),  # the researcher's word wins
    ],
)
def test_progress_is_on_by_default_where_someone_watches(watched, env, expected):
    for name, value in env.items():
        watched.setenv(name, value)
    assert pool.show_progress(None) is expected
    assert pool.show_progress(True) is True and pool.show_progress(False) is False


def test_progress_is_off_where_no_one_watches_and_on_in_a_kernel(watched):
    watched.setattr(pool, "_terminal", lambda: False)
    assert pool.show_progress(None) is False  # a log file, a pipe, pytest
    watched.setattr(pool, "in_notebook", lambda: True)
    assert pool.show_progress(None) is True  # JupyterLab: a widget


def test_a_kernel_run_by_papermill_is_a_report(watched):
    import types

    watched.setitem(sys.modules, "ipykernel", types.ModuleType("ipykernel"))
    watched.setattr(pool, "_parent_command", lambda: "/usr/bin/python -m papermill a.ipynb")
    assert pool.in_report() is True
    watched.setattr(pool, "in_notebook", lambda: True)
    assert pool.show_progress(None) is False
    watched.setattr(pool, "_parent_command", lambda: "/usr/bin/python -m jupyter lab")
    assert pool.in_report() is False and pool.show_progress(None) is True


def test_a_kernel_of_workbench_report_is_a_report(watched):
    assert pool.in_report() is False
    watched.setenv(pool.REPORT_ENV, "1")
    assert pool.in_report() is True


def test_the_report_runner_marks_its_kernels(watched, tmp_path):
    import papermill

    from workbench.reports import run

    seen = []
    watched.setattr(
        papermill, "execute_notebook", lambda *a, **k: seen.append(os.environ.get(pool.REPORT_ENV))
    )
    job = SimpleNamespace(notebook=tmp_path / "01.ipynb", params={})
    assert run._papermill(job, tmp_path / "out.ipynb") == ""
    assert seen == ["1"]  # what the kernel inherits
    assert pool.REPORT_ENV not in os.environ  # and this process is left as it was


def test_a_bar_inside_a_bar_leaves_no_trace(watched, capsys):
    with pool.progress_bar(3, "outer", "step") as outer:
        inner = pool.progress_bar(10, "inner", "doc")
        assert outer.leave is True and inner.leave is False
        inner.update(10)
        inner.close()
        outer.update(3)
        after = pool.progress_bar(2, "next", "doc")  # opened while outer is still open
        assert after.leave is False
        after.close()
    last = pool.progress_bar(2, "last", "doc")
    assert last.leave is True  # nothing open any more: a step of its own
    last.close()
    err = capsys.readouterr().err
    assert "outer" in err and "3/3" in err


def test_progress_passes_every_item_through(watched, capsys):
    assert list(pool.progress(iter(range(5)), None, "counting", "n", total=5)) == [0, 1, 2, 3, 4]
    err = capsys.readouterr().err
    assert "counting" in err and "5/5" in err
    items = [1, 2]
    assert pool.progress(items, False, "counting", "n") is items  # off: the items themselves


def test_steps_count_the_steps_and_name_the_current_one(watched, capsys):
    with pool.steps(3, "topics") as step:
        step("embeddings")
        assert step.bar.n == 0 and step.current == "embeddings"
        step("clustering")
        step("tables")
        assert step.bar.n == 2
    assert step.bar.n == 3
    err = capsys.readouterr().err
    assert "topics" in err and "clustering" in err


def test_a_silent_bar_has_the_same_methods(watched):
    bar = pool.progress_bar(4, "quiet", "doc", show=False)
    bar.update(2)
    bar.set_postfix_str("x")
    bar.close()
    with pool.steps(2, "quiet", show=False) as step:
        step("a")


@pytest.mark.parametrize(
    ("n", "size", "workers", "lengths"),
    [
        (300, 100, 1, [100, 100, 100]),  # one process: chunks of the largest size
        (300, 100, 2, [38] * 7 + [34]),  # two: four chunks each, so none waits on another
        (5000, 100, 2, [100] * 50),  # many items: never above the largest size
        (3, 100, 2, [1, 1, 1]),  # fewer items than chunks wanted: one each
        (0, 100, 2, []),
    ],
)
def test_chunked_shares_items_out_in_order(n, size, workers, lengths):
    chunks = pool.chunked(list(range(n)), size, workers)
    assert [len(c) for c in chunks] == lengths
    assert [x for c in chunks for x in c] == list(range(n))
