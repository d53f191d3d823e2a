"""The report's rows, ordered for a reader: pure functions over records, no store, no markup.

Quotes are deduplicated by sentence: a syndicated story repeats a sentence word for word, and
quoting it once with the other reports that carry it keeps a section readable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from claimgraph.figures import format_figure, format_range, unit_suffix
from claimgraph.records import Claim, ClaimGroup, Document, Finding, FindingKind, Grade, Membership, Modality

RELIABILITY = "ABCDEF"
CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
FIRM_WORDS = {
    Modality.PLANNED: "plan",
    Modality.TARGET: "target",
    Modality.ESTIMATED: "estimate",
    Modality.HEDGED: "hedged",
    Modality.SPECULATIVE: "speculative",
    Modality.DENIED: "denied",
}


@dataclass(frozen=True, slots=True)
class Quote:
    """A claim as a reader sees it: its sentence, its report and whose word it is."""

    claim: Claim
    document: Document | None
    label: str  # the report, as a reader knows it
    origin: str | None  # whose word, traced through relays
    date: str | None  # when the claim holds: its own time, else its report's date
    new: bool = False
    also: tuple[str, ...] = ()  # other reports carrying the same sentence word for word


Quoter = Callable[[Claim | str | None], Quote | None]


@dataclass(frozen=True, slots=True)
class Side:
    """One position in a dispute ("denies", "2,000 drone per month"), with the claims taking it."""

    label: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A figure as reported across reports: the range of values, the grade and the sources."""

    what: str  # the proposition, or the measure of a single report's figure
    span: str  # "2,000–2,700 drone per month"
    values: tuple[str, ...]  # each distinct value reported, with how firm when not plainly reported
    grade: Grade | None
    sources: tuple[tuple[str, str], ...]  # (document id, label) of each report giving it
    latest: str | None
    new: bool
    example: Quote
    single: bool = False  # one report's figure, in no claim group: nothing to grade it against


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str
    quote: Quote


RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
# The order a reader needs: disputes, then figures to read with care, then confirmations.
KIND_ORDER = (
    FindingKind.CONTRADICTION,
    FindingKind.TENSION,
    FindingKind.UPDATE,
    FindingKind.CORROBORATION,
    FindingKind.REPEAT,
)


def grade_words(grade: Grade | None) -> str:
    """ "probably true; source usually reliable", or "not graded"."""
    if grade is None:
        return "not graded"
    credibility = CREDIBILITY.get(grade.credibility, "")
    reliability = RELIABILITY_WORDS.get(grade.reliability, "")
    return f"{credibility}; source {reliability}"


def kinds_by_urgency(findings: Iterable[Finding]) -> list[FindingKind]:
    """The kinds of the findings, each once, the most pressing first."""
    return sorted({f.kind for f in findings}, key=KIND_ORDER.index)


def grade_key(grade: Grade | None) -> tuple[int, int]:
    """Most credible first, then the most reliable source; ungraded last."""
    if grade is None:
        return (9, 9)
    reliability = RELIABILITY.index(grade.reliability) if grade.reliability in RELIABILITY else 9
    return (grade.credibility, reliability)


def group_latest(group: ClaimGroup, memberships: Mapping[str, Membership]) -> str | None:
    dates = [m.date for i in group.claim_ids if (m := memberships.get(i)) is not None and m.date]
    return max(dates) if dates else None


def rank_groups(groups: Iterable[ClaimGroup], memberships: Mapping[str, Membership]) -> list[ClaimGroup]:
    """By grade (most credible, then most reliable, first), then the most recent first."""
    newest_first = sorted(groups, key=lambda g: group_latest(g, memberships) or "", reverse=True)
    return sorted(newest_first, key=lambda g: grade_key(g.grade))  # stable: recency breaks grade ties


def unique_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """Each sentence once, with the other reports that carry it word for word."""
    first: dict[str, Quote] = {}
    for quote in quotes:
        key = " ".join(quote.claim.text.split())
        if key not in first:
            first[key] = quote
        elif quote.label != first[key].label and quote.label not in first[key].also:
            shown = first[key]
            first[key] = replace(shown, also=(*shown.also, quote.label), new=shown.new or quote.new)
    return list(first.values())


