"""Main-text extraction on the article-extraction benchmark: ours and plain trafilatura, same run.

    .venv/bin/python benchmarks/extraction.py [DATASET_DIR]

DATASET_DIR defaults to ../shared/datasets/article-extraction-benchmark. The
metric is the benchmark's own (its README: 4-gram shingles of \\w+ tokens,
per-page tp/fp/fn normalised, precision and recall macro-averaged over pages,
F1 of the averages); trafilatura's published figure is 0.958. Prints both F1s
and writes bench/extraction.json. Exits 1 if ours is below plain trafilatura's.
`claimgraph eval extraction DATASET_DIR` prints the same table.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from claimgraph.evaluate.score_extraction import score_extraction

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "article-extraction-benchmark"


def main(argv: list[str]) -> int:
    dataset = Path(argv[0]) if argv else DEFAULT
    if not (dataset / "ground-truth.json").is_file():
        print(f"skipped: the benchmark is not at {dataset}")
        return 0
    began = time.perf_counter()
    scores = {s.system: s for s in score_extraction(dataset)}
    seconds = time.perf_counter() - began
    ours, plain = scores["claimgraph"], scores["trafilatura"]
    for s in scores.values():
        print(
            f"{s.system:12} F1 {s.f1:.4f}  precision {s.precision:.4f}  recall {s.recall:.4f}  "
            f"exact {s.accuracy:.3f}  ({s.pages} pages, {s.failures} empty)"
        )
    print(
        f"claimgraph - trafilatura: {ours.f1 - plain.f1:+.4f} F1 (both measured in this run, {seconds:.0f} s)"
    )
    out = ROOT / "bench" / "extraction.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({k: v.as_dict() for k, v in scores.items()}, indent=2) + "\n")
    print(f"written to {out}")
    return 0 if ours.f1 >= plain.f1 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
