"""Findings within one claim group: corroboration, repeat, contradiction, tension, update.

Claims that say the same thing (one basis, one scope, agreeing values) form a
position; a position backed by two independent origins is a corroboration, and
one origin told by several reports is a repeat. Positions are then set against
each other, modality and time first:

- a target or plan is never weighed against a current figure (different basis);
- opinion and speculation never reach here (no proposition);
- an assertion against a denial of it is a contradiction;
- two dates for one one-off act (a treaty's signing) are a contradiction;
- differing figures for the same measure: an addition ("3,000 more") or a
  later report updates the earlier one; the same stated period is a
  contradiction; otherwise, with no way to order them, nothing is claimed;
- differing figures that differ in scope, rate or act (a country per day, a
  factory per month; produced, launched) are a tension: shown side by side.

Every finding has claims from at least two documents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from claimgraph.reconcile.lexicon import DAYS_PER, RELATED_FLOWS
from claimgraph.reconcile.propositions import Basis, Proposition, describe_amount, format_number
from claimgraph.records import Claim, Document, Finding, FindingKind, Origin


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
            self.claim_ids = _ids(self.members)
        return self.claim_ids

    def accepts(self, other: Proposition, span: tuple[float, float], ctx: Context) -> bool:
        """Whether a claim of the same side and kind (``span``: its figure per day) says the same."""
        a = self.anchor
        if a.kind == "statement":
            # Without a named object ("Russia agreed", "North Korea received") two claims may say
            # anything: they agree only on the same object, or as one origin's same words relayed.
            if a.place != other.place or not _same_things(a, other):
                return False
            return a.place is not None or ctx.origin(a).id == ctx.origin(other).id
        if a.kind == "date":
            return all(_compatible(p.date, other.date) for p in self.members)
        if not _same(a.family, other.family) or not _same_scope(a, other):
            return False
        return _overlap(self.span, span)


@dataclass(frozen=True, slots=True)
class Context:
    """What assessing a group reads besides its propositions."""

    claims: Mapping[str, Claim]
    documents: Mapping[str, Document]
    origins: Mapping[str, Origin]
    names: Mapping[str, str]  # entity id -> name

    when: dict[str, str | None] = field(default_factory=dict)  # date() per claim, once worked out

    def date(self, p: Proposition) -> str | None:
        """When a claim's figure holds: its own time, else its report's publication date."""
        if p.claim_id not in self.when:
            document = self.documents.get(p.document_id)
            self.when[p.claim_id] = p.date or (document.published if document else None)
        return self.when[p.claim_id]

    def origin(self, p: Proposition) -> Origin:
        return self.origins.get(p.claim_id) or Origin(
            f"document:{p.document_id}", p.document_id[:12], "its report"
        )


def form_positions(props: Sequence[Proposition], ctx: Context) -> list[Position]:
    """Positions, built in a canonical order so that the same claims always give the same positions."""
    order = sorted(props, key=lambda p: (_side(p), ctx.date(p) or "", p.document_id, p.claim_id))
    positions: list[Position] = []
    # A position takes only claims of its own side and kind (figures: of its increment and
    # vagueness; statements: of its object), so each claim is tried against those alone, first made first.
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
        return (_side(prop), prop.kind, prop.increment, prop.vague)
    if prop.kind == "statement":
        return (_side(prop), prop.kind, prop.place)
    return (_side(prop), prop.kind)


def find(positions: Sequence[Position], ctx: Context) -> list[Finding]:
    """Every finding of a group's positions."""
    found: list[Finding] = []
    for position in positions:
        found.extend(_agreement(position, ctx))
    for i, a in enumerate(positions):
        for b in positions[i + 1 :]:
            if a.basis == b.basis:
                if a.anchor.kind == "statement":
                    continue  # two statements of one basis differ only in what they say: no finding
            elif Basis.DENIAL not in (a.basis, b.basis):
                continue  # a plan or target is never weighed against what is (checked first: cheap)
            if len(a.documents) < 2 and a.documents == b.documents:
                continue
            finding = _set_against(a, b, ctx)
            if finding is not None:
                found.append(finding)
    return found


def _agreement(position: Position, ctx: Context) -> list[Finding]:
    if len(position.documents) < 2:
        return []
    by_origin: dict[str, list[Proposition]] = {}
    for p in position.members:
        by_origin.setdefault(ctx.origin(p).id, []).append(p)
    what = describe(position, ctx)
    found = []
    if len(by_origin) >= 2:
        labels = "; ".join(_origin_words(ps, ctx) for ps in by_origin.values())
        reason = f"{what}, from {len(by_origin)} independent origins: {labels}"
        found.append(Finding(FindingKind.CORROBORATION, reason, position.ids()))
    for members in by_origin.values():
        documents = {p.document_id for p in members}
        if len(documents) >= 2:
            origin = ctx.origin(members[0])
            reason = (
                f"{what}, in {len(documents)} reports that all rest on one origin, {origin.label} "
                f"({origin.reason}): a repeat, not a confirmation"
            )
            found.append(Finding(FindingKind.REPEAT, reason, _ids(members)))
    return found


