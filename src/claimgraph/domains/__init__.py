"""Domain packs: a topic's entities, source profiles and indicators, as data.

See ``claimgraph.domains.pack`` for the YAML format.
"""

from claimgraph.domains.check import (
    ENTITY_KINDS,
    RATE_PERIODS,
    RELIABILITIES,
    PackProblem,
    alias_key,
    check_pack,
    check_text,
    slugify,
)
from claimgraph.domains.pack import (
    DomainPack,
    IndicatorSpec,
    PackError,
    Profile,
    default_pack_path,
    format_problem,
    load_pack,
)

__all__ = [
    "ENTITY_KINDS",
    "RATE_PERIODS",
    "RELIABILITIES",
    "DomainPack",
    "IndicatorSpec",
    "PackError",
    "PackProblem",
    "Profile",
    "alias_key",
    "check_pack",
    "check_text",
    "default_pack_path",
    "format_problem",
    "load_pack",
    "slugify",
]
