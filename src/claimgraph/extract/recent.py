"""When "recent" dates a claim: only an act said to be recent, and only when nothing nearer does.

"Died in recent strikes", "during his recent visit": the act took place in the weeks before the
report, so the report's month dates it. "A recent interview", "recent reports suggest",
"recently planned" speak of a statement or a plan, not of an act the story tracks; and a
sentence that names its own date ("recently met on Tuesday") is dated by that. "Recent" is no
time expression of its own (time taggers leave it out: it names no point), only a claim's date.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.extract.anchor import Anchor
from claimgraph.records import DateSource, TimeRef

_RECENT = frozenset({"recent", "recently"})


def report_month(published: str | None, how: DateSource | None) -> str | None:
    """The month of the report's own date (from its metadata, dateline, URL or a feed's date
    window), which a recent act falls in; None for a year alone, or a date inferred from the
    text, which may lie long before the report."""
    anchor = Anchor.from_iso(published, "relative")
    if anchor is None or how is DateSource.INFERRED or anchor.grain == "year":
        return None
    return anchor.day.isoformat()[:7]


def is_recent(time: TimeRef) -> bool:
    """Whether a time is a recent act's ("recent", "recently")."""
    return time.text.lower() in _RECENT


def dating_times(
    sent: Span, times: Sequence[TimeRef], vocabulary: Vocabulary, month: str | None
) -> list[TimeRef]:
    """The times that may date the sentence's claims: its own, and when it names no date, the
    report's ``month`` for each "recent" or "recently" on an act of the vocabulary."""
    if month is None or any(t.kind == "date" and t.value for t in times):
        return list(times)
    recent = [
        TimeRef(t.text, month, "relative", t.idx, t.idx + len(t.text))
        for t in sent
        if t.lower_ in _RECENT and t.dep_ in ("amod", "advmod") and is_act(t.head, vocabulary)
    ]
    return [*times, *recent]


def is_act(token: Token, vocabulary: Vocabulary) -> bool:
    """Whether a verb or noun names one of the vocabulary's acts ("visit", "strikes", "deployed")."""
    lemma = token.lemma_.lower()
    if lemma in vocabulary.acts or lemma in vocabulary.families:
        return True
    return any(token.lower_ in family.forms for family in vocabulary.families.values())