def side_label(claim: Claim) -> str:
    """The position a claim takes, in words: a denial, a figure, a date, or an assertion."""
    if claim.modality == Modality.DENIED or claim.negated:
        return "denies"
    words = FIRM_WORDS.get(claim.modality)
    if claim.quantity is not None:
        q = claim.quantity
        text = format_figure(q.low, q.high, q.unit, q.qualifier, q.per)
        return f"{text} ({words})" if words else text
    if claim.time is not None and claim.time.value:
        return f"dated {claim.time.value}"
    return f"asserts ({words})" if words else "asserts"


def finding_sides(finding: Finding, quote: Quoter) -> tuple[Side, ...]:
    """The claims of a finding, split by the position each takes, each sentence quoted once."""
    sides: dict[str, list[Quote]] = {}
    for claim_id in finding.claim_ids:
        shown = quote(claim_id)
        if shown is not None:
            sides.setdefault(side_label(shown.claim), []).append(shown)
    return tuple(Side(label, tuple(unique_quotes(quotes))) for label, quotes in sides.items())


def figure_rows(
    claims: Sequence[Claim],
    groups: Mapping[str, ClaimGroup],
    memberships: Mapping[str, Membership],
    quote: Quoter,
) -> list[FigureRow]:
    """One row per proposition and measure (a single report's figure is its own row), graded rows
    first by grade, then the figures most reports give."""
    buckets: dict[tuple[str, str, str | None], list[Quote]] = {}
    for claim in claims:
        if claim.quantity is None or claim.opinion:
            continue
        membership = memberships.get(claim.id)
        group_id = membership.group_id if membership and membership.group_id in groups else None
        shown = quote(claim)
        if shown is not None:
            # A figure in no group is keyed by its words, so a syndicated copy does not make a second row.
            alone = f"text:{' '.join(claim.text.split())}:{claim.quantity.text}"
            key = (group_id or alone, claim.quantity.unit, claim.quantity.per)
            buckets.setdefault(key, []).append(shown)
    rows = []
    for (group_key, unit, per), quotes in buckets.items():
        group = groups.get(group_key)
        rate = f" per {per}" if per else ""
        measure = unit_suffix(unit)
        low = min(q.claim.quantity.low for q in quotes if q.claim.quantity)
        high = max(q.claim.quantity.high for q in quotes if q.claim.quantity)
        span = format_range(low, high, unit)
        values = tuple(dict.fromkeys(side_label(q.claim) for q in quotes))
        dates = [q.date for q in quotes if q.date]
        rows.append(
            FigureRow(
                what=group.key if group else f"{unit}{rate}",
                span=f"{span}{measure}{rate}",
                values=values,
                grade=group.grade if group else None,
                sources=tuple(dict.fromkeys((q.claim.document_id, q.label) for q in quotes)),
                latest=max(dates) if dates else None,
                new=any(q.new for q in quotes),
                example=unique_quotes(sorted(quotes, key=_quote_date, reverse=True))[0],
                single=group is None,
            )
        )
    rows.sort(key=lambda r: (grade_key(r.grade), -len(r.sources), r.what))
    return rows


def timeline_events(claims: Iterable[Claim], quote: Quoter) -> list[TimelineEvent]:
    """Claims dated by a day, month or year, in date order; each sentence once per date."""
    by_date: dict[str, list[Quote]] = {}
    for claim in claims:
        time = claim.time
        if claim.opinion or time is None or time.kind != "date" or not time.value:
            continue
        shown = quote(claim)
        if shown is not None:
            by_date.setdefault(time.value, []).append(shown)
    return [
        TimelineEvent(value, event)
        for value in sorted(by_date)
        for event in unique_quotes(sorted(by_date[value], key=lambda q: (_quote_date(q), q.label)))
    ]


def _quote_date(quote: Quote) -> str:
    return quote.date or ""
