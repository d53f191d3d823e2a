"""`make bench` (and `make bench QUICK=1`): how fast, how lean, how far claimgraph scales here.

Measures, in one run on this machine:
- end-to-end ingest (read, clean, analyse, store, reconcile) against raw spaCy `nlp.pipe`
  with the same model and components on the same generated corpus, as a ratio;
- re-ingesting that corpus once stored, against its first ingest (stored inputs are skipped
  before the language model runs);
- ingest with 2 worker processes against 1 (and on a local Dask cluster, full run only);
- peak memory of a fresh ingest process at N and 10×N reports (streaming holds it flat);
- entity-page and name-search latency at 100,000 stored claims, on SQLite and PostgreSQL;
- the web UI's entity page, claim-group page and search over HTTP at those 100,000 claims (SQLite);
- reconcile time against the number of stored claims.
Writes bench/results.json and bench/results.md. PostgreSQL is used when --pg, or
CLAIMGRAPH_BENCH_PG_URL / CLAIMGRAPH_TEST_PG_URL, names a reachable server.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import corpus
import queries
import synthetic
import web
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from claimgraph import pipeline
from claimgraph.scale import DaskRunner, PoolRunner
from claimgraph.store import database_url, open_engine

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Sizes:
    throughput_reports: int
    rss_reports: tuple[int, int]
    claims: int
    samples: int
    reconcile_claims: tuple[int, ...]
    reconcile_budget_s: float
    dask: bool
    rounds: int


FULL = Sizes(400, (1_000, 10_000), 100_000, 300, (1_000, 10_000, 100_000), 600.0, True, 3)
QUICK = Sizes(50, (60, 600), 100_000, 120, (1_000, 5_000, 20_000), 30.0, False, 2)


def throughput(
    ctx: pipeline.Context, folder: Path, reports: list[corpus.Report], work: Path, rounds: int
) -> dict:
    texts = [r.text for r in reports]
    words = sum(len(t.split()) for t in texts)
    list(ctx.nlp.pipe(texts[:5]))  # both timed runs start warm
    # Rounds alternate, and each side keeps its best: other processes on the machine slow
    # a run down, never speed one up.
    spacy_s = spacy_cpu = pipeline_s = pipeline_cpu = reingest_s = float("inf")
    for round_ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in ctx.nlp.pipe(texts):
            pass
        spacy_s, spacy_cpu = (
            min(spacy_s, time.perf_counter() - wall),
            min(spacy_cpu, time.process_time() - cpu),
        )
        engine = open_engine(str(work / f"throughput_{round_}.db"))
        wall, cpu = time.perf_counter(), time.process_time()
        report = pipeline.ingest([folder], engine, ctx)
        pipeline_s = min(pipeline_s, time.perf_counter() - wall)
        pipeline_cpu = min(pipeline_cpu, time.process_time() - cpu)
        assert len(report.ingested) == len(reports), (len(report.ingested), report.rejected[:3])
        # The same corpus again, all stored already: recognised before the language model runs.
        wall = time.perf_counter()
        again = pipeline.ingest([folder], engine, ctx)
        reingest_s = min(reingest_s, time.perf_counter() - wall)
        assert len(again.duplicates) == len(reports) and not again.ingested, again
    return {
        "rounds": rounds,
        "cpu_ratio": round(spacy_cpu / pipeline_cpu, 3),
        "reports": len(reports),
        "words": words,
        "spacy_seconds": round(spacy_s, 2),
        "spacy_docs_per_s": round(len(texts) / spacy_s, 2),
        "spacy_words_per_s": round(words / spacy_s),
        "pipeline_seconds": round(pipeline_s, 2),
        "pipeline_docs_per_s": round(len(texts) / pipeline_s, 2),
        "pipeline_words_per_s": round(words / pipeline_s),
        "pipeline_vs_spacy": round(spacy_s / pipeline_s, 3),
        "reingest_seconds": round(reingest_s, 2),
        "reingest_over_first": round(reingest_s / pipeline_s, 3),
    }


def workers(ctx: pipeline.Context, folder: Path, one_worker_s: float, work: Path, dask: bool) -> dict:
    files = sorted(folder.iterdir())
    result: dict = {"workers_1_seconds": one_worker_s}
    runners = [("workers_2", lambda: PoolRunner(ctx, 2))]
    if dask:
        runners.append(("dask_local_2", lambda: DaskRunner(ctx, "local", 2)))
    for name, make in runners:
        started = time.perf_counter()
        with make() as runner:
            list(runner.analyse(files[:16]))  # every worker up and holding the model before timing
            result[f"{name}_startup_seconds"] = round(time.perf_counter() - started, 2)
            started = time.perf_counter()
            pipeline.ingest([folder], open_engine(str(work / f"{name}.db")), ctx, runner=runner)
            seconds = time.perf_counter() - started
        result[f"{name}_seconds"] = round(seconds, 2)
        result[f"{name}_over_1"] = round(one_worker_s / seconds, 3)
    return result


def memory(sizes: tuple[int, int], pool: list[str], work: Path) -> dict:
    small, large = sizes
    folders = {n: work / f"rss_{n}" for n in sizes}
    for n, folder in folders.items():
        corpus.write_corpus(folder, n, pool)
    runs = {}
    for n, folder in folders.items():
        out = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("rss.py")), str(folder), str(work / f"rss_{n}.db")],
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            raise SystemExit(f"memory run on {n} reports failed:\n{out.stderr[-3000:]}")
        runs[str(n)] = json.loads(out.stdout.strip().splitlines()[-1])

    def ratio(key: str) -> float:
        return round(runs[str(large)][key] / runs[str(small)][key], 3)

    return {
        "small": small,
        "large": large,
        "runs": runs,
        "stream_ratio": ratio("stream_peak_mb"),
        "with_reconcile_ratio": ratio("ingest_peak_mb"),
        "process_peak_ratio": ratio("process_peak_mb"),
    }


def store_queries(url: str, claims: int, count: int, pool: list[str]) -> dict:
    engine = open_engine(url)
    started = time.perf_counter()
    synthetic.fill(engine, claims, pool)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # what autovacuum does soon after a bulk load
            conn.execute(text("ANALYZE"))
    fill_s = time.perf_counter() - started
    pages, names = queries.samples(engine, count)
    result = {
        "claims": claims,
        "fill_seconds": round(fill_s, 1),
        "entity_page": queries.timings_ms(queries.entity_page, engine, pages),
        "search": queries.timings_ms(queries.search, engine, names),
        "every_claim_of_entity": queries.timings_ms(
            queries.every_claim, engine, pages[: max(5, count // 20)]
        ),
    }
    engine.dispose()
    return result


def web_pages(db: str, count: int, pool: list[str]) -> dict:
    """Reconcile the query store (so it has claim groups), then time the pages over HTTP."""
    engine = open_engine(db)
    started = time.perf_counter()
    groups = pipeline.reconcile_store(engine)
    engine.dispose()
    reconciled = round(time.perf_counter() - started, 1)
    return {"groups": len(groups), "reconcile_seconds": reconciled, **web.measure(db, count, pool)}


def reconcile_times(sizes: tuple[int, ...], budget_s: float, pool: list[str], work: Path) -> list[dict]:
    measured = []
    for claims in sizes:
        if measured and measured[-1]["seconds"] > budget_s:
            measured.append({"claims": claims, "skipped": f"the previous size took over {budget_s:.0f} s"})
            continue
        engine = open_engine(str(work / f"reconcile_{claims}.db"))
        synthetic.fill(engine, claims, pool)
        started = time.perf_counter()
        groups = pipeline.reconcile_store(engine)
        seconds = round(time.perf_counter() - started, 2)
        # then what an ingest of ten more reports costs to reconcile into a store of this size
        synthetic.fill(engine, 10 * synthetic.CLAIMS_PER_DOCUMENT, pool, first=claims)
        started = time.perf_counter()
        pipeline.reconcile_store(engine)
        ten_more = round(time.perf_counter() - started, 2)
        measured.append(
            {"claims": claims, "seconds": seconds, "groups": len(groups), "ten_more_seconds": ten_more}
        )
    return measured


def postgres_schema(url: str | None) -> tuple[str | None, str | None, object]:
    """A URL on a fresh schema of the server, or why there is none; and a function to drop it."""
    if not url:
        return None, "no server named (--pg, CLAIMGRAPH_BENCH_PG_URL or CLAIMGRAPH_TEST_PG_URL)", None
    url = database_url(url)
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
    except Exception as error:  # any failure to reach the server means: no PostgreSQL numbers
        return None, f"server not reachable: {str(error).splitlines()[0]}", None

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return scoped.render_as_string(hide_password=False), None, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run of the same (under five minutes)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench")
    parser.add_argument(
        "--pg", default=os.environ.get("CLAIMGRAPH_BENCH_PG_URL") or os.environ.get("CLAIMGRAPH_TEST_PG_URL")
    )
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    began = time.perf_counter()
    results: dict = {"mode": "quick" if args.quick else "full", "sizes": asdict(sizes), "machine": machine()}
    results["load_at_start"] = round(os.getloadavg()[0], 1)
    pool = corpus.paragraphs()
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as scratch:
        work = Path(scratch)
        step("model and corpus")
        ctx = pipeline.make_context()
        folder = work / "corpus"
        reports = corpus.write_corpus(folder, sizes.throughput_reports, pool)
        step("throughput against raw spaCy")
        results["throughput"] = throughput(ctx, folder, reports, work, sizes.rounds)
        step("scaling to 2 workers")
        results["scaling"] = workers(ctx, folder, results["throughput"]["pipeline_seconds"], work, sizes.dask)
        step("peak memory")
        results["memory"] = memory(sizes.rss_reports, pool, work)
        step(f"queries at {sizes.claims:,} claims on SQLite")
        results["sqlite"] = store_queries(str(work / "queries.db"), sizes.claims, sizes.samples, pool)
        step(f"web pages over HTTP at {sizes.claims:,} claims on SQLite")
        results["sqlite"]["web"] = web_pages(str(work / "queries.db"), sizes.samples, pool)
        pg_url, why_not, drop = postgres_schema(args.pg)
        if pg_url:
            step(f"queries at {sizes.claims:,} claims on PostgreSQL")
            try:
                results["postgresql"] = store_queries(pg_url, sizes.claims, sizes.samples, pool)
            finally:
                drop()  # type: ignore[operator]
        else:
            results["postgresql"] = {"skipped": why_not}
        step("reconcile time against store size")
        results["reconcile"] = reconcile_times(sizes.reconcile_claims, sizes.reconcile_budget_s, pool, work)
    results.update(headline(results))
    results["seconds"] = round(time.perf_counter() - began, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (args.out / "results.md").write_text(markdown(results))
    print((args.out / "results.md").read_text())


def headline(results: dict) -> dict:
    """The flat keys other tools read."""
    flat = {
        "pipeline_vs_spacy": results["throughput"]["pipeline_vs_spacy"],
        "reingest_over_first": results["throughput"]["reingest_over_first"],
        "rss_10k_over_1k": results["memory"]["stream_ratio"],
        "entity_page_p95_ms_sqlite": results["sqlite"]["entity_page"]["p95_ms"],
        "search_p95_ms_sqlite": results["sqlite"]["search"]["p95_ms"],
        "workers_2_over_1": results["scaling"]["workers_2_over_1"],
    }
    for page in ("entity_page", "group_page", "search"):
        flat[f"web_{page}_p95_ms_sqlite"] = results["sqlite"]["web"][page]["p95_ms"]
    if "entity_page" in results["postgresql"]:
        flat["entity_page_p95_ms_postgresql"] = results["postgresql"]["entity_page"]["p95_ms"]
        flat["search_p95_ms_postgresql"] = results["postgresql"]["search"]["p95_ms"]
    return flat


def markdown(r: dict) -> str:
    t, s, m = r["throughput"], r["scaling"], r["memory"]
    small, large = m["small"], m["large"]
    lines = [
        f"# claimgraph benchmark ({r['mode']} run, {r['seconds']} s)",
        "",
        f"Machine: {r['machine']} (load average {r['load_at_start']} at the start, on 2 cores: "
        "other processes slow the timed runs)",
        "",
        "| measure | value | target |",
        "| --- | --- | --- |",
        f"| raw spaCy `nlp.pipe`, same model and components | {t['spacy_docs_per_s']} reports/s, "
        f"{t['spacy_words_per_s']:,} words/s | |",
        f"| claimgraph ingest, one process, end to end | {t['pipeline_docs_per_s']} reports/s, "
        f"{t['pipeline_words_per_s']:,} words/s | |",
        f"| **pipeline_vs_spacy** ({t['reports']} reports, {t['words']:,} words, best of {t['rounds']}) "
        f"| **{t['pipeline_vs_spacy']}** (CPU time: {t['cpu_ratio']}) | ≥ 0.7 |",
        f"| **reingest_over_first** (the same {t['reports']} reports again, all stored: "
        f"{t['reingest_seconds']} s against {t['pipeline_seconds']} s) "
        f"| **{t['reingest_over_first']}** | < 0.1 |",
        f"| **workers_2_over_1** (`--workers 2` against 1; pool start {s['workers_2_startup_seconds']} s "
        f"not counted) | **{s['workers_2_over_1']}** | |",
    ]
    if "dask_local_2_over_1" in s:
        lines.append(
            f"| Dask LocalCluster, 2 workers, against 1 process "
            f"(start {s['dask_local_2_startup_seconds']} s) "
            f"| {s['dask_local_2_over_1']} | |"
        )
    lines += [
        *(
            f"| peak RSS, ingest of {n:,} reports: stream / with reconcile / whole process "
            f"| {run['stream_peak_mb']:.0f} / {run['ingest_peak_mb']:.0f} / "
            f"{run['process_peak_mb']:.0f} MB | |"
            for n, run in ((small, m["runs"][str(small)]), (large, m["runs"][str(large)]))
        ),
        f"| **rss_10k_over_1k** (stream: read to store, {large:,} over {small:,}) "
        f"| **{m['stream_ratio']}** | ≤ 1.3 |",
        f"| the same with reconcile (reconciled every 1,000 new reports) | {m['with_reconcile_ratio']} | |",
        f"| the same, whole process (model loading included) | {m['process_peak_ratio']} | |",
    ]
    for backend in ("sqlite", "postgresql"):
        q = r[backend]
        if "skipped" in q:
            lines.append(f"| {backend}: queries | skipped: {q['skipped']} | |")
            continue
        e, f, a = q["entity_page"], q["search"], q["every_claim_of_entity"]
        target = "< 100 ms" if backend == "sqlite" else ""
        lines += [
            f"| {backend}: entity page at {q['claims']:,} claims, p50 / **p95** / max "
            f"(n={e['n']}) | {e['p50_ms']} / **{e['p95_ms']}** / {e['max_ms']} ms | {target} |",
            f"| {backend}: name search, p50 / p95 / max "
            f"| {f['p50_ms']} / {f['p95_ms']} / {f['max_ms']} ms | |",
            f"| {backend}: every claim of an entity, unpaged, p50 / p95 / max | "
            f"{a['p50_ms']} / {a['p95_ms']} / {a['max_ms']} ms | |",
        ]
    w = r["sqlite"]["web"]
    for page, what in (
        ("entity_page", "entity page (timeline, claims, related entities)"),
        ("group_page", "claim-group page (grade, findings side by side, claims)"),
        ("search", "search page (reports and claims, one or two words)"),
    ):
        t = w[page]
        lines.append(
            f"| sqlite: web {what} over HTTP at {r['sqlite']['claims']:,} claims, p50 / **p95** / max "
            f"(n={t['n']}) | {t['p50_ms']} / **{t['p95_ms']}** / {t['max_ms']} ms | < 100 ms |"
        )
    for row in r["reconcile"]:
        value = row.get("skipped") or (
            f"{row['seconds']} s all at once ({row['groups']:,} groups); "
            f"{row['ten_more_seconds']} s for ten more reports"
        )
        lines.append(f"| reconcile_store at {row['claims']:,} claims | {value} | |")
    lines += [
        "",
        "Entity page: `find_entity` + the first 50 claims + the first 50 documents + every name the",
        "entity went by; entities drawn in proportion to how many claims name them. Stores for the",
        "query and reconcile rows are generated in bulk (benchmarks/synthetic.py); the corpus for the",
        "others recombines paragraphs of examples/corpus (benchmarks/corpus.py). Web pages: `claimgraph",
        "serve` in its own process on 127.0.0.1 over the query store once reconciled, timed by an HTTP",
        "client one request at a time (benchmarks/web.py); entities and groups drawn in proportion to",
        "their claims, searches of one or two words of the reports' own text.",
        "",
    ]
    return "\n".join(lines)


def machine() -> str:
    load = os.getloadavg()[0]
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load {load:.1f}"
    )


def step(what: str) -> None:
    print(f"[bench] {time.strftime('%H:%M:%S')} {what}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
