"""Amounts as comparable ranges: how far a figure's qualifier and its rounding let it stretch.

"about 11,000" and "over 11,000" agree; "3,000" and "11,000" do not; and neither do
"about 13,000" and "approximately 14,000": a source that rounds to the thousand says which
thousand, so a rounded figure stretches at most about half its rounding step either way.
"""

from __future__ import annotations

from claimgraph.figures import format_range
from claimgraph.records import Quantity

# How far a qualifier widens a figure, as factors of its low and high ends.
WIDEN: dict[str, tuple[float, float]] = {
    "about": (0.95, 1.05), "around": (0.95, 1.05), "approximately": (0.95, 1.05), "roughly": (0.95, 1.05),
    "some": (0.95, 1.05), "an estimated": (0.95, 1.05), "estimated": (0.95, 1.05), "close to": (0.9, 1.0),
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "over": (1.0, 1.2), "more than": (1.0, 1.2),
    "at least": (1.0, 1.3), "up to": (0.6, 1.0), "as many as": (0.7, 1.0), "under": (0.8, 1.0),
    "less than": (0.8, 1.0), "fewer than": (0.8, 1.0),
}  # fmt: skip
EXACT = (0.98, 1.02)
# Qualifiers that say a figure is rounded, either way: its rounding step bounds how far it stretches.
ROUNDED = frozenset({"about", "around", "approximately", "roughly", "some", "an estimated", "estimated"})
# Qualifiers that bound a figure on one side: "over 12,000" is short of the next rounding step, 13,000.
ABOVE = frozenset({"over", "more than", "at least"})
BELOW = frozenset({"nearly", "almost", "under", "less than", "fewer than", "close to"})
# Just under half a step: "about 13,000" (12,550 to 13,450) and "about 14,000" never meet.
HALF_STEP = 0.45


def widened(quantity: Quantity) -> tuple[float, float]:
    """The range a figure stands for once its qualifier and rounding are allowed for."""
    qualifier = (quantity.qualifier or "").lower()
    lf, hf = WIDEN.get(qualifier, EXACT)
    low, high = min(quantity.low, quantity.high) * lf, max(quantity.low, quantity.high) * hf
    if qualifier in ROUNDED and quantity.low == quantity.high:
        reach = HALF_STEP * rounding_step(quantity.low)
        low, high = max(low, quantity.low - reach), min(high, quantity.high + reach)
    elif qualifier in ABOVE:
        high = min(high, quantity.high + rounding_step(quantity.high))
    elif qualifier in BELOW:
        low = max(low, quantity.low - rounding_step(quantity.low))
    return low, high


def rounding_step(value: float) -> float:
    """The place a whole number is rounded to: 13,000 → 1,000; 4,700 → 100; 350 → 10; 7 → 1.
    A figure of one significant digit (3,000) may be rounded to anything: no step bounds it."""
    if value <= 0 or value != int(value):
        return float("inf")
    number, step = int(value), 1
    while number % 10 == 0:
        number //= 10
        step *= 10
    return float("inf") if number < 10 else float(step)


def normalise_unit(unit: str) -> str:
    """ "Soldiers" -> "soldier": what is counted, singular and lower case (currencies stay upper)."""
    unit = unit.strip()
    if unit.isupper():
        return unit
    unit = unit.lower()
    if unit.endswith("ies") and len(unit) > 4:
        return unit[:-3] + "y"
    if unit.endswith("s") and not unit.endswith("ss") and len(unit) > 3:
        return unit[:-1]
    return unit


def describe_amount(quantity: Quantity) -> str:
    """ "about 11,000", "2,000–9,999": the figure as words, with its qualifier."""
    share = "share" if normalise_unit(quantity.unit) == "share" else None  # 0.7% is not shown as 1%
    amount = format_range(quantity.low, quantity.high, share) if share else format_number(quantity.low)
    if quantity.high != quantity.low and not share:
        amount = f"{amount}–{format_number(quantity.high)}"
    return f"{quantity.qualifier} {amount}" if quantity.qualifier else amount


def format_number(value: float) -> str:
    if 0 < value < 1:
        return f"{value:.0%}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
