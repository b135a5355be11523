"""environment.yml declares the same environment as pyproject.toml."""

import re
import tomllib

import yaml

from workbench import config


def _norm(req: str) -> str:
    return re.sub(r"\s+", "", req).lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    root = config.project_root()
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    wanted = {_norm(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    env = yaml.safe_load((root / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    declared = {_norm(r) for r in pip if not r.startswith("-e")}
    assert declared == wanted
    assert "python=3.11" in env["dependencies"]


def test_torch_is_pinned_to_the_cpu_wheel_everywhere():
    root = config.project_root()
    assert '"torch==2.13.0"' in (root / "pyproject.toml").read_text()
    assert "pip install -q torch==2.13.0" in (root / "Makefile").read_text()
