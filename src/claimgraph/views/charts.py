"""Charts of indicators: each reported value over time, its range, how firm it is, and its source.

``indicator_chart`` is a pure function from an ``Indicator`` to image bytes (SVG or PNG), so the
report and the web app draw the same picture. matplotlib's object API is used without pyplot:
no global figure state, safe in a server's threads.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from matplotlib import dates as mdates
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from claimgraph.figures import format_number
from claimgraph.records import Indicator, IndicatorPoint, Modality

# How firm a value is, as the reader should see it: firm figures solid, estimates hedged, plans hollow.
FIRMNESS = {
    Modality.ASSERTED: "reported",
    Modality.REPORTED: "reported",
    Modality.ESTIMATED: "estimated or hedged",
    Modality.HEDGED: "estimated or hedged",
    Modality.SPECULATIVE: "estimated or hedged",
    Modality.PLANNED: "target or plan",
    Modality.TARGET: "target or plan",
    Modality.DENIED: "denied",
}
STYLES = {
    "reported": {"marker": "o", "color": "#1f4e79", "filled": True},
    "estimated or hedged": {"marker": "D", "color": "#c55a11", "filled": True},
    "target or plan": {"marker": "s", "color": "#548235", "filled": False},
    "denied": {"marker": "X", "color": "#7f7f7f", "filled": True},
}
_SVG_RC: dict = {"svg.hashsalt": "claimgraph", "svg.fonttype": "path", "font.size": 9}


def indicator_chart(
    indicator: Indicator, sources: Mapping[str, str] | None = None, image_format: str = "svg"
) -> bytes:
    """The indicator's dated values as a chart (``image_format`` "svg" or "png").

    A range is drawn as a vertical bar, a date known only to the month or year as a horizontal
    bar over that period, and each point is labelled with its source (``sources`` maps a
    document id to a short label; the id's start is shown otherwise). Undated values cannot
    be placed on a time axis: the caption says how many were left out.
    """
    if image_format not in ("svg", "png"):
        raise ValueError(f"unknown chart format {image_format!r}; one of: svg, png")
    labels = dict(sources or {})
    placed = _merged(indicator.points, labels)
    with rc_context(_SVG_RC):
        figure = Figure(figsize=(8.4, 4.1), dpi=110, layout="constrained")
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        seen: set[str] = set()
        for point, (start, end), _ in placed:
            _draw_point(axes, point, start, end, seen)
        _style_axes(axes, indicator, [(p, span) for p, span, _ in placed])
        left_out = len(indicator.points) - sum(len(names) for _, _, names in placed)
        if not placed:
            axes.text(0.5, 0.5, "no dated value yet", ha="center", va="center", transform=axes.transAxes)
        if left_out:
            note = f"{left_out} undated value{'s' if left_out != 1 else ''} not drawn"
            figure.text(0.99, 0.01, note, ha="right", va="bottom", fontsize=7.5, color="#555555")
        canvas.draw()  # lays the axes out, so labels can be placed where they do not collide
        _label_points(axes, canvas.get_renderer(), placed)
        buffer = io.BytesIO()
        metadata = {"Date": None} if image_format == "svg" else {}  # the same store draws the same bytes
        figure.savefig(buffer, format=image_format, metadata=metadata)
    return buffer.getvalue()


def period_of(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO day, month or year covers; None when it is none of those."""
    if not value:
        return None
    try:
        if len(value) == 4:
            year = int(value)
            return date(year, 1, 1), date(year, 12, 31)
        if len(value) == 7:
            start = date.fromisoformat(value + "-01")
            following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, following - timedelta(days=1)
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day, day


Placed = tuple[IndicatorPoint, tuple[date, date], list[str]]
# Where a label may go around its point, in points: right and above first, then further out.
_LABEL_OFFSETS = [(6, 6), (6, -14), (6, 18), (6, -26), (6, 30), (-8, 6), (6, 42), (6, -38)]


def _merged(points: Sequence[IndicatorPoint], labels: Mapping[str, str]) -> list[Placed]:
    """Dated points, one per distinct (date, value, firmness), with every source that gave it:
    syndicated copies are one mark with their outlets, not a pile of marks."""
    merged: dict[tuple, Placed] = {}
    for point in points:
        span = period_of(point.date)
        if span is None:
            continue
        key = (point.date, point.low, point.high, FIRMNESS.get(point.modality, "reported"))
        name = labels.get(point.document_id, point.document_id[:10])
        merged.setdefault(key, (point, span, []))[2].append(name)
    return list(merged.values())


def _label_points(axes, renderer, placed: list[Placed]) -> None:
    """Each point's sources beside it, at the first offset where the label overlaps no other label."""
    taken: list = []
    for point, (start, end), names in sorted(placed, key=lambda p: (p[1][0], p[0].high)):
        distinct = list(dict.fromkeys(names))
        text = _shorten(distinct[0]) + (f" +{len(distinct) - 1}" if len(distinct) > 1 else "")
        if len(names) > len(distinct):
            text += f" ×{len(names)}" if len(distinct) == 1 else ""
        label = None
        for offset in _LABEL_OFFSETS:
            if label is not None:
                label.remove()
            label = axes.annotate(
                text,
                (_middle(start, end), point.high),
                xytext=offset,
                textcoords="offset points",
                fontsize=7.5,
                color="#333333",
                ha="left" if offset[0] > 0 else "right",
            )
            box = label.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in taken):
                break
        if label is not None:
            taken.append(label.get_window_extent(renderer))


def _draw_point(axes, point: IndicatorPoint, start: date, end: date, seen: set[str]) -> None:
    firmness = FIRMNESS.get(point.modality, "reported")
    style = STYLES[firmness]
    x = _middle(start, end)
    middle = (point.low + point.high) / 2
    axes.errorbar(
        [x],
        [middle],
        yerr=[[middle - point.low], [point.high - middle]] if point.high != point.low else None,
        xerr=[[x - start], [end - x]] if end != start else None,
        fmt=style["marker"],
        color=style["color"],
        markerfacecolor=style["color"] if style["filled"] else "white",
        markersize=7,
        elinewidth=1.6,
        capsize=3,
        label=None if firmness in seen else firmness,
        zorder=3,
    )
    seen.add(firmness)


def _style_axes(axes, indicator: Indicator, placed: list[tuple[IndicatorPoint, tuple[date, date]]]) -> None:
    rate = f" per {indicator.per}" if indicator.per else ""
    axes.set_title(indicator.name, loc="left", fontsize=11, fontweight="bold")
    axes.set_ylabel(f"{indicator.unit}s{rate}" if indicator.unit != "share" else "share")
    axes.grid(True, axis="y", color="#dddddd", linewidth=0.8)
    axes.spines[["top", "right"]].set_visible(False)
    unit = indicator.unit
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_number(v, unit)))
    if not placed:
        axes.set_xticks([])
        axes.set_yticks([])
        return
    highest = max(p.high for p, _ in placed)
    axes.set_ylim(0, highest * 1.3 or 1)  # counts start at zero, with room for the labels
    first = min(s for _, (s, _) in placed)
    last = max(e for _, (_, e) in placed)
    margin = max(timedelta(days=20), (last - first) * 0.08)
    axes.set_xlim(first - margin, last + margin * 2.5)  # room on the right for the last label
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.figure.legend(loc="outside lower left", fontsize=8, frameon=False, ncols=4)


def _middle(start: date, end: date) -> date:
    return start + (end - start) / 2


def _shorten(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
