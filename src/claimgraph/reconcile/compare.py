"""Two positions of one measure set against each other: which differences are findings, and why.

Modality and time first, then kind of loss, scope and values. Each rule names what differs:

- an assertion against a denial that names the act: contradiction;
- two dates for one one-off act (a treaty's signing, a wave of troops, a planned move, an
  arrival): contradiction; one standing figure given two months ("11,000 sent in October",
  "in November") or one meeting given two days: tension, as arrival against deployment, or
  talks over two days, may explain it; dates of meetings further apart are other meetings;
- figures of two kinds of loss: contradiction when one figure is told as killed and as killed or
  wounded, or the killed outnumber another source's killed and wounded at one time (``losses``);
- one figure planned or considered in one report and told as done in another at that time:
  contradiction;
- figures of one measure for one time from rival sources: contradiction when they are a
  factor of two or more apart, or given by one side (at least one is wrong); tension when
  closer (different estimators' counts);
- figures of one measure at different times: from the same source or side the later
  updates the earlier (never within one story); an addition ("3,000 more") updates the
  total reported before it; anything else is a chart, not a finding;
- figures whose scope differs (place, actor, rate period, related acts): tension;
- plans or forecasts of one measure that differ, from rival sources within a quarter: tension;
- otherwise a plan is never weighed against what is, an addition never against a total,
  and one source's two figures for one time in one report are two things, not a dispute.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from claimgraph.reconcile.amounts import format_number
from claimgraph.reconcile.lexicon import (
    DAYS_PER,
    family_of_lemma,
    family_of_word,
    related_flows,
    words_with_offsets,
)
from claimgraph.reconcile.losses import loss_rule
from claimgraph.reconcile.pairs import (
    apart,
    at_one_time,
    both,
    date_words,
    dates,
    one_side,
    rival,
    same_number,
    same_things,
    side_by_side,
    times_apart,
    two_estimators,
    when,
)
from claimgraph.reconcile.positions import (
    Context,
    Position,
    days_apart,
    describe,
    ids_of,
    month_of,
    origin_words,
    overlap,
    same,
)
from claimgraph.reconcile.propositions import Basis, Proposition
from claimgraph.reconcile.updates import later_figure
from claimgraph.records import Claim, Finding, FindingKind

# Two estimates of one thing this far apart cannot both be right; closer, they may be two counts.
FAR_APART = 2.0
# Dates of a meeting or an arrival this close may be one event told twice; further apart, two events.
ONE_VISIT_DAYS = 2
# Forecasts of one move made this far apart are rival expectations; further apart, two plans.
FORECAST_DAYS = 92


def set_against(a: Position, b: Position, ctx: Context) -> tuple[Finding, str] | None:
    """The finding two positions of one group make and the rule that made it, or None."""
    rule = _rule(a, b, ctx)
    if rule is None:
        return None
    finding = rule(a, b, ctx)
    return (finding, rule.__name__) if finding is not None else None


Rule = Callable[[Position, Position, Context], Finding | None]


def _rule(a: Position, b: Position, ctx: Context) -> Rule | None:
    """Which rule weighs two positions: modality and time first, then kind of loss, then values."""
    kind = a.anchor.kind
    if (a.basis == Basis.DENIAL) != (b.basis == Basis.DENIAL):
        return _denial
    if kind == "date":
        return _two_dates
    if kind not in ("count", "rate") or a.anchor.increment != b.anchor.increment:
        return None  # an addition is not the total it adds to
    if side_by_side(a, b, ctx):
        return (
            None  # one source's two figures in one report are two things ("1,000 sappers and 5,000 builders")
        )
    if a.basis != b.basis:
        return _planned_and_done
    if a.basis == Basis.PLAN:
        return _plans
    if a.anchor.aspect != b.anchor.aspect:
        return loss_rule(a, b, ctx)
    return _figures


def additions(positions: Sequence[Position], ctx: Context) -> list[Finding]:
    """ "3,000 more" sent after "about 11,000": the addition updates the standing figure it adds to,
    the one most reports give from before it (never within one story)."""
    found = []
    for added in positions:
        p = added.anchor
        if not p.increment or added.basis != Basis.FACT or p.kind not in ("count", "rate") or p.vague:
            continue
        bases = [
            base
            for base in positions
            if not base.anchor.increment
            and base.basis == Basis.FACT
            and not base.anchor.vague
            and base.anchor.aspect == p.aspect
            and same(base.anchor.family, p.family)
            and not _differences(base, added, ctx)
            and _first(base, ctx) < _first(added, ctx)
            and apart(base, added, ctx)
        ]
        if not bases:
            continue
        base = max(bases, key=lambda b: (len(b.documents), when(b, ctx)))
        start = _first(added, ctx)
        before = [m for m in base.members if (ctx.date(m) or "9999") < start]
        reason = (
            f"{describe(added, ctx)} more ({when(added, ctx)}, {origin_words(added.members, ctx)}) "
            f"adds to the earlier {describe(base, ctx)} ({dates(before, ctx)}, "
            f"{origin_words(before, ctx)}): an update of the total"
        )
        found.append(Finding(FindingKind.UPDATE, reason, ids_of(before + added.members)))
    return found


def _first(position: Position, ctx: Context) -> str:
    """When a position was first reported: its earliest claim's date (undated: last)."""
    return min((ctx.date(p) or "9999") for p in position.members)


