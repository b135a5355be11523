"""What a merged event takes from its reports: the date and the participants they agree on.

Reports of one event disagree: one text says Thursday where three say Friday, one names
the official who commented beside those who met. :func:`event_date_report` picks the
date most texts give at the finest precision, :func:`agreed_participants` the
participants most reports name (:func:`workbench.timeline.merging.merge_events`).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from workbench.core.tables import split_cell


def agreed_participants(group: list[dict], limit: int) -> list[str]:
    """The participants the reports agree on, the most often named first.

    Of three or more reports, those more than half of them name (the one who commented
    on a visit, named by one or two of its reports, took no part in it); of two, those
    both name when they share any. When no participant reaches that, every one named.
    """
    named = Counter(p for r in group for p in dict.fromkeys(split_cell(r["participants"])))
    need = len(group) // 2 + 1 if len(group) > 2 else 2
    ranked = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))
    agreed = [p for p, n in ranked if n >= need]
    return (agreed or [p for p, _n in ranked])[:limit]


#: Precisions from finest: a day or a week ("this week") before a month before a year.
_TIER = {"month": 1, "year": 2}


def event_date_report(group: list[dict]) -> dict:
    """The report whose date the merged event takes: the one most texts give, finest first.

    Dates the texts give (their own sentence, then the story) come before publication
    days. Among them, at the finest precision given, the date given by the most articles
    wins (a week counts for the days inside it, and a day for its week), then a day over
    a week, then the earliest: one text's slip ("Thursday" for a Friday strike) is
    outvoted by the others.
    """
    dated = [r for r in group if not pd.isna(r["date"])]
    if not dated:
        return group[0]
    for sources in (("text",), ("context",), None):
        told = [r for r in dated if sources is None or r["date_source"] in sources]
        if told:
            break
    tier = min(_TIER.get(r["precision"], 0) for r in told)
    finest = [r for r in told if _TIER.get(r["precision"], 0) == tier]

    def support(r: dict) -> int:
        return len({o["doc_id"] for o in finest if _covers(o, r) or _covers(r, o)})

    return max(
        finest,
        key=lambda r: (support(r), r["precision"] == "day", -r["date"].value),
    )


def _covers(a: dict, b: dict) -> bool:
    """Whether ``a``'s date holds ``b``'s: the same date, or a week holding a day."""
    if a["precision"] == b["precision"]:
        return a["date"] == b["date"]
    if a["precision"] == "week" and b["precision"] == "day":
        return 0 <= (b["date"] - a["date"]).days < 7
    return False
