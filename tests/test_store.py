"""Store: one transaction per document, re-ingest is a no-op, records round-trip."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from claimgraph.records import (
    Analysis,
    Claim,
    ClaimGroup,
    Document,
    Entity,
    Finding,
    FindingKind,
    Grade,
    Mention,
    Modality,
    Quantity,
    Rejection,
    TimeRef,
)
from claimgraph.store import read, replace_groups, save_analysis, save_rejection


def sample_analysis(doc_id="doc1", body="Seoul says 3,000 troops left in May 2025."):
    document = Document(id=doc_id, source=f"{doc_id}.txt", body=body, title="T")
    quantity = Quantity(3000, 3000, "soldier", "3,000 troops", 11, 23)
    time = TimeRef("May 2025", "2025-05", "absolute", 32, 40)
    claim = Claim(
        id=f"{doc_id}-0",
        document_id=doc_id,
        start=0,
        end=len(body),
        text=body,
        predicate="leave",
        subject="seoul",
        entities=("seoul",),
        quantity=quantity,
        time=time,
        speaker="seoul",
        cue="say",
        modality=Modality.REPORTED,
    )
    entity = Entity("seoul", "Seoul", "place", ("Seoul city",))
    return Analysis(document, (entity,), (Mention("seoul", "Seoul", 0, 5),), (quantity,), (time,), (claim,))


def test_saved_analysis_reads_back_as_equal_records(engine):
    analysis = sample_analysis()
    assert save_analysis(engine, analysis) is True
    assert read.documents(engine) == [analysis.document]
    assert read.claims(engine) == list(analysis.claims)
    assert read.claims(engine, entity_id="seoul") == list(analysis.claims)
    assert read.find_entity(engine, "SEOUL").name == "Seoul"
    assert read.entity_aliases_seen(engine, "seoul") == ["Seoul"]


def test_saving_the_same_document_again_adds_nothing(engine):
    assert save_analysis(engine, sample_analysis())
    assert not save_analysis(engine, sample_analysis())
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from claims")).scalar() == 1
        assert conn.execute(text("select count(*) from mentions")).scalar() == 1


def test_entities_shared_by_documents_are_stored_once(engine):
    save_analysis(engine, sample_analysis("a"))
    save_analysis(engine, sample_analysis("b", "Seoul says 3,000 troops left in May 2025 again."))
    (count,) = read.entity_counts(engine)
    assert (count.entity.id, count.mentions, count.documents) == ("seoul", 2, 2)


def test_failed_document_leaves_nothing_half_written(engine):
    good = sample_analysis("good")
    broken = sample_analysis("broken")
    # a claim pointing at a document that is not the one saved breaks the foreign key mid-transaction
    bad_claim = Claim(id="x", document_id="missing", start=0, end=1, text="x", predicate="be")
    broken = Analysis(
        broken.document,
        broken.entities,
        broken.mentions,
        broken.quantities,
        broken.times,
        (bad_claim,),
    )
    save_analysis(engine, good)
    with pytest.raises(IntegrityError):
        save_analysis(engine, broken)
    assert [d.id for d in read.documents(engine)] == ["good"]


def test_rejections_and_groups_round_trip(engine):
    save_rejection(engine, Rejection("bad.bin", "binary: NUL bytes"))
    assert read.rejections(engine) == [Rejection("bad.bin", "binary: NUL bytes")]
    group = ClaimGroup(
        id="g1",
        key="k",
        claim_ids=("a", "b"),
        reasons=("r1", "r2"),
        origins=("o1",),
        findings=(Finding(FindingKind.REPEAT, "one origin", ("a", "b")),),
        grade=Grade("C", 3, "why"),
    )
    replace_groups(engine, [group])
    replace_groups(engine, [group])
    assert read.groups(engine) == [group]
    replace_groups(engine, [], stale=["g1"])
    assert read.groups(engine) == []


def test_sqlite_store_uses_write_ahead_logging(tmp_path):
    from claimgraph.store import open_engine

    with open_engine(str(tmp_path / "wal.db")).connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
