"""The headline of a plain-text scrape, chosen among the lines above the article by what a headline is.

A headline is a line of a few words to a long sentence's length, not closed by
a full stop (an abbreviation's point aside: "at 2 a.m."), that is not page
furniture (an interface label, image metadata, an audio notice, a date label,
a byline, a dateline, a bare name). Pages put it first, often print it twice
(the page title and the article heading), and set it just above the byline or
the body; each of these counts for a line, and the best line wins, the earlier
on a tie. Judged by features alone, never by known strings of known sites.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence

_WORD = re.compile(r"[^\W_][\w'’\-]*")
_MIN_WORDS, _MAX_WORDS = 4, 40
# A closing point that belongs to an abbreviation, not to a sentence: "2 a.m.", "the U.S.", "Jr."
_ABBREVIATION_END = re.compile(
    r"(?:\b[a-z]\.[a-z]\.|\b[A-Z]\.(?:[A-Z]\.)*|\b(?:Jr|Sr|Inc|Co|Ltd|Corp|St|No|Mt|vs|Gen|Lt|Col|Dr)\.)$"
)
# Function words: a headline is a phrase or a clause; a row of menu labels has none.
_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as", "and", "or", "but",
     "is", "are", "was", "were", "be", "will", "would", "could", "may", "after", "before", "over", "under",
     "into", "amid", "against", "about", "says", "say", "said"]
)  # fmt: skip


def reads_as_headline(line: str) -> bool:
    """Whether a line has a headline's shape: length, a capital to start, no full stop to close."""
    words = _WORD.findall(line)
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or line.endswith(":") or ends_sentence(line):
        return False
    first = words[0][0]
    return first.isupper() or first.isdigit()  # "Strike ends …", "9,000 workers end …"


def ends_sentence(line: str) -> bool:
    """Whether a line closes with a sentence's full stop (not an abbreviation's point)."""
    return line.rstrip('"”’)»').endswith(".") and not _ABBREVIATION_END.search(line)


def choose_headline(
    head: Sequence[str],
    furniture: Callable[[str], bool],
    repeated: Collection[str],
    not_title: Collection[str] = (),
) -> str | None:
    """The headline among the lines above the body, or None when none reads as one.

    ``furniture`` tells page furniture; ``repeated`` holds the lines the page prints
    more than once; ``not_title`` the lines that gave the byline, the outlet or a dateline.
    """
    candidates = [
        i
        for i, line in enumerate(head)
        if line not in not_title and not furniture(line) and reads_as_headline(line)
    ]
    if not candidates:
        return None
    first, last = candidates[0], candidates[-1]
    twice = {_fold(line) for line in repeated}

    def score(at: int) -> int:
        line = head[at]
        words = [w.lower() for w in _WORD.findall(line)]
        return (
            2 * (at == first)  # the first line that reads as one: pages open with it
            + 2 * (_fold(line) in twice)  # printed twice: the page title and the heading
            + (at == last)  # set just above the byline, dateline or body
            + any(w in _FUNCTION_WORDS for w in words)  # a phrase, not a row of labels
        )

    best = max(candidates, key=lambda at: (score(at), -at))
    return head[best]


def repeated_lines(lines: Sequence[str]) -> set[str]:
    """Lines (folded) the page prints more than once."""
    counts = Counter(_fold(line) for line in lines)
    return {text for text, count in counts.items() if count > 1}


def _fold(line: str) -> str:
    return " ".join(line.casefold().split())
