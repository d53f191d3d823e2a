"""Interrupted ingests: killed (kill -9) anywhere, then run again, the store ends as if never cut.

Each ingest runs in its own process, which stops itself at a named point (claimgraph.checkpoints)
and is killed there; then the same ingest is run again. The store (documents, claims, near-duplicate
links, memberships, claim groups and their findings, rejections) must then equal the store an
uninterrupted ingest leaves, row for row, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import signal

import pytest

from claimgraph.store import open_engine, read
from tests.conftest import EXAMPLES
from tests.postgres import on_postgresql, scratch_schema
from tests.processes import comparable_rows, finish, kill_when_stopped, start

# Where a kill leaves the store different: inside a batch's transaction (the batch is rolled
# back, earlier batches stay), between storing a batch and filing its claims (the case:
# stored, never filed), and inside a reconcile pass (computed, not saved).
KILL_POINTS = ["document-saved:5", "batch-committed:2", "reconcile-filed:1"]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """The ten example reports, a copy of one, and an input rejected in the first batch."""
    folder = tmp_path_factory.mktemp("inbox")
    for source in sorted(EXAMPLES.iterdir()):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "00_blank.txt").write_bytes(b"   \n")
    (folder / "11_copy_of_first.txt").write_bytes(sorted(EXAMPLES.iterdir())[0].read_bytes())
    return folder


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def uninterrupted(request, inbox, tmp_path_factory):
    """The rows an ingest that was never cut leaves, per backend."""
    if on_postgresql():
        pytest.skip("process-level tests run on both backends in the SQLite run of the suite")
    folder = tmp_path_factory.mktemp("whole")
    if request.param == "sqlite":
        yield request.param, _ingest_whole(str(folder / "whole.db"), inbox, folder)
        return
    with scratch_schema() as url:
        yield request.param, _ingest_whole(url, inbox, folder)


def _ingest_whole(db: str, inbox, folder) -> dict:
    log = folder / "whole.log"
    finish(start(db, "ingest", str(inbox), log=log), log)
    engine = open_engine(db)
    rows = comparable_rows(engine)
    engine.dispose()
    return rows


@pytest.mark.slow
@pytest.mark.parametrize("point", KILL_POINTS)
def test_an_ingest_killed_then_run_again_equals_one_never_cut(point, inbox, uninterrupted, tmp_path):
    backend, expected = uninterrupted
    assert expected["claim_groups"] and any(expected["claim_groups"])  # there is something to compare
    with _store(backend, tmp_path) as db:
        log = tmp_path / "run.log"
        kill_when_stopped(start(db, "ingest", str(inbox), stop_at=point, log=log), log)
        engine = open_engine(db)
        cut = comparable_rows(engine)
        assert cut != expected  # the kill left the store short of the whole
        finish(start(db, "ingest", str(inbox), log=log), log)
        assert comparable_rows(engine) == expected
        assert [r.source.rsplit("/", 1)[-1] for r in read.rejections(engine)] == ["00_blank.txt"]
        engine.dispose()


@pytest.mark.slow
def test_an_ingest_interrupted_with_ctrl_c_says_how_to_go_on(inbox, uninterrupted, tmp_path):
    backend, expected = uninterrupted
    with _store(backend, tmp_path) as db:
        log = tmp_path / "run.log"
        process = start(db, "ingest", str(inbox), stop_at="batch-committed:2", log=log)
        kill_when_stopped(process, log, signal.SIGINT)
        assert process.returncode == 130
        assert "interrupted. What was stored is kept: run the same ingest again" in " ".join(
            log.read_text().split()
        )
        finish(start(db, "ingest", str(inbox), log=log), log)
        engine = open_engine(db)
        assert comparable_rows(engine) == expected
        engine.dispose()


@pytest.mark.slow
def test_reconcile_files_what_a_killed_ingest_stored(inbox, uninterrupted, tmp_path):
    """`claimgraph reconcile` alone files the stored claims a kill left unfiled."""
    backend, expected = uninterrupted
    with _store(backend, tmp_path) as db:
        log = tmp_path / "run.log"
        # stopped after the last batch is stored, before its claims are filed
        kill_when_stopped(start(db, "ingest", str(inbox), stop_at="reconcile-filed:2", log=log), log)
        engine = open_engine(db)
        assert read.unreconciled_documents(engine)
        output = finish(start(db, "reconcile", log=log), log)
        assert "reports filed" in output and not read.unreconciled_documents(engine)
        after = comparable_rows(engine)
        assert after["claim_groups"] == expected["claim_groups"]
        assert after["claim_memberships"] == expected["claim_memberships"]
        engine.dispose()


class _store:
    """A new empty store on the backend: a file in the test's folder, or a scratch schema."""

    def __init__(self, backend: str, folder) -> None:
        self.backend, self.folder, self._schema = backend, folder, None

    def __enter__(self) -> str:
        if self.backend == "sqlite":
            return str(self.folder / "store.db")
        self._schema = scratch_schema()
        return self._schema.__enter__()

    def __exit__(self, *exc) -> None:
        if self._schema is not None:
            self._schema.__exit__(*exc)
