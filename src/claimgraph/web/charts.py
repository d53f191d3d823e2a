"""Indicator charts as inline SVG geometry: reported values over time, targets apart.

Drawn here rather than with a charting library: a handful of points and two axes, no
script, nothing fetched, and the page's Content-Security-Policy needs no exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimgraph.figures import format_number, format_range
from claimgraph.records import Indicator, Modality

WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 36
# How a value is put: a target or plan is drawn hollow, so it never reads as a current figure.
FIRM = {Modality.ASSERTED, Modality.REPORTED, Modality.ESTIMATED}


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    y_high: float  # the top of a range; equal to y for a single value
    css: str
    label: str
    claim_id: str


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str
    anchor: str = "end"  # where the label sits against its mark (SVG text-anchor)


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    width: int
    height: int
    points: list[Point]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    line: str  # SVG polyline points through the firm values, in date order
    undated: int  # points left out for want of a date
    baseline: float
    left: float
    right: float


def day_of(value: str | None) -> date | None:
    """An ISO day, month (its 15th) or year (July 1st) as a day; None when not a date."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
    except ValueError:
        return None


def _tick(value: float, unit: str) -> float:
    """A tick's value as labelled: counts and money whole, shares as they fall (0.5%)."""
    return value if unit == "share" else round(value)


def chart(indicator: Indicator) -> Chart:
    rate = f" per {indicator.per}" if indicator.per else ""
    title = f"{indicator.name} ({indicator.unit}{rate})"
    dated = [(day_of(p.date), p) for p in indicator.points]
    points = [(d, p) for d, p in dated if d is not None]
    undated = len(dated) - len(points)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    if not points:
        return Chart(title, WIDTH, HEIGHT, [], [], [], "", undated, TOP + plot_h, LEFT, WIDTH - RIGHT)
    first, last = min(d for d, _ in points), max(d for d, _ in points)
    span = max((last - first).days, 1)
    top = max(p.high for _, p in points) * 1.1 or 1.0

    def x_of(day: date) -> float:
        if first == last:
            return LEFT + plot_w / 2
        return round(LEFT + plot_w * (day - first).days / span, 1)

    def y_of(value: float) -> float:
        return round(TOP + plot_h * (1 - value / top), 1)

    drawn = []
    for day, p in points:
        firm = p.modality in FIRM
        value = format_range(p.low, p.high, indicator.unit)
        drawn.append(
            Point(
                x_of(day),
                y_of(p.low),
                y_of(p.high),
                "point-firm" if firm else "point-aim",
                f"{p.date}: {value} ({p.modality})",
                p.claim_id,
            )
        )
    line = " ".join(f"{pt.x},{pt.y}" for pt in drawn if pt.css == "point-firm")
    y_ticks = [
        Tick(y_of(top * k / 4), format_number(_tick(top * k / 4, indicator.unit), indicator.unit))
        for k in range(5)
    ]
    x_ticks = [Tick(x_of(first), first.isoformat()[:7], "start" if last != first else "middle")]
    if last != first:
        x_ticks.append(Tick(x_of(last), last.isoformat()[:7], "end"))
    return Chart(
        title, WIDTH, HEIGHT, drawn, x_ticks, y_ticks, line, undated, TOP + plot_h, LEFT, WIDTH - RIGHT
    )
