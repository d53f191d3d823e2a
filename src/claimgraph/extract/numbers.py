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
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALE_SHORT = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

# Vague amounts read as the range a careful reader would allow.
VAGUE = {
    "tens of thousands": (10_000, 99_999),
    "hundreds of thousands": (100_000, 999_999),
    "several thousand": (2_000, 9_999),
    "a few thousand": (2_000, 5_000),
    "thousands": (1_000, 9_999),
    "several hundred": (200, 999),
    "a few hundred": (200, 500),
    "hundreds": (100, 999),
    "dozens": (24, 99),
    "a dozen": (12, 12),
    "several dozen": (36, 99),
    "millions": (1_000_000, 9_999_999),
}
FRACTIONS = {
    "half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "a quarter": 0.25,
    "two thirds": 2 / 3,
}
VAGUE_PATTERN = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


def parse_digits(text: str) -> float | None:
    """ "25,000" -> 25000.0; "1.5" -> 1.5; "3k" -> 3000.0; None when not a number."""
    cleaned = text.strip().lower()
    scale = 1
    for suffix, value in _SCALE_SHORT.items():
        if cleaned.endswith(suffix) and cleaned[: -len(suffix)][-1:].isdigit():
            cleaned, scale = cleaned[: -len(suffix)], value
            break
    if not _DIGITS.match(cleaned):
        return None
    return float(cleaned.replace(",", "")) * scale


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
