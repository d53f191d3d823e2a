"""A store of any number of claims, written in bulk, shaped like a long-running news store.

Entities are named with a long-tailed (Zipf) frequency, as in news: a few actors in
much of the coverage, most named a handful of times. Ten claims and about twenty-five
mentions per report. Rows go in through SQLAlchemy Core in large batches, bypassing
the pipeline: this measures queries and reconciling, not ingest.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable
from itertools import accumulate, islice

from sqlalchemy import JSON, Connection, Engine, Table, insert

from claimgraph.domains import default_pack_path, load_pack
from claimgraph.records import Entity
from claimgraph.store import schema

CLAIMS_PER_DOCUMENT = 10
MENTIONS_PER_DOCUMENT = 25
EXTRA_ENTITIES = 2_000
_FIRST = ("Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Goran", "Hana", "Igor", "Jana", "Kim", "Lev")
_LAST = ("Ahn", "Baker", "Costa", "Dorn", "Evans", "Fedorov", "Gall", "Haddad", "Ito", "Jung", "Kovac", "Lee")
_KINDS = ("person", "organisation", "place", "facility")
_UNITS = ("drone", "soldier", "worker", "shell", "missile", "USD")
_MODALITIES = ("asserted", "reported", "reported", "estimated", "planned", "target", "denied")
_PREDICATES = ("send", "produce", "deliver", "deploy", "say", "build", "launch", "supply")


def entities(extra: int = EXTRA_ENTITIES) -> list[Entity]:
    """The shipped pack's entities, most named first, then made-up people, bodies and places."""
    rng = random.Random(7)
    made = [
        Entity(f"synthetic-{n}", f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {n}", rng.choice(_KINDS))
        for n in range(extra)
    ]
    return [*load_pack(default_pack_path()).entities, *made]


def fill(engine: Engine, claims: int, bodies: list[str], seed: int = 1, first: int = 0) -> list[Entity]:
    """Write about `claims` claims (ten per report) with their reports, entities and mentions.

    `first` numbers the first report, so a store can be filled again with new reports.
    """
    known = entities()
    weights = list(accumulate(1 / (rank + 1) ** 1.07 for rank in range(len(known))))
    rng = random.Random(seed + first)
    if first == 0:
        with engine.begin() as conn:
            _insert(conn, schema.entities, ({**_entity_row(e)} for e in known))
    last = first + claims // CLAIMS_PER_DOCUMENT
    for start in range(first, last, 1_000):
        rows: dict[str, list[dict[str, object]]] = {
            "documents": [],
            "mentions": [],
            "claims": [],
            "links": [],
        }
        for number in range(start, min(start + 1_000, last)):
            _report(number, rng, known, weights, bodies, rows)
        with engine.begin() as conn:
            _insert(conn, schema.documents, rows["documents"])
            _insert(conn, schema.mentions, rows["mentions"])
            _insert(conn, schema.claims, rows["claims"])
            _insert(conn, schema.claim_entities, rows["links"])
    return known


def _report(
    number: int,
    rng: random.Random,
    known: list[Entity],
    weights: list[float],
    bodies: list[str],
    rows: dict[str, list[dict[str, object]]],
) -> None:
    doc_id = hashlib.sha256(f"synthetic report {number}".encode()).hexdigest()
    body = "\n\n".join(rng.sample(bodies, 3))
    rows["documents"].append(
        {
            "id": doc_id,
            "source": f"synthetic/report_{number:06d}.txt",
            "body": body,
            "title": body[:80],
            "outlet": rng.choice(("Harbour Gazette", "Delta Wire", "Ridge Courier")),
            "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "published_how": "metadata",
            "language": "en",
            "ingested_at": "2025-12-01T00:00:00+00:00",
        }
    )
    named = rng.choices(known, cum_weights=weights, k=MENTIONS_PER_DOCUMENT)
    for n, entity in enumerate(named):
        text = rng.choice((entity.name, *entity.aliases))
        rows["mentions"].append(
            {
                "document_id": doc_id,
                "entity_id": entity.id,
                "text": text,
                "start": n * 40,
                "end": n * 40 + len(text),
            }
        )
    for n in range(CLAIMS_PER_DOCUMENT):
        about = list(dict.fromkeys(e.id for e in rng.sample(named, rng.randint(1, 3))))
        subject, obj = about[0], (about[1] if len(about) > 1 else None)
        figure = rng.random() < 0.3
        claim_id = f"{doc_id[:16]}-{n * 150}-0"
        rows["claims"].append(
            {
                "id": claim_id,
                "document_id": doc_id,
                "start": n * 150,
                "end": n * 150 + 140,
                "text": body[n * 150 : n * 150 + 140] or "A sentence.",
                "predicate": rng.choice(_PREDICATES),
                "subject": subject,
                "object": obj,
                "place": None,
                "entities": about,
                "quantity": _quantity(rng) if figure else None,
                "time": {"text": "in May", "value": "2025-05", "resolution": "relative", "start": 0, "end": 6}
                if rng.random() < 0.5
                else None,
                "speaker": rng.choice(about) if rng.random() < 0.4 else None,
                "cue": "said" if rng.random() < 0.4 else None,
                "modality": rng.choice(_MODALITIES),
                "negated": False,
                "opinion": rng.random() < 0.05,
            }
        )
        rows["links"].extend({"claim_id": claim_id, "entity_id": e} for e in about)


def _quantity(rng: random.Random) -> dict[str, object]:
    value = float(rng.choice((100, 500, 1_000, 2_000, 3_000, 5_000, 10_000, 25_000)))
    return {
        "low": value,
        "high": value,
        "unit": rng.choice(_UNITS),
        "text": f"{value:,.0f}",
        "start": 0,
        "end": 5,
        "qualifier": rng.choice((None, "about", "over")),
        "per": rng.choice((None, None, "month")),
    }


def _entity_row(entity: Entity) -> dict[str, object]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "aliases": list(entity.aliases),
        "wikidata": entity.wikidata,
    }


def _insert(conn: Connection, table: Table, rows: Iterable[dict[str, object]]) -> None:
    """Insert in large batches; on PostgreSQL with COPY, many times faster than INSERTs."""
    iterator = iter(rows)
    while chunk := list(islice(iterator, 5_000)):
        if conn.dialect.name != "postgresql":
            conn.execute(insert(table), chunk)
            continue
        columns = list(chunk[0])
        json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        names = ", ".join(f'"{c}"' for c in columns)
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in chunk:
                copy.write_row([json.dumps(row[c]) if c in json_columns else row[c] for c in columns])
