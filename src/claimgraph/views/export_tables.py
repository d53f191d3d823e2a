"""The store as six flat tables (Arrow): documents, entities, mentions, claims, groups and findings.

One schema per table, written the same to Parquet and to CSV, so a column means the same thing
in both. Lists (aliases, a claim's entities, a group's claim ids) are Arrow lists in Parquet and
JSON arrays in CSV, the one text form that keeps an item holding a comma or semicolon whole.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from sqlalchemy import Engine

from claimgraph.records import Claim, ClaimGroup, Document, Entity, Membership
from claimgraph.store import read

_text, _int, _float, _bool = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_texts = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("id", _text),
            ("source", _text),
            ("outlet", _text),
            ("title", _text),
            ("author", _text),
            ("published", _text),
            ("published_how", _text),
            ("language", _text),
            ("original_source", _text),
            ("near_duplicate_of", _text),
            ("body", _text),
        ]
    ),
    "entities": pa.schema(
        [("id", _text), ("name", _text), ("kind", _text), ("aliases", _texts), ("wikidata", _text)]
    ),
    "mentions": pa.schema(
        [("document_id", _text), ("entity_id", _text), ("text", _text), ("start", _int), ("end", _int)]
    ),
    "claims": pa.schema(
        [
            ("id", _text),
            ("document_id", _text),
            ("start", _int),
            ("end", _int),
            ("text", _text),
            ("predicate", _text),
            ("subject", _text),
            ("object", _text),
            ("place", _text),
            ("entities", _texts),
            ("speaker", _text),
            ("cue", _text),
            ("via", _text),
            ("modality", _text),
            ("negated", _bool),
            ("opinion", _bool),
            ("quantity_low", _float),
            ("quantity_high", _float),
            ("quantity_unit", _text),
            ("quantity_per", _text),
            ("quantity_qualifier", _text),
            ("quantity_text", _text),
            ("time_text", _text),
            ("time_value", _text),
            ("time_resolution", _text),
            ("time_kind", _text),
            ("group_id", _text),
            ("origin_id", _text),
            ("origin_label", _text),
            ("date", _text),
        ]
    ),
    "groups": pa.schema(
        [
            ("id", _text),
            ("key", _text),
            ("claims", _int),
            ("claim_ids", _texts),
            ("origins", _texts),
            ("grade", _text),
            ("reliability", _text),
            ("credibility", _int),
            ("grade_reasoning", _text),
        ]
    ),
    "findings": pa.schema(
        [
            ("id", _text),
            ("group_id", _text),
            ("group_key", _text),
            ("kind", _text),
            ("reason", _text),
            ("claim_ids", _texts),
        ]
    ),
}
TABLES = tuple(SCHEMAS)


def store_tables(engine: Engine) -> dict[str, pa.Table]:
    """Every table, read from the store, with the schemas above."""
    groups = read.groups(engine)
    memberships = read.memberships(engine)
    rows = {
        "documents": [document_row(d) for d in read.documents(engine)],
        "entities": [entity_row(e) for e in sorted(read.entities(engine).values(), key=lambda e: e.id)],
        "mentions": [
            {
                "document_id": document_id,
                "entity_id": m.entity_id,
                "text": m.text,
                "start": m.start,
                "end": m.end,
            }
            for document_id, m in read.mentions(engine)
        ],
        "claims": [claim_row(c, memberships) for c in read.claims(engine)],
        "groups": [group_row(g) for g in groups],
        "findings": [
            {
                "id": f"{g.id}:{n}",
                "group_id": g.id,
                "group_key": g.key,
                "kind": str(f.kind),
                "reason": f.reason,
                "claim_ids": list(f.claim_ids),
            }
            for g in groups
            for n, f in enumerate(g.findings, 1)
        ],
    }
    return {name: pa.Table.from_pylist(rows[name], schema=schema) for name, schema in SCHEMAS.items()}


def document_row(document: Document) -> dict:
    return {
        "id": document.id,
        "source": document.source,
        "outlet": document.outlet,
        "title": document.title,
        "author": document.author,
        "published": document.published,
        "published_how": str(document.published_how),
        "language": document.language,
        "original_source": document.original_source,
        "near_duplicate_of": document.near_duplicate_of,
        "body": document.body,
    }


def entity_row(entity: Entity) -> dict:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "wikidata": entity.wikidata,
    }


def claim_row(claim: Claim, memberships: Mapping[str, Membership]) -> dict:
    q, t = claim.quantity, claim.time
    membership = memberships.get(claim.id)
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "predicate": claim.predicate,
        "subject": claim.subject,
        "object": claim.object,
        "place": claim.place,
        "entities": list(claim.entities),
        "speaker": claim.speaker,
        "cue": claim.cue,
        "via": claim.via,
        "modality": str(claim.modality),
        "negated": claim.negated,
        "opinion": claim.opinion,
        "quantity_low": q.low if q else None,
        "quantity_high": q.high if q else None,
        "quantity_unit": q.unit if q else None,
        "quantity_per": q.per if q else None,
        "quantity_qualifier": q.qualifier if q else None,
        "quantity_text": q.text if q else None,
        "time_text": t.text if t else None,
        "time_value": t.value if t else None,
        "time_resolution": t.resolution if t else None,
        "time_kind": t.kind if t else None,
        "group_id": membership.group_id if membership else None,
        "origin_id": membership.origin.id if membership else None,
        "origin_label": membership.origin.label if membership else None,
        "date": membership.date if membership else None,
    }


def group_row(group: ClaimGroup) -> dict:
    grade = group.grade
    return {
        "id": group.id,
        "key": group.key,
        "claims": len(group.claim_ids),
        "claim_ids": list(group.claim_ids),
        "origins": list(group.origins),
        "grade": str(grade) if grade else None,
        "reliability": grade.reliability if grade else None,
        "credibility": grade.credibility if grade else None,
        "grade_reasoning": grade.reasoning if grade else None,
    }


def write_parquet(tables: Mapping[str, pa.Table], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in tables.items():
        path = folder / f"{name}.parquet"
        pq.write_table(table, path)
        paths.append(path)
    return paths


def write_csv(tables: Mapping[str, pa.Table], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in tables.items():
        path = folder / f"{name}.csv"
        pa_csv.write_csv(_lists_as_json(table), path)
        paths.append(path)
    return paths


def _lists_as_json(table: pa.Table) -> pa.Table:
    """List columns as JSON arrays: CSV has no lists."""
    for index, column in enumerate(table.schema):
        if pa.types.is_list(column.type):
            values = [
                None if v is None else json.dumps(v, ensure_ascii=False) for v in table[index].to_pylist()
            ]
            table = table.set_column(index, pa.field(column.name, pa.string()), pa.array(values, pa.string()))
    return table
