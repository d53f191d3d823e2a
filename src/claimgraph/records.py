"""The records that pass between stages: the only contract between them.

Plain, typed and immutable. Character offsets (``start``/``end``) always index
the cleaned ``Document.body``, so every fact can be highlighted in its
sentence. This module imports nothing of ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DateSource(StrEnum):
    """How a document's publication date was found."""

    METADATA = "metadata"
    TEXT = "text"
    URL = "url"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


class Modality(StrEnum):
    """How firmly a claim is put."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    PLANNED = "planned"
    TARGET = "target"
    ESTIMATED = "estimated"
    HEDGED = "hedged"
    SPECULATIVE = "speculative"
    DENIED = "denied"


class FindingKind(StrEnum):
    """What reconciling two or more claims found."""

    CORROBORATION = "corroboration"
    CONTRADICTION = "contradiction"
    TENSION = "tension"
    UPDATE = "update"
    REPEAT = "repeat"  # several reports, one origin: not independent


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input as read, before cleaning: bytes plus what the reader knows."""

    source: str
    content: bytes
    media_type: str = "text/plain"  # "text/plain" or "text/html"
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with a reason a person can act on."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Known:
    """An input read before whose document is stored: recognised by its digest, never analysed again."""

    source: str
    document_id: str


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned report: its body and what is known about it."""

    id: str  # content hash of the cleaned body
    source: str
    body: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO day, month or year
    published_how: DateSource = DateSource.UNKNOWN
    language: str | None = None
    original_source: str | None = None  # the outlet or body the report credits: its first credit
    near_duplicate_of: str | None = None
    credits: tuple[str, ...] = ()  # every wire or outlet credited, in order ("with agencies" too)
    near_duplicate_measure: float | None = None  # how much of the shorter report the other holds


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor, place, weapon system or body."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named in a body."""

    entity_id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PageMention:
    """An entity named around the article rather than in its body: no span.

    ``where`` is "tags" (the page's tag line), "original source" (the source
    the report credits first), "credit" (another source it credits) or "outlet".
    """

    entity_id: str
    text: str
    where: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A reported amount: a point (low == high) or a range, of a counted unit."""

    low: float
    high: float
    unit: str  # what is counted: drone, soldier, worker, USD, share …
    text: str
    start: int
    end: int
    qualifier: str | None = None  # about, over, at least, nearly, up to …
    per: str | None = None  # rate: day, week, month, year

    @property
    def approximate(self) -> bool:
        return self.qualifier is not None or self.low != self.high


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression and its value.

    Only a "date" dates a claim: its value is an ISO day, month or year. A
    "duration" ("four years", "a 12-month high") has an ISO 8601 duration ("P4Y"),
    a "time" of day ("16:05 GMT") the ISO day it falls on, a "period" too long
    or too vague for that grid (a decade: "the 1980s") its TimeML value ("198").
    """

    text: str
    value: str | None
    resolution: str  # "absolute", "relative" (to publication) or "inferred" (to a date read in the text)
    start: int
    end: int
    kind: str = "date"  # "date", "duration", "time" or "period"


@dataclass(frozen=True, slots=True)
class Claim:
    """What one sentence claims, about whom, how much, when, and who says so."""

    id: str
    document_id: str
    start: int  # sentence span in the body
    end: int
    text: str
    predicate: str
    subject: str | None = None  # entity ids
    object: str | None = None
    place: str | None = None
    entities: tuple[str, ...] = ()
    quantity: Quantity | None = None
    time: TimeRef | None = None
    speaker: str | None = None  # entity id when resolved, else the words used
    cue: str | None = None  # "according to", "said", "citing" …
    via: str | None = None  # who passed it on ("X, citing Y": Y speaks via X); id or words
    modality: Modality = Modality.ASSERTED
    negated: bool = False
    opinion: bool = False


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one document: what `store` saves in one go."""

    document: Document
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeRef, ...] = ()
    claims: tuple[Claim, ...] = ()
    page_mentions: tuple[PageMention, ...] = ()  # entities named by tag line, credit or outlet


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a claim's word comes from, traced through relays ("citing", "according to", credits)."""

    id: str  # an entity id, "outlet:…" or "document:…": equal ids, one origin
    label: str
    reason: str  # how it was traced, in words


@dataclass(frozen=True, slots=True)
class Membership:
    """How reconcile filed one claim: its group (None when it makes no comparable proposition) and origin."""

    claim_id: str
    document_id: str
    group_id: str | None
    key: str | None  # the group's proposition, as words
    reason: str  # why the claim belongs to the group
    origin: Origin
    date: str | None = None  # when the claim holds: its own time, else its report's publication date
    seq: int | None = None  # its report's place in the order reports came in


@dataclass(frozen=True, slots=True)
class Finding:
    """One cross-document result, with its reason in plain words."""

    kind: FindingKind
    reason: str
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Grade:
    """NATO Admiralty grade: source reliability A–F, credibility 1–6."""

    reliability: str
    credibility: int
    reasoning: str

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims about the same proposition across documents, and their assessment."""

    id: str
    key: str  # the proposition, as words: "North Korea · send · soldier"
    claim_ids: tuple[str, ...]
    reasons: tuple[str, ...] = ()  # why each claim belongs, in claim_ids order
    origins: tuple[str, ...] = ()  # independent origins behind the claims
    findings: tuple[Finding, ...] = ()
    grade: Grade | None = None


@dataclass(frozen=True, slots=True)
class IndicatorPoint:
    """One reported value of a tracked figure, pointing at its claim."""

    claim_id: str
    document_id: str
    low: float
    high: float
    date: str | None
    modality: Modality


@dataclass(frozen=True, slots=True)
class Indicator:
    """A tracked figure as a time series of reported values."""

    name: str
    unit: str
    per: str | None
    points: tuple[IndicatorPoint, ...] = field(default=())
