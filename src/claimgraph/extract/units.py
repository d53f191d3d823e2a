"""Units written as symbols or codes: currencies before an amount, measures after it.

A currency is told by Unicode's currency-symbol class ("$", "€", "₽", "US$", "AU$") or an
ISO 4217 code ("EUR", "RUB"); a measure symbol ("km", "°C", "kWh", "MW") by an SI prefix
on a base unit, so that "300 m" reads as metres while "€300 m" is money.
"""

from __future__ import annotations

import unicodedata

_SYMBOLS = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₩": "KRW",
    "₴": "UAH", "₺": "TRY", "₪": "ILS", "﷼": "IRR",
}  # fmt: skip
# Dollars of other countries: the letters before "$" name the country.
_DOLLAR_PREFIXES = {
    "us": "USD", "u.s.": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "can": "CAD",
    "hk": "HKD", "nz": "NZD", "s": "SGD", "r": "BRL", "nt": "TWD",
}  # fmt: skip
ISO_CODES = frozenset([
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "INR", "KRW", "KPW", "UAH", "TRY", "ILS", "IRR",
    "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "BRL", "SAR", "AED",
])  # fmt: skip
# Currency names after an amount ("3 billion roubles"), as their codes.
CURRENCY_NAMES = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rouble": "RUB", "ruble": "RUB", "rupee": "INR", "hryvnia": "UAH",
    "hryvnias": "UAH", "rial": "IRR", "lira": "TRY", "shekel": "ILS", "franc": "CHF",
}  # fmt: skip

_SI_PREFIXES = ("", "k", "M", "G", "T", "m", "μ", "µ", "n", "c")
_SI_BASES = ("m", "g", "W", "Wh", "V", "Hz", "eV", "Pa", "bar", "J", "L", "mol")
# Single letters are too often something else ("Plan B", "Group A") to be units alone.
MEASURE_SYMBOLS = frozenset(
    {p + b for p in _SI_PREFIXES for b in _SI_BASES if len(p + b) > 1}
    | {"m", "g", "K", "°", "°C", "°F", "‰", "kt", "mph", "km/h", "kph", "ha", "nm"}
)


def currency(text: str) -> str | None:
    """The ISO code of a currency written before an amount: "$" -> USD, "AU$" -> AUD."""
    lowered = text.lower()
    if text in ISO_CODES or lowered in ("usd", "eur"):
        return text.upper()
    if not text or unicodedata.category(text[-1]) != "Sc":
        return None
    if len(text) == 1:
        return _SYMBOLS.get(text, text)
    if text.endswith("$"):
        return _DOLLAR_PREFIXES.get(lowered[:-1])
    return None


def measure_symbol(text: str) -> str | None:
    """The unit a symbol after an amount names ("km", "°C", "MW"), or None."""
    return text if text in MEASURE_SYMBOLS else None
