"""Which of the pack's indicators a figure reports: the same test for a series and for filing.

An indicator names a measure worth following (the war-risk premium on a transit, a plant's
monthly output): its unit, the acts that report it and the entities a report names with it.
A figure that names no actor whose things it counts is still comparable when it reports one.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.domains import IndicatorSpec
from claimgraph.reconcile.lexicon import family_of_lemma
from claimgraph.records import Claim


def tracks(spec: IndicatorSpec, claim: Claim, family: str | None) -> bool:
    """Whether a claim's figure, reported by act ``family`` and counted in the indicator's unit
    (the caller's test), reports the indicator: one of its acts, one of its entities."""
    if spec.predicates:
        families = {family_of_lemma(p) or p for p in spec.predicates}
        if family not in families and claim.predicate not in spec.predicates:
            return False
    named = {claim.subject, claim.object, claim.place, *claim.entities}
    return not spec.entities or bool(named & set(spec.entities))


def tracked_by(specs: Iterable[IndicatorSpec], claim: Claim, family: str | None) -> IndicatorSpec | None:
    """The first indicator (in the pack's order) of those counted in the figure's unit that a
    count with no actor reports, or None."""
    return next((s for s in specs if s.per is None and tracks(s, claim, family)), None)
