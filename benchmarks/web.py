"""Web pages over HTTP at scale: the entity page, the claim-group page and search, timed one by one
against `claimgraph serve` in its own process on 127.0.0.1, over a store of ~100,000 claims.

`python benchmarks/web.py [--claims N]` builds the store (benchmarks/synthetic.py, then reconcile,
so there are claim groups) and prints the timings; `make bench` calls `measure` on its query store.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus
import httpx
import queries
import synthetic
from sqlalchemy import func, select

from claimgraph import pipeline
from claimgraph.store import open_engine, schema

CLAIMGRAPH = Path(sys.executable).with_name("claimgraph")


def samples(db: str, count: int, pool: list[str], seed: int = 5) -> dict[str, list[str]]:
    """Paths to open: entities in proportion to the claims naming them, claim groups in proportion
    to their claims, and searches of one or two words drawn from the reports' own text."""
    engine = open_engine(db)
    links, members = schema.claim_entities, schema.claim_memberships
    with engine.connect() as conn:
        entities = dict(
            conn.execute(select(links.c.entity_id, func.count()).group_by(links.c.entity_id)).all()
        )
        groups = dict(
            conn.execute(
                select(members.c.group_id, func.count())
                .join(schema.claim_groups, schema.claim_groups.c.id == members.c.group_id)
                .group_by(members.c.group_id)
            ).all()
        )
    engine.dispose()
    rng = random.Random(seed)
    words = sorted({w for p in pool for w in re.findall(r"[A-Za-z]{5,}", p)})

    def weighted(counts: dict[str, int]) -> list[str]:
        ids = sorted(counts)
        return rng.choices(ids, weights=[counts[i] for i in ids], k=count) if ids else []

    searches = [" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(count)]
    return {
        "entity_page": [f"/entities/{i}" for i in weighted(entities)],
        "group_page": [f"/groups/{g}" for g in weighted(groups)],
        "search": [str(httpx.URL("/search", params={"q": q})) for q in searches],
    }


def measure(db: str, count: int, pool: list[str]) -> dict:
    """p50/p95/max of each page over HTTP, served by `claimgraph serve` in a process of its own."""
    wanted = samples(db, count, pool)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "CLAIMGRAPH_API_TOKEN": ""}
    server = subprocess.Popen(
        [str(CLAIMGRAPH), "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            _wait(client, server)
            result = {}
            for name, paths in wanted.items():
                result[name] = _timings(client, paths) if paths else {"skipped": "nothing to open"}
            return result
    finally:
        server.terminate()
        server.wait(10)


def _wait(client: httpx.Client, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"claimgraph serve stopped: {server.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            client.get("/static/style.css")
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("claimgraph serve did not answer within 60 s")


def _timings(client: httpx.Client, paths: list[str]) -> dict[str, float]:
    for path in paths[:3]:  # warm the server's connections and caches
        client.get(path)
    spent = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        spent.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code} {response.text[:300]}")
    spent.sort()
    return queries.summary(spent)


def build(db: str, claims: int, pool: list[str]) -> dict:
    """A store of ``claims`` claims, reconciled so that it has claim groups."""
    engine = open_engine(db)
    started = time.perf_counter()
    synthetic.fill(engine, claims, pool)
    filled = time.perf_counter() - started
    groups = pipeline.reconcile_store(engine)
    engine.dispose()
    return {
        "fill_seconds": round(filled, 1),
        "reconcile_seconds": round(time.perf_counter() - started - filled, 1),
        "groups": len(groups),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    pool = corpus.paragraphs()
    with tempfile.TemporaryDirectory(prefix="claimgraph-web-bench-") as scratch:
        db = str(Path(scratch) / "web.db")
        built = build(db, args.claims, pool)
        result = {"claims": args.claims, **built, **measure(db, args.samples, pool)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
