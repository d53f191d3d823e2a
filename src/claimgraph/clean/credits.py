"""The original source a report credits: "Original Source: www.twz.com", "Via: NHK", "(citing Reuters)".

A credit line is page furniture, so it leaves the body; the name it gives is
kept as the document's original source.
"""

from __future__ import annotations

import re

_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:original\s+source|source|via|citing|h/t|"
    r"originally\s+(?:published|appeared)\s+(?:by|at|on|in)|"
    r"this\s+(?:article|story|report)\s+(?:was\s+)?(?:first\s+|originally\s+)?"
    r"(?:appeared|published)\s+(?:on|in|at|by))\s*:?\s+(?P<source>[^()]{2,120}?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)
_MAX_WORDS = 12  # longer lines are sentences of the article that happen to start "Source"


def is_credit_line(line: str) -> bool:
    return len(line.split()) <= _MAX_WORDS and _CREDIT_LINE.match(line) is not None


def credited_source(lines: list[str]) -> str | None:
    """The source named by the last credit line (credits close an article)."""
    for line in reversed(lines):
        if is_credit_line(line):
            match = _CREDIT_LINE.match(line)
            if match:
                return match.group("source").strip()
    return None


def split_credits(lines: list[str]) -> tuple[list[str], str | None]:
    """The lines without their credit lines, and the source credited."""
    kept = [line for line in lines if not is_credit_line(line)]
    return kept, credited_source(lines)
