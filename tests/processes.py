"""Run claimgraph in other processes, stop one at a named point and kill it there (checkpoints.py).

No sleep races a clock: a process told CLAIMGRAPH_STOP_AT=POINT:N stops itself there, the test
waits until the kernel reports it stopped, and kills it; its state is then exactly that point's.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from claimgraph.checkpoints import STOP_AT
from claimgraph.store.schema import metadata

# The CLI, with batches small enough that ten reports make several batches and reconcile passes.
CLI = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even if started with it ignored
from claimgraph import pipeline
pipeline.WRITE_BATCH = 3
pipeline.RECONCILE_EVERY = 4
from claimgraph.cli import app
app(sys.argv[1:], prog_name="claimgraph")
"""
WAIT_SECONDS = 300  # a bound, never reached when the code works: loading spaCy takes seconds

# Written when stored, or numbered by the backend (a rolled-back PostgreSQL insert still uses up a
# serial number): equal stores may differ in these, and only in these.
_CLOCK_COLUMNS = {"ingested_at", "at"}
_SERIAL_TABLES = {"mentions", "quantities", "times", "rejections"}


def start(db: str, *args: str, stop_at: str | None = None, log: Path) -> subprocess.Popen[bytes]:
    """`claimgraph --db DB ARGS…` in a new process (stopping itself at ``stop_at``), output to ``log``."""
    env = {k: v for k, v in os.environ.items() if k != STOP_AT}
    if stop_at:
        env[STOP_AT] = stop_at
    env["COLUMNS"] = "200"
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-c", CLI, "--db", db, *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def finish(process: subprocess.Popen[bytes], log: Path) -> str:
    """Wait for the process to end; its output. Fails the test when it did not end well."""
    try:
        code = process.wait(timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError(f"still running after {WAIT_SECONDS} s:\n{log.read_text()}") from None
    output = log.read_text(errors="replace")
    assert code == 0, f"exit status {code}:\n{output}"
    return output


def kill_when_stopped(process: subprocess.Popen[bytes], log: Path, how: int = signal.SIGKILL) -> None:
    """Wait until the process has stopped itself at its point, then kill it: SIGKILL (kill -9) by
    default; SIGINT (Ctrl-C) lets it go on to handle the interrupt and end by itself."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        pid, status = os.waitpid(process.pid, os.WUNTRACED | os.WNOHANG)
        if pid and os.WIFSTOPPED(status):
            os.kill(process.pid, how)
            if how != signal.SIGKILL:
                os.kill(process.pid, signal.SIGCONT)
            process.wait(timeout=WAIT_SECONDS)
            return
        if pid:  # it ended without reaching its point
            raise AssertionError(f"ended before its stop point:\n{log.read_text(errors='replace')}")
        time.sleep(0.05)
    process.kill()
    raise AssertionError(f"never reached its stop point in {WAIT_SECONDS} s:\n{log.read_text()}")


def comparable_rows(engine) -> dict[str, list[tuple]]:
    """Every row of every table, without clock columns and backend serials, in a fixed order:
    two stores with equal rows hold the same documents, claims, memberships, groups and findings."""
    rows = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            drop = set(_CLOCK_COLUMNS)
            if table.name in _SERIAL_TABLES:
                drop.add("id")
            values = [
                tuple((k, repr(v)) for k, v in r._mapping.items() if k not in drop)
                for r in conn.execute(select(table))
            ]
            rows[table.name] = sorted(values)
    return rows
