"""Arguments shared by the ``workbench`` sub-commands."""

from __future__ import annotations

import argparse

from workbench import config
from workbench.core.errors import InputError


def source_argument(p: argparse.ArgumentParser) -> None:
    """The SOURCE positional argument every corpus command takes (default: the sample)."""
    p.add_argument(
        "source",
        nargs="?",
        default=str(config.sample_corpus()),
        help="a folder of articles, a CSV/TSV/JSON/JSONL/Parquet/HTML file, or an "
        "ingested .parquet (default: the sample corpus)",
    )


def key_value(text: str, option: str) -> tuple[str, str]:
    """``"a=b"`` -> ``("a", "b")``; anything else is an :class:`InputError` naming the option."""
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise InputError(f"{option} {text!r}: write it as KEY=VALUE")
    return key.strip(), value.strip()
