"""Whose story is it: the wires and outlets a page credits, in each form pages use."""

from __future__ import annotations

import pytest

from claimgraph.annotate import NameResolver, page_mentions
from claimgraph.clean import clean
from claimgraph.clean.credits import AGENCIES, credit_in_line, dateline_credit, lead_credits
from claimgraph.clean.scrape import clean_scrape
from claimgraph.domains import DomainPack
from claimgraph.records import Document, Entity, RawInput

# Outlets as a domain pack would list them (names and aliases of its media outlets).
OUTLETS = (
    "Baltic Wire", "BW", "Harbour Press Agency", "Harbour Press", "HPA", "Northern Herald",
    "Associated Press", "AP", "AFP", "Reuters", "Xinhua",
)  # fmt: skip
TITLE = "Dock workers end strike after pay deal in northern port"
LEAD = (
    "Dock workers at the northern port returned to work on Friday after their union accepted a pay "
    "offer, ending a strike that had held up ships for nine days, the port authority said."
)
MORE = (
    "The agreement raises wages by six percent over two years and adds a bonus for night shifts, "
    "according to a statement the union posted on its website late on Thursday evening."
)
LAST = "Ships queued outside the harbour were expected to berth over the weekend, officials said."


def credits_of(*lines: str) -> tuple[str, ...]:
    return clean_scrape("\n".join(lines), OUTLETS).credits


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Source: Baltic Wire", ["Baltic Wire"]),
        ("SOURCE:HPA", ["HPA"]),  # no space after the colon
        ("Source: RSS/AFP", ["AFP"]),  # the feed is a format, the agency the source
        ("Source: the state-run Harbour Press Agency", ["Harbour Press Agency"]),
        ("Via: Northern Herald", ["Northern Herald"]),
        ("— AFP", ["AFP"]),
        ("- Reuters", ["Reuters"]),
        ("(AFP)", ["AFP"]),
        ("Baltic Wire", ["Baltic Wire"]),  # a known outlet alone on the closing line
        ("(With inputs from agencies.)", [AGENCIES]),
        ("With agencies", [AGENCIES]),
        ("Sources: Reuters, AFP", ["Reuters", "AFP"]),
        ("Source: Coastal Bulletin", ["Coastal Bulletin"]),  # an outlet no pack knows, named by the line
    ],
)
def test_credit_lines(line, expected):
    assert credit_in_line(line, OUTLETS) == expected


@pytest.mark.parametrize(
    "line",
    ["Coastal Bulletin", "— Marta Quill", "Source of the dispute: a pay offer the union called unfair to "
     "night shifts and older staff at the port"],
)  # fmt: skip
def test_lines_that_are_no_credit(line):
    assert credit_in_line(line, OUTLETS) is None


@pytest.mark.parametrize(
    ("opening", "agency"),
    [
        ("GDANSK, March 14 (Reuters) - Dock workers", "Reuters"),
        ("March 14 (UPI) -- Dock workers", "UPI"),  # an agency's acronym, known or not
        ("GDANSK, Poland (AP) — Dock workers", "AP"),
        ("Gdansk, (BW - Baltic Wire / Port News - 14th Mar, 2025) Dock workers", "BW"),
        ("GDANSK, March 14. /HPA/. Dock workers", "HPA"),
        ("The National Dock Union (NDU) said workers", None),  # an acronym defined, not a dateline
    ],
)
def test_dateline_agencies(opening, agency):
    assert dateline_credit(opening, OUTLETS) == agency


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        ("Dock workers ended their strike on Friday, Reuters reported.", "Reuters"),
        ("The union's leader told Reuters the vote had been close.", "Reuters"),
        ("The strike is over, according to the Associated Press.", "Associated Press"),
        ("Dock workers ended their strike, AP reported, citing the union.", "AP"),
        ("Dock workers ended their strike, Harbour Press news agency reported.", "Harbour Press"),
        ("Workers ended the strike on Friday, citing Baltic Wire figures.", "Baltic Wire"),
        ("The deal was first announced via Xinhua on Friday.", "Xinhua"),
        ("Dock workers (AFP) ended their strike on Friday after a vote.", "AFP"),
        ("The deal was detailed in a report by The Coastal Economist on Friday.", "The Coastal Economist"),
        ("Workers accepted the offer, the regional newspaper Hafen Kurier wrote.", "Hafen Kurier"),
        ("Workers returned. This was reported by Northern Herald, citing the union.", "Northern Herald"),
        ("Dock workers returned to work on Friday, Harbour Press reports.", "Harbour Press"),
    ],
)  # fmt: skip
def test_credits_in_the_opening_paragraphs(sentence, credited):
    assert lead_credits([sentence, MORE], OUTLETS) == [credited]


def test_a_name_sourcing_one_fact_is_not_the_story_s_source():
    later = "Wages rose last year too. Northern Herald reported that the port had lost money on the strike."
    assert lead_credits([LEAD, later], OUTLETS) == []  # not the first sentence, and "that …" is one fact
    clause = "The minister told lawmakers on Friday that Reuters had misreported the figure."
    assert lead_credits([clause], OUTLETS) == []  # the outlet is in what was told, not who heard it
    deep = ["First paragraph of the story.", "Second one.", "Third one.", "Reuters reported it first."]
    assert lead_credits(deep, OUTLETS) == []  # past the opening paragraphs


