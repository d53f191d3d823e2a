"""Scale: a process pool and a Dask cluster store exactly what one process stores, in batches."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from claimgraph.pipeline import ingest
from claimgraph.records import Analysis, Claim, Rejection
from claimgraph.scale import DaskRunner, PoolRunner
from claimgraph.store import Outcome, read, save_batch
from claimgraph.store.schema import metadata
from tests.conftest import EXAMPLES
from tests.postgres import store_location
from tests.test_store import sample_analysis

# Written when ingested, so different on every run; everything else must be equal.
_CLOCK_COLUMNS = {"ingested_at", "at"}


def stored_rows(engine) -> dict[str, list[dict]]:
    """Every row of every table, in key order, without the clock columns."""
    rows = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            query = select(table).order_by(*table.primary_key.columns)
            rows[table.name] = [
                {k: v for k, v in r._mapping.items() if k not in _CLOCK_COLUMNS} for r in conn.execute(query)
            ]
    return rows


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """The example reports, a copy of one under another name, and inputs that must be rejected."""
    folder = tmp_path_factory.mktemp("inbox")
    for source in sorted(EXAMPLES.iterdir()):
        (folder / source.name).write_bytes(source.read_bytes())
    first = sorted(EXAMPLES.iterdir())[0]
    (folder / "zz_copy_of_first.txt").write_bytes(first.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    return folder


@pytest.fixture(scope="module")
def single_process_rows(inbox, context, tmp_path_factory):
    from claimgraph.store import open_engine

    engine = open_engine(store_location(tmp_path_factory.mktemp("single"), "single.db"))
    report = ingest([inbox], engine, context)
    assert len(report.ingested) >= 8 and any(s.endswith("zz_copy_of_first.txt") for s in report.duplicates)
    assert {Path(r.source).name for r in report.rejected} == {"empty.txt", "image.txt"}
    return stored_rows(engine), report


@pytest.fixture(scope="module")
def pool(context):
    with PoolRunner(context, workers=2, chunk_size=2) as runner:
        yield runner


# The runners only analyse; what they return is stored by the same code on every backend,
# so these run on SQLite alone (the batch writer is tested on both below).
@pytest.mark.slow
def test_process_pool_stores_what_one_process_stores(
    inbox, context, store_engine, pool, single_process_rows
):
    expected_rows, expected_report = single_process_rows
    report = ingest([inbox], store_engine, context, runner=pool)
    assert report == expected_report
    rows = stored_rows(store_engine)
    assert rows["claims"] and rows["mentions"] and rows["claim_groups"]
    assert rows == expected_rows


@pytest.mark.slow
def test_dask_local_cluster_stores_what_one_process_stores(
    inbox, context, store_engine, single_process_rows
):
    pytest.importorskip("distributed")
    with DaskRunner(context, "local", workers=2, chunk_size=3) as cluster:
        report = ingest([inbox], store_engine, context, runner=cluster)
    assert (stored_rows(store_engine), report) == single_process_rows


@pytest.mark.slow
def test_pool_pulls_inputs_only_as_results_are_taken(pool):
    pulled = []

    def inputs():
        for n in range(10_000):
            pulled.append(n)
            yield Rejection(f"input-{n}", "refused while reading")

    results = pool.analyse(inputs())
    assert next(results).source == "input-0"
    assert len(pulled) <= 2 * pool.workers * pool.chunk_size  # the chunks in flight, no more
    assert [r.source for r in results] == [f"input-{n}" for n in range(1, 10_000)]  # all, in input order


def _unstorable(doc_id: str) -> Analysis:
    """A document whose claim points at a document that does not exist: the store refuses it."""
    good = sample_analysis(doc_id)
    orphan = Claim(id=f"{doc_id}-orphan", document_id="missing", start=0, end=1, text="x", predicate="be")
    return Analysis(good.document, good.entities, good.mentions, good.quantities, good.times, (orphan,))


def test_a_document_the_store_refuses_is_rejected_alone(engine):
    batch = [
        sample_analysis("a"),
        _unstorable("bad"),
        Rejection("unreadable.txt", "binary: NUL bytes"),
        sample_analysis("b", "Seoul says 3,000 troops left in May 2025 again."),
        sample_analysis("a"),
    ]
    saved = save_batch(engine, batch)
    assert [s.outcome for s in saved] == [
        Outcome.INGESTED,
        Outcome.REJECTED,
        Outcome.REJECTED,
        Outcome.INGESTED,
        Outcome.DUPLICATE,
    ]
    assert saved[1].rejection.source == "bad.txt" and saved[1].rejection.reason.startswith("cannot store:")
    assert "foreign key" in saved[1].rejection.reason.lower()
    assert [d.id for d in read.documents(engine)] == ["a", "b"]
    assert {r.source for r in read.rejections(engine)} == {"bad.txt", "unreadable.txt"}
    with engine.connect() as conn:  # nothing of the refused document is left behind
        assert conn.execute(text("select count(*) from mentions where document_id = 'bad'")).scalar() == 0


def test_text_the_backend_cannot_hold_is_rejected_not_fatal(engine):
    body = "Seoul says 3,000 troops left in May 2025.\x00"  # PostgreSQL text cannot hold NUL
    odd = sample_analysis("nul", body)
    saved = save_batch(engine, [odd, sample_analysis("fine")])
    assert saved[1].outcome is Outcome.INGESTED
    if engine.dialect.name == "postgresql":
        assert saved[0].outcome is Outcome.REJECTED and "NUL" in saved[0].rejection.reason
    assert "fine" in {d.id for d in read.documents(engine)}


def test_ingest_commits_in_batches_and_reports_each_input(engine, context, tmp_path, monkeypatch):
    import claimgraph.pipeline as pipeline
    from claimgraph.store import write

    batches = []
    real = write.save_batch
    monkeypatch.setattr(pipeline, "save_batch", lambda e, b: batches.append(len(b)) or real(e, b))
    monkeypatch.setattr(pipeline, "WRITE_BATCH", 2)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for source in sorted(EXAMPLES.glob("0[1-3]_*")):
        (inbox / source.name).write_bytes(source.read_bytes())
    (inbox / "blank.txt").write_bytes(b"")
    seen = []
    report = ingest([inbox], engine, context, on_result=seen.append)
    assert batches == [2, 2] and len(seen) == 4
    assert len(report.ingested) == 3 and [r.source for r in report.rejected] == [str(inbox / "blank.txt")]


def test_cli_ingest_with_workers_stores_every_report(tmp_path):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for source in sorted(EXAMPLES.glob("0[1-4]_*")):
        (inbox / source.name).write_bytes(source.read_bytes())
    db = store_location(tmp_path, "w.db")
    result = CliRunner().invoke(app, ["--db", str(db), "ingest", "--workers", "2", str(inbox)])
    assert result.exit_code == 0, result.output
    from claimgraph.store import open_engine

    assert len(read.documents(open_engine(str(db)))) == 4


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--workers", "0"], "--workers must be at least 1"),
        (["--dask", "tcp://127.0.0.1:9", "--workers", "2"], "a remote one has the workers it has"),
    ],
)
def test_cli_refuses_runner_options_that_cannot_work(tmp_path, options, message):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    (tmp_path / "a.txt").write_text(
        "Seoul said on Monday that 3,000 soldiers from North Korea arrived in Russia."
    )
    result = CliRunner().invoke(
        app, ["--db", store_location(tmp_path, "x.db"), "ingest", *options, str(tmp_path / "a.txt")]
    )
    assert result.exit_code == 2 and message in result.output
