"""Two figures of one actor's losses that count different kinds of loss: when they contradict.

The killed and the wounded are parts of the casualties (killed or wounded). So:

- one figure told as casualties by one report and as killed by another is a casualty figure
  turned into a death toll as it travelled ("3,000 killed or wounded" retold as "3,000 killed");
- a part larger than its whole for one time, from rival sources ("2,000 killed" against
  "350 casualties" in the same month), cannot both be right.

Otherwise figures of two kinds of loss measure two things, and make no finding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimgraph.reconcile.pairs import apart, at_one_time, both, dates, same_number
from claimgraph.reconcile.positions import Context, Position, describe, ids_of, origin_words
from claimgraph.records import Finding, FindingKind

Rule = Callable[[Position, Position, Context], Finding | None]
WHOLE = "casualties"
# Kinds of loss counted inside the casualties; captured and missing are counted in or out by source.
PARTS = frozenset({"killed", "wounded"})


def loss_rule(a: Position, b: Position, ctx: Context) -> Rule | None:
    """Which rule weighs two positions counting different kinds of one actor's loss, if any."""
    if _whole_and_part(a, b) is None or a.anchor.vague or b.anchor.vague or not apart(a, b, ctx):
        return None
    return retold_loss if same_number(a, b, ctx) else part_over_whole


def explained_by_retelling(found: Sequence[tuple[Finding, str, tuple[int, ...]]]) -> set[int]:
    """Indexes of part-over-whole findings whose part is a retold casualty figure: a figure found
    retold as a death toll is one error, told once, not again against every casualty figure."""
    retold = {n for _, rule, seats in found if rule == retold_loss.__name__ for n in seats}
    return {
        i
        for i, (_, rule, seats) in enumerate(found)
        if rule == part_over_whole.__name__ and retold & set(seats)
    }


def _whole_and_part(a: Position, b: Position) -> tuple[Position, Position] | None:
    if a.anchor.aspect == WHOLE and b.anchor.aspect in PARTS:
        return a, b
    if b.anchor.aspect == WHOLE and a.anchor.aspect in PARTS:
        return b, a
    return None


def retold_loss(a: Position, b: Position, ctx: Context) -> Finding | None:
    """ "3,000 killed or wounded" retold as "3,000 killed": one figure, two kinds of loss."""
    sides = _whole_and_part(a, b)
    if sides is None or sides[1].anchor.aspect != "killed" or not same_number(a, b, ctx):
        return None
    casualties, killed = sides
    reason = (
        f"one figure, two kinds of loss: {describe(casualties, ctx)} "
        f"({origin_words(casualties.members, ctx)}) against {describe(killed, ctx)} "
        f"({origin_words(killed.members, ctx)}); the killed are only part of the killed and wounded"
    )
    return Finding(FindingKind.CONTRADICTION, reason, both(casualties, killed))


def part_over_whole(a: Position, b: Position, ctx: Context) -> Finding | None:
    """More killed (or wounded) for one time than another source's killed and wounded together."""
    sides = _whole_and_part(a, b)
    if sides is None:
        return None
    whole, part = sides
    if part.span[0] <= whole.span[1]:
        return None  # the part fits inside the whole, qualifiers allowed for
    at_once = at_one_time(whole, part, ctx)
    if at_once is None:
        return None  # a death toll of September may outgrow the casualties of March
    xs, ys = at_once
    reason = (
        f"a part larger than its whole: {describe(part, ctx)} ({origin_words(ys, ctx)}) against "
        f"{describe(whole, ctx)} ({origin_words(xs, ctx)}), {dates(xs + ys, ctx)}; the "
        f"{part.anchor.aspect} are counted among the killed and wounded, so at least one is wrong"
    )
    return Finding(FindingKind.CONTRADICTION, reason, ids_of(xs + ys))
