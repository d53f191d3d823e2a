"""Two ingests at once into one store, on overlapping inputs, end as one ingest of all of them.

Both run in their own processes with small batches, so their write transactions and reconcile
passes interleave however the machine schedules them; whatever the interleaving, the store must
hold what one ingest of the union holds: the same documents (none twice), near-duplicate links
(a copy in one process's folder and its original in the other's included), claims, memberships,
claim groups and findings. Which of two copies stored by different processes counts as the
original depends on which was stored first, so links are compared as stories (undirected); and
the order reports came in (seq) differs between runs by nature.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimgraph.store import open_engine, read
from tests.conftest import EXAMPLES
from tests.postgres import on_postgresql, scratch_schema
from tests.processes import comparable_rows, finish, start

_UPDATE = b"<p>Updated: this report was corrected to give the full name of the regional airfield.</p>"


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    """part1 and part2 for one process each, shared for both; a near-copy of a part2 report in part1."""
    root = tmp_path_factory.mktemp("overlap")
    examples = sorted(EXAMPLES.iterdir())
    parts = {"part1": examples[:3], "shared": examples[3:7], "part2": examples[7:]}
    for name, files in parts.items():
        (root / name).mkdir()
        for source in files:
            (root / name / source.name).write_bytes(source.read_bytes())
    original = (root / "part2" / "09_black_sea_observer_shahed_surge.html").read_bytes()
    (root / "part1" / "09b_black_sea_observer_updated.html").write_bytes(
        original.replace(b"</article>", _UPDATE + b"</article>")
    )
    (root / "shared" / "zz_blank.txt").write_bytes(b"")
    return {name: root / name for name in ("part1", "shared", "part2")}


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_ingests_at_once_equal_one_ingest(backend, folders, tmp_path):
    if on_postgresql():
        pytest.skip("process-level tests run on both backends in the SQLite run of the suite")
    part1, shared, part2 = (str(folders[n]) for n in ("part1", "shared", "part2"))
    with _store(backend, tmp_path, "one") as one, _store(backend, tmp_path, "two") as two:
        log = tmp_path / "one.log"
        finish(start(one, "ingest", part1, shared, part2, log=log), log)
        logs = [tmp_path / "a.log", tmp_path / "b.log"]
        first = start(two, "ingest", part1, shared, log=logs[0])
        second = start(two, "ingest", shared, part2, log=logs[1])
        finish(first, logs[0])
        finish(second, logs[1])

        expected, together = open_engine(one), open_engine(two)
        assert len(read.documents(together)) == len(read.documents(expected)) == 11
        assert _stories(together) == _stories(expected) == _stories_named(expected)
        assert len(_stories(expected)) == 9  # 06/07 and 09/09b are each one story
        assert _without_order(together) == _without_order(expected)
        assert read.groups(expected) and any(g.findings for g in read.groups(expected))
        expected.dispose()
        together.dispose()


def _stories(engine) -> set[frozenset[str]]:
    """The near-duplicate links as stories: each report with those it copies or that copy it."""
    documents = read.documents(engine)
    story = {d.id: d.near_duplicate_of or d.id for d in documents}
    members: dict[str, set[str]] = {}
    for document_id, first in story.items():
        members.setdefault(first, {first}).add(document_id)
    return {frozenset(m) for m in members.values()}


def _stories_named(engine) -> set[frozenset[str]]:
    """The stories the corpus was made of: 06/07 and 09/09b are copies, every other report its own."""
    by_number = {Path(d.source).name.split("_")[0]: d.id for d in read.documents(engine)}
    copies = [("06", "07"), ("09", "09b")]
    alone = set(by_number) - {n for pair in copies for n in pair}
    return {frozenset(by_number[n] for n in pair) for pair in copies} | {
        frozenset({by_number[n]}) for n in alone
    }


def _without_order(engine) -> dict[str, list[tuple]]:
    """The store's rows less what depends on which process stored first: the order reports came
    in, and which copy of a story is its original (compared as stories above), with what says so:
    the copy's measure and the words of a membership's reason or origin naming the copy it copies."""
    rows = comparable_rows(engine)
    by_direction = ("seq", "near_duplicate_of", "near_duplicate_measure")
    for table in ("documents", "claim_memberships"):
        rows[table] = sorted(
            tuple(
                (name, _story_named(value) if name == "origin_reason" else value)
                for name, value in row
                if name not in by_direction and not (name == "reason" and "near-duplicate of" in value)
            )
            for row in rows[table]
        )
    return rows


# A copy's origin says which report it copies ("a near-duplicate of <title>; ..."), and only the
# copy stored second says it: origins are compared without those words (the stories are compared above).
_COPY_NAMED = re.compile(r"a near-duplicate of [^;]*; ")


def _story_named(origin_reason: str) -> str:
    return _COPY_NAMED.sub("", origin_reason)


class _store:
    def __init__(self, backend: str, folder: Path, name: str) -> None:
        self.backend, self.path, self._schema = backend, folder / f"{name}.db", None

    def __enter__(self) -> str:
        if self.backend == "sqlite":
            return str(self.path)
        self._schema = scratch_schema()
        return self._schema.__enter__()

    def __exit__(self, *exc) -> None:
        if self._schema is not None:
            self._schema.__exit__(*exc)