def _set_against(a: Position, b: Position, ctx: Context) -> Finding | None:
    kind = a.anchor.kind
    if (a.basis == Basis.DENIAL) != (b.basis == Basis.DENIAL):
        return _denial(a, b, ctx)
    if a.basis != b.basis:
        return None  # a plan or target is never weighed against what is
    if kind == "date":
        if a.basis != Basis.FACT or not _rival_origins(a, b, ctx):
            return None
        reason = (
            f"one act, two dates: {_date_words(a, ctx)} against {_date_words(b, ctx)}; "
            "a one-off act has one date, so at least one report is wrong"
        )
        return Finding(FindingKind.CONTRADICTION, reason, _both(a, b))
    if kind in ("count", "rate"):
        return _figures(a, b, ctx)
    return None


def _denial(a: Position, b: Position, ctx: Context) -> Finding | None:
    denial, claim = (a, b) if a.basis == Basis.DENIAL else (b, a)
    if claim.anchor.kind not in ("statement", "count", "rate"):
        return None
    if not _same(denial.anchor.place, claim.anchor.place) or not _same_things(denial.anchor, claim.anchor):
        return None
    if claim.anchor.kind != "statement" and not _overlap(denial.span, claim.span):
        return None
    if not _rival_origins(a, b, ctx):
        return None  # an origin does not contradict itself: two readings of one source's words
    deniers = _origin_words(denial.members, ctx)
    asserters = _origin_words(claim.members, ctx)
    reason = f"{deniers} denies what {asserters} asserts: {claim.anchor.words}"
    return Finding(FindingKind.CONTRADICTION, reason, _both(claim, denial))


def _figures(a: Position, b: Position, ctx: Context) -> Finding | None:
    pa, pb = a.anchor, b.anchor
    if _overlap(a.span, b.span) or (pa.vague and pb.vague):
        return None
    if not (_same(pa.family, pb.family) or {pa.family, pb.family} <= RELATED_FLOWS):
        return None
    differences = _differences(a, b, ctx)
    if differences:
        reason = (
            f"related figures that disagree unless their scope differs: {describe(a, ctx)} "
            f"against {describe(b, ctx)} ({'; '.join(differences)})"
        )
        return Finding(FindingKind.TENSION, reason, _both(a, b))
    if pa.increment != pb.increment and _apart(a, b, ctx):
        base, added = (a, b) if pb.increment else (b, a)
        added_words, base_words = describe(added, ctx), describe(base, ctx)
        reason = f"{added_words} more adds to the earlier {base_words}: an update, not a contradiction"
        return Finding(FindingKind.UPDATE, reason, _both(base, added))
    order = _order(a, b, ctx)
    if order is not None:
        early, late = order
        reason = (
            f"a later figure for the same measure: {describe(late, ctx)} ({_when(late, ctx)}) "
            f"supersedes {describe(early, ctx)} ({_when(early, ctx)})"
        )
        return Finding(FindingKind.UPDATE, reason, _both(early, late))
    if pa.basis == Basis.FACT and _same_stated_period(a, b, ctx):
        reason = (
            f"incompatible figures for the same measure and period: {describe(a, ctx)} against "
            f"{describe(b, ctx)} ({_when(a, ctx)})"
        )
        return Finding(FindingKind.CONTRADICTION, reason, _both(a, b))
    return None  # differing figures with no way to order them: nothing claimed


def _differences(a: Position, b: Position, ctx: Context) -> list[str]:
    """How two positions' measures differ: scope, act or rate. None means the same measure."""
    pa, pb = a.anchor, b.anchor
    found = []
    for role, x, y in (("scope", pa.actor, pb.actor), ("place", pa.place, pb.place)):
        if x and y and x != y:
            found.append(f"{role} {_name(x, ctx)} against {_name(y, ctx)}")
    if pa.family and pb.family and pa.family != pb.family:
        found.append(f"{pa.family} against {pb.family}")
    if pa.per and pb.per and pa.per != pb.per:
        # Say the shorter period's figure in the longer one: "170 a day is about 5,175 a month".
        short, long_ = (a, b) if DAYS_PER.get(pa.per, 1.0) < DAYS_PER.get(pb.per, 1.0) else (b, a)
        ps, pl = short.anchor, long_.anchor
        claim = ctx.claims.get(ps.claim_id)
        value = (claim.quantity.low + claim.quantity.high) / 2 if claim and claim.quantity else ps.low
        approx = format_number(
            round(value / DAYS_PER.get(ps.per or "", 1.0) * DAYS_PER.get(pl.per or "", 1.0))
        )
        found.append(
            f"per {ps.per} against per {pl.per}: {describe(short, ctx)} is about {approx} per {pl.per}"
        )
    return found


