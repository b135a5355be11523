"""The warm-up: the shared, cached steps of a rendering run once, before the notebooks.

The notebooks of a rendering ask for the same expensive work: each loads the corpus,
three of them want the actors' tables, one the topic fit and its map, one the place
index. Every one of these steps is cached, but on a cold cache two kernels would
compute the same step at once, each paying the model loading and the imports. So
before the notebooks start, :func:`warm` reads each notebook's code, finds its calls
to the cached steps (:func:`steps`) together with the arguments it passes them (its
parameters as the job sets them, constants, and the results of earlier steps, such as
``result.corpus``), and runs every distinct call once. The notebooks then read those
results from the cache, so the call and the cache key are the notebook's own.

The steps form chains: the corpus loads a chain needs (read from the cache the corpus
summary filled), then a step and the steps that take its result; steps of one function
share a chain, so they never compute the same thing at once. Each chain runs in a
process of its own (forked where that is safe, see :func:`_spawned`). On a small
corpus, where the steps are mostly imports and model loading, the chains run side by
side, each with its share of the cores (``$WORKBENCH_PROCESSES``,
:func:`workbench.core.pool.budget`); on a large one, one after another, each with every
core for its own worker processes. A step that fails is reported and what needs it
skipped: its notebook meets the same error and says so in the index.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.actors.ner import MULTIPROCESS_MIN_WORDS
from workbench.core import pool
from workbench.reports.params import parameters_cells
from workbench.reports.plan import Plan

#: Step name -> its chain's group (steps of one group run one after another).
_CORPUS = "corpus"


def steps() -> dict[str, tuple[str, Callable | None]]:
    """The cached steps the warm-up runs: qualified name -> (group, what to run instead, or None).

    By name, not by the function object: a module imported again (as some tests do)
    holds new function objects.

    ``build_timeline`` is not cached itself (it is quick once its inputs are): warming it
    builds the place index it reads, whatever its arguments.
    """
    from workbench import notebook
    from workbench.actors import extract_actors
    from workbench.core.places import warm_place_index
    from workbench.timeline import build_timeline
    from workbench.topics import document_map, fit_topics

    return {
        _qualname(notebook.load): (_CORPUS, None),
        _qualname(extract_actors): ("actors", None),
        _qualname(fit_topics): ("topics", None),
        _qualname(document_map): ("topics", None),
        _qualname(build_timeline): ("places", lambda *args, **kwargs: warm_place_index()),
    }


@dataclass(frozen=True)
class Ref:
    """The result of an earlier step (``key``), or an attribute of it (``attrs``)."""

    key: tuple
    attrs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """One call of a cached step, with the values its notebook gives it."""

    function: Callable
    args: tuple
    kwargs: tuple[tuple[str, Any], ...]
    key: tuple

    @property
    def label(self) -> str:
        """``name(argument=value, ...)`` without the results of other steps."""
        shown = [f"{k}={v!r}" for k, v in self.kwargs if not isinstance(v, Ref)]
        text = f"{self.function.__name__}({', '.join(shown)})"
        return text if len(text) <= 90 else text[:89] + "…)"


@dataclass
class StepTime:
    """How one step of the warm-up went."""

    label: str
    seconds: float
    error: str = ""


@dataclass
class Warmup:
    """What the warm-up did: its steps and its wall time."""

    seconds: float = 0.0
    steps: list[StepTime] = field(default_factory=list)

    def as_dict(self) -> dict:
        """For ``index.json``."""
        return {
            "seconds": round(self.seconds, 1),
            "steps": [
                {"step": s.label, "seconds": round(s.seconds, 1), "error": s.error}
                for s in self.steps
            ],
        }


# ----------------------------------------------------------------------------- reading


def find_steps(notebook: Path, values: dict[str, Any]) -> list[Step]:
    """The calls to cached steps in a notebook's code, with the values given to them.

    Args:
        notebook: The ``.ipynb``.
        values: Its parameters: the declared defaults updated with the job's values.

    Returns:
        The steps in the order the notebook calls them; a call whose arguments cannot be
        told before it runs (an expression, a name bound by other code) is left out.
    """
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    skip = set(parameters_cells(nb))
    reader = _Reader(values, steps())
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code" or i in skip:
            continue
        source = cell["source"]
        try:
            tree = ast.parse("".join(source) if isinstance(source, list) else source)
        except SyntaxError:  # IPython magics: the notebook itself will say what is wrong
            continue
        for stmt in tree.body:
            reader.visit(stmt)
    return reader.found


class _Reader:
    """Reads a notebook's statements in order, noting imports, bound results and step calls."""

    _UNKNOWN = object()

    def __init__(self, values: dict[str, Any], registry: dict) -> None:
        self.values, self.registry = values, registry
        self.names = {name.rpartition(".")[2] for name in registry}
        self.rooms = {_room(name) for name in registry}
        self.aliases: dict[str, str] = {}  # local name -> dotted workbench path
        self.bound: dict[str, Ref] = {}
        self.found: list[Step] = []
        self.seen: dict[ast.Call, Any] = {}  # the node itself, kept alive: an id could be reused

    def visit(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Import | ast.ImportFrom):
            self._imports(stmt)
            return
        children = [getattr(stmt, f, []) for f in ("body", "orelse", "finalbody")]
        if any(children):  # if/for/with/try: both branches, in order (a warm step too many
            for node in ast.iter_child_nodes(stmt):  # costs a cached call, one too few a kernel)
                if isinstance(node, ast.expr):
                    self._calls(node)
            for block in children:
                for child in block:
                    self.visit(child)
            return
        self._calls(stmt)
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name):
                value = self._value(stmt.value)
                if isinstance(value, Ref):
                    self.bound[target.id] = value
                else:
                    self.bound.pop(target.id, None)

    def _imports(self, stmt: ast.Import | ast.ImportFrom) -> None:
        if isinstance(stmt, ast.Import):
            for a in stmt.names:
                if a.name.split(".")[0] == "workbench":
                    local = a.asname or "workbench"
                    self.aliases[local] = a.name if a.asname else "workbench"
            return
        if (stmt.module or "").split(".")[0] == "workbench":
            for a in stmt.names:
                self.aliases[a.asname or a.name] = f"{stmt.module}.{a.name}"

    def _calls(self, node: ast.AST) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call):
                self._value(sub)

    def _value(self, node: ast.expr) -> Any:
        """A node's value: a literal, a parameter, a :class:`Ref`, or ``_UNKNOWN``."""
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id in self.bound:
                return self.bound[node.id]
            return self.values.get(node.id, self._UNKNOWN)
        if isinstance(node, ast.Attribute):
            inner = self._value(node.value)
            if isinstance(inner, Ref):
                return Ref(inner.key, (*inner.attrs, node.attr))
            return self._UNKNOWN
        if isinstance(node, ast.Call):
            if node not in self.seen:
                self.seen[node] = self._step(node)
            return self.seen[node]
        return self._UNKNOWN

    def _step(self, node: ast.Call) -> Any:
        function = self._function(node.func)
        if function is None or _qualname(function) not in self.registry:
            return self._UNKNOWN
        _, instead = self.registry[_qualname(function)]
        if instead is not None:  # its arguments do not matter
            args, kwargs = (), ()
        else:
            args = tuple(self._value(a) for a in node.args)
            kwargs = tuple((k.arg, self._value(k.value)) for k in node.keywords)
            if any(k is None for k, _ in kwargs) or self._UNKNOWN in (
                *args,
                *(v for _, v in kwargs),
            ):
                return self._UNKNOWN
        key = (_qualname(function), _hashable(args), _hashable(kwargs))
        if key not in {s.key for s in self.found}:
            self.found.append(Step(function, args, kwargs, key))
        return Ref(key)

    def _function(self, node: ast.expr) -> Any:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.insert(0, node.attr)
            node = node.value
        if not isinstance(node, ast.Name) or node.id not in self.aliases:
            return None
        path = ".".join([self.aliases[node.id], *parts])
        module, _, name = path.rpartition(".")
        if name not in self.names or _room(module) not in self.rooms:
            return None  # not a step: nothing to import (the plots would import plotly)
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            return None


