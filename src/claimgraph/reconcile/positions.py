"""Positions: the claims of one group that say the same thing, and what assessing a group reads.

A position is one basis (fact, plan, denial), one scope (actor, place, kind of loss),
and values that agree once widened by their qualifiers ("about 11,000" and "over
11,000"). Positions are formed in a canonical order, so the same claims always give
the same positions, in a run from scratch as in an incremental one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from claimgraph.reconcile.amounts import describe_amount, format_number
from claimgraph.reconcile.lexicon import BODY_NOUNS
from claimgraph.reconcile.propositions import Basis, Proposition
from claimgraph.records import Claim, Document, Origin

# Origin ids of a report's own voice or of unnamed words, as independence.py makes them.
UNNAMED = ("outlet:", "document:", "words:")
WORDS = "words:"


@dataclass(slots=True)
class Position:
    """Claims of one group that say the same thing."""

    anchor: Proposition
    members: list[Proposition] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)  # kept as members join: read for every pair
    span: tuple[float, float] = (0.0, 0.0)  # the anchor's figure per day, read for every claim placed
    words: str = ""  # describe(), kept once said: a position is described in each of its findings
    claim_ids: tuple[str, ...] = ()

    basis: Basis = Basis.FACT  # the anchor's, read for every pair

    def __post_init__(self) -> None:
        self.span = self.anchor.per_day()
        self.basis = self.anchor.basis

    def add(self, prop: Proposition) -> None:
        self.members.append(prop)
        self.documents.add(prop.document_id)
        self.claim_ids = ()

    def ids(self) -> tuple[str, ...]:
        if not self.claim_ids:
            self.claim_ids = ids_of(self.members)
        return self.claim_ids

    def accepts(self, other: Proposition, span: tuple[float, float], ctx: Context) -> bool:
        """Whether a claim of the same side and kind (``span``: its figure per day) says the same."""
        a = self.anchor
        if a.kind == "statement":
            # "North Korea sent … to Russia" may be troops, shells or workers: two reports' statements
            # agree only on the same object, and a thing both name (a weapon, a treaty, an event)
            # or one source that says it in both.
            named = bool(a.things) and bool(other.things) and same_things(a, other)
            if a.place is None or a.place != other.place or not same_things(a, other):
                return other.document_id in self.documents and a.place == other.place
            if not (named or ctx.origin(a).id == ctx.origin(other).id):
                return False
            # "met on June 4" and "met on June 17" are two meetings
            return all(compatible_or_open(p.date, other.date) for p in self.members)
        if a.kind == "date":
            return all(compatible(p.date, other.date) for p in self.members)
        if not same(a.family, other.family) or not same_scope(a, other) or a.aspect != other.aspect:
            return False
        if (a.aspect or a.since or other.since) and not month_of(ctx.date(a), ctx.date(other)):
            return (
                False  # a running total ("since last year", losses) holds at its date: later, another figure
            )
        return overlap(self.span, span)


@dataclass(frozen=True, slots=True)
class Context:
    """What assessing a group reads besides its propositions."""

    claims: Mapping[str, Claim]
    documents: Mapping[str, Document]
    origins: Mapping[str, Origin]
    names: Mapping[str, str]  # entity id -> name
    stories: Mapping[str, set[str]] = field(default_factory=dict)  # report -> its copies in this group
    kinds: Mapping[str, str] = field(default_factory=dict)  # entity id -> kind, for named origins
    sides: Mapping[str, str] = field(default_factory=dict)  # origin id -> the state it speaks for

    when: dict[str, str | None] = field(default_factory=dict)  # date() per claim, once worked out

    def date(self, p: Proposition) -> str | None:
        """When a claim's figure holds: its own time, else its report's publication date. A bare
        year that is the report's own ("this year") says no more than the report's date does."""
        if p.claim_id not in self.when:
            published = self.published(p)
            own = p.date
            if own and len(own) == 4 and published and published.startswith(own):
                own = None
            self.when[p.claim_id] = own or published
        return self.when[p.claim_id]

    def published(self, p: Proposition) -> str | None:
        document = self.documents.get(p.document_id)
        return document.published if document else None

    def origin(self, p: Proposition) -> Origin:
        return self.origins.get(p.claim_id) or Origin(
            f"document:{p.document_id}", p.document_id[:12], "its report"
        )

    def side(self, p: Proposition) -> str:
        """The state a claim's origin speaks for, or the origin itself when unknown."""
        origin = self.origin(p).id
        return self.sides.get(origin, origin)

    def named(self, p: Proposition) -> bool:
        """Whether a claim's origin is a source it names (a person, body, state or outlet that says
        it), not the report's own voice, even when the report credits an outlet as its original."""
        claim = self.claims.get(p.claim_id)
        origin = self.origin(p)
        if origin.id.startswith(WORDS):
            return self.origin_kind(origin) is not None
        return bool(claim and claim.speaker) and not origin.id.startswith(UNNAMED)

    def origin_kind(self, origin: Origin) -> str | None:
        """The kind of a source: its entity's, or for a name no entity holds, read from the name
        ("Ministry of Civil Protection of Ukraine" is a body, "Lee Seong-kwon" a person)."""
        if origin.id in self.kinds:
            return self.kinds[origin.id]
        if not origin.id.startswith(WORDS):
            return None
        words = origin.label.replace("\n", " ").split()
        capitalised = [w for w in words if w[:1].isupper()]
        if len(capitalised) < 2:
            return None  # "the latter", "Russian media reports", "Intelligence reports"
        if any(w.lower().strip(".,") in BODY_NOUNS for w in words):
            return "organisation"
        return "person" if len(words) <= 3 and len(capitalised) == len(words) else None

    def distinct_reports(self, x: Proposition, y: Proposition) -> bool:
        """Two claims from reports that are not one story: not one report, not a near-duplicate
        of the other, not the same sentence told in both."""
        if x.document_id == y.document_id or y.document_id in self.stories.get(x.document_id, ()):
            return False
        dx, dy = self.documents.get(x.document_id), self.documents.get(y.document_id)
        return not (
            (dx and dx.near_duplicate_of == y.document_id) or (dy and dy.near_duplicate_of == x.document_id)
        )


