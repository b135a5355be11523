"""Paths and settings: the one place that knows where things live.

Every path is derived from the project root, which is the folder holding
``pyproject.toml`` above this package, or ``$WORKBENCH_ROOT`` when set.
Caches go under ``data/interim/`` unless ``$WORKBENCH_CACHE_DIR`` says otherwise;
models the workbench builds itself under ``data/models/`` unless ``$WORKBENCH_MODELS_DIR`` does.
Functions (not constants) are used where an environment variable can change a
path, so that tests and notebooks can override it at run time.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The project root: ``$WORKBENCH_ROOT`` or the folder above this package."""
    env = os.environ.get("WORKBENCH_ROOT")
    return Path(env).expanduser().resolve() if env else PACKAGE_DIR.parent


def data_dir() -> Path:
    """``data/`` under the project root."""
    return project_root() / "data"


def sample_corpus() -> Path:
    """The bundled sample corpus, the default input of every command and notebook."""
    return data_dir() / "sample"


def gazetteer_path() -> Path:
    """The curated actor gazetteer, ``data/actors.yml``."""
    return data_dir() / "actors.yml"


def reports_dir() -> Path:
    """Where rendered reports go by default."""
    return project_root() / "reports"


def notebooks_dir() -> Path:
    """The parameterised notebooks."""
    return project_root() / "notebooks"


def cache_dir(*parts: str) -> Path:
    """The cache folder (``$WORKBENCH_CACHE_DIR`` or ``data/interim``), created on demand.

    Args:
        *parts: Sub-folders below the cache root, e.g. ``cache_dir("embeddings")``.

    Returns:
        The folder, which exists on return. Everything in it is safe to delete.
    """
    env = os.environ.get("WORKBENCH_CACHE_DIR")
    root = Path(env).expanduser() if env else data_dir() / "interim"
    path = root.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def models_dir(*parts: str) -> Path:
    """Models the workbench builds itself (``$WORKBENCH_MODELS_DIR`` or ``data/models``).

    Not a cache: building a model takes a while (the static embedding is distilled
    once, in ``make setup``), so ``make clean-cache`` leaves this folder alone.

    Args:
        *parts: Sub-folders below the models folder, e.g. ``models_dir("static")``.

    Returns:
        The path (not created: a model folder appears whole, by an atomic rename).
    """
    env = os.environ.get("WORKBENCH_MODELS_DIR")
    root = Path(env).expanduser() if env else data_dir() / "models"
    return root.joinpath(*parts)


def resolve_path(path: str | os.PathLike[str]) -> Path:
    """A path as a notebook parameter or a command gives it, resolved against the project root.

    Example:
        ``resolve_path("data/sample")`` is the sample corpus whether the notebook runs in
        ``notebooks/`` (JupyterLab) or anywhere else (papermill).
    """
    p = Path(path).expanduser()
    return p if p.is_absolute() else project_root() / p


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as a researcher should see it: relative to the project root where possible.

    Used wherever a path is printed or rendered, so that no report carries the
    absolute path of the machine it was made on.
    """
    p = Path(path)
    try:
        return str(p.resolve().relative_to(project_root()))
    except (ValueError, OSError):
        pass
    try:
        return os.path.relpath(p.resolve(), project_root())
    except ValueError:
        return p.name


#: Random seed used wherever the workbench samples or fits (topics, UMAP, k-means).
DEFAULT_SEED = 42

#: Jaccard similarity (estimated by MinHash) above which two articles are near-duplicates.
NEAR_DUPLICATE_THRESHOLD = 0.8
