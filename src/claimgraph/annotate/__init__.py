"""Annotate: sentences and entity mentions, resolved to canonical entities."""

from claimgraph.annotate.aliases import alias_resolver
from claimgraph.annotate.entities import resolve_mentions
from claimgraph.annotate.merge import EntityRegistry
from claimgraph.annotate.model import build_nlp, load_language
from claimgraph.annotate.page import find_tag_lines, page_mentions, resolve_tag_line
from claimgraph.annotate.resolver import NameResolver

__all__ = [
    "EntityRegistry",
    "NameResolver",
    "alias_resolver",
    "build_nlp",
    "find_tag_lines",
    "load_language",
    "page_mentions",
    "resolve_mentions",
    "resolve_tag_line",
]
