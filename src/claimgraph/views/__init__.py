"""Views: read the store and show it. They never re-run NLP."""

from claimgraph.views.brief import briefing

__all__ = ["briefing"]
