"""Numbers written in digits or words, and vague amounts, as (low, high) ranges."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
_SCALE_SHORT = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}
# Abbreviated scales written as a word of their own ("$5 bn", "EUR 300 m"); "m" and "k" are
# also metres and kelvins, so they scale an amount only where a currency says it is money.
SCALE_WORDS = {"mn": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000}
ALL_SCALES = SCALES | SCALE_WORDS  # written out or abbreviated: "million", "mn"
MONEY_SCALE_WORDS = SCALE_WORDS | {"m": 1_000_000, "k": 1_000, "b": 1_000_000_000}


def _vague_scales() -> dict[str, tuple[int, int]]:
    """ "thousands", "tens of millions", "several hundred", "a few billion" for every scale."""
    vague: dict[str, tuple[int, int]] = {}
    for word, size in SCALES.items():
        vague[f"several {word}"] = (2 * size, 10 * size - 1)
        vague[f"a few {word}"] = (2 * size, 5 * size)
        vague[f"{word}s"] = (size, 10 * size - 1)
        if size >= 1_000:
            vague[f"tens of {word}s"] = (10 * size, 100 * size - 1)
            vague[f"hundreds of {word}s"] = (100 * size, 1_000 * size - 1)
    return vague


# Vague amounts read as the range a careful reader would allow.
VAGUE = _vague_scales() | {
    "dozens": (24, 99),
    "a dozen": (12, 12),
    "several dozen": (36, 99),
}
FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "one-third": 1 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "three quarters": 0.75,
    "three-quarters": 0.75,
    "a fifth": 0.2,
    "one fifth": 0.2,
    "a tenth": 0.1,
    "one tenth": 0.1,
}
VAGUE_PATTERN = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
# Signs written before a number: about (~), below or above (<, >), at most or least (≤, ≥).
SIGNS = {
    "~": "about", "∼": "about", "≈": "about", "<": "under", ">": "over", "≤": "up to",
    "⩽": "up to", "≥": "at least", "⩾": "at least",
}  # fmt: skip
_MINUS = ("-", "−", "–")
_RANGE = re.compile(r"^([^–—-]+)[–—-]([^–—-]+)$")


def parse_digits(text: str) -> float | None:
    """ "25,000" -> 25000.0; "1.5" -> 1.5; "3k" -> 3000.0; "−57" -> -57.0; None when not a number."""
    cleaned = text.strip().lower().lstrip("".join(SIGNS))
    if cleaned[:1] in _MINUS and cleaned[1:2].isdigit():
        value = parse_digits(cleaned[1:])
        return None if value is None else -value
    scale = 1
    for suffix, value in _SCALE_SHORT.items():
        if cleaned.endswith(suffix) and cleaned[: -len(suffix)][-1:].isdigit():
            cleaned, scale = cleaned[: -len(suffix)], value
            break
    if not _DIGITS.match(cleaned):
        return None
    return float(cleaned.replace(",", "")) * scale


def parse_range(text: str) -> tuple[float, float] | None:
    """ "15–35" or "200-250" written as one word -> (15.0, 35.0); None when not a range."""
    match = _RANGE.match(text.strip().lstrip("".join(SIGNS)))
    if not match:
        return None
    low, high = parse_digits(match.group(1)), parse_digits(match.group(2))
    if low is None or high is None or low >= high:
        return None
    return low, high


def leading_sign(text: str) -> str | None:
    """The qualifier a sign glued before a number stands for: "~20" -> "about"."""
    return SIGNS.get(text[:1]) if len(text) > 1 and text[1:2].isdigit() else None


def parse_words(words: list[str]) -> float | None:
    """ "three thousand" -> 3000.0; "a hundred" -> 100.0; None when not a number."""
    total, current, seen = 0.0, 0.0, False
    for word in (w.lower().replace("-", " ") for w in words):
        for part in word.split():
            if part in ("a", "an") and not seen:
                current, seen = 1.0, True
            elif part in _UNITS:
                current, seen = current + _UNITS[part], True
            elif part in SCALES and seen:
                current = max(current, 1.0) * SCALES[part]
                if SCALES[part] >= 1_000:
                    total, current = total + current, 0.0
            elif part == "and" and seen:
                continue
            else:
                return None
    return total + current if seen else None


def is_number_word(word: str) -> bool:
    parts = word.lower().replace("-", " ").split()
    return bool(parts) and all(p in _UNITS or p in SCALES for p in parts)


# What joins two vague amounts into one growing range: "thousands, then tens of thousands".
_JOINED_RANGE = re.compile(r"^\s*,?\s*(then|or|to|and|and even|or even|even)\s*$", re.IGNORECASE)


def scale_of(text: str) -> float:
    """The scale word a written number carries ("3 million" -> 1,000,000), else 1."""
    words = text.lower().split()
    return next((ALL_SCALES[w] for w in words if w in ALL_SCALES), 1)


def vague_amounts(text: str) -> list[tuple[int, int, float, float]]:
    """Vague amounts as ranges; "thousands, then tens of thousands" is one growing range."""
    amounts: list[tuple[int, int, float, float]] = []
    for match in VAGUE_PATTERN.finditer(text):
        low, high = VAGUE[match.group(1).lower()]
        if amounts and _JOINED_RANGE.match(text[amounts[-1][1] : match.start()]):
            amounts[-1] = (amounts[-1][0], match.end(), amounts[-1][2], float(high))
        else:
            amounts.append((match.start(), match.end(), float(low), float(high)))
    return amounts