def _room(module: str) -> str:
    """``workbench.topics.tables`` -> ``workbench.topics``."""
    return ".".join(module.split(".")[:2])


def _qualname(function: Callable) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def _hashable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


def plan_steps(the_plan: Plan) -> list[Step]:
    """Every distinct step the notebooks of a plan call, in the order they first call it."""
    out: dict[tuple, Step] = {}
    for job in the_plan.jobs:
        declared = the_plan.declared.get(job.name, {})
        values = {name: p.default for name, p in declared.items()} | dict(job.params)
        for step in find_steps(job.notebook, values):
            out.setdefault(step.key, step)
    return list(out.values())


# ----------------------------------------------------------------------------- running


def warm(
    the_plan: Plan, *, words: int | None = None, echo: Callable[[StepTime], None] | None = None
) -> Warmup:
    """Run every distinct cached step the plan's notebooks call, once (see the module notes).

    Args:
        the_plan: The rendering's plan.
        words: Words in its largest corpus. From :data:`SIDE_BY_SIDE_BELOW` on, the chains
            run one after another, each with every core (their steps then use several
            processes themselves); below it, or when not given, side by side.
        echo: Called with each step, once every step has run.

    Returns:
        The steps with their times; errors are recorded, never raised.
    """
    start = time.perf_counter()
    registry = steps()
    chains = _chains(plan_steps(the_plan), registry)
    cores = pool.budget()
    if len(chains) > 1 and cores > 1 and (words is None or words < SIDE_BY_SIDE_BELOW):
        results = _spawned(chains, max(1, cores // min(len(chains), cores)))
    else:  # one after another, each in a process of its own that takes its models along
        results = [times for chain in chains for times in _spawned([chain], cores)]
    done, loads = [], set()
    for times in results:
        for t in times:
            if t.label in loads:  # every chain loads its corpus: shown once
                continue
            if t.label.startswith("load("):
                loads.add(t.label)
            done.append(t)
            if echo:
                echo(t)
    return Warmup(time.perf_counter() - start, done)


#: The process the module was imported in (a chain run there leaves its environment alone).
_PARENT = [os.getpid()]

#: Corpora of fewer words warm their chains side by side: their steps are mostly imports
#: and model loading, one process each (spaCy takes a second process from the same size).
SIDE_BY_SIDE_BELOW = MULTIPROCESS_MIN_WORDS


def _chains(found: list[Step], registry: dict) -> list[list[Step]]:
    """The steps by chain: the corpus loads a chain needs, then its steps in order.

    A step goes into the chain of the step whose result it takes, else into its group's
    (steps of one function never run side by side); chains without a step are dropped.
    """
    by_key = {s.key: s for s in found}
    group: dict[tuple, str] = {}
    chains: dict[str, list[Step]] = {}
    for step in found:
        if registry[_qualname(step.function)][0] == _CORPUS:
            continue
        parents = [v.key for v in (*step.args, *(v for _, v in step.kwargs)) if isinstance(v, Ref)]
        own = next((group[p] for p in parents if p in group), registry[_qualname(step.function)][0])
        group[step.key] = own
        chain = chains.setdefault(own, [])
        for p in parents:
            load = by_key.get(p)
            if (
                load is not None
                and registry[_qualname(load.function)][0] == _CORPUS
                and load not in chain
            ):
                chain.append(load)
        chain.append(step)
    return list(chains.values())


def _spawned(chains: list[list[Step]], share: int) -> list[list[StepTime]]:
    """Run the chains side by side in processes of their own, ``share`` processes each.

    Forked from this process where that is safe (:func:`workbench.core.pool.fork_is_safe`:
    no start-up, and the corpus loads are read from the cache again), else fresh
    interpreters: a forked child of a process that used OpenMP (a topic fit earlier in the
    same session) can abort.
    """
    try:
        if len(chains) > 1 and pool.fork_is_safe():
            return list(pool.fork_map(_run_chain, chains, share, workers=len(chains)))
        with pool.spawn_pool(
            len(chains), len(chains), initializer=_chain_worker, initargs=(share,)
        ) as workers:
            return list(workers.map(_run_chain, chains))
    except Exception as err:  # a worker died (out of memory, say): the notebooks still run
        return [[StepTime("warm-up", 0.0, f"{type(err).__name__}: {err}")]]


def _chain_worker(share: int) -> None:
    """Setup of a warm-up process: its share of the cores, and no bars (they would interleave)."""
    os.environ[pool.PROCESSES_ENV] = str(share)
    os.environ[pool.PROGRESS_ENV] = "0"


def _run_chain(chain: list[Step], share: int = 0) -> list[StepTime]:
    """Run one chain's steps in order; how each went (``share``: set in a forked worker)."""
    if share and os.getpid() != _PARENT[0]:
        _chain_worker(share)
    results: dict[tuple, Any] = {}
    registry = steps()
    times: list[StepTime] = []
    for step in chain:
        result = _run(step, results, registry, times)
        if result is not None:
            results[step.key] = result
    return times


def _run(step: Step, results: dict, registry: dict, times: list) -> Any:
    """Run one step; its result, or None when it (or a step it needs) failed."""
    start = time.perf_counter()
    try:
        args = [_resolve(a, results) for a in step.args]
        kwargs = {k: _resolve(v, results) for k, v in step.kwargs}
        run = registry[_qualname(step.function)][1] or step.function
        result = run(*args, **kwargs)
        error = ""
    except _Missing:
        result, error = None, "skipped: a step it needs failed"
    except Exception as err:  # reported, and met again by the notebook, which says so
        result, error = None, f"{type(err).__name__}: {str(err).strip()[:300]}"
    times.append(StepTime(step.label, time.perf_counter() - start, error))
    return result


class _Missing(Exception):
    """A step's input is the result of a step that failed."""


def _resolve(value: Any, results: dict) -> Any:
    if not isinstance(value, Ref):
        return value
    if value.key not in results:
        raise _Missing
    out = results[value.key]
    for attr in value.attrs:
        out = getattr(out, attr)
    return out


__all__ = ["Ref", "Step", "StepTime", "Warmup", "find_steps", "plan_steps", "steps", "warm"]
