"""End to end: the real seed reports through every stage into the store."""

from __future__ import annotations

from pathlib import Path

from claimgraph.pipeline import ingest
from claimgraph.store import read
from tests.conftest import EXAMPLES, SEEDS, needs_seeds


@needs_seeds()
def test_seeds_are_ingested_with_entities_figures_and_claims(engine, context):
    report = ingest([SEEDS], engine, context)
    assert len(report.ingested) == 5 and not report.rejected
    documents = read.documents(engine)
    assert {Path(d.source).name for d in documents} == {p.name for p in SEEDS.iterdir()}
    names = {row.entity.name for row in read.entity_counts(engine)}
    assert {"North Korea", "Russia", "Shahed-136", "Alabuga Special Economic Zone"} <= names
    claims = read.claims(engine)
    figures = {(c.quantity.low, c.quantity.unit, c.quantity.per) for c in claims if c.quantity}
    assert (2000, "drone", "month") in figures and (25000, "worker", None) in figures
    nhk = [c for c in claims if c.speaker == "nhk"]
    assert nhk and nhk[0].quantity is not None and nhk[0].quantity.low == 25000
    # every fact points back into its sentence
    bodies = {d.id: d.body for d in documents}
    for claim in claims:
        assert bodies[claim.document_id][claim.start : claim.end] == claim.text
        if claim.quantity:
            assert bodies[claim.document_id][claim.quantity.start : claim.quantity.end] == claim.quantity.text


@needs_seeds()
def test_ingesting_twice_adds_nothing(engine, context):
    ingest([SEEDS], engine, context)
    before = (len(read.documents(engine)), len(read.claims(engine)), len(read.groups(engine)))
    again = ingest([SEEDS], engine, context)
    assert len(again.ingested) == 0 and len(again.duplicates) == 5
    assert (
        len(read.documents(engine)),
        len(read.claims(engine)),
        len(read.groups(engine)),
    ) == before


def test_bad_files_are_reported_by_name_and_the_rest_ingested(tmp_path, engine, context):
    tmp_path = tmp_path / "inbox"
    tmp_path.mkdir()
    for source in sorted(EXAMPLES.glob("0[1-3]_*")):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "latin1.txt").write_bytes(
        "Caf\u00e9 society report from the capital. ".encode("latin-1") * 20
    )
    report = ingest([tmp_path], engine, context)
    reasons = {Path(r.source).name: r.reason for r in report.rejected}
    assert set(reasons) == {"empty.txt", "image.txt", "latin1.txt"}
    assert reasons["empty.txt"].startswith("empty")
    assert reasons["image.txt"].startswith("binary")
    assert reasons["latin1.txt"].startswith("undecodable")
    assert len(report.ingested) == 3
    assert {Path(r.source).name for r in read.rejections(engine)} == set(reasons)


def test_a_long_ingest_reconciled_in_passes_equals_one_pass(tmp_path, context, monkeypatch):
    from claimgraph import pipeline
    from claimgraph.store import open_engine
    from tests.postgres import store_location

    once = open_engine(store_location(tmp_path, "once.db"))
    ingest([EXAMPLES], once, context)
    monkeypatch.setattr(pipeline, "WRITE_BATCH", 2)
    monkeypatch.setattr(pipeline, "RECONCILE_EVERY", 3)  # four passes over the ten examples
    in_passes = open_engine(store_location(tmp_path, "passes.db"))
    report = ingest([EXAMPLES], in_passes, context)
    assert report.groups == len(read.groups(in_passes)) > 0
    assert read.groups(in_passes) == read.groups(once)
