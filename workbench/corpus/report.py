"""The ingest report: every record skipped or repaired, and what each normalising rule did.

Loading never stops at a bad record: the loader notes it here (file, line, what
was wrong, what was done, what the researcher can do) and goes on. At the end
one warning per kind of problem reaches the notebook or terminal, and the full
tables are available from :class:`IngestReport` for the notebook and the CLI.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd


class WorkbenchWarning(UserWarning):
    """A problem in the researcher's input that the workbench worked around."""


@dataclass(frozen=True)
class Problem:
    """One record skipped or repaired."""

    file: str
    line: int | None
    kind: str
    message: str
    action: str
    doc_id: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        return f"{where}: {self.message} ({self.action})"


@dataclass
class _RuleTally:
    n_docs: int = 0
    n_items: int = 0
    n_chars: int = 0
    example: str = ""


@dataclass
class IngestReport:
    """What happened while loading a corpus."""

    problems: list[Problem] = field(default_factory=list)
    rules: dict[str, _RuleTally] = field(default_factory=lambda: defaultdict(_RuleTally))
    n_records_read: int = 0

    def add(
        self,
        file: str,
        kind: str,
        message: str,
        action: str,
        *,
        line: int | None = None,
        doc_id: str | None = None,
    ) -> None:
        """Note one record skipped or repaired."""
        self.problems.append(Problem(file, line, kind, message, action, doc_id))

    def tally(self, removed: list[tuple[str, str]]) -> None:
        """Count what the normalising rules removed or moved in one document."""
        seen: set[str] = set()
        for rule, text in removed:
            t = self.rules[rule]
            t.n_items += 1
            t.n_chars += len(text)
            if rule not in seen:
                t.n_docs += 1
                seen.add(rule)
            if not t.example:
                t.example = text[:120]

    def merge(self, other: IngestReport) -> None:
        """Add another report's problems and tallies to this one."""
        self.problems.extend(other.problems)
        self.n_records_read += other.n_records_read
        for rule, t in other.rules.items():
            mine = self.rules[rule]
            mine.n_docs += t.n_docs
            mine.n_items += t.n_items
            mine.n_chars += t.n_chars
            mine.example = mine.example or t.example

    def problems_frame(self) -> pd.DataFrame:
        """Every problem as a table: file, line, doc_id, kind, message, action."""
        cols = ["file", "line", "doc_id", "kind", "message", "action"]
        rows = [[getattr(p, c) for c in cols] for p in self.problems]
        return pd.DataFrame(rows, columns=cols).astype({"line": "Int64"})

    def rules_frame(self) -> pd.DataFrame:
        """Per normalising rule: documents touched, pieces and characters removed, an example."""
        rows = [
            (rule, t.n_docs, t.n_items, t.n_chars, t.example)
            for rule, t in sorted(self.rules.items(), key=lambda kv: -kv[1].n_items)
        ]
        return pd.DataFrame(rows, columns=["rule", "n_docs", "n_items", "n_chars", "example"])

    def emit_warnings(self, *, stacklevel: int = 3) -> None:
        """One warning per kind of problem, with its count and first case."""
        by_kind: dict[str, list[Problem]] = defaultdict(list)
        for p in self.problems:
            by_kind[p.kind].append(p)
        for items in by_kind.values():
            more = (
                f" (and {len(items) - 1} more like it; see the ingest report)"
                if len(items) > 1
                else ""
            )
            warnings.warn(f"{items[0]}{more}", WorkbenchWarning, stacklevel=stacklevel)
