"""Grades on the NATO Admiralty scale: source reliability A–F, information credibility 1–6.

Reliability is the source's record, read from the domain pack's profiles of
outlets and speakers (F, "cannot be judged", when the pack has none).
Credibility is what other reports make of the information: confirmed by
independent origins (1), probably true (2), possibly true (3), doubtful (4),
improbable (5), cannot be judged (6). Both come with their reasoning in words.

A group is graded on its leading position: the value most independent origins
back (the latest, on a tie), as the other positions bear on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.domains import DomainPack
from claimgraph.reconcile.positions import Context, Position
from claimgraph.reconcile.propositions import Basis
from claimgraph.records import Finding, FindingKind, Grade, Origin

RELIABILITY = "ABCDEF"
UNKNOWN = "F"
CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


def grade_group(
    positions: Sequence[Position], findings: Sequence[Finding], ctx: Context, pack: DomainPack | None
) -> Grade:
    gradable = [p for p in positions if p.basis != Basis.DENIAL]
    if not gradable:
        return Grade(UNKNOWN, 6, "Credibility 6: only denials; nothing asserted to grade.")
    lead = max(gradable, key=lambda p: (len(_origins(p, ctx)), max(ctx.date(m) or "" for m in p.members)))
    support = _origins(lead, ctx)
    members = {m.claim_id for m in lead.members}
    against: dict[str, Origin] = {}
    for finding in findings:
        if finding.kind == FindingKind.CONTRADICTION and members & set(finding.claim_ids):
            for claim_id in finding.claim_ids:
                origin = ctx.origins.get(claim_id)
                if claim_id not in members and origin is not None and origin.id not in support:
                    against[origin.id] = origin
    tension = any(f.kind == FindingKind.TENSION and members & set(f.claim_ids) for f in findings)
    credibility, why = _credibility(lead, support, against, tension)
    reliability, sources = _reliability(support, pack)
    meaning = CREDIBILITY[credibility]
    reasoning = f"Reliability {reliability}: {sources}. Credibility {credibility} ({meaning}): {why}."
    return Grade(reliability, credibility, reasoning)


def _credibility(
    lead: Position, support: dict[str, Origin], against: dict[str, Origin], tension: bool
) -> tuple[int, str]:
    what = "the plan or target" if lead.basis == Basis.PLAN else "the information"
    backers = ", ".join(o.label for o in support.values())
    reports = len(lead.documents)
    if against:
        rivals = ", ".join(o.label for o in against.values())
        if len(support) > len(against):
            score = 2 if len(support) >= 2 else 3
            return (
                score,
                f"{what} is backed by {len(support)} independent origins ({backers}) "
                f"and contradicted by {len(against)} ({rivals})",
            )
        score = 4 if len(support) == len(against) else 5
        return (
            score,
            f"{what} is contradicted by {len(against)} independent origins ({rivals}) "
            f"against {len(support)} ({backers})",
        )
    if len(support) >= 2:
        if tension:
            return (
                2,
                f"{len(support)} independent origins agree ({backers}), but related figures are in tension",
            )
        return 1, f"{len(support)} independent origins agree ({backers}) and none contradicts"
    repeat = f", repeated by {reports} reports (a repeat is not a confirmation)" if reports > 1 else ""
    return 3, f"one origin ({backers}){repeat}; not confirmed independently, not contradicted"


def _reliability(support: dict[str, Origin], pack: DomainPack | None) -> tuple[str, str]:
    graded = []
    for origin in support.values():
        profile = pack.profile(origin.id) if pack else None
        if profile is not None:
            graded.append(
                (profile.reliability, f"{origin.label} {profile.reliability} ({profile.rationale})")
            )
        else:
            graded.append((UNKNOWN, f"{origin.label} {UNKNOWN} (no profile in the domain pack)"))
    graded.sort(key=lambda g: RELIABILITY.index(g[0]) if g[0] in RELIABILITY else len(RELIABILITY))
    best = graded[0][0] if graded else UNKNOWN
    words = "; ".join(text for _, text in graded) or "no origin known"
    lead = "the most reliable origin backing it" if len(graded) > 1 else "its origin"
    return best, f"{lead} — {words}"


def _origins(position: Position, ctx: Context) -> dict[str, Origin]:
    return {ctx.origin(m).id: ctx.origin(m) for m in position.members}
