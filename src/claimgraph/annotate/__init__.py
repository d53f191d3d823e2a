"""Annotate: sentences and entity mentions, resolved to canonical entities."""

from claimgraph.annotate.entities import resolve_mentions
from claimgraph.annotate.model import build_nlp, load_language

__all__ = ["build_nlp", "load_language", "resolve_mentions"]
