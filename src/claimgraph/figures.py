"""Figures as a reader sees them: one way to show a number, a share or a sum of money.

Every view (terminal, report, charts, web) shows figures through these functions, so
"0.7 per cent" reads 0.7% everywhere and "$2,500,000" reads $2.5m. Imports nothing of ours,
so any stage may use it.
"""

from __future__ import annotations

import math

# A currency's symbol written before the amount; other currencies show their ISO code after it.
_CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
# Scales a sum of money is shortened to, largest first: "$2.5m", "$1.2bn", "$3tn".
_MONEY_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
SIGNIFICANT_DIGITS = 3


def is_currency(unit: str | None) -> bool:
    """An ISO 4217 code, as extraction writes a currency ("USD", "RUB")."""
    return unit is not None and len(unit) == 3 and unit.isalpha() and unit.isupper()


def _significant(value: float, digits: int = SIGNIFICANT_DIGITS) -> str:
    """ "0.7", "12.5", "1,250": a value to a few significant digits, never in exponent form.

    Whole digits are never rounded away (1,250 stays 1,250); trailing zeros are dropped.
    """
    if value == 0:
        return "0"
    decimals = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
    shown = f"{value:,.{decimals}f}"
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def format_share(value: float) -> str:
    """A share as a percentage with the precision it was given: 0.007 -> "0.7%", 0.02 -> "2%"."""
    return f"{_significant(value * 100)}%"


def format_money(value: float, unit: str) -> str:
    """A sum rounded as a reader says it: "$800", "$25,000", "$2.5m", "€1.2bn", "300m RUB"."""
    amount = f"{value:,.0f}" if value == int(value) or abs(value) >= 100 else f"{value:,.2f}"
    for scale, suffix in _MONEY_SCALES:
        if abs(value) >= scale:
            amount = f"{_significant(value / scale)}{suffix}"
            break
    symbol = _CURRENCY_SYMBOLS.get(unit)
    return f"{symbol}{amount}" if symbol else f"{amount} {unit}"


def format_count(value: float) -> str:
    """A count or measure: whole numbers with separators, fractions to a few digits: "1,200", "2.5"."""
    if value == int(value):
        return f"{value:,.0f}"
    return _significant(value)


def format_number(value: float, unit: str | None = None) -> str:
    """One amount in the style its unit calls for: a share, a sum of money, or a count."""
    if unit == "share":
        return format_share(value)
    if is_currency(unit):
        return format_money(value, unit or "")
    return format_count(value)


def format_range(low: float, high: float, unit: str | None = None) -> str:
    """ "107", "2,000–9,999", "0.7%–1%": an amount, or a range of two."""
    if low == high:
        return format_number(low, unit)
    return f"{format_number(low, unit)}–{format_number(high, unit)}"


def unit_suffix(unit: str | None) -> str:
    """What follows the amount to name what it counts: a share's "%" and money's symbol say it already."""
    if not unit or unit == "share" or is_currency(unit):
        return ""
    return f" {unit}"


def format_figure(
    low: float, high: float, unit: str | None, qualifier: str | None = None, per: str | None = None
) -> str:
    """ "about 107 ship", "$2.5m per month", "0.7%": a figure in full, as every view shows it."""
    lead = f"{qualifier} " if qualifier else ""
    rate = f" per {per}" if per else ""
    return f"{lead}{format_range(low, high, unit)}{unit_suffix(unit)}{rate}"
