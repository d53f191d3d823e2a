"""One ingest in a fresh process, for its memory: `python benchmarks/rss.py FOLDER DB`.

Prints one JSON line. Loading the language model briefly takes more memory than it
keeps, so the whole-process peak can hide what ingest itself does; after the model is
loaded the kernel's high-water mark is reset (Linux /proc/self/clear_refs), and the
peak of the ingest alone is read from it: that is the figure that shows streaming.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024  # kB
    return float("nan")


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # 5: reset the peak resident set size
    except OSError:
        return False
    return True


def main(folder: str, db: str) -> None:
    from claimgraph import pipeline
    from claimgraph.store import open_engine

    ctx = pipeline.make_context()
    marks: dict[str, float | bool] = {"model_loaded_mb": status_mb("VmRSS"), "peak_reset": reset_peak()}
    reconcile = pipeline.reconcile_store

    def measured_reconcile(*args, **kwargs):  # type: ignore[no-untyped-def]
        marks["stream_peak_mb"] = status_mb("VmHWM")
        started = time.perf_counter()
        groups = reconcile(*args, **kwargs)
        marks["reconcile_seconds"] = round(time.perf_counter() - started, 2)
        return groups

    pipeline.reconcile_store = measured_reconcile
    started = time.perf_counter()
    report = pipeline.ingest([Path(folder)], open_engine(db), ctx)
    marks["seconds"] = round(time.perf_counter() - started, 2)
    marks.setdefault("stream_peak_mb", status_mb("VmHWM"))
    marks["ingest_peak_mb"] = status_mb("VmHWM")  # with reconcile
    marks["end_mb"] = status_mb("VmRSS")
    marks["process_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # model load too
    print(json.dumps({"documents": len(report.ingested), **marks}))


if __name__ == "__main__":
    main(*sys.argv[1:3])