def test_a_photo_credit_is_not_the_story_s_source():
    caption = "Ships wait outside the harbour on Thursday. (Marta Quill/Pool Photo via AP)"
    assert credits_of(TITLE, caption, LEAD, MORE) == ()
    assert "Ships wait outside" in clean_scrape("\n".join([LEAD, caption, MORE]), OUTLETS).body  # kept


@pytest.mark.parametrize(
    ("credit", "wire"),
    [
        ("(Marta Quill, Harbour TV, City Pool Photo via AP)", "AP"),  # the feed, not the photographer's
        ("(AP Photo/Marta Quill)", "AP"),
        ("(Marta Quill/AFP via Getty Images)", "AFP"),  # the agency, not the stock house
        ("(Photo by Marta Quill/Getty Images)", None),
        ("(Marta Quill/Pool)", None),
        ("(Marta Quill/SEAS Images/PixHouse via Getty Images)", None),  # a picture house, no wire
    ],
)
def test_a_page_whose_text_credits_no_one_is_the_wire_s_its_photos_come_through(credit, wire):
    caption = f"Ships wait outside the harbour on Thursday. {credit}"
    scrape = clean_scrape("\n".join([TITLE, caption, LEAD, MORE]), OUTLETS)
    assert scrape.original_source == wire and scrape.credits == ()
    dated = clean_scrape("\n".join([TITLE, caption, f"GDANSK, March 14 (Reuters) - {LEAD}", MORE]), OUTLETS)
    assert dated.original_source == "Reuters"  # a story's own credit outranks its pictures'


def test_a_credit_after_the_article_ends_belongs_to_other_content():
    related = ["Related Articles", "Harbour Press", "Rail workers vote on a new contract next week"]
    assert credits_of(TITLE, LEAD, MORE, *related) == ()


def test_bylines_credit_a_wire_or_the_outlet_a_writer_works_for():
    scrape = clean_scrape("\n".join([TITLE, "By AFP | Mar. 14, 2025", LEAD, MORE]), OUTLETS)
    assert scrape.credits == ("AFP",) and scrape.author is None
    scrape = clean_scrape("\n".join([TITLE, "By Marta L. Quill Northern Herald", LEAD, MORE]), OUTLETS)
    assert (scrape.author, scrape.credits, scrape.title) == ("Marta L. Quill", ("Northern Herald",), TITLE)


def test_the_first_credit_is_the_original_source_and_the_others_are_kept():
    lead = f"GDANSK, March 14 (Reuters) - {LEAD}"
    scrape = clean_scrape("\n".join([TITLE, lead, MORE, LAST, "Source: Baltic Wire"]), OUTLETS)
    assert scrape.credits == ("Reuters", "Baltic Wire") and scrape.original_source == "Reuters"
    assert "Source:" not in scrape.body
    carried = clean_scrape("\n".join([TITLE, "By Marta Quill, Northern Herald", lead, MORE]), OUTLETS)
    assert carried.credits == ("Reuters", "Northern Herald")  # the wire's story, carried by the paper
    with_agencies = clean_scrape("\n".join([TITLE, LEAD, MORE, "(With inputs from agencies.)"]), OUTLETS)
    assert with_agencies.credits == (AGENCIES,) and with_agencies.original_source is None


def test_a_standfirst_above_a_wire_dateline_is_not_the_body():
    standfirst = (
        "Union members voted by a large margin to accept the pay offer from the port operators on Friday."
    )
    scrape = clean_scrape("\n".join([TITLE, standfirst, f"March 14 (UPI) -- {LEAD}", MORE]), OUTLETS)
    assert scrape.body.startswith("March 14 (UPI)") and scrape.original_source == "UPI"


def test_clean_passes_the_pack_s_outlets_and_html_pages_credit_too():
    html = (
        f"<html><body><article><h1>{TITLE}</h1><p>{LEAD} Harbour Press reported.</p><p>{MORE}</p>"
        f"<p>{LAST}</p><p>Source: Baltic Wire</p></article></body></html>"
    )
    document = clean(RawInput("p.html", html.encode(), media_type="text/html"), outlets=OUTLETS)
    # The credit line first, then the story credited in the opening paragraph.
    assert document.credits == ("Baltic Wire", "Harbour Press") and "Source:" not in document.body
    text = "\n".join([TITLE, LEAD, MORE, "Harbour Press"])
    assert clean(RawInput("p.txt", text.encode()), outlets=OUTLETS).original_source == "Harbour Press"
    assert clean(RawInput("p.txt", text.encode())).original_source is None  # unknown without the pack


def test_a_credited_outlet_resolves_to_the_pack_s_entity_or_becomes_one():
    wire = Entity("baltic-wire", "Baltic Wire", "media outlet", ("BW",))
    resolver = NameResolver(DomainPack("test", "", (wire,)))
    document = Document(
        id="d", source="p.txt", body=LEAD, original_source="BW", credits=("BW", "The Coastal Gazette")
    )
    entities, mentions = page_mentions(document, (), resolver, ())
    assert [(m.entity_id, m.where) for m in mentions] == [
        ("baltic-wire", "original source"),
        ("coastal-gazette", "credit"),
    ]
    assert {e.id: e.kind for e in entities} == {
        "baltic-wire": "media outlet",
        "coastal-gazette": "media outlet",
    }
