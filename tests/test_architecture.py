"""The package's layout holds: layers import downward, no cycles, no private names across rooms."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "workbench"
ROOMS = ["core", "corpus", "actors", "topics", "timeline", "evidence", "reports", "plots", "cli"]


def _room(module: str) -> str:
    """``workbench.topics.fit`` -> ``topics``; top-level modules are their own room."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def test_import_contracts_hold():
    """`lint-imports` checks the contracts in pyproject.toml (layers, plots, config)."""
    exe = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_no_import_cycles():
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("workbench")
    edges = {
        m: {
            d
            for d in graph.find_modules_directly_imported_by(m)
            if not d.startswith(m + ".")  # a package's face importing its own modules
        }
        for m in graph.modules
    }
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif not state.get(nxt):
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for module in sorted(edges):
        if not state.get(module):
            visit(module, [])
    assert cycles == []


def _private_imports(tree: ast.AST, own_room: str | None) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workbench"):
            if own_room is not None and _room(node.module) == own_room:
                continue
            found += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.ImportFrom) and node.module is None:
            continue
    return found


def test_no_private_name_is_imported_across_rooms():
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        module = _module_name(path)
        hits = _private_imports(ast.parse(path.read_text()), _room(module))
        if hits:
            offenders[module] = hits
    for path in (ROOT / "benchmarks").glob("*.py"):
        hits = _private_imports(ast.parse(path.read_text()), None)
        if hits:
            offenders[str(path.relative_to(ROOT))] = hits
    assert offenders == {}


def test_notebooks_use_public_names_only():
    offenders = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        tree = ast.parse(code)
        hits = _private_imports(tree, None)
        hits += [
            n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr[:1] == "_"
        ]
        if hits:
            offenders[path.name] = hits
    assert offenders == {}


def test_every_room_is_a_package_with_a_public_face():
    import importlib

    for room in ROOMS:
        assert (PACKAGE / room / "__init__.py").exists(), room
        face = importlib.import_module(f"workbench.{room}")
        assert face.__doc__ and len(face.__doc__) > 40, f"workbench.{room} says what it holds"
        public = getattr(face, "__all__", None)
        if room != "plots":
            assert public, f"workbench.{room} declares its public face in __all__"
            assert all(hasattr(face, name) for name in public), room


def test_no_module_name_repeats_its_room():
    """Inside a room names lose the room's prefix: topics/store.py, not topics/topic_store.py."""
    stems = {
        "corpus": ("corpus_",),
        "actors": ("actor_", "actors_"),
        "topics": ("topic_", "topics_"),
        "timeline": ("timeline_",),
        "reports": ("report_", "reports_"),
        "cli": ("cli_",),
        "plots": ("plot_", "plots_"),
    }
    repeated = [
        str(p.relative_to(PACKAGE))
        for room, prefixes in stems.items()
        for p in (PACKAGE / room).glob("*.py")
        if p.stem.startswith(prefixes)
    ]
    assert repeated == []
    assert sorted(p.stem for p in PACKAGE.glob("*.py")) == ["__init__", "config", "notebook"]
