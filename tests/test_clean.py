"""Clean: decoding, bad inputs, and finding the article in a scrape."""

from __future__ import annotations

import pytest

from claimgraph.clean import clean, content_hash
from claimgraph.clean.decode import decode_bytes
from claimgraph.clean.scrape import clean_scrape
from claimgraph.errors import InputError
from claimgraph.records import RawInput

ARTICLE = (
    "Officials in Seoul said on Monday that the shipment of artillery shells had reached the port. "
    "The defence ministry added that more deliveries were expected before the end of the month, "
    "and that the government was watching the border closely for any further movement."
)


def test_scrape_drops_furniture_and_keeps_metadata():
    scrape = "\n".join(
        [
            "World news",
            "SEOUL, SHIPPING, ARTILLERY, BORDER, DEFENCE",
            "Jane Doe",
            "3 Comments",
            "Shells Reach the Port as Border Tension Rises",
            ARTICLE,
            "Read the original article here",
            "The ministry did not say how many shells were in the shipment, officials noted.",
            "Original Source: www.example-news.com",
            "Post Comment",
        ]
    )
    result = clean_scrape(scrape)
    assert result.body.startswith("Officials in Seoul said on Monday")
    assert result.body.endswith("officials noted.")
    for junk in (
        "World news",
        "SEOUL, SHIPPING",
        "3 Comments",
        "Read the original",
        "Post Comment",
        "Jane Doe",
    ):
        assert junk not in result.body
    assert result.title == "Shells Reach the Port as Border Tension Rises"
    assert result.author == "Jane Doe"
    assert result.original_source == "www.example-news.com"


def test_scrape_stops_at_a_list_of_other_headlines():
    scrape = "\n".join(
        [
            ARTICLE,
            "LATEST NEWS",
            "Storm closes schools across the region",
            "Heavy rain forced officials to close more than forty schools and the authorities warned...",
            "Read More",
            "Storm closes schools across the region",
        ]
    )
    body = clean_scrape(scrape).body
    assert body == ARTICLE


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 news report".encode("latin-1") * 10, "undecodable"),
    ],
)
def test_bad_bytes_are_rejected_with_a_reason(content, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(content)


def test_non_english_text_is_rejected():
    text = "Die Regierung hat am Montag neue Maßnahmen angekündigt, die im ganzen Land gelten sollen. " * 3
    with pytest.raises(InputError, match="language"):
        clean(RawInput(source="de.txt", content=text.encode()))


def test_html_page_gives_article_and_metadata():
    page = f"""<html><head><title>Port news</title><meta name="author" content="Ann Lee">
    <meta property="article:published_time" content="2025-03-02"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Shells Reach the Port</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></article>
    <footer>Copyright 2025 Example Media. All rights reserved.</footer></body></html>"""
    document = clean(RawInput(source="page.html", content=page.encode(), media_type="text/html"))
    assert document.body.startswith("Officials in Seoul")
    assert "Copyright" not in document.body and "Home" not in document.body
    assert document.author == "Ann Lee"
    assert document.published == "2025-03-02"


def test_id_is_the_hash_of_the_body_with_white_space_folded():
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")
