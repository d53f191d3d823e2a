"""Store: the only stage that writes. SQLite by default; any SQLAlchemy URL."""

from claimgraph.store.engine import database_url, open_engine
from claimgraph.store.write import replace_groups, save_analysis, save_rejection

__all__ = ["database_url", "open_engine", "replace_groups", "save_analysis", "save_rejection"]
