"""Tables of documents, rejections, claims and entities, read from the store."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine

from claimgraph.records import Claim
from claimgraph.store import read
from claimgraph.views.text import format_quantity, highlight, plain, source_label


def documents_table(engine: Engine) -> Table:
    table = Table(title="Documents")
    for column in ("report", "title", "author", "published", "credits", "duplicate of"):
        table.add_column(column)
    for d in read.documents(engine):
        published = f"{d.published} ({d.published_how})" if d.published else ""
        table.add_row(
            plain(source_label(d)),
            plain(d.title),
            plain(d.author),
            plain(published),
            plain(d.original_source),
            plain(d.near_duplicate_of[:12] if d.near_duplicate_of else ""),
        )
    return table


def rejections_table(engine: Engine) -> Table:
    table = Table(title="Rejected inputs")
    table.add_column("input")
    table.add_column("reason", style="yellow")
    for r in read.rejections(engine):
        table.add_row(plain(r.source), plain(r.reason))
    return table


def claims_table(engine: Engine, entity: str | None = None) -> Table | Text:
    entity_id = None
    if entity is not None:
        found = read.find_entity(engine, entity)
        if found is None:
            return plain(f"no entity named {entity!r} in the store", "red")
        entity_id = found.id
    documents = {d.id: d for d in read.documents(engine)}
    names = {e.id: e.name for e in read.entities(engine).values()}
    table = Table(title="Claims", show_lines=True, expand=True)
    table.add_column("sentence (figure, time, speaker highlighted)", ratio=4)
    table.add_column("speaker")
    table.add_column("modality")
    table.add_column("figure")
    table.add_column("time")
    table.add_column("report")
    for claim in read.claims(engine, entity_id=entity_id):
        table.add_row(
            _sentence(claim),
            plain(names.get(claim.speaker, claim.speaker) if claim.speaker else ""),
            plain(
                ("opinion" if claim.opinion else str(claim.modality))
                + (" (negated)" if claim.negated else "")
            ),
            plain(format_quantity(claim.quantity) if claim.quantity else ""),
            plain(claim.time.value or claim.time.text if claim.time else ""),
            plain(source_label(documents[claim.document_id])),
        )
    return table


def _sentence(claim: Claim) -> Text:
    spans = []
    if claim.quantity:
        spans.append((claim.quantity.start, claim.quantity.end, "bold green"))
    if claim.time:
        spans.append((claim.time.start, claim.time.end, "bold cyan"))
    return highlight(claim.text, claim.start, spans)


def entities_table(engine: Engine) -> Table:
    table = Table(title="Entities")
    for column in ("entity", "kind", "mentions", "documents", "aliases seen"):
        table.add_column(column)
    for row in read.entity_counts(engine):
        seen = read.entity_aliases_seen(engine, row.entity.id)
        table.add_row(
            plain(row.entity.name),
            plain(row.entity.kind),
            str(row.mentions),
            str(row.documents),
            plain(", ".join(seen)),
        )
    return table