def _order(a: Position, b: Position, ctx: Context) -> tuple[Position, Position] | None:
    """(earlier, later) when every pair of claims from different reports that can be ordered agrees."""
    a_first = b_first = False
    for x in a.members:
        for y in b.members:
            if x.document_id == y.document_id:
                continue
            dx, dy = ctx.date(x), ctx.date(y)
            if not dx or not dy or _compatible(dx, dy):
                continue
            if dx < dy:
                a_first = True
            else:
                b_first = True
    if a_first != b_first:
        return (a, b) if a_first else (b, a)
    return None


def _apart(a: Position, b: Position, ctx: Context) -> bool:
    """Some claim of each comes from a different report that is not a copy of the other's:
    "3,000 more join the 11,000" within one story (or its syndicated copy) updates nothing."""
    return any(_distinct_reports(x.document_id, y.document_id, ctx) for x in a.members for y in b.members)


def _distinct_reports(x: str, y: str, ctx: Context) -> bool:
    if x == y:
        return False
    dx, dy = ctx.documents.get(x), ctx.documents.get(y)
    return not ((dx and dx.near_duplicate_of == y) or (dy and dy.near_duplicate_of == x))


def _same_stated_period(a: Position, b: Position, ctx: Context) -> bool:
    """Two reports of different origins state the same period for their differing figures."""
    return any(
        x.document_id != y.document_id
        and ctx.origin(x).id != ctx.origin(y).id
        and _compatible(x.date, y.date)
        for x in a.members
        for y in b.members
    )


def _rival_origins(a: Position, b: Position, ctx: Context) -> bool:
    """Some claim of one position comes from another report and another origin than one of the other:
    a contradiction is between sources, never one source's two figures in one sentence."""
    return any(
        x.document_id != y.document_id and ctx.origin(x).id != ctx.origin(y).id
        for x in a.members
        for y in b.members
    )


def describe(position: Position, ctx: Context) -> str:
    """The position's value in words: "about 11,000 soldier", "2,000 drone per month", "2023"."""
    if not position.words:
        position.words = _describe(position.anchor, ctx)
    return position.words


def _describe(p: Proposition, ctx: Context) -> str:
    if p.kind == "date":
        return f"dated {p.date}"
    if p.kind == "statement":
        return {Basis.DENIAL: "the same denial", Basis.PLAN: "the same plan"}.get(
            p.basis, "the same statement"
        )
    claim = ctx.claims.get(p.claim_id)
    amount = describe_amount(claim.quantity) if claim and claim.quantity else format_number(p.low)
    rate = f" per {p.per}" if p.per else ""
    return f"{amount} {p.unit}{rate}" + (" (a target or plan)" if p.basis == Basis.PLAN else "")


def _date_words(position: Position, ctx: Context) -> str:
    dates = sorted({p.date for p in position.members if p.date})
    return f"{' / '.join(dates)} ({_origin_words(position.members, ctx)})"


def _when(position: Position, ctx: Context) -> str:
    dates = sorted({d for p in position.members if (d := ctx.date(p))})
    if not dates:
        return "undated"
    return dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"


def _origin_words(props: Sequence[Proposition], ctx: Context) -> str:
    labels = dict.fromkeys(ctx.origin(p).label for p in props)
    reports = len({p.document_id for p in props})
    return f"{', '.join(labels)} ({reports} report{'s' if reports != 1 else ''})"


def _name(entity_id: str, ctx: Context) -> str:
    return ctx.names.get(entity_id, entity_id)


def _side(p: Proposition) -> str:
    """Statements in the future tense and the present are one side; denials the other."""
    if p.kind == "statement":
        return "denial" if p.basis == Basis.DENIAL else "affirm"
    return str(p.basis)


def _both(a: Position, b: Position) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.ids() + b.ids()))


def _ids(props: Sequence[Proposition]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.claim_id for p in props))


def _same(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _same_scope(a: Proposition, b: Proposition) -> bool:
    return _same(a.actor, b.actor) and _same(a.place, b.place)


def _same_things(a: Proposition, b: Proposition) -> bool:
    return not a.things or not b.things or bool(set(a.things) & set(b.things))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _compatible(a: str | None, b: str | None) -> bool:
    """ISO dates at any precision name overlapping periods: "2024" and "2024-06-19" do."""
    return a is not None and b is not None and a != "" and b != "" and (a.startswith(b) or b.startswith(a))
