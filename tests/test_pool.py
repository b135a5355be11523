"""Process pools never start more processes than cores, or than $WORKBENCH_PROCESSES allows."""

from __future__ import annotations

import os

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
