"""Findings within one claim group: corroboration, repeat, contradiction, tension, update.

A group holds claims about one measure (an actor's things counted by one act, a rate,
the date of a one-off act, an actor's act). Claims that say the same thing form a
position (``positions``); a position backed by two independent origins is a
corroboration, and one origin told by several reports (a credited wire, a relayed
statement, copies of one story) is a repeat. Positions are then set against each
other by the rules in ``compare``, each finding saying in words what differs.

Every finding has claims from at least two reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from claimgraph.reconcile.compare import additions, set_against, split_dates
from claimgraph.reconcile.losses import explained_by_retelling
from claimgraph.reconcile.positions import Context, Position, describe, ids_of, origin_words
from claimgraph.reconcile.propositions import Basis, Proposition
from claimgraph.records import Finding, FindingKind, Origin


def find(positions: Sequence[Position], ctx: Context) -> list[Finding]:
    """Every finding of a group's positions; findings of one kind that share a position are one."""
    found: list[tuple[Finding, str, tuple[int, ...]]] = []
    for n, position in enumerate(positions):
        found.extend((f, "agreement", (n,)) for f in agreement(position, ctx))
        found.extend((f, "dates", (n,)) for f in split_dates(position, ctx))
    for i, a in enumerate(positions):
        for j in range(i + 1, len(positions)):
            b = positions[j]
            if a.basis == b.basis and a.anchor.kind == "statement":
                continue  # two statements of one basis differ only in what they say: no finding
            weighed = set_against(a, b, ctx)
            if weighed is not None:
                found.append((weighed[0], weighed[1], (i, j)))
    explained = explained_by_retelling(found)
    found = [f for n, f in enumerate(found) if n not in explained]
    return merge_connected(found) + additions(positions, ctx) + repeats(positions, ctx)


def merge_connected(found: Sequence[tuple[Finding, str, tuple[int, ...]]]) -> list[Finding]:
    """Pairwise findings of one rule that chain through a position (A against B, B against C)
    told as one finding: three rates that disagree are one tension, not three. In the order
    the findings came, each chain where its first finding stood."""
    parent: dict[tuple[str, str, int], tuple[str, str, int]] = {}

    def root(seat: tuple[str, str, int]) -> tuple[str, str, int]:
        while parent.setdefault(seat, seat) != seat:
            parent[seat] = parent[parent[seat]]
            seat = parent[seat]
        return seat

    for finding, rule, positions in found:
        if len(positions) >= 2:
            seats = [(rule, str(finding.kind), n) for n in positions]
            for seat in seats[1:]:
                parent[root(seat)] = root(seats[0])
    chains: dict[object, list[Finding]] = {}
    for n, (finding, rule, positions) in enumerate(found):
        key: object = root((rule, str(finding.kind), positions[0])) if len(positions) >= 2 else n
        chains.setdefault(key, []).append(finding)
    merged = []
    for parts in chains.values():
        if len(parts) == 1:
            merged.append(parts[0])
            continue
        reasons = dict.fromkeys(f.reason for f in parts)
        claim_ids = dict.fromkeys(c for f in parts for c in f.claim_ids)
        merged.append(Finding(parts[0].kind, "; and ".join(reasons), tuple(claim_ids)))
    return merged


def agreement(position: Position, ctx: Context) -> list[Finding]:
    """Corroboration by independent origins, and one plan credited to two sources."""
    if len(position.documents) < 2:
        return []
    by_origin = presumed_origins(position, ctx)
    what = describe(position, ctx)
    found = []
    figure = position.anchor.kind in ("count", "rate")
    if figure and position.basis == Basis.PLAN:
        named = {o: ps for o, ps in by_origin.items() if any(ctx.named(p) for p in ps)}
        bodies = {
            o: ps for o, ps in named.items() if ctx.origin_kind(ctx.origin(ps[0])) not in (None, "person")
        }
        if len(bodies) >= 2 and _across_reports(bodies.values()):
            labels = "; ".join(origin_words(ps, ctx) for ps in bodies.values())
            reason = f"one plan credited to different sources: {what}, announced by {labels}"
            found.append(Finding(FindingKind.CONTRADICTION, reason, position.ids()))
            reports = len(position.documents)
            reason = f"{what}: one announcement told by {reports} reports, whoever they credit: a repeat"
            found.append(Finding(FindingKind.REPEAT, reason, position.ids()))
    elif (
        len(_sides(witnesses := _witnesses(by_origin), ctx)) >= 2
        and not position.anchor.vague
        and _across_reports(witnesses.values())
    ):
        labels = "; ".join(origin_words(ps, ctx) for ps in witnesses.values())
        count = len(_sides(witnesses, ctx))
        reason = f"{what}, from {count} independent origins: {labels}"
        found.append(Finding(FindingKind.CORROBORATION, reason, position.ids()))
    return found


def repeats(positions: Sequence[Position], ctx: Context) -> list[Finding]:
    """One repeat per origin told by several stories, whatever of the group's figures it gave:
    "NIS: 4,700 casualties, 600 killed" retold by three reports is one repeat, not two."""
    told: dict[str, list[tuple[Position, list[Proposition]]]] = {}
    spread = _numbers_retold(positions, ctx)
    for position in positions:
        for origin_id, members in presumed_origins(position, ctx).items():
            if _stories(members, ctx) >= 2 or any(p.claim_id in spread for p in members):
                told.setdefault(origin_id, []).append((position, members))
    members_of: dict[frozenset[str], list[Proposition]] = {}
    # Origins relayed by the very same reports are one story told once: one repeat, naming each.
    by_reports: dict[frozenset[str], list[str]] = {}
    for parts in told.values():
        members = [p for _, ms in parts for p in ms]
        origin = ctx.origin(members[0])
        what = "; ".join(describe(position, ctx) for position, _ in parts)
        documents = {p.document_id for p in members}
        reason = (
            f"{what}, in {len(documents)} reports that all rest on one origin, {origin.label} "
            f"({origin.reason}): a repeat, not a confirmation"
        )
        by_reports.setdefault(frozenset(documents), []).append(reason)
        members_of.setdefault(frozenset(documents), []).extend(members)
    return [
        Finding(FindingKind.REPEAT, "; and ".join(reasons), ids_of(members_of[reports]))
        for reports, reasons in by_reports.items()
    ]