def _two_dates(a: Position, b: Position, ctx: Context) -> Finding | None:
    if a.basis != Basis.FACT or b.basis != Basis.FACT or a.anchor.family != b.anchor.family:
        return None
    if not rival(a, b, ctx):
        return None
    family = a.anchor.family
    if family in ("meet", "arrive"):
        apart = min(days_apart(x.date, y.date) for x in a.members for y in b.members)
        if apart > ONE_VISIT_DAYS:
            return None  # two meetings, not one told twice
        if family == "meet":
            reason = (
                f"one meeting given two dates: {date_words(a, ctx)} against {date_words(b, ctx)}; "
                "talks can run over two days, or one report counts the day it was told"
            )
            return Finding(FindingKind.TENSION, reason, both(a, b))
        reason = (
            f"one arrival, two dates: {date_words(a, ctx)} against {date_words(b, ctx)}; "
            "an arrival happens once, so at least one report is wrong"
        )
        return Finding(FindingKind.CONTRADICTION, reason, both(a, b))
    reason = (
        f"one act, two dates: {date_words(a, ctx)} against {date_words(b, ctx)}; "
        "a one-off act has one date, so at least one report is wrong"
    )
    return Finding(FindingKind.CONTRADICTION, reason, both(a, b))


def split_dates(position: Position, ctx: Context) -> list[Finding]:
    """One figure given two months by different reports: for an act (a wave, a plan) one is
    wrong; for a standing figure the move may have had two dates (arrival, deployment)."""
    p = position.anchor
    if p.kind not in ("count", "rate") or p.vague or position.basis == Basis.DENIAL:
        return []
    months: dict[str, list[Proposition]] = {}
    for member in position.members:
        if member.date and len(member.date) >= 7 and not member.told:
            months.setdefault(member.date[:7], []).append(member)
    if len(months) < 2:
        return []
    sides = sorted(months.items())
    if not any(
        ctx.distinct_reports(x, y)
        for i, (_, xs) in enumerate(sides)
        for _, ys in sides[i + 1 :]
        for x in xs
        for y in ys
    ):
        return []
    dated = "; ".join(f"{month} ({origin_words(members, ctx)})" for month, members in sides)
    what = describe(position, ctx)
    if p.increment or position.basis == Basis.PLAN:
        reason = f"one act, two dates: {what} dated {dated}; one move has one date, so a report is wrong"
        kind = FindingKind.CONTRADICTION
    else:
        reason = (
            f"{what} dated {dated}: the same figure given different months, which arrival "
            "against deployment, or announcement against event, may explain"
        )
        kind = FindingKind.TENSION
    return [Finding(kind, reason, ids_of([m for _, members in sides for m in members]))]


def _denial(a: Position, b: Position, ctx: Context) -> Finding | None:
    denial, claim = (a, b) if a.basis == Basis.DENIAL else (b, a)
    if claim.anchor.kind not in ("statement", "count", "rate"):
        return None
    if not any(names_its_act(ctx.claims.get(m.claim_id)) for m in denial.members):
        return None  # "North Korea denied the reports": which act it denies, its words do not say
    if not same(denial.anchor.place, claim.anchor.place) or not same_things(denial, claim):
        return None
    if claim.anchor.kind != "statement" and not overlap(denial.span, claim.span):
        return None
    if not rival(a, b, ctx):
        return None  # an origin does not contradict itself: two readings of one source's words
    deniers = origin_words(denial.members, ctx)
    asserters = origin_words(claim.members, ctx)
    reason = f"{deniers} denies what {asserters} asserts: {claim.anchor.words}"
    return Finding(FindingKind.CONTRADICTION, reason, both(claim, denial))


@lru_cache(maxsize=65_536)  # asked for each denial against each assertion of its group
def names_its_act(claim: Claim | None) -> bool:
    """Whether a claim's own words name its act ("denied that troops are fighting"), rather than
    the act being carried over from the sentence before ("denied the reports")."""
    if claim is None:
        return False
    family = family_of_lemma(claim.predicate)
    words = [w for w, _ in words_with_offsets(claim.text)]
    if family is None:
        return claim.predicate.lower() in words
    return any(family_of_word(w) == family for w in words)


