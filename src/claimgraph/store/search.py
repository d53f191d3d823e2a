"""Full-text search over documents and claims: SQLite FTS5, PostgreSQL full-text.

The search indexes live beside the tables they index and are kept by the database itself
(SQLite triggers; a PostgreSQL expression index), so every writer keeps them true — the
pipeline, a bulk load, a hand-made fix. Migration 0009 makes them; they are not tables of
schema.py (an FTS5 table is a virtual table with shadow tables of its own), so the schema
comparison leaves them out by name (``is_search_object``).

What a user types is never handed to a query parser: it is cut into words, and a result
must hold every word (stemmed as English on both backends). Results come newest first,
the order an analyst following a story reads in, and the cost of a page does not grow
with the number of matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Engine, and_, bindparam, exists, func, literal_column, select, text
from sqlalchemy.sql.elements import ColumnElement

from claimgraph.records import Claim, Document
from claimgraph.store import schema
from claimgraph.store.convert import claim_from_row, document_from_row

# FTS5 tables made by migration 0009 on SQLite (their shadow tables are named after them),
# and its expression indexes on PostgreSQL.
SEARCH_TABLES = ("documents_search", "claims_search")
SEARCH_INDEXES = ("ix_documents_search", "ix_claims_search")
MAX_TERMS = 12  # a longer query is cut here: every word must match, so more only narrows
_WORD = re.compile(r"\w+", re.UNICODE)


def is_search_object(name: str | None) -> bool:
    """True for the full-text tables (and their shadow tables) and indexes, which schema.py does not hold."""
    if not name:
        return False
    return name in SEARCH_INDEXES or any(name == t or name.startswith(t + "_") for t in SEARCH_TABLES)


def search_terms(query: str) -> list[str]:
    """The words of a query, lower-cased, without repeats: punctuation and operators are dropped."""
    return list(dict.fromkeys(w.lower() for w in _WORD.findall(query)))[:MAX_TERMS]


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What narrows a search: an entity the result names, and a span of publication dates (ISO)."""

    entity_id: str | None = None
    date_from: str | None = None
    date_to: str | None = None


NO_FILTERS = SearchFilters()


def published_between(published: ColumnElement[str], date_from: str | None, date_to: str | None) -> list:
    """Conditions keeping a publication date (ISO day, month or year) whose span meets [from, to].

    "2025-03" spans the whole month: it is kept for 2025-03-15..2025-04-01. Compared as text:
    a shorter date sorts before every day it holds, and with "~" appended after every one.
    """
    conditions = []
    if date_from:
        conditions.append(published + "~" >= date_from)
    if date_to:
        conditions.append(published <= date_to)
    return conditions


def search_documents(
    engine: Engine, query: str, filters: SearchFilters = NO_FILTERS, limit: int = 20, offset: int = 0
) -> list[Document]:
    """Documents whose title or body holds every word of the query, newest first."""
    terms = search_terms(query)
    if not terms:
        return []
    d = schema.documents
    if engine.dialect.name == "sqlite":
        fts = text("SELECT id, rowid AS n FROM documents_search WHERE documents_search MATCH :q").columns(
            literal_column("id"), literal_column("n")
        )
        matches = fts.bindparams(q=_fts5_query(terms)).subquery("matches")
        query_ = select(d).join(matches, matches.c.id == d.c.id).order_by(matches.c.n.desc())
    else:
        vector = func.to_tsvector(text("'english'"), func.coalesce(d.c.title, "") + " " + d.c.body)
        matched = vector.op("@@")(func.plainto_tsquery(text("'english'"), bindparam("q", " ".join(terms))))
        query_ = select(d).where(matched).order_by(d.c.seq.desc(), d.c.id)
    if filters.entity_id:
        m = schema.mentions
        query_ = query_.where(exists().where(m.c.document_id == d.c.id, m.c.entity_id == filters.entity_id))
    query_ = query_.where(*published_between(d.c.published, filters.date_from, filters.date_to))
    with engine.connect() as conn:
        return [document_from_row(r) for r in conn.execute(query_.limit(limit).offset(offset or None))]


def search_claims(
    engine: Engine, query: str, filters: SearchFilters = NO_FILTERS, limit: int = 20, offset: int = 0
) -> list[Claim]:
    """Claims whose sentence holds every word of the query, newest report first."""
    terms = search_terms(query)
    if not terms:
        return []
    c, d = schema.claims, schema.documents
    if engine.dialect.name == "sqlite":
        fts = text("SELECT id, rowid AS n FROM claims_search WHERE claims_search MATCH :q").columns(
            literal_column("id"), literal_column("n")
        )
        matches = fts.bindparams(q=_fts5_query(terms)).subquery("matches")
        query_ = select(c).join(matches, matches.c.id == c.c.id).order_by(matches.c.n.desc())
    else:
        vector = func.to_tsvector(text("'english'"), c.c.text)
        matched = vector.op("@@")(func.plainto_tsquery(text("'english'"), bindparam("q", " ".join(terms))))
        query_ = select(c).where(matched).order_by(d.c.seq.desc(), c.c.start, c.c.id)
    query_ = query_.join(d, d.c.id == c.c.document_id)
    if filters.entity_id:
        links = schema.claim_entities
        query_ = query_.where(
            exists().where(and_(links.c.claim_id == c.c.id, links.c.entity_id == filters.entity_id))
        )
    query_ = query_.where(*published_between(d.c.published, filters.date_from, filters.date_to))
    with engine.connect() as conn:
        return [claim_from_row(r) for r in conn.execute(query_.limit(limit).offset(offset or None))]


def _fts5_query(terms: list[str]) -> str:
    # Each word a quoted FTS5 string: nothing the user typed is read as FTS5 syntax.
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
