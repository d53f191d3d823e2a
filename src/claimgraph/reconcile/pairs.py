"""How two positions of one group stand to each other: in time, by source and side, by number.

The rules in ``compare`` read these: whether two positions' claims hold at one time, which
came first, whether their sources are rivals or one side, and which claims make the pair.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from claimgraph.reconcile.positions import Context, Position, compatible, origin_words
from claimgraph.reconcile.propositions import Proposition

Pair = tuple[list[Proposition], list[Proposition]]


def at_one_time(a: Position, b: Position, ctx: Context) -> Pair | None:
    """The claims of each, from rival sources, that hold in one month: sources in reports of
    different stories, or two named sources a report sets side by side."""

    def rivals(x: Proposition, y: Proposition) -> bool:
        return ctx.origin(x).id != ctx.origin(y).id and (
            ctx.distinct_reports(x, y) or (ctx.named(x) and ctx.named(y))
        )

    def month(p: Proposition) -> str | None:
        when = ctx.date(p)
        return when[:7] if when and len(when) >= 7 else None

    by_month = pairs(a, b, rivals, month)
    by_stated = pairs(a, b, rivals, lambda p: p.date)  # both state the same period: "in 2024"
    if by_month is None or by_stated is None:
        return by_month or by_stated
    return _union(by_month, by_stated)


def pairs(
    a: Position,
    b: Position,
    test: Callable[[Proposition, Proposition], bool],
    key: Callable[[Proposition], object | None] | None = None,
) -> Pair | None:
    """The claims of each position that some claim of the other passes ``test`` with; None if none.
    With ``key``, only claims of one (not None) key are paired: a pass over the pairs that can
    pass, not over every pair (a busy group's positions hold hundreds of claims)."""
    xs: dict[str, Proposition] = {}
    ys: dict[str, Proposition] = {}
    if key is None:
        candidates = [(x, b.members) for x in a.members]
    else:
        by_key: dict[object, list[Proposition]] = {}
        for y in b.members:
            k = key(y)
            if k is not None:
                by_key.setdefault(k, []).append(y)
        candidates = [(x, by_key.get(k, [])) for x in a.members if (k := key(x)) is not None]
    for x, others in candidates:
        for y in others:
            if test(x, y):
                xs.setdefault(x.claim_id, x)
                ys.setdefault(y.claim_id, y)
    return (list(xs.values()), list(ys.values())) if xs else None


def _union(first: Pair, second: Pair) -> Pair:
    xs = {p.claim_id: p for p in (*first[0], *second[0])}
    ys = {p.claim_id: p for p in (*first[1], *second[1])}
    return list(xs.values()), list(ys.values())


def dates(props: Sequence[Proposition], ctx: Context) -> str:
    dates = sorted({d for p in props if (d := ctx.date(p))})
    if not dates:
        return "undated"
    return dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"


def months(x: str | None, y: str | None) -> bool:
    """Two dates of at least a month's grain in the same month ("in 2024" and "2024-12-23" are not
    one time: a year holds the whole year's figures; two claims that both state 2024 are)."""
    return bool(x and y and len(x) >= 7 and len(y) >= 7 and x[:7] == y[:7])


def in_order(a: Position, b: Position, ctx: Context) -> tuple[Position, Position] | None:
    """(earlier, later) when every pair of claims from different reports that can be ordered agrees."""
    a_first = b_first = False
    for x in a.members:
        for y in b.members:
            if x.document_id == y.document_id:
                continue
            dx, dy = ctx.date(x), ctx.date(y)
            if not dx or not dy or compatible(dx, dy):
                continue
            if dx < dy:
                a_first = True
            else:
                b_first = True
    if a_first != b_first:
        return (a, b) if a_first else (b, a)
    return None


def one_side(a: Position, b: Position, ctx: Context) -> bool:
    """Every side behind one position is a side behind the other: one state's sources giving two
    figures for one time, which no difference of estimator explains."""
    sa, sb = {ctx.side(p) for p in a.members}, {ctx.side(p) for p in b.members}
    return sa == sb and len(sa) == 1 and all(ctx.named(p) for p in (*a.members, *b.members))


def two_estimators(xs: Sequence[Proposition], ys: Sequence[Proposition], ctx: Context) -> bool:
    """Some claim of each is credited to a named source of another side than the other's: two
    estimators, whose counts may differ by method. A report's own figure names no estimator."""
    return any(ctx.named(x) and ctx.named(y) and ctx.side(x) != ctx.side(y) for x in xs for y in ys)


def rival(a: Position, b: Position, ctx: Context) -> bool:
    """Some claim of one comes from another report and another origin than one of the other:
    a contradiction is between sources, never one source's two figures in one sentence."""
    return any(
        x.document_id != y.document_id and ctx.origin(x).id != ctx.origin(y).id
        for x in a.members
        for y in b.members
    )


def same_number(a: Position, b: Position, ctx: Context) -> bool:
    """The two positions state one number ("more than 6,000"), whatever their qualifiers."""
    qa, qb = ctx.claims[a.anchor.claim_id].quantity, ctx.claims[b.anchor.claim_id].quantity
    if qa is None or qb is None:
        return False
    return abs(qa.low - qb.low) <= 0.01 * max(qa.low, qb.low, 1.0)


def side_by_side(a: Position, b: Position, ctx: Context) -> bool:
    """One source gives both figures, for one time, in one report, or one sentence gives both
    without setting them against each other: two things, not two estimates ("1,000 sappers and
    5,000 builders"); "2,700 a month, up from 2,000 in January" is a change."""
    common = a.documents & b.documents
    if not common:
        return False
    return any(
        x.document_id == y.document_id
        and (ctx.date(x) or "") == (ctx.date(y) or "")
        and (ctx.origin(x).id == ctx.origin(y).id or _one_sentence(x, y, ctx))
        for x in a.members
        if x.document_id in common
        for y in b.members
        if y.document_id == x.document_id
    )


def _one_sentence(x: Proposition, y: Proposition, ctx: Context) -> bool:
    cx, cy = ctx.claims.get(x.claim_id), ctx.claims.get(y.claim_id)
    return cx is not None and cy is not None and cx.start == cy.start


def apart(a: Position, b: Position, ctx: Context) -> bool:
    return any(ctx.distinct_reports(x, y) for x in a.members for y in b.members)


def times_apart(a: Position, b: Position) -> float:
    """How many times apart two figures are, at their closest (after qualifiers widen them)."""
    (alo, ahi), (blo, bhi) = a.span, b.span
    low, high = (ahi, blo) if ahi < blo else (bhi, alo)
    return high / low if low > 0 else float("inf")


def same_things(a: Position, b: Position) -> bool:
    ta, tb = a.anchor.things, b.anchor.things
    return not ta or not tb or bool(set(ta) & set(tb))


def date_words(position: Position, ctx: Context) -> str:
    dates = sorted({p.date for p in position.members if p.date})
    return f"{' / '.join(dates)} ({origin_words(position.members, ctx)})"


def when(position: Position, ctx: Context) -> str:
    dates = sorted({d for p in position.members if (d := ctx.date(p))})
    if not dates:
        return "undated"
    return dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"


def both(a: Position, b: Position) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.ids() + b.ids()))
