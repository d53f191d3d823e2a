"""Reconcile time for a fixed batch of new reports as the store grows (1,000 to 20,000 reports).

Not a test: it prints a table and writes bench/reconcile.json. The store is grown through
the real writer (`save_batch`) and reconciled as it grows; then the same batch of 50 new
reports (fresh ids, same content) is saved and `reconcile_store` timed on it alone, five
times per size, in wall-clock and CPU time (the CPU time is the work done, steadier on a busy
machine). Flat times mean a batch costs the same whatever the store holds: it reads only the
groups its claims touch, each on the claims of its latest reports.

Synthetic reports are shaped like a long-running news store: ten claims each, actors and
sources named with a long-tailed (Zipf) frequency, about a third of claims with a figure
(a count or a rate, its value near one of a few reported values per measure), some acts
without figures, a few dated signings, denials, targets and opinion.

    .venv/bin/python benchmarks/reconcile.py            # 1k, 5k, 10k, 20k reports
    .venv/bin/python benchmarks/reconcile.py --quick    # 1k, 5k
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

from claimgraph.domains import default_pack_path, load_pack
from claimgraph.pipeline import reconcile_store
from claimgraph.records import Analysis, Claim, Document, Entity, Modality, Quantity, TimeRef
from claimgraph.store import open_engine, save_batch

SIZES = (1_000, 5_000, 10_000, 20_000)
QUICK_SIZES = (1_000, 5_000)
BATCH = 50
RUNS = 5
CLAIMS_PER_REPORT = 10
_UNITS = ("drone", "soldier", "worker", "shell", "missile", "USD")
_ACTS = ("send", "produce", "launch", "deploy", "supply", "fight", "help", "pay")
_MODALITIES = (Modality.ASSERTED, Modality.REPORTED, Modality.REPORTED, Modality.ESTIMATED, Modality.PLANNED,
               Modality.TARGET, Modality.DENIED)  # fmt: skip
_PERIODS = (None, None, "day", "month")


class Newsroom:
    """Makes reports; the same seed makes the same reports."""

    def __init__(self, seed: int) -> None:
        pack = load_pack(default_pack_path())
        self.rng = random.Random(seed)
        made = [Entity(f"bench-actor-{n}", f"Bench Actor {n}", "organisation") for n in range(1_500)]
        self.actors = [e for e in pack.entities if e.kind in ("country", "organisation", "facility")] + made
        self.sources = [
            e for e in pack.entities if e.kind in ("media outlet", "intelligence or military body")
        ]
        self.treaties = [e for e in pack.entities if e.kind == "treaty"]
        self.entities = tuple({e.id: e for e in (*self.actors, *self.sources, *self.treaties)}.values())
        self.actor_weights = list(accumulate(1 / (rank + 1) ** 1.07 for rank in range(len(self.actors))))
        self.source_weights = list(accumulate(1 / (rank + 1) ** 1.07 for rank in range(len(self.sources))))

    def report(self, key: str) -> Analysis:
        rng = self.rng
        doc_id = hashlib.sha256(key.encode()).hexdigest()
        published = f"202{rng.randint(3, 5)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        document = Document(
            doc_id, f"bench/{key}.txt", f"Report {key}.", published=published, outlet="Bench Wire"
        )
        claims = tuple(self._claim(document, n) for n in range(CLAIMS_PER_REPORT))
        return Analysis(document, entities=self.entities, claims=claims)

    def _claim(self, document: Document, n: int) -> Claim:
        rng = self.rng
        actor, other = rng.choices(self.actors, cum_weights=self.actor_weights, k=2)
        speaker = (
            rng.choices(self.sources, cum_weights=self.source_weights, k=1)[0] if rng.random() < 0.6 else None
        )
        act = rng.choice(_ACTS)
        quantity = time = None
        roll = rng.random()
        if roll < 0.35:
            unit = rng.choice(_UNITS)
            # A few values are reported per measure, as reports of one figure cluster.
            value = float(rng.choice((1, 2, 5)) * 10 ** rng.randint(2, 4)) * rng.choice((1.0, 1.0, 1.05))
            text = f"{actor.name} {act} about {value:,.0f} {unit}s."
            at = text.index("about")
            per = rng.choice(_PERIODS)
            quantity = Quantity(
                value, value, unit, f"about {value:,.0f}", at, at + 7 + len(f"{value:,.0f}"), "about", per
            )
        elif roll < 0.4 and self.treaties:
            treaty = rng.choice(self.treaties)
            year = rng.choice(("2023", "2024"))
            text = f"The {treaty.name} was signed in {year}."
            time = TimeRef(year, year, "absolute", text.index(year), text.index(year) + 4)
            return Claim(f"{document.id[:16]}-{n}", document.id, n * 100, n * 100 + len(text), text, "sign",
                         entities=(treaty.id,), time=time)  # fmt: skip
        else:
            text = f"{actor.name} {act}s {other.name}."
        modality = rng.choice(_MODALITIES)
        return Claim(
            f"{document.id[:16]}-{n}", document.id, n * 100, n * 100 + len(text), text, act,
            subject=actor.id, object=other.id if quantity is None else None, entities=(actor.id, other.id),
            quantity=quantity, time=time, speaker=speaker.id if speaker else None,
            cue="said" if speaker else None, modality=modality, opinion=rng.random() < 0.05,
        )  # fmt: skip


def grow(engine, newsroom: Newsroom, start: int, stop: int, pack) -> None:  # type: ignore[no-untyped-def]
    """Add reports start..stop through the writer, reconciling every 1,000 as ingest would."""
    for first in range(start, stop, 1_000):
        batch = [newsroom.report(f"grow-{n}") for n in range(first, min(first + 1_000, stop))]
        for chunk in range(0, len(batch), 250):
            save_batch(engine, batch[chunk : chunk + 250])
        reconcile_store(engine, pack, [a.document.id for a in batch])


def measure(sizes: tuple[int, ...], folder: Path) -> list[dict[str, object]]:
    pack = load_pack(default_pack_path())
    engine = open_engine(str(folder / "reconcile_bench.db"))
    newsroom = Newsroom(seed=1)
    rows: list[dict[str, object]] = []
    stored = 0
    for size in sizes:
        grow(engine, newsroom, stored, size, pack)
        stored = size
        seconds, cpu, touched, assessed = [], [], 0, []
        for run in range(RUNS):
            fixed = Newsroom(seed=99)  # the same batch content at every size
            batch = [fixed.report(f"batch-{size}-{run}-{n}") for n in range(BATCH)]
            save_batch(engine, batch)
            started, started_cpu = time.perf_counter(), time.process_time()
            groups = reconcile_store(engine, pack, [a.document.id for a in batch])
            touched = len(groups)
            assessed.append(sum(len(g.claim_ids) for g in groups))  # the work, counted: no clock noise
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)  # the work done, less the machine's noise
            stored += BATCH
        rows.append(
            {
                "stored_reports": size,
                "batch_reports": BATCH,
                "median_seconds": round(statistics.median(seconds), 3),
                "median_cpu_seconds": round(statistics.median(cpu), 3),
                "median_claims_assessed": statistics.median(assessed),
                "runs_seconds": [round(s, 3) for s in seconds],
                "groups_reassessed": touched,
            }
        )
        row = rows[-1]
        print(f"{size:>7,} reports stored: batch of {BATCH} reconciled in {row['median_seconds']} s, "
              f"{row['median_cpu_seconds']} s of CPU, {row['median_claims_assessed']:,} claims assessed "
              f"(medians of {RUNS}; {touched} groups re-assessed)", flush=True)  # fmt: skip
    return rows


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only 1,000 and 5,000 stored reports")
    parser.add_argument("--out", type=Path, default=Path("bench"), help="folder for reconcile.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        rows = measure(QUICK_SIZES if args.quick else SIZES, Path(folder))
    first, last = rows[0]["median_seconds"], rows[-1]["median_seconds"]
    ratio = round(float(last) / float(first), 2) if first else None  # type: ignore[arg-type]
    first_cpu, last_cpu = rows[0]["median_cpu_seconds"], rows[-1]["median_cpu_seconds"]
    cpu_ratio = round(float(last_cpu) / float(first_cpu), 2) if first_cpu else None  # type: ignore[arg-type]
    first_claims, last_claims = rows[0]["median_claims_assessed"], rows[-1]["median_claims_assessed"]
    claims_ratio = round(float(last_claims) / float(first_claims or 1), 2)  # type: ignore[arg-type]
    result = {"batch_reconcile": rows, "last_over_first": ratio, "cpu_last_over_first": cpu_ratio,
              "claims_last_over_first": claims_ratio}  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "reconcile.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"time at {rows[-1]['stored_reports']:,} over time at {rows[0]['stored_reports']:,}: {ratio} "
          f"(CPU: {cpu_ratio}; claims assessed: {claims_ratio})")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