def _figures(a: Position, b: Position, ctx: Context) -> Finding | None:
    """Two facts of one measure and one kind of loss, whose values do not agree."""
    pa, pb = a.anchor, b.anchor
    if overlap(a.span, b.span) or pa.vague or pb.vague:
        return None
    if not (same(pa.family, pb.family) or related_flows(pa.family, pb.family)):
        return None
    differences = _differences(a, b, ctx)
    if differences:
        if not apart(a, b, ctx):
            return None
        reason = (
            f"related figures that disagree unless their scope differs: {describe(a, ctx)} "
            f"against {describe(b, ctx)} ({'; '.join(differences)})"
        )
        return Finding(FindingKind.TENSION, reason, both(a, b))
    at_once = at_one_time(a, b, ctx)
    if at_once:
        xs, ys = at_once
        factor = times_apart(a, b)
        if factor >= FAR_APART or one_side(a, b, ctx) or not two_estimators(xs, ys, ctx):
            reason = (
                f"incompatible figures for the same measure and period: {describe(a, ctx)} "
                f"({origin_words(xs, ctx)}) against {describe(b, ctx)} ({origin_words(ys, ctx)}), "
                f"{dates(xs + ys, ctx)}: "
                + (f"{factor:.1f} times apart" if factor >= FAR_APART else "from sources of one side")
                + ", so at least one is wrong"
            )
            return Finding(FindingKind.CONTRADICTION, reason, ids_of(xs + ys))
        reason = (
            f"estimates of the same measure and period that differ: {describe(a, ctx)} "
            f"({origin_words(xs, ctx)}) against {describe(b, ctx)} ({origin_words(ys, ctx)}), "
            f"{dates(xs + ys, ctx)}; less than twice apart, they may be different estimators' counts"
        )
        return Finding(FindingKind.TENSION, reason, ids_of(xs + ys))
    return later_figure(a, b, ctx)


def _planned_and_done(a: Position, b: Position, ctx: Context) -> Finding | None:
    """The same figure planned or considered in one report and told as done in another, at that time."""
    plan, done = (a, b) if a.basis == Basis.PLAN else (b, a)
    if done.basis != Basis.FACT or plan.anchor.vague or done.anchor.vague:
        return None
    if not same_number(plan, done, ctx) or plan.anchor.per != done.anchor.per:
        return None  # "170 a day" is not the plant's target of "5,000 a month" told as done
    if plan.anchor.actor and done.anchor.actor and plan.anchor.actor != done.anchor.actor:
        return None
    if plan.anchor.aspect != done.anchor.aspect or not same(plan.anchor.family, done.anchor.family):
        return None
    told = [
        (x, y)
        for x in plan.members
        for y in done.members
        if x.document_id != y.document_id and month_of(ctx.date(y), ctx.published(x))
    ]
    if not told:
        return None
    reason = (
        f"planned against done: {describe(plan, ctx)} ({origin_words(plan.members, ctx)}) is told "
        f"as done ({describe(done, ctx)}, {origin_words(done.members, ctx)}) at the time it is "
        "reported as planned or considered"
    )
    return Finding(FindingKind.CONTRADICTION, reason, both(plan, done))


def _plans(a: Position, b: Position, ctx: Context) -> Finding | None:
    """Two plans or forecasts of one measure that differ, from rival sources."""
    pa, pb = a.anchor, b.anchor
    if overlap(a.span, b.span) or pa.vague or pb.vague or pa.aspect != pb.aspect:
        return None
    if not same(pa.family, pb.family) or _differences(a, b, ctx) or not rival(a, b, ctx):
        return None
    if not any(days_apart(ctx.date(x), ctx.date(y)) <= FORECAST_DAYS for x in a.members for y in b.members):
        return None  # a plan of last year and one of this year are two plans, not rival forecasts
    reason = (
        f"plans or forecasts that differ: {describe(a, ctx)} ({origin_words(a.members, ctx)}) "
        f"against {describe(b, ctx)} ({origin_words(b.members, ctx)}); different sources' expectations"
    )
    return Finding(FindingKind.TENSION, reason, both(a, b))


def _differences(a: Position, b: Position, ctx: Context) -> list[str]:
    """How two positions' measures differ: scope, act or rate. None means the same measure."""
    pa, pb = a.anchor, b.anchor
    found = []
    for role, x, y in (("scope", pa.actor, pb.actor), ("place", pa.place, pb.place)):
        if x and y and x != y:
            found.append(f"{role} {ctx.names.get(x, x)} against {ctx.names.get(y, y)}")
    if pa.family and pb.family and pa.family != pb.family:
        found.append(f"{pa.family} against {pb.family}")
    if pa.unit and pb.unit and pa.unit != pb.unit:  # units the pack says measure one thing
        found.append(f"counted in {pa.unit}s against {pb.unit}s")
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
