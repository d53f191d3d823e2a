"""Store queries at scale: an analyst's entity page and a name search, timed one by one."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from sqlalchemy import Engine, func, select, text

from claimgraph.store import read, schema

PAGE = 50  # claims and documents shown per page


def entity_page(engine: Engine, name: str) -> int:
    """What an entity page shows: the entity, its first claims and documents, the names it went by."""
    entity = read.find_entity(engine, name)
    assert entity is not None, name
    shown = read.claims(engine, entity_id=entity.id, limit=PAGE)
    documents = read.entity_documents(engine, entity.id, limit=PAGE)
    names = read.entity_aliases_seen(engine, entity.id)
    return len(shown) + len(documents) + len(names)


def every_claim(engine: Engine, name: str) -> int:
    """All claims about an entity at once, unpaged: for comparison."""
    entity = read.find_entity(engine, name)
    assert entity is not None, name
    return len(read.claims(engine, entity_id=entity.id))


def search(engine: Engine, name: str) -> int:
    """A name typed into a search box: any alias or name an entity was mentioned by."""
    return 0 if read.find_entity(engine, name) is None else 1


def samples(engine: Engine, count: int, seed: int = 3) -> tuple[list[str], list[str]]:
    """Entity names to open, drawn in proportion to how many claims name them (popular ones
    are opened most), and names to search for, drawn from the words mentions used."""
    links = schema.claim_entities
    with engine.connect() as conn:
        weights = dict(
            conn.execute(select(links.c.entity_id, func.count()).group_by(links.c.entity_id)).all()
        )
        names = dict(conn.execute(select(schema.entities.c.id, schema.entities.c.name)).all())
        said = list(conn.scalars(text("SELECT DISTINCT text FROM mentions")))
    rng = random.Random(seed)
    ids = sorted(weights)
    pages = [names[i] for i in rng.choices(ids, weights=[weights[i] for i in ids], k=count)]
    return pages, [rng.choice(said).upper() for _ in range(count)]


def timings_ms(query: Callable[[Engine, str], int], engine: Engine, names: list[str]) -> dict[str, float]:
    query(engine, names[0])  # warm the connection pool and the statement cache
    spent = []
    for name in names:
        started = time.perf_counter()
        query(engine, name)
        spent.append((time.perf_counter() - started) * 1000)
    return summary(spent)


def summary(spent: list[float]) -> dict[str, float]:
    """p50, p95 and max of timings in milliseconds."""
    spent = sorted(spent)
    return {
        "p50_ms": round(statistics.median(spent), 2),
        "p95_ms": round(spent[min(len(spent) - 1, int(0.95 * len(spent)))], 2),
        "max_ms": round(spent[-1], 2),
        "n": len(spent),
    }
