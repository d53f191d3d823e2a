"""A later figure of one measure from the same source or side: an update, or a tension when the
two figures may not count the same thing.

"15,000 killed or wounded" in June after "11,000" in March, both the agency's: the later
supersedes the earlier. But "about 4,000 workers are in Russia" and, months later, "15,000
workers have been sent" are one source's figures of what is there and of what was sent:
the second need not supersede the first, and the difference is flagged, not resolved.

A toll of losses only grows: a later, lower count of the same kind of loss from a rival source
("about 1,000 dead" in January, "600 dead" in April) cannot stand beside the earlier one.
"""

from __future__ import annotations

from claimgraph.reconcile.lexicon import LOSS_FAMILY
from claimgraph.reconcile.pairs import dates, in_order, pairs
from claimgraph.reconcile.positions import Context, Position, describe, ids_of, origin_words
from claimgraph.reconcile.propositions import Proposition
from claimgraph.records import Finding, FindingKind

# A later toll under this share of the earlier one likely counts a narrower scope (one battle,
# one unit) than the running total: not the same toll revised down.
NARROWER_SCOPE = 0.5


def later_figure(a: Position, b: Position, ctx: Context) -> Finding | None:
    """The update (or tension) two positions of one measure at different times make, or None."""
    ordered = in_order(a, b, ctx)
    if ordered is None:
        return None  # differing figures with no way to order them: nothing claimed
    early, late = ordered
    revised = pairs(early, late, ctx.distinct_reports, ctx.side)  # the same source or side, later
    if revised is None:
        return fallen_toll(early, late, ctx)
    xs, ys = revised
    told = (
        f"{describe(late, ctx)} ({dates(ys, ctx)}, {origin_words(ys, ctx)}) against "
        f"{describe(early, ctx)} ({dates(xs, ctx)}, {origin_words(xs, ctx)})"
    )
    if _one_act_unnamed(early, late):
        act = early.anchor.family or late.anchor.family
        reason = (
            f"the same source's figures of one thing, one told as {act} and one with no act: {told}; "
            "what was sent and what is there may differ, so the later need not supersede the earlier"
        )
        return Finding(FindingKind.TENSION, reason, ids_of(xs + ys))
    reason = (
        f"a later figure for the same measure from the same source or side: {describe(late, ctx)} "
        f"({dates(ys, ctx)}, {origin_words(ys, ctx)}) supersedes {describe(early, ctx)} "
        f"({dates(xs, ctx)}, {origin_words(xs, ctx)})"
    )
    return Finding(FindingKind.UPDATE, reason, ids_of(xs + ys))


def _one_act_unnamed(a: Position, b: Position) -> bool:
    """One count of an actor's things names its act ("were sent") and the other does not ("are in
    Russia"). A tracked series of nobody's things (a premium, a price) is one measure however told."""
    pa, pb = a.anchor, b.anchor
    counts_owned = pa.kind == pb.kind == "count" and pa.actor is not None and pb.actor is not None
    return counts_owned and (pa.family is None) != (pb.family is None)


def fallen_toll(early: Position, late: Position, ctx: Context) -> Finding | None:
    """A running toll of one kind of loss that a rival source puts lower later: a contradiction."""
    pe, pl = early.anchor, late.anchor
    if pe.family != LOSS_FAMILY or pl.family != LOSS_FAMILY or not pe.aspect or pe.aspect != pl.aspect:
        return None
    if pe.since or pl.since or not NARROWER_SCOPE * early.span[0] <= late.span[1] < early.span[0]:
        return None

    def rivals(x: Proposition, y: Proposition) -> bool:
        return ctx.distinct_reports(x, y) and ctx.side(x) != ctx.side(y)

    fallen = pairs(early, late, rivals)
    if fallen is None:
        return None
    xs, ys = fallen
    reason = (
        f"a toll that fell: {describe(late, ctx)} ({dates(ys, ctx)}, {origin_words(ys, ctx)}) after "
        f"{describe(early, ctx)} ({dates(xs, ctx)}, {origin_words(xs, ctx)}); losses only add up, "
        "so the later count or the earlier one is wrong"
    )
    return Finding(FindingKind.CONTRADICTION, reason, ids_of(xs + ys))
