"""Extract: quantities, times and claims from an annotated document."""

from claimgraph.extract.claims import extract_claims
from claimgraph.extract.quantities import extract_quantities
from claimgraph.extract.times import extract_times

__all__ = ["extract_claims", "extract_quantities", "extract_times"]
