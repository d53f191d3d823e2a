"""Duplicates: an exact copy is stored once; a near copy is stored and linked to what it copies."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import delete
from typer.testing import CliRunner

from claimgraph.clean.dedup import NearDuplicateIndex, Text, copy_measure, signature
from claimgraph.cli import app
from claimgraph.pipeline import ingest
from claimgraph.store import read, schema
from tests.postgres import store_location

PARAGRAPHS = [
    "The harbour authority in Varna said on Tuesday that two cargo ships carrying grain had been held at "
    "anchor for a third day while inspectors checked their papers.",
    "Port officials blamed a new paperwork rule that came into force at the start of the month, and said "
    "the backlog should clear by the weekend if the weather held.",
    "Shipping agents said the delay was costing each vessel several thousand euros a day, and that some "
    "owners had begun to send cargoes to other ports along the coast instead.",
    "The transport ministry said it would review the rule next week and meet the port's largest customers "
    "before deciding whether to change it.",
]
STORY = "\n".join(PARAGRAPHS)
OTHER = (
    "Farmers in the north of the country began the barley harvest early this year after a dry spring, "
    "the agriculture ministry said, and expected yields to fall by about a tenth compared with last year. "
    "Prices at the regional exchange rose on the news, while millers said their stocks would last."
)


def as_scrape(story: str) -> str:
    return "\n".join(
        ["SHIPPING, PORTS, GRAIN, VARNA", "By Ilse Marin", "Varna Harbour Post", "2 Comments", story]
    )


def as_page(story: str, note: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in story.splitlines())
    return (
        "<html><head><title>Grain ships wait at Varna</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Grain ships wait at Varna</h1>{paragraphs}<p>{note}</p></article>"
        "<footer>Copyright Coastal Media</footer></body></html>"
    )


def indexed(**texts: str) -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    for name, body in texts.items():
        index.add(name, signature(body), Text(body))
    return index


def find(index: NearDuplicateIndex, body: str, credited: str | None = None):
    return index.find(signature(body), Text(body, credited))


def test_index_finds_a_near_copy_and_not_another_story():
    index = indexed(story=STORY)
    trimmed = "\n".join([*PARAGRAPHS[:3], "Updated: adds the ministry's comment."])
    assert find(index, trimmed).document_id == "story"
    assert find(index, OTHER) is None


def test_a_copy_of_a_copy_points_at_the_first():
    index = indexed(first=STORY)
    copy = STORY + "\nUpdated at noon."
    index.add("second", signature(copy), Text(copy), near_duplicate_of="first")
    index.remove("first")  # even when only the copy is a candidate, the link goes to the first
    assert find(index, STORY + "\nCorrected a name.").document_id == "first"


# A longer wire story, and what sites make of it.
WIRE = [
    "The customs service in Gdansk said on Thursday that it had seized four containers of machine "
    "tools bound for a trading firm that investigators suspect of supplying an arms factory.",
    "Officers opened the containers after a tip from a partner agency and found lathes and milling "
    "machines listed on the shipping papers as agricultural equipment.",
    "The trading firm, registered in a free port two years ago, did not answer calls on Thursday, and "
    "its listed director could not be reached at the address given in the company register.",
    "Investigators said the tools could be used to make barrels and casings, and that two earlier "
    "shipments from the same sender had passed through the port in the spring without inspection.",
    "The prosecutor's office said it had opened a case and would ask the court to freeze the firm's "
    "accounts while the origin of the payments was examined by financial analysts.",
    "A spokeswoman for the port authority said the seizure was the largest of its kind this year and "
    "that checks on cargo routed through third countries had been tightened in March.",
    "Shipping agents said the new checks had slowed traffic at the container terminal, with some "
    "vessels waiting two days longer than usual for their cargo to clear.",
    "The government is expected to publish a list of restricted goods next month, officials said, "
    "adding that exporters had been warned about false descriptions on customs forms.",
]
REWORDED = [
    "Customs officers in Gdansk seized four containers of machine tools on Thursday that were bound for "
    "a trading firm suspected by investigators of supplying an arms factory, the service said.",
    "Acting on a tip from a partner agency, officers opened the containers and found milling machines "
    "and lathes that the shipping papers described as agricultural equipment.",
    "Registered in a free port two years ago, the trading firm did not respond to calls on Thursday, and "
    "its director could not be reached at the address in the company register.",
    "According to investigators, the tools could make casings and barrels, and two earlier shipments "
    "from the same sender passed through the port without inspection in the spring.",
    "Prosecutors said they had opened a case and would ask a court to freeze the accounts of the firm "
    "while financial analysts examined where the payments came from.",
    "The port authority's spokeswoman called the seizure the biggest of its kind this year, saying "
    "checks on cargo routed through third countries had been tightened in March.",
]
# The same seizure told by another agency: same facts and names, its own sentences and order.
ANOTHER_WIRE = [
    "Investigators believe a trading firm that ordered four containers of lathes and milling machines "
    "was a front for an arms factory, officials in Gdansk said after the cargo was seized.",
    "The port authority, which has tightened checks on cargo routed through third countries since "
    "March, described the seizure as the largest this year.",
    "Customs officers had been tipped off by a partner agency, according to the customs service, which "
    "said the papers listed the machines as agricultural equipment.",
    "Prosecutors are seeking to freeze the accounts of the firm, whose director could not be reached, "
    "and have opened a case into two earlier shipments that passed through the port.",
    "Agents at the container terminal complained that the checks were slowing traffic.",
]


def test_a_truncated_opening_of_a_story_is_a_copy_of_it():
    index = indexed(full="\n".join(WIRE))
    opening = "\n".join([*WIRE[:3], WIRE[3][:60]])  # a site that keeps only the opening, cut mid-sentence
    match = find(index, opening)
    assert match is not None and match.document_id == "full" and match.measure > 0.9


def test_a_reworded_copy_of_a_wire_story_is_a_copy_unless_they_credit_different_sources():
    wire, reworded = Text("\n".join(WIRE), "Baltic Wire"), Text("\n".join(REWORDED), "Baltic Wire")
    measure = copy_measure(reworded, wire)
    assert measure is not None and measure >= 0.75
    assert copy_measure(Text(reworded.body, "Harbour Press"), wire) is None  # two wires: two reports
    assert copy_measure(Text(reworded.body), wire) is not None  # a copy that credits no one is still one


def test_another_wire_s_account_of_the_same_event_is_not_a_copy():
    assert copy_measure(Text("\n".join(ANOTHER_WIRE)), Text("\n".join(WIRE))) is None
    assert find(indexed(wire="\n".join(WIRE)), "\n".join(ANOTHER_WIRE)) is None


def test_the_same_story_saved_twice_with_different_boilerplate_is_stored_once_plus_a_link(
    tmp_path, engine, context
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_scrape.txt").write_text(as_scrape(STORY))
    (inbox / "b_page.html").write_text(as_page(STORY, "Updated on Wednesday with the ministry's plans."))
    (inbox / "c_other.txt").write_text(OTHER)
    report = ingest([inbox], engine, context)
    assert len(report.ingested) == 3
    [link] = report.near_duplicates
    assert (Path(link.source).name, Path(link.copies).name) == ("b_page.html", "a_scrape.txt")
    stored = {Path(d.source).name: d for d in read.documents(engine)}
    assert stored["b_page.html"].near_duplicate_of == stored["a_scrape.txt"].id
    assert (
        stored["a_scrape.txt"].near_duplicate_of is None and stored["c_other.txt"].near_duplicate_of is None
    )


def test_links_are_found_across_ingests_and_exact_copies_add_nothing(tmp_path, engine, context):
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "scrape.txt").write_text(as_scrape(STORY))
    ingest([first], engine, context)
    (later / "page.html").write_text(as_page(STORY, "Updated on Wednesday."))
    (later / "same.txt").write_text(as_scrape(STORY))  # the same body: an exact duplicate
    report = ingest([later], engine, context)
    assert [Path(s).name for s in report.ingested] == ["page.html"]
    assert [Path(s).name for s in report.duplicates] == ["same.txt"]
    assert [Path(link.copies).name for link in report.near_duplicates] == ["scrape.txt"]


def test_documents_stored_without_a_signature_get_one_when_the_index_loads(tmp_path, engine, context):
    first = tmp_path / "first"
    first.mkdir()
    (first / "scrape.txt").write_text(as_scrape(STORY))
    ingest([first], engine, context)
    with engine.begin() as conn:
        conn.execute(delete(schema.document_signatures))
    (tmp_path / "page.html").write_text(as_page(STORY, "Updated on Wednesday."))
    report = ingest([tmp_path / "page.html"], engine, context)
    assert len(report.near_duplicates) == 1


def test_cli_shows_the_link_in_the_summary_and_in_docs(tmp_path, monkeypatch):
    from rich.console import Console

    from claimgraph import cli

    monkeypatch.setattr(cli, "console", Console(width=250))  # wide enough that no cell wraps
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a_scrape.txt").write_text(as_scrape(STORY))
    (inbox / "b_page.html").write_text(as_page(STORY, "Updated on Wednesday."))
    db = store_location(tmp_path, "x.db")
    runner = CliRunner()
    result = runner.invoke(app, ["--db", db, "ingest", str(inbox)])
    assert result.exit_code == 0, result.output
    assert re.search(r"near-duplicates \(stored, linked\)\s+│?\s*1", result.output)
    assert "b_page.html copies" in " ".join(result.output.split())
    docs = runner.invoke(app, ["--db", db, "docs"], terminal_width=250)
    assert re.search(
        r"b_page\.html.*Varna Harbour Post \(a_scrape\.txt\)|b_page\.html.*a_scrape\.txt", docs.output
    )


def test_stored_documents_are_found_through_the_store_not_held_in_memory(engine):
    from claimgraph.dedupe import NearDuplicateStep
    from claimgraph.records import Analysis, Document
    from claimgraph.store import save_batch

    def report(n: int, body: str) -> Analysis:
        return Analysis(Document(id=f"doc-{n}", source=f"r{n}.txt", body=body))

    step = NearDuplicateStep.load(engine)
    batch = [step.link(report(1, STORY)), step.link(report(2, OTHER))]
    step.saved(engine, batch, save_batch(engine, batch))
    assert len(step.index) == 0  # memory does not grow with the store
    later = NearDuplicateStep.load(engine)
    copy = later.link(report(3, STORY + "\nUpdated at noon."))
    assert copy.document.near_duplicate_of == "doc-1"
    [link] = later.saved(engine, [copy], save_batch(engine, [copy]))
    assert (link.source, link.copies) == ("r3.txt", "r1.txt")
    stored = {d.id: d for d in read.documents(engine)}
    assert stored["doc-3"].near_duplicate_measure == link.measure > 0.9  # the link keeps its measure


def test_a_reworded_copy_in_the_store_is_linked_when_both_credit_the_wire(engine):
    from claimgraph.dedupe import NearDuplicateStep
    from claimgraph.records import Analysis, Document
    from claimgraph.store import save_batch

    def report(n: int, body: str, credited: str) -> Analysis:
        document = Document(id=f"doc-{n}", source=f"r{n}.txt", body=body, original_source=credited)
        return Analysis(document)

    step = NearDuplicateStep.load(engine)
    first = [step.link(report(1, "\n".join(WIRE), "Baltic Wire"))]
    step.saved(engine, first, save_batch(engine, first))
    later = NearDuplicateStep.load(engine)
    batch = [
        later.link(report(2, "\n".join(REWORDED), "Baltic Wire")),
        later.link(report(3, "\n".join(ANOTHER_WIRE), "Harbour Press")),
    ]
    links = later.saved(engine, batch, save_batch(engine, batch))
    assert [(link.source, link.copies) for link in links] == [("r2.txt", "r1.txt")]
