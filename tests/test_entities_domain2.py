"""A second domain pack (Red Sea shipping) with its own texts, through the real pipeline.

Nothing in the code may be tied to the first domain: the same stages, given
another pack, recognise and resolve that topic's entities and nothing of the
first one.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.store import read
from tests.conftest import ROOT
from tests.postgres import store_location

DATA = ROOT / "tests" / "data" / "domains"
PACK = DATA / "red_sea_shipping.yaml"
TEXTS = DATA / "red_sea_texts"
FIRST_DOMAIN = {"north-korea", "russia", "shahed-136", "kim-jong-un", "alabuga-special-economic-zone"}


@pytest.fixture(scope="module")
def red_sea():
    from claimgraph.annotate import load_language
    from claimgraph.pipeline import make_context

    return make_context(PACK, nlp=load_language())  # a fresh model: the session's has the first pack


@pytest.fixture(scope="module")
def analyses(red_sea):
    from claimgraph.pipeline import analyse_path

    return {path.name: analyse_path(path, red_sea) for path in sorted(TEXTS.glob("*.txt"))}


def mentioned(analysis) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for mention in analysis.mentions:
        found.setdefault(mention.entity_id, []).append(mention.text)
    return found


def test_each_text_names_the_second_packs_entities(analyses) -> None:
    assert set(mentioned(analyses["01_bulk_carrier.txt"])) >= {
        "uk-maritime-trade-operations",
        "houthis",
        "yahya-saree",
        "al-masirah",
        "us-central-command",
        "yemen",
        "red-sea",
    }
    assert set(mentioned(analyses["02_suez_traffic.txt"])) >= {
        "suez-canal",
        "suez-canal-authority",
        "maersk",
        "hapag-lloyd",
        "egypt",
        "abdel-fattah-al-sisi",
    }
    found = mentioned(analyses["03_gulf_of_aden.txt"])
    assert found["uk-maritime-trade-operations"] == ["UKMTO"]
    assert found["gaza-war"] == ["war in Gaza", "war in Gaza"] and found["greece"] == ["Greek"]


def test_nothing_of_the_first_domain_appears(analyses) -> None:
    ids = {e.id for a in analyses.values() for e in a.entities}
    assert not ids & FIRST_DOMAIN
    assert "asia" not in ids and "northern-europe" not in ids  # generic regions, whatever the pack


def test_second_pack_metonyms_ambiguous_names_and_tag_line(analyses) -> None:
    analysis = analyses["04_insurance_premiums.txt"]
    found = mentioned(analysis)
    assert found["yemen"] == ["Sanaa"]  # "Sanaa warned": the state
    assert found["sanaa"] == ["Sanaa"]  # "talks in Sanaa", Yemen never named: the city
    assert found["united-states"] == ["Washington"] and found["egypt"] == ["Cairo"]
    assert found["suez-canal-authority"] == ["SCA", "Suez Canal Authority"]  # supported by the full name
    tags = {(m.text, m.entity_id) for m in analysis.page_mentions if m.where == "tags"}
    assert ("UKTMO", "uk-maritime-trade-operations") in tags  # a slip of UKMTO, which the body names
    assert {text for text, _ in tags} == {"HOUTHIS", "RED SEA", "YEMEN", "UKTMO", "SUEZ CANAL"}
    ids = {e.id for e in analysis.entities}
    assert not ids & {"shipping", "insurance", "weather"}  # tag labels naming nothing are dropped


def test_ingest_and_entity_view_with_the_second_pack(tmp_path) -> None:
    db = store_location(tmp_path, "red.db")
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(db), "--domain", str(PACK), "ingest", str(TEXTS)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["--db", str(db), "--domain", str(PACK), "entity", "Ansar Allah"])
    assert result.exit_code == 0, result.output
    assert "Houthis" in result.output and "organisation" in result.output
    assert "01_bulk_carrier.txt" in result.output and "03_gulf_of_aden.txt" in result.output
    from claimgraph.store import open_engine

    counts = {row.entity.id: row for row in read.entity_counts(open_engine(str(db)))}
    assert counts["houthis"].documents == 3
    assert not set(counts) & FIRST_DOMAIN
