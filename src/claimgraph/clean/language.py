"""Is a text in a language the pipeline reads? A cheap function-word test."""

from __future__ import annotations

import re

from claimgraph.errors import InputError

# The commonest English function words: in English prose they are about a third of all words.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "it",
        "with",
        "as",
        "was",
        "by",
        "at",
        "from",
        "be",
        "are",
        "this",
        "has",
        "have",
        "not",
        "but",
        "its",
        "their",
        "which",
        "were",
        "will",
        "an",
        "or",
        "had",
        "been",
        "who",
        "would",
        "they",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


def english_share(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    return sum(1 for w in words if w in _ENGLISH) / len(words) if words else 0.0


def require_english(text: str) -> str:
    """Return "en", or raise InputError when the text is not English."""
    if len(_WORD.findall(text)) < 20:
        raise InputError("too short: fewer than 20 words of text")
    if english_share(text) < 0.12:
        raise InputError("language not supported: the text does not look like English")
    return "en"
