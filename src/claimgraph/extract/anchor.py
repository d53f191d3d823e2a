"""The reference date relative time expressions are resolved against.

The publication date when the report's metadata, dateline or URL gives one.
Otherwise a date inferred from the text: the latest date it names with a year,
moved on by the newsroom convention of writing the year only for dates outside
the current one (AP style) — a text that writes "in June 2024" beside a bare
"June 4" is written after June 2024 (else it would say "this month"), so its
"June 4" is in the year after.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Anchor:
    """A reference date: the last day of its grain, so a month anchor covers the whole month."""

    day: date
    grain: str  # "day", "month" or "year"
    how: str  # "relative" (to the publication date) or "inferred" (from the text)

    @classmethod
    def from_iso(cls, value: str | None, how: str) -> Anchor | None:
        parts = _parts(value)
        if parts is None:
            return None
        year, month, day = parts
        if month is None:
            return cls(date(year, 12, 31), "year", how)
        if day is None:
            return cls(date(year, month, calendar.monthrange(year, month)[1]), "month", how)
        return cls(date(year, month, day), "day", how)


def choose_anchor(
    absolutes: Sequence[str | None],
    yearless: Sequence[tuple[int, int | None] | None],
    hint: str | None = None,
) -> Anchor | None:
    """Infer the date a text was written from the dates it names.

    ``absolutes`` are ISO values of dates given with their year, ``yearless`` the
    (month, day) of dates given without, and ``hint`` a date inferred upstream
    (a lower bound, like an absolute date). None when the text names no year.
    """
    dated = [p for p in (_parts(v) for v in [*absolutes, hint]) if p is not None]
    if not dated:
        return None
    latest_year = max(year for year, _, _ in dated)
    bare = [item for item in yearless if item is not None]
    # Only "June 2024" (a month with its year) says the year is past; a full date may be the dateline.
    months_with_year = {month for year, month, day in dated if year == latest_year and month and not day}
    year = latest_year + 1 if any(month in months_with_year for month, _ in bare) else latest_year
    # A year alone sorts after its months: "2024" may mean any day of it.
    candidates = [(m or 13, d or 0) for y, m, d in dated if y == year]
    candidates += [(month, day or 0) for month, day in bare]
    month, day = max(candidates, default=(13, 0))
    if month == 13:
        return Anchor(date(year, 12, 31), "year", "inferred")
    if day:
        return Anchor(date(year, month, day), "day", "inferred")
    return Anchor.from_iso(f"{year:04d}-{month:02d}", "inferred")


def _parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    pieces = value[:10].split("-")
    try:
        numbers = [int(p) for p in pieces if p]
        year = numbers[0]
        month = numbers[1] if len(numbers) > 1 else None
        day = numbers[2] if len(numbers) > 2 else None
        date(year, month or 1, day or 1)
    except (ValueError, IndexError):
        return None
    return year, month, day
