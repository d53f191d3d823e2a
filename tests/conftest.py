"""Shared fixtures: the language model loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "eval" / "seeds.gold.yaml"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session", autouse=True)
def _drop_test_schemas():
    """Under CLAIMGRAPH_TEST_BACKEND=postgresql, the schemas the tests' stores lived in go at the end."""
    yield
    from tests.postgres import drop_made_schemas, on_postgresql

    if on_postgresql():
        drop_made_schemas()


@pytest.fixture(scope="session")
def context():
    from claimgraph.pipeline import make_context

    return make_context()


@pytest.fixture(scope="session")
def nlp(context):
    return context.nlp


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """A fresh store on each backend; PostgreSQL skips with a reason without a server (tests/postgres.py)."""
    from claimgraph.store import open_engine

    if request.param == "sqlite":
        yield open_engine(str(tmp_path / "test.db"))
        return
    from tests.postgres import scratch_schema

    with scratch_schema() as url:
        store = open_engine(url)
        yield store
        store.dispose()


@pytest.fixture()
def store_engine(tmp_path):
    """One store on the backend of this run (SQLite unless CLAIMGRAPH_TEST_BACKEND=postgresql)."""
    from claimgraph.store import open_engine
    from tests.postgres import store_location

    return open_engine(store_location(tmp_path, "test.db"))


def needs_seeds() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed corpus not found at {SEEDS}")


# An article written for the tests, hostile on purpose: markup in its title and sentences must
# reach every report and export as text, and nothing in it may run in a browser.
HOSTILE_ARTICLE = """\
Drone plant <img src=x onerror="document.title='pwned'"> doubles output, Kyiv says
By Test Writer
Hostile Gazette | October 2, 2025

Russia fired 300 Shahed drones at Ukraine on October 1, 2025, Ukraine's air force said \
<script>document.body.setAttribute('data-pwned','script')</script> in its morning summary.

The Alabuga plant builds about 3,100 Shahed drones a month \
<img src=x onerror="document.body.setAttribute('data-pwned','img')">, according to Ukraine's \
Defence Intelligence (GUR).

Officials in Kyiv said the new figure was based on intercepted shipment records and on satellite \
pictures of the plant taken in September.
"""


@pytest.fixture(scope="session")
def example_store(context, tmp_path_factory):
    """The example corpus and the hostile article, ingested and reconciled once: what the views read."""
    from claimgraph.pipeline import ingest
    from claimgraph.store import open_engine
    from tests.postgres import store_location

    folder = tmp_path_factory.mktemp("example_store")
    hostile = folder / "inbox" / "hostile_gazette.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    engine = open_engine(store_location(folder, "examples.db"))
    report = ingest([EXAMPLES, hostile.parent], engine, context)
    assert not report.rejected, report.rejected
    return engine


@pytest.fixture(scope="session")
def examples_only_store(context, tmp_path_factory):
    """A store of the example corpus (examples/corpus) alone, ingested once per session, for the web tests."""
    from claimgraph.pipeline import ingest
    from claimgraph.store import open_engine
    from tests.postgres import store_location

    engine = open_engine(store_location(tmp_path_factory.mktemp("examples"), "examples.db"))
    report = ingest([EXAMPLES], engine, context)
    assert len(report.ingested) == 10, report.rejected
    return engine
