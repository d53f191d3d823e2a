"""Indexes for entity pages and name search: each answered from an index, whatever the store's size.

Revision ID: 0004
Revises: 0003
Created: 2026-11-23 14:51:44.344756
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_claim_entities_entity", table_name="claim_entities")
    op.create_index("ix_claim_entities_entity_claim", "claim_entities", ["entity_id", "claim_id"])
    op.create_index("ix_documents_source", "documents", ["source"])
    op.drop_index("ix_mentions_entity", table_name="mentions")
    op.create_index("ix_mentions_entity_document", "mentions", ["entity_id", "document_id"])
    op.create_index("ix_mentions_entity_text", "mentions", ["entity_id", "text"])
    # Expression indexes: autogenerate cannot compare them on SQLite, so they are written by hand.
    op.create_index("ix_entities_name_lower", "entities", [sa.text("lower(name)")])
    op.create_index("ix_mentions_text_lower", "mentions", [sa.text("lower(text)")])


def downgrade() -> None:
    op.drop_index("ix_mentions_text_lower", table_name="mentions")
    op.drop_index("ix_entities_name_lower", table_name="entities")
    op.drop_index("ix_mentions_entity_text", table_name="mentions")
    op.drop_index("ix_mentions_entity_document", table_name="mentions")
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.drop_index("ix_documents_source", table_name="documents")
    op.drop_index("ix_claim_entities_entity_claim", table_name="claim_entities")
    op.create_index("ix_claim_entities_entity", "claim_entities", ["entity_id"])
