"""Dask workers lost mid-ingest: a replaced worker is given the context again and the run goes on;
a cluster left with no worker stops the run with a clear message, and the next run goes on from
what was stored, ending with the store an uninterrupted ingest leaves."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimgraph.errors import RunnerError
from claimgraph.pipeline import ingest
from claimgraph.store import open_engine, read
from tests.conftest import EXAMPLES
from tests.postgres import store_location
from tests.processes import WAIT_SECONDS, comparable_rows

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inbox")
    for source in sorted(EXAMPLES.iterdir()):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "00_blank.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def uninterrupted(inbox, context, tmp_path_factory):
    engine = open_engine(store_location(tmp_path_factory.mktemp("whole"), "whole.db"))
    ingest([inbox], engine, context)
    return comparable_rows(engine)


class Cluster:
    """A scheduler and workers in processes of their own, as on a real cluster (no nanny to
    restart a lost worker)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file = folder / "scheduler.json"
        self.processes: list[subprocess.Popen[bytes]] = []
        self.scheduler = self._start("dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard")
        self.address = self._scheduler_address()

    def _scheduler_address(self) -> str:
        """The address the scheduler writes once it listens; the file can exist before its text does."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                return json.loads(self.file.read_text())["address"]
            except (FileNotFoundError, json.JSONDecodeError, KeyError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def add_worker(self) -> subprocess.Popen[bytes]:
        return self._start("dask_worker", "--nthreads", "1", "--no-nanny", "--no-dashboard")

    def _start(self, program: str, *args: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-m", f"distributed.cli.{program}", "--scheduler-file", str(self.file), *args],
            stdout=subprocess.DEVNULL,
            stderr=(self.folder / f"{program}.log").open("ab"),
        )
        self.processes.append(process)
        return process

    def close(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()


@pytest.fixture()
def cluster(tmp_path):
    made = Cluster(tmp_path)
    yield made
    made.close()


def test_a_scheduler_without_workers_is_said_plainly(cluster, context):
    from claimgraph.scale import DaskRunner

    with pytest.raises(RunnerError) as error:
        DaskRunner(context, cluster.address, wait=1)
    assert str(error.value) == (
        f"the Dask scheduler at {cluster.address} has no workers (waited 1 s): "
        f"start one with `dask worker {cluster.address}`"
    )


@pytest.mark.slow
def test_losing_the_only_worker_stops_clearly_and_the_next_run_goes_on(
    cluster, context, inbox, uninterrupted, tmp_path
):
    from claimgraph.scale import DaskRunner

    worker = cluster.add_worker()
    engine = open_engine(store_location(tmp_path, "store.db"))

    def kill_worker_at_first_result(_):
        if worker.poll() is None:  # the first chunk is back, the next ones are on the worker
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait()

    with (
        DaskRunner(context, cluster.address, chunk_size=2, wait=2) as runner,
        pytest.raises(RunnerError) as error,
    ):
        ingest([inbox], engine, context, on_result=kill_worker_at_first_result, runner=runner)
    assert "has had no workers for 2 s (its last worker was lost)" in str(error.value)
    stored = read.documents(engine)
    assert 0 < len(stored) < 10  # the results that came back were stored ...
    assert not read.unreconciled_documents(engine)  # ... and filed
    cluster.add_worker()
    with DaskRunner(context, cluster.address, chunk_size=2) as runner:
        again = ingest([inbox], engine, context, runner=runner)
    assert len(again.duplicates) == len(stored)  # recognised, not analysed or stored again
    assert comparable_rows(engine) == uninterrupted


@pytest.mark.slow
def test_a_lost_worker_replaced_by_its_nanny_gets_the_context_and_the_run_goes_on(
    context, inbox, uninterrupted, tmp_path
):
    from claimgraph.scale import DaskRunner

    engine = open_engine(store_location(tmp_path, "store.db"))
    with DaskRunner(context, "local", workers=1, chunk_size=2) as runner:
        [pid] = runner._client.run(os.getpid).values()
        killed = []

        def kill_worker_at_first_result(_):
            if not killed:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        report = ingest([inbox], engine, context, on_result=kill_worker_at_first_result, runner=runner)
        assert killed and pid not in runner._client.run(os.getpid).values()  # a new worker did the rest
    assert len(report.ingested) == 10
    assert comparable_rows(engine) == uninterrupted
