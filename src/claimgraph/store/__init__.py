"""Store: the only stage that writes. SQLite by default; any SQLAlchemy URL."""

from claimgraph.store.engine import database_url, open_engine
from claimgraph.store.write import (
    Outcome,
    Saved,
    clear_reconciliation,
    replace_groups,
    save_analysis,
    save_batch,
    save_reconciliation,
    save_rejection,
    save_results,
)

__all__ = [
    "Outcome",
    "Saved",
    "clear_reconciliation",
    "database_url",
    "open_engine",
    "replace_groups",
    "save_analysis",
    "save_batch",
    "save_reconciliation",
    "save_rejection",
    "save_results",
]
