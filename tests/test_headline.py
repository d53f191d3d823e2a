"""The headline of a scrape, chosen by what a headline is, among the furniture real pages carry."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.clean import clean
from claimgraph.clean.headline import ends_sentence, reads_as_headline
from claimgraph.clean.scrape import clean_scrape
from claimgraph.records import DateSource, RawInput

TITLE = "Dock workers end strike after pay deal in northern port"
LEAD = (
    "Dock workers at the northern port returned to work on Friday after their union accepted a pay "
    "offer, ending a strike that had held up ships for nine days, the port authority said."
)
MORE = (
    "The agreement raises wages by six percent over two years and adds a bonus for night shifts, "
    "according to a statement the union posted on its website late on Thursday evening."
)


def page(*head: str) -> str:
    return "\n".join([*head, LEAD, MORE])


@pytest.mark.parametrize(
    "furniture",
    [
        "Site icon Harbour Daily",  # an image's alternative text
        "CREATOR: pix-encoder v2.3 (using JPEG library v9), quality = 82",  # a picture's metadata
        "This audio is created with AI assistance",  # a read-aloud notice
        "Listen to this article",
        "By Marta Quill and Tomas Vik",  # a byline
        "March 14, 2025 | 10:42 AM",  # a time stamp
    ],
)
def test_the_headline_is_not_the_furniture_around_it(furniture):
    assert clean_scrape(page(TITLE, furniture, TITLE)).title == TITLE
    assert clean_scrape(page(furniture, TITLE)).title == TITLE


def test_a_date_label_before_the_repeated_headline_is_taken_off_and_dates_the_page():
    text = page(TITLE, f" date 2025-03-14 {TITLE}")
    scrape = clean_scrape(text)
    assert scrape.title == TITLE and scrape.published == "2025-03-14"
    document = clean(RawInput("p.txt", text.encode()), today=date(2026, 1, 1))
    assert (document.published, document.published_how) == ("2025-03-14", DateSource.TEXT)


def test_a_date_label_glued_to_the_first_paragraph_leaves_the_paragraph_in_the_body():
    scrape = clean_scrape("\n".join([f" date 2025-03-14 {LEAD}", MORE]))
    assert scrape.body.startswith("Dock workers at the northern port") and scrape.title is None
    assert scrape.published == "2025-03-14"


def test_a_stamp_line_gives_the_date_when_the_page_gives_none():
    raw = RawInput("p.txt", page(TITLE, "Published December 23, 2024 | 11:39 PM").encode())
    document = clean(raw, today=date(2026, 1, 1))
    assert (document.published, document.published_how) == ("2024-12-23", DateSource.TEXT)
    assert document.title == TITLE


def test_a_long_headline_that_the_lead_repeats_is_the_headline_not_the_body():
    long_title = (
        "Port authority says dock workers will return on Friday after union members voted to accept "
        "a pay offer that ends a nine-day strike at the northern terminal"
    )
    scrape = clean_scrape("\n".join([long_title, long_title + ".", MORE]))
    assert scrape.title == long_title
    assert scrape.body.startswith(long_title + ".")  # the lead sentence stays in the body


def test_a_headline_reprinted_with_its_time_stamp_and_byline_is_not_the_body():
    title = "Strike ends at the northern port at 6 a.m."
    scrape = clean_scrape(
        "\n".join([title, f"{title}. March 14, 2025 07:45. by Marta Quill mquill@harbour.example.", LEAD])
    )
    assert scrape.title == title
    assert scrape.body.startswith("Dock workers at the northern port")


def test_a_headline_may_open_with_a_figure_and_the_first_candidate_wins_over_a_standfirst():
    title = "9,000 dock workers end strike after pay deal"
    standfirst = "Union members voted by a large margin to accept the offer from the port operators"
    assert clean_scrape(page("Local news", title, standfirst, "By Marta Quill")).title == title


def test_a_sentence_full_of_names_is_the_body_not_a_heading():
    named = "Harbour Authority Chairman Olaf Brandt Met Union Leader Ines Varga In Gdansk, the port said."
    scrape = clean_scrape("\n".join([TITLE, named, LEAD]))
    assert scrape.title == TITLE and scrape.body.startswith("Harbour Authority Chairman")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Strike ends at the northern port at 6 a.m.", True),  # an abbreviation's point
        ("Strike ends at the northern port.", False),  # a sentence's full stop
        ("Why did the strike end so suddenly?", True),
        ("Ports", False),  # a label, not a headline
        ("the strike ended on friday after talks", False),  # no capital to open it
    ],
)
def test_what_reads_as_a_headline(line, expected):
    assert reads_as_headline(line) is expected


def test_an_abbreviation_does_not_end_a_sentence():
    assert ends_sentence("Talks resumed in the U.S.") is False
    assert ends_sentence("Talks resumed on Monday.") is True