def _numbers_retold(positions: Sequence[Position], ctx: Context) -> set[str]:
    """Claims whose origin gives their number in several stories, though the stories tell it as
    different acts ("11,000 are in Russia", "11,000 are being trained"): one figure retold."""
    by_number: dict[tuple[str, float], list[Proposition]] = {}
    for position in positions:
        for origin_id, members in presumed_origins(position, ctx).items():
            for p in members:
                number = _number(p, ctx)
                if number is not None and ctx.named(p):
                    by_number.setdefault((origin_id, number), []).append(p)
    return {p.claim_id for members in by_number.values() if _stories(members, ctx) >= 2 for p in members}


def presume(positions: Sequence[Position], ctx: Context) -> Context:
    """The context with what the claims leave unsaid presumed, position by position.

    A state named as the source ("South Korea said") is the vaguest name for one of its bodies:
    beside the body it is that body. When one named source (or one state's) alone gives a
    figure, reports that give the same number in their own voice are presumed to relay it:
    "3,000 more" in an unattributed report is the Joint Chiefs' figure, not a second
    confirmation. With no named source each report's own voice stays its own origin."""
    origins = dict(ctx.origins)
    for position in positions:
        if position.anchor.kind not in ("count", "rate"):
            continue  # a number is what a relay copies; a date or an act is told by many
        for lead, members in _presumed(position, ctx).items():
            origin = ctx.origin(lead)
            for p in members:
                if ctx.origin(p).id != origin.id:
                    reason = f"presumed to relay {origin.label}, the one named source of this figure"
                    origins[p.claim_id] = Origin(origin.id, origin.label, reason)
    return replace(ctx, origins=origins, when={})


def _presumed(position: Position, ctx: Context) -> dict[Proposition, list[Proposition]]:
    """A named claim of the position -> the claims presumed to be that source's word."""
    by_origin: dict[str, list[Proposition]] = {}
    for p in position.members:
        by_origin.setdefault(ctx.origin(p).id, []).append(p)
    named = {o: ps for o, ps in by_origin.items() if any(ctx.named(p) for p in ps)}
    if not named:
        return {}
    moved: dict[Proposition, list[Proposition]] = {}
    for state in [o for o in named if ctx.kinds.get(o) == "country"]:
        bodies = [o for o in named if o != state and ctx.side(named[o][0]) == state]
        if bodies:
            body = max(bodies, key=lambda o: (len(named[o]), o))
            moved.setdefault(named[body][0], []).extend(named[state])
    if len({ctx.side(ps[0]) for ps in named.values()}) == 1:  # one named source, or one state's
        lead = max(named, key=lambda o: (len(named[o]), o))
        numbers = {_number(p, ctx) for p in named[lead]}
        moved.setdefault(named[lead][0], []).extend(
            p for o, ps in by_origin.items() if o not in named for p in ps if _number(p, ctx) in numbers
        )
    return moved


def _number(p: Proposition, ctx: Context) -> float | None:
    claim = ctx.claims.get(p.claim_id)
    return round(claim.quantity.low, 6) if claim and claim.quantity else None


def presumed_origins(position: Position, ctx: Context) -> dict[str, list[Proposition]]:
    """The position's claims by (presumed) origin; with named sources of several sides, the
    claims of no named source add nothing to count."""
    by_origin: dict[str, list[Proposition]] = {}
    for p in position.members:
        by_origin.setdefault(ctx.origin(p).id, []).append(p)
    if position.anchor.kind not in ("count", "rate"):
        return by_origin  # an event or an act is reported by outlets in their own right
    named = {o: ps for o, ps in by_origin.items() if any(ctx.named(p) for p in ps)}
    return named if named else by_origin


def _witnesses(by_origin: dict[str, list[Proposition]]) -> dict[str, list[Proposition]]:
    """The origins that confirm a figure in a report of their own: one credited only in reports
    that already give the figure from another origin ("3,000 more, the JCS said … 3,000 more,
    Kyiv says" in one report) adds no second witness; the report tells one figure twice."""
    reports = {o: {p.document_id for p in ps} for o, ps in by_origin.items()}
    return {
        o: ps
        for o, ps in by_origin.items()
        if reports[o] - set().union(*(docs for other, docs in reports.items() if other != o))
    }


def _sides(by_origin: dict[str, list[Proposition]], ctx: Context) -> set[str]:
    """The independent sides behind a position: one state's bodies and officials count once."""
    return {ctx.side(ps[0]) for ps in by_origin.values()}


def _stories(members: Sequence[Proposition], ctx: Context) -> int:
    """How many stories the claims come from: copies of one story count once."""
    heads: list[Proposition] = []
    for p in members:
        if all(ctx.distinct_reports(p, h) for h in heads):
            heads.append(p)
    return len(heads)


def _across_reports(sides: Iterable[Sequence[Proposition]]) -> bool:
    return len({p.document_id for ps in sides for p in ps}) >= 2


def _flat(sides: Iterable[Sequence[Proposition]]) -> list[Proposition]:
    return [p for ps in sides for p in ps]
