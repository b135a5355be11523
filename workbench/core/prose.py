"""Small helpers for the sentences the notebooks show: counts with their nouns."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """``plural(1, "document")`` is "1 document", ``plural(3, "document")`` "3 documents"."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


__all__ = ["plural"]
