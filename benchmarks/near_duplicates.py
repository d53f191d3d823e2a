"""Near-duplicate detection on 10,000 generated documents: time per document at 1,000 and 10,000.

Each document is about 300 words drawn from a long-tailed vocabulary; one in ten
(after the first hundred) is a copy of an earlier one with one sentence changed
and an "Updated" line added, as a syndicated copy is. Documents go through the
ingest's own near-duplicate step and store, in batches as ingest writes them
(no NLP: this measures the duplicate check and its persistence):

    .venv/bin/python benchmarks/near_duplicates.py            # 10,000 documents
    .venv/bin/python benchmarks/near_duplicates.py --docs 2000

Reports, per document:
- the duplicate check as ingest runs it (signature, LSH query and insert, the
  signature saved to the store), averaged over the 1,000 documents up to 1,000
  and up to 10,000;
- a probe: the same 500 new documents checked against the index when it holds
  1,000 and when it holds 10,000 documents, best of 5 rounds, alternated, so a
  busy machine does not pass for growth;
and the time to load the step over the filled store (nothing is held in memory), and how many planted
copies were linked (recall) and how many links were wrong. Writes
bench/near_duplicates.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from claimgraph.clean import content_hash
from claimgraph.clean.dedup import NearDuplicateIndex, Text, signature
from claimgraph.dedupe import NearDuplicateStep
from claimgraph.records import Analysis, Document
from claimgraph.store import open_engine, save_batch

ROOT = Path(__file__).resolve().parents[1]
WINDOW = 1_000
BATCH = 32  # as pipeline.WRITE_BATCH
PROBES = 500
ROUNDS = 5


def vocabulary(size: int, rng: random.Random) -> list[str]:
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


class Writer:
    """Sentences of pseudo-words with Zipf frequencies: a few words everywhere, most rare."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(5_000, self.rng)
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]

    def sentence(self) -> str:
        chosen = self.rng.choices(self.words, self.weights, k=self.rng.randint(12, 24))
        return " ".join(chosen).capitalize() + "."

    def story(self) -> str:
        return "\n".join(self.sentence() for _ in range(16))


def generate(count: int, seed: int = 7) -> list[tuple[str, int | None]]:
    """(body, index of the document it copies or None), in ingest order."""
    writer = Writer(seed)
    rng = writer.rng
    documents: list[tuple[str, int | None]] = []
    for n in range(count):
        if n >= 100 and n % 10 == 0:
            original = rng.randrange(n)
            while documents[original][1] is not None:
                original = rng.randrange(n)
            sentences = documents[original][0].split("\n")
            sentences[rng.randrange(len(sentences))] = writer.sentence()
            body = "\n".join([*sentences, f"Updated {rng.randint(1, 28)} May with a statement."])
            documents.append((body, original))
        else:
            documents.append((writer.story(), None))
    return documents


def as_analysis(n: int, body: str) -> Analysis:
    return Analysis(Document(id=content_hash(body), source=f"generated/{n:05d}.txt", body=body))


def run_ingest_step(documents: list[tuple[str, int | None]], db: Path) -> dict:
    """The ingest's own step: link, store the batch, save the signatures of what was stored.

    The duplicate check (linking, saving signatures) is timed apart from writing
    the document rows, which ingest does with or without it.
    """
    engine = open_engine(str(db))
    step = NearDuplicateStep.load(engine)
    check: list[float] = []
    write: list[float] = []
    links: dict[str, str] = {}
    for start in range(0, len(documents), BATCH):
        chunk = documents[start : start + BATCH]
        began = time.perf_counter()
        batch = [step.link(as_analysis(n, body)) for n, (body, _) in enumerate(chunk, start)]
        linked = time.perf_counter()
        outcomes = save_batch(engine, batch)
        stored = time.perf_counter()
        for link in step.saved(engine, batch, outcomes):
            links[link.source] = link.copies
        done = time.perf_counter()
        check.extend([((linked - began) + (done - stored)) / len(batch)] * len(batch))
        write.extend([(stored - linked) / len(batch)] * len(batch))
    began = time.perf_counter()
    reloaded = NearDuplicateStep.load(engine)
    load_seconds = time.perf_counter() - began
    engine.dispose()
    return {
        "check": check,
        "write": write,
        "links": links,
        "load_seconds": load_seconds,
        "held_in_memory": len(reloaded.index),
    }


