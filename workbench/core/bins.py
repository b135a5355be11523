"""Time bins: the one vocabulary of date bins every layer, figure and notebook uses.

A bin is named by a word, ``day``, ``week``, ``month``, ``quarter`` or ``year``
(:data:`Bin`). The pandas aliases ``D``, ``W``, ``M``, ``Q``, ``Y`` (and the older
``MS``, ``QS``, ``YS``, ``W-MON``, ``W-SUN``) are read as the same words, and
``auto`` picks a bin from the span of the dates (:func:`auto_bin`).

A bin is keyed by its first instant, as a UTC timestamp: weeks start on Monday,
months, quarters and years on their first day. Every table binned here can
therefore be joined with every other on its bin column.
"""

from __future__ import annotations

from typing import Literal, get_args

import pandas as pd

Bin = Literal["day", "week", "month", "quarter", "year"]

#: The canonical bins, shortest first.
BINS: tuple[Bin, ...] = get_args(Bin)

#: Spellings read as a bin besides the words themselves (pandas aliases, exact case).
ALIASES: dict[str, Bin] = {
    "D": "day",
    "W": "week",
    "W-MON": "week",
    "W-SUN": "week",
    "M": "month",
    "MS": "month",
    "Q": "quarter",
    "QS": "quarter",
    "Y": "year",
    "YS": "year",
}

#: The dtype of every bin column: UTC, microseconds (pandas' default resolution).
DTYPE = "datetime64[us, UTC]"

#: Bin -> pandas period code. ``W-SUN`` periods end on Sunday, so they start on Monday.
_PERIOD: dict[Bin, str] = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
#: Bin -> pandas frequency of bin starts, for ranges.
_STARTS: dict[Bin, str] = {
    "day": "D",
    "week": "W-MON",
    "month": "MS",
    "quarter": "QS",
    "year": "YS",
}
#: ``auto``: the finest bin whose span limit (in days) the dates fit in; beyond, years.
_AUTO_LIMITS: tuple[tuple[int, Bin], ...] = (
    (45, "day"),
    (366, "week"),
    (3 * 366, "month"),
    (10 * 366, "quarter"),
)
_ACCEPTED = "'day', 'week', 'month', 'quarter', 'year' (or D, W, M, Q, Y), or 'auto'"


def normalise_bin(value: str, *, name: str = "date_bin") -> str:
    """The canonical word for a bin spelling, or ``"auto"``.

    Args:
        value: A word (any case), a pandas alias (``D``, ``W``, ``M``, ``Q``, ``Y``,
            ``MS``, ``QS``, ``YS``, ``W-MON``, ``W-SUN``) or ``"auto"``.
        name: The parameter's name, for the error message.

    Returns:
        ``"day"``, ``"week"``, ``"month"``, ``"quarter"``, ``"year"`` or ``"auto"``.

    Raises:
        ValueError: ``value`` is none of these; the message names the parameter, the
            value and the accepted values.
    """
    if isinstance(value, str):
        word = value.strip().lower()
        if word in BINS or word == "auto":
            return word
        if value.strip() in ALIASES:
            return ALIASES[value.strip()]
    raise ValueError(f"{name}={value!r}: use one of {_ACCEPTED}")


def auto_bin(dates: pd.Series) -> Bin:
    """A bin that gives a readable number of points for the span of ``dates``.

    The rule the topic tables used (the overview's stopped at months): ``day`` up to
    45 days, ``week`` up to a year, ``month`` up to three years, ``quarter`` up to ten,
    ``year`` beyond. At most about 50 points in all but the month and quarter cases
    (36 and 40), and every bin of the vocabulary is reachable. Without dates, ``month``.

    Args:
        dates: Dates, or anything :func:`pandas.to_datetime` reads; missing ones are ignored.
    """
    stamps = pd.Series(pd.to_datetime(dates, utc=True)).dropna()
    if stamps.empty:
        return "month"
    days = (stamps.max() - stamps.min()).days
    return next((unit for limit, unit in _AUTO_LIMITS if days <= limit), "year")


def resolve_bin(value: str, dates: pd.Series, *, name: str = "date_bin") -> Bin:
    """The bin ``value`` names, with ``auto`` decided by :func:`auto_bin` on ``dates``.

    Raises:
        ValueError: ``value`` is not a bin spelling (see :func:`normalise_bin`).
    """
    unit = normalise_bin(value, name=name)
    return auto_bin(dates) if unit == "auto" else unit


def bin_start(dates: pd.Series, bin: str) -> pd.Series:
    """The start of each date's bin, as UTC timestamps; missing dates stay ``NaT``.

    Weeks start on Monday (Sunday 2022-02-27 is in the week of Monday 2022-02-21),
    months, quarters and years on their first day. Naive dates are read as UTC.

    Args:
        dates: Dates, or anything :func:`pandas.to_datetime` reads; a Series keeps its index.
        bin: Any spelling :func:`normalise_bin` accepts; ``auto`` decides on ``dates``.

    Returns:
        A Series of dtype :data:`DTYPE`.
    """
    stamps = pd.to_datetime(dates if isinstance(dates, pd.Series) else pd.Series(dates), utc=True)
    unit = resolve_bin(bin, stamps, name="bin")
    starts = stamps.dt.tz_convert(None).dt.to_period(_PERIOD[unit]).dt.start_time
    return starts.dt.tz_localize("UTC").astype(DTYPE)


def bin_range(dates: pd.Series, bin: str) -> pd.DatetimeIndex:
    """Every bin start from the first date's bin to the last's, gaps included (UTC).

    Args:
        dates: Dates, or anything :func:`pandas.to_datetime` reads; missing ones are ignored.
        bin: Any spelling :func:`normalise_bin` accepts; ``auto`` decides on ``dates``.
    """
    starts = bin_start(dates, bin).dropna()
    if starts.empty:
        return pd.DatetimeIndex([], dtype=DTYPE)
    unit = resolve_bin(bin, dates, name="bin")
    return pd.date_range(starts.min(), starts.max(), freq=_STARTS[unit]).astype(DTYPE)


def label(bin: str | None) -> str:
    """The word for a bin in prose and axis titles: ``"M"`` -> ``"month"``.

    ``None`` and ``"auto"`` (a bin not yet decided) read ``"bin"``.

    Raises:
        ValueError: ``bin`` is not a bin spelling (see :func:`normalise_bin`).
    """
    if bin is None:
        return "bin"
    unit = normalise_bin(bin, name="bin")
    return "bin" if unit == "auto" else unit


__all__ = [
    "ALIASES",
    "BINS",
    "DTYPE",
    "Bin",
    "auto_bin",
    "bin_range",
    "bin_start",
    "label",
    "normalise_bin",
    "resolve_bin",
]
