"""The store's tables (SQLAlchemy Core), one per record of DESIGN.md."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("outlet", Text),
    Column("published", String(10)),
    Column("published_how", String(16), nullable=False),
    Column("language", String(8)),
    Column("original_source", Text),
    Column("near_duplicate_of", String(64)),
    Column("body", Text, nullable=False),
    Column("credits", JSON),  # every source the report credits, in order; the first is original_source
    Column("near_duplicate_measure", Float),  # how much of the shorter report the copied one holds
    Column("ingested_at", String(32), nullable=False),
    # The order reports came in (1, 2, …): reconcile assesses a group on what the latest reports said.
    Column("seq", Integer),
    Index("ix_documents_source", "source"),
    Index("ix_documents_seq", "seq"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
    Index("ix_rejections_source", "source"),  # an input rejected again is not recorded again
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("wikidata", String(20)),
)
Index("ix_entities_name_lower", func.lower(entities.c.name))  # find_entity is case-blind

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String(200), ForeignKey("entities.id"), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    # An entity page reads its documents and the names it went by from these indexes alone.
    Index("ix_mentions_entity_document", "entity_id", "document_id"),
    Index("ix_mentions_entity_text", "entity_id", "text"),
    Index("ix_mentions_document", "document_id"),
)
Index("ix_mentions_text_lower", func.lower(mentions.c.text))

quantities = Table(
    "quantities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("low", Float, nullable=False),
    Column("high", Float, nullable=False),
    Column("unit", String(40), nullable=False),
    Column("per", String(10)),
    Column("qualifier", String(40)),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_quantities_document", "document_id"),
)

times = Table(
    "times",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(10)),
    Column("resolution", String(10), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(10), nullable=False, server_default="date"),
    Index("ix_times_document", "document_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("predicate", String(60), nullable=False),
    Column("subject", String(200)),
    Column("object", String(200)),
    Column("place", String(200)),
    Column("entities", JSON, nullable=False),
    Column("quantity", JSON),  # the Quantity record, as its fields
    Column("time", JSON),  # the TimeRef record, as its fields
    Column("speaker", Text),
    Column("cue", String(40)),
    Column("via", Text),
    Column("modality", String(16), nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("opinion", Boolean, nullable=False),
    Index("ix_claims_document", "document_id"),
    Index("ix_claims_subject", "subject"),
)

claim_entities = Table(
    "claim_entities",
    metadata,
    Column("claim_id", String(80), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", String(200), primary_key=True),
    Index("ix_claim_entities_entity_claim", "entity_id", "claim_id"),
)

claim_groups = Table(
    "claim_groups",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("key", Text, nullable=False),
    Column("claim_ids", JSON, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("origins", JSON, nullable=False),
    Column("findings", JSON, nullable=False),
    Column("grade", JSON),
)

# A MinHash signature per document, so near-duplicates are found across ingests
# without re-reading bodies; `scheme` names how it was made, so a change of recipe recomputes.
document_signatures = Table(
    "document_signatures",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("scheme", String(40), nullable=False),
    Column("signature", LargeBinary, nullable=False),
)

# The LSH band keys of each signature (the band and the scheme hashed in), so a new document's
# near-copies are found by index lookups in the store rather than in an index held in memory
# (which would grow with every stored report). Slim on purpose: the key index stays cached.
document_bands = Table(
    "document_bands",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("key", BigInteger, nullable=False),
    Index("ix_document_bands_key", "key"),
)

# How reconcile filed each claim: its group (NULL when it makes no comparable proposition),
# why, and whose word it is. New claims find the groups they touch through ix_claim_memberships_group,
# so reconciling a batch reads those groups only, however large the store.
claim_memberships = Table(
    "claim_memberships",
    metadata,
    Column("claim_id", String(80), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("group_id", String(64)),
    Column("key", Text),
    Column("reason", Text, nullable=False),
    Column("origin_id", Text, nullable=False),
    Column("origin_label", Text, nullable=False),
    Column("origin_reason", Text, nullable=False),
    Column("date", String(10)),
    Column("seq", Integer),  # its report's place in the order reports came in
    # A group is assessed on its latest claims: read newest first, by this index alone.
    Index("ix_claim_memberships_group_seq", "group_id", "seq", "claim_id"),
    Index("ix_claim_memberships_document", "document_id"),
    # A timeline reads the newest dated claims first, by this index alone.
    Index("ix_claim_memberships_date", "date", "claim_id"),
)

# The digest of each input whose document is stored (its bytes and what its reader knew), so an
# input read again is recognised before it is analysed: re-ingesting a stored corpus skips the
# language model. Several inputs may give one document (the same body under other furniture).
input_digests = Table(
    "input_digests",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Index("ix_input_digests_document", "document_id"),
)