def probe(documents: list[tuple[str, int | None]], sizes: list[int]) -> dict[int, float]:
    """ms per new document (signature, query, insert, remove) against indexes of the given sizes."""
    indexes = {}
    for size in sizes:
        index = NearDuplicateIndex()
        for n, (body, _) in enumerate(documents[:size]):
            index.add(str(n), signature(body), Text(body))
        indexes[size] = index
    writer = Writer(seed=99)
    probes = [writer.story() for _ in range(PROBES)]
    best = {size: float("inf") for size in sizes}
    for _ in range(ROUNDS):
        for size, index in indexes.items():
            began = time.perf_counter()
            for n, body in enumerate(probes):
                sig = signature(body)
                index.find(sig, Text(body))
                index.add(f"probe{n}", sig, Text(body))
            best[size] = min(best[size], (time.perf_counter() - began) / PROBES)
            for n in range(PROBES):
                index.remove(f"probe{n}")
    return {size: 1000 * seconds for size, seconds in best.items()}


def window_ms(times: list[float], end: int) -> float:
    chosen = times[max(0, end - WINDOW) : end]
    return 1000 * sum(chosen) / len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "near_duplicates.json")
    args = parser.parse_args()
    documents = generate(args.docs)
    planted = {
        f"generated/{n:05d}.txt": f"generated/{o:05d}.txt"
        for n, (_, o) in enumerate(documents)
        if o is not None
    }
    with tempfile.TemporaryDirectory() as folder:
        run = run_ingest_step(documents, Path(folder) / "bench.db")
    sizes = sorted({min(WINDOW, args.docs), args.docs})
    probed = probe(documents, sizes)
    links = run["links"]
    found = sum(1 for source, copies in links.items() if planted.get(source) == copies)
    result = {
        "documents": args.docs,
        "planted_copies": len(planted),
        "linked_correctly": found,
        "wrong_links": len(links) - found,
        "recall": round(found / len(planted), 4) if planted else None,
        "ms_per_document_check_in_ingest": {str(s): round(window_ms(run["check"], s), 3) for s in sizes},
        "ms_per_document_probe_best_of_5": {str(s): round(ms, 3) for s, ms in probed.items()},
        "ms_per_document_row_writes": {str(s): round(window_ms(run["write"], s), 3) for s in sizes},
        "index_load_seconds": round(run["load_seconds"], 3),
        "documents_held_in_memory_after_load": run["held_in_memory"],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"near-duplicate detection on {args.docs:,} generated documents ({len(planted):,} planted copies)")
    rows = (
        ("check in ingest", "ms_per_document_check_in_ingest", f"mean of the {WINDOW:,} documents up to"),
        ("probe", "ms_per_document_probe_best_of_5", f"best of {ROUNDS}, {PROBES} new documents, index of"),
        ("(document rows)", "ms_per_document_row_writes", "ingest's own writes, for scale, up to"),
    )
    for label, key, how in rows:
        shown = ", ".join(f"{int(s):,}: {ms:.3f} ms/doc" for s, ms in result[key].items())
        print(f"  {label:16} {how} {shown}")
    wrong, load = result["wrong_links"], result["index_load_seconds"]
    print(f"  linked {found:,} of {len(planted):,} copies (recall {result['recall']}), {wrong} wrong links")
    print(f"  step loaded over the store in {load} s ({run['held_in_memory']:,} documents held in memory)")
    print(f"  written to {args.out}")


if __name__ == "__main__":
    sys.exit(main())