def form_positions(props: Sequence[Proposition], ctx: Context) -> list[Position]:
    """Positions, built in a canonical order so that the same claims always give the same positions."""
    order = sorted(props, key=lambda p: (_side(p), ctx.date(p) or "", p.document_id, p.claim_id))
    positions: list[Position] = []
    # A position takes only claims of its own side and kind (figures: of its increment,
    # vagueness and kind of loss; statements: of its object), so each claim is tried against
    # those alone, first made first.
    shelves: dict[tuple[object, ...], list[Position]] = {}
    for prop in order:
        shelf = shelves.setdefault(_shelf(prop), [])
        span = prop.per_day()
        home = next((pos for pos in shelf if pos.accepts(prop, span, ctx)), None)
        if home is None:
            home = Position(prop)
            positions.append(home)
            shelf.append(home)
        home.add(prop)
    return positions


def _shelf(prop: Proposition) -> tuple[object, ...]:
    if prop.kind in ("count", "rate"):
        return (_side(prop), prop.kind, prop.increment, prop.vague, prop.aspect)
    if prop.kind == "statement":
        return (_side(prop), prop.kind, prop.place)
    return (_side(prop), prop.kind, prop.family)  # a meeting is not an arrival


def describe(position: Position, ctx: Context) -> str:
    """The position's value in words: "about 11,000 soldier", "2,000 drone per month", "2023"."""
    if not position.words:
        position.words = _describe(position.anchor, ctx)
    return position.words


def _describe(p: Proposition, ctx: Context) -> str:
    if p.kind == "date":
        event = {"meet": "a meeting", "arrive": "an arrival"}.get(p.family or "", "dated")
        return f"{event} on {p.date}" if event != "dated" else f"dated {p.date}"
    if p.kind == "statement":
        return {Basis.DENIAL: "the same denial", Basis.PLAN: "the same plan"}.get(
            p.basis, "the same statement"
        )
    claim = ctx.claims.get(p.claim_id)
    amount = describe_amount(claim.quantity) if claim and claim.quantity else format_number(p.low)
    rate = f" per {p.per}" if p.per else ""
    counted = LOSS_WORDS.get(p.aspect or "", p.unit) if p.aspect else _plural(p.unit or "", p.high)
    counted = "" if p.unit == "share" else f" {counted}"  # "0.7%" says what it is
    return f"{amount}{counted}{rate}" + (" (a target or plan)" if p.basis == Basis.PLAN else "")


def _plural(unit: str, high: float) -> str:
    """ "11,000 soldiers", "1 drone"; codes and measures stay as written ("USD", "share")."""
    if high <= 1 or not unit or unit.isupper() or unit in ("share", "person") or unit.endswith("s"):
        return "people" if unit == "person" and high > 1 else unit
    return unit[:-1] + "ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else unit + "s"


LOSS_WORDS = {
    "casualties": "casualties (killed or wounded)",
    "killed": "killed",
    "wounded": "wounded",
    "captured": "captured",
    "missing": "missing",
}


def origin_words(props: Sequence[Proposition], ctx: Context) -> str:
    labels = dict.fromkeys(ctx.origin(p).label for p in props)
    reports = len({p.document_id for p in props})
    return f"{', '.join(labels)} ({reports} report{'s' if reports != 1 else ''})"


def _side(p: Proposition) -> str:
    """Statements in the future tense and the present are one side; denials the other."""
    if p.kind == "statement":
        return "denial" if p.basis == Basis.DENIAL else "affirm"
    return str(p.basis)


def ids_of(props: Sequence[Proposition]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.claim_id for p in props))


def same(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def same_scope(a: Proposition, b: Proposition) -> bool:
    return same(a.actor, b.actor) and same(a.place, b.place)


def same_things(a: Proposition, b: Proposition) -> bool:
    return not a.things or not b.things or bool(set(a.things) & set(b.things))


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def compatible(a: str | None, b: str | None) -> bool:
    """ISO dates at any precision name overlapping periods: "2024" and "2024-06-19" do."""
    return a is not None and b is not None and a != "" and b != "" and (a.startswith(b) or b.startswith(a))


def month_of(x: str | None, y: str | None) -> bool:
    """Two dates in one month (or one holding the other: "2025" holds "2025-06-19")."""
    return bool(x and y) and compatible((x or "")[:7], (y or "")[:7])


def compatible_or_open(a: str | None, b: str | None) -> bool:
    return not a or not b or compatible(a, b)


def days_apart(x: str | None, y: str | None) -> float:
    """Days between two ISO dates of any grain (a month or year read as its first day); unknown: far."""
    if not x or not y:
        return float("inf")
    try:
        a, b = date.fromisoformat(_full(x)), date.fromisoformat(_full(y))
    except ValueError:
        return float("inf")
    return abs((a - b).days)


def _full(iso: str) -> str:
    return (iso + "-01-01")[:10] if len(iso) == 4 else (iso + "-01")[:10] if len(iso) == 7 else iso[:10]
