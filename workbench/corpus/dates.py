"""Publication dates: every common form to a UTC timestamp, or missing and counted.

Vectorised pandas parsing takes ISO 8601 (with or without time and zone) in one
pass; the remaining distinct strings go to dateutil (``July 8, 2022``, RFC 2822
``Fri, 08 Jul 2022 10:00:00 +0300``, ``08/07/2022``), and dateparser takes the
rest (``3 days ago`` is left alone: a relative date without an anchor is not a
publication date). A date without a year (``July 8``, ``Friday``) is not one
either: it stays missing rather than taking a made-up year, and :func:`lacks_year`
tells the ingest report why. Each distinct string is parsed once, so a million rows
with a few thousand distinct dates cost a few thousand parses.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime

import pandas as pd

_EMPTY = {"", "nan", "nat", "none", "null", "n/a", "na", "-", "unknown"}
_RELATIVE = re.compile(r"\b(ago|yesterday|today|tomorrow|now|last|next)\b", re.I)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
# Zone abbreviations news sites print, as offsets from UTC in hours (dateutil knows none of them).
_ZONES = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}
_TZINFOS = {name: hours * 3600 for name, hours in _ZONES.items()}


def parse_date(value: object, *, dayfirst: bool = False) -> pd.Timestamp | None:
    """Parse one date string to a UTC timestamp, ``None`` when it is not a date.

    A date without a zone is taken as UTC; a date without a time is midnight UTC.

    Args:
        value: A string (or anything with a string form).
        dayfirst: Read ``08/07/2022`` as 8 July rather than August 7.
    """
    text = _clean(value)
    if text is None or _RELATIVE.search(text):
        return None
    if _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return pd.Timestamp(datetime.fromtimestamp(seconds, tz=UTC))
    for parse in (_iso, _dateutil, _dateparser):
        ts = parse(text, dayfirst)
        if ts is not None and 1800 <= ts.year <= 2200:
            return ts
    return None


def parse_dates(values: pd.Series, *, dayfirst: bool = False) -> pd.Series:
    """Parse a column of date strings to ``datetime64[ns, UTC]``; what fails is ``NaT``.

    Args:
        values: Raw date strings as received.
        dayfirst: See :func:`parse_date`.
    """
    raw = values.astype("string").fillna("")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fast = pd.to_datetime(
            raw.where(raw.str.match(r"^\d{4}-\d{2}-\d{2}")),
            format="ISO8601",
            utc=True,
            errors="coerce",
        )
    missing = fast.isna() & raw.str.strip().ne("")
    if missing.any():
        distinct = raw[missing].unique()
        parsed = {s: parse_date(s, dayfirst=dayfirst) for s in distinct}
        fast = fast.copy()
        fast[missing] = pd.to_datetime(raw[missing].map(parsed), utc=True)
    return fast.astype("datetime64[ns, UTC]")


def lacks_year(value: object, *, dayfirst: bool = False) -> bool:
    """Whether ``value`` reads as a date except that it gives no year (``July 8``, ``Friday``).

    Such a date is left missing by :func:`parse_date`; this tells the ingest report to
    ask for the year rather than call the date unreadable.

    Args:
        value: A raw date string.
        dayfirst: See :func:`parse_date`.
    """
    text = _clean(value)
    if text is None or _RELATIVE.search(text):
        return False
    parsed = _dateutil_fields(text, dayfirst)
    return parsed is not None and parsed.year == _NO_YEAR


def _clean(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.isoformat()
    text = str(value).strip()
    return None if text.lower() in _EMPTY else text


def _to_utc(ts: pd.Timestamp | datetime) -> pd.Timestamp:
    ts = pd.Timestamp(ts)
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def _iso(text: str, dayfirst: bool) -> pd.Timestamp | None:
    if not re.match(r"^\d{4}-\d{2}", text):
        return None
    try:
        return _to_utc(pd.Timestamp(text))
    except (ValueError, TypeError):
        return None


#: The year dateutil fills in when the text gives none; no news is dated 1 AD.
_NO_YEAR = 1


def _dateutil_fields(text: str, dayfirst: bool) -> datetime | None:
    """What dateutil reads in ``text``, with :data:`_NO_YEAR` where it gives no year."""
    from dateutil import parser

    try:
        return parser.parse(
            text, dayfirst=dayfirst, default=datetime(_NO_YEAR, 1, 1), tzinfos=_TZINFOS
        )
    except (ValueError, OverflowError, TypeError, parser.ParserError):
        return None


def _dateutil(text: str, dayfirst: bool) -> pd.Timestamp | None:
    parsed = _dateutil_fields(text, dayfirst)
    if parsed is None or parsed.year == _NO_YEAR:
        return None
    return _to_utc(parsed)


def _dateparser(text: str, dayfirst: bool) -> pd.Timestamp | None:
    if len(text) > 80 or not re.search(r"\d", text):
        return None
    import dateparser  # slow to import; only for the odd strings dateutil cannot read

    settings = {
        "DATE_ORDER": "DMY" if dayfirst else "MDY",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TO_TIMEZONE": "UTC",
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": True,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, settings=settings)
    return _to_utc(parsed) if parsed is not None else None
