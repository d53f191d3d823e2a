"""Clean: decoding, bad inputs, and finding the article in a scrape."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from claimgraph.clean import clean, content_hash
from claimgraph.clean.decode import decode_bytes
from claimgraph.clean.scrape import clean_scrape
from claimgraph.errors import InputError
from claimgraph.records import DateSource, RawInput

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


def test_byline_names_the_author_and_the_bare_name_beside_it_the_outlet():
    scrape = "\n".join(
        ["Harbour Evening Times", "By Mara Lind", "0 Comments", "Shells Reach the Port", ARTICLE]
    )
    result = clean_scrape(scrape)
    assert (result.author, result.outlet, result.title) == (
        "Mara Lind",
        "Harbour Evening Times",
        "Shells Reach the Port",
    )


def test_a_wire_story_gives_its_authors_title_agency_and_no_furniture():
    scrape = "\n".join(
        [
            "Skip to main content",
            "Shells Reach the Port as Border Tension Rises",
            "By Mara Lind and Tomas Vik",
            "March 2, 2025 4:31 AM UTC Updated 2 hours ago",
            f"HARBOUR CITY, March 2 (Baltic Wire) - {ARTICLE}",
            "Advertisement · Scroll to continue",
            "The ministry did not say how many shells were in the shipment, officials noted.",
            "Reporting by Mara Lind; Editing by Tomas Vik",
        ]
    )
    result = clean_scrape(scrape)
    assert result.title == "Shells Reach the Port as Border Tension Rises"  # not the time stamp
    assert result.author == "Mara Lind and Tomas Vik"
    assert result.outlet == "Baltic Wire"
    assert "Advertisement" not in result.body and "Reporting by" not in result.body
    assert result.body.endswith("officials noted.")


def test_a_sentence_leading_into_a_list_opens_the_body():
    scrape = "\n".join(
        [
            "Spy Agency Details Support for Russia",
            "The agency told lawmakers in a closed session on Wednesday:",
            "- North Korea has sent about 11,000 troops to Russia.",
            "- Pyongyang has shipped more than 20,000 containers of shells.",
        ]
    )
    assert clean_scrape(scrape).body.startswith("The agency told lawmakers")


def test_readers_comments_after_a_comment_count_are_not_the_body():
    scrape = "\n".join(
        [
            ARTICLE,
            "12 comments",
            "harbour_fan 2 hours ago",
            "This is fake news. The port has been closed to such ships for years, everyone knows it.",
        ]
    )
    body = clean_scrape(scrape).body
    assert body.startswith("Officials in Seoul") and "fake news" not in body


def test_an_agency_between_slashes_in_the_dateline_is_the_outlet():
    scrape = "\n".join(
        ["Shells Reach the Port as Border Tension Rises", f"HARBOUR CITY, March 2. /BALTWIRE/. {ARTICLE}"]
    )
    assert clean_scrape(scrape).outlet == "BALTWIRE"


def test_links_to_other_stories_and_appeals_for_support_leave_the_body():
    scrape = "\n".join(
        [
            ARTICLE,
            "Read also: Border guards report a second convoy heading for the port, officials say",
            "The ministry did not say how many shells were in the shipment, officials noted.",
            "We have worked hard to bring you independent news from the port. Consider supporting us.",
            "Subscribe to our Telegram channel for the latest updates.",
            "Correction: An earlier version of this story gave the wrong name for the port.",
            "Harbour Wire writer Jo Kim in Busan contributed to this report.",
            "Jo Kim is a fellow at the Port Institute. The views expressed are her own.",
            "Related: Shipping insurers raise premiums",
        ]
    )
    body = clean_scrape(scrape).body
    assert "Read also" not in body and "Consider supporting" not in body and "Related" not in body
    assert "Subscribe" not in body and "Correction" not in body and "contributed" not in body
    assert "views expressed" not in body
    assert body.startswith("Officials in Seoul") and body.endswith("officials noted.")


def test_a_standfirst_a_job_byline_and_a_caption_are_not_the_body_or_the_title():
    scrape = "\n".join(
        [
            "Shipping news",
            "Shells reach the port as border tension rises",
            "Officials say the shipment is the largest this year and more convoys are on their way",
            "Mara Lind Defence and security editor",
            "Sun 2 Mar 2025 10.01 GMT",
            "Click here to share on social media",
            ARTICLE,
            "Cranes unload crates at the northern quay. Photograph: Tomas Vik/Harbour Pictures",
            "The ministry did not say how many shells were in the shipment, officials noted.",
        ]
    )
    result = clean_scrape(scrape)
    assert result.title == "Shells reach the port as border tension rises"  # not the standfirst under it
    assert result.author == "Mara Lind"
    assert result.body.startswith("Officials in Seoul said on Monday")
    assert "Photograph" not in result.body and "Click here" not in result.body


def test_a_summary_set_above_the_dateline_is_not_the_start_of_the_body():
    scrape = "\n".join(
        [
            "Shells reach the port as border tension rises",
            "Officials say the shipment is the largest this year, and more convoys are on their way.",
            "Published On 2 Mar 2025",
            ARTICLE,
        ]
    )
    result = clean_scrape(scrape)
    assert result.body.startswith("Officials in Seoul said on Monday")
    assert result.title == "Shells reach the port as border tension rises"


def test_without_a_byline_a_publication_name_is_not_taken_for_the_author():
    scrape = "\n".join(["Tomas Vik", "Northern Ledger", "March 2, 2025", ARTICLE])
    result = clean_scrape(scrape)
    assert (result.author, result.outlet) == ("Tomas Vik", "Northern Ledger")
    alone = clean_scrape("\n".join(["Coastal Daily Review", ARTICLE]))
    assert alone.author is None and alone.outlet == "Coastal Daily Review"


def test_dateline_gives_outlet_and_publication_date():
    raw = RawInput(source="s.txt", content="\n".join(["Harbour Wire | March 2, 2025", ARTICLE]).encode())
    document = clean(raw, today=date(2026, 1, 1))
    assert document.outlet == "Harbour Wire"
    assert (document.published, document.published_how) == ("2025-03-02", DateSource.TEXT)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            RawInput("a.txt", ARTICLE.encode(), published="Sun, 02 Mar 2025 10:00:00 GMT"),
            ("2025-03-02", "metadata"),
        ),
        (
            RawInput("b.txt", ARTICLE.encode(), url="https://x.example/world/2025/03/04/shells"),
            ("2025-03-04", "url"),
        ),
        (
            RawInput(
                "c.txt",
                f"{ARTICLE} The treaty was signed in June 2024, and talks resumed on 5 March 2025.".encode(),
            ),
            ("2025-03-05", "inferred"),
        ),
        (
            RawInput(
                "d.txt", f"{ARTICLE} Talks resumed in May 2025 and should end by December 2031.".encode()
            ),
            ("2025-05", "inferred"),
        ),
        (RawInput("e.txt", ARTICLE.encode()), (None, "unknown")),
    ],
)
def test_publication_date_and_how_it_was_found(raw, expected):
    document = clean(raw, today=date(2026, 1, 1))
    assert (document.published, str(document.published_how)) == expected


def test_html_dates_from_markup_then_url_then_text():
    body = f"<article><h1>Shells Reach the Port</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></article>"
    meta = f'<html><head><meta property="article:published_time" content="2025-03-02"></head><body>{body}'
    url = f'<html><head><link rel="canonical" href="https://x.example/2025/03/04/shells"></head><body>{body}'
    text = f"<html><body><p>Posted on 6 March 2025</p>{body}</body></html>"
    found = [
        clean(RawInput(f"{n}.html", page.encode(), media_type="text/html"), today=date(2026, 1, 1))
        for n, page in enumerate((meta, url, text))
    ]
    assert [(d.published, str(d.published_how)) for d in found] == [
        ("2025-03-02", "metadata"),
        ("2025-03-04", "url"),
        ("2025-03-06", "text"),
    ]


@pytest.mark.parametrize(
    "credit",
    [
        "Original Source: www.harbour.example",
        "Via: Harbour Wire",
        "(citing Harbour Wire)",
        "Source: Harbour Wire",
    ],
)
def test_credited_source_is_kept_as_metadata_and_leaves_the_body(credit):
    result = clean_scrape("\n".join([ARTICLE, credit]))
    assert result.original_source in {"www.harbour.example", "Harbour Wire"}
    assert result.body == ARTICLE


def test_html_credits_from_markup_and_from_a_closing_line():
    meta = '<meta name="original-source" content="https://harbour.example/story">'
    page = f"<html><head>{meta}</head><body><article><p>{ARTICLE}</p></article></body></html>"
    assert clean(RawInput("m.html", page.encode(), media_type="text/html")).original_source == (
        "https://harbour.example/story"
    )
    credit = "<p>Originally published by Harbour Wire.</p>"
    page = f"<html><body><article><p>{ARTICLE}</p>{credit}</article></body></html>"
    document = clean(RawInput("l.html", page.encode(), media_type="text/html"))
    assert document.original_source == "Harbour Wire" and "Originally" not in document.body


def test_html_section_label_and_headline_are_not_body():
    page = f"""<html><head><title>Shells Reach the Port | Harbour Wire</title>
    <meta property="og:title" content="Shells Reach the Port"></head><body><article>
    <p class="kicker">Security</p><h1>Shells Reach the Port</h1><p>{ARTICLE}</p><p>{ARTICLE}</p>
    </article></body></html>"""
    document = clean(RawInput("k.html", page.encode(), media_type="text/html"))
    assert document.body.startswith("Officials in Seoul") and document.title == "Shells Reach the Port"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'<html><head><title>Port news</title></head><body><div class="story"><p class="le', "broken HTML"),
        (
            b"<html><body><script>var a = 1;</script><nav><a href='/'>Home</a></nav></body></html>",
            "no article",
        ),
    ],
)
def test_html_without_an_article_says_why(content, reason):
    with pytest.raises(InputError, match=reason):
        clean(RawInput(source="p.html", content=content, media_type="text/html"))


GOOD = ARTICLE.encode()
BAD_INPUTS = {
    "binary": ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
    "empty": ("blank.txt", b""),
    "too large": ("huge.txt", GOOD * (5_000_001 // len(GOOD) + 1)),
    "broken HTML": ("cut.html", b'<html><head><title>Port</title></head><body><div><p class="lead'),
    "undecodable": ("latin1.txt", ("Caf\u00e9 owners said the port reopened. " * 10).encode("latin-1")),
    "gzip bomb": ("bomb.txt.gz", gzip.compress(b"\0" * 6_000_000)),
    "language not supported": (
        "de.txt",
        (
            "Die Regierung hat am Montag neue Maßnahmen angekündigt, die im ganzen Land gelten sollen. " * 3
        ).encode(),
    ),
}


@pytest.mark.parametrize("kind", list(BAD_INPUTS))
def test_each_bad_input_is_rejected_with_its_reason_and_the_good_file_beside_it_is_ingested(
    tmp_path, engine, context, kind
):
    from claimgraph.pipeline import ingest
    from claimgraph.store import read

    name, content = BAD_INPUTS[kind]
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / name).write_bytes(content)
    (folder / "good.txt").write_bytes(GOOD)
    report = ingest([folder], engine, context)
    assert [Path(s).name for s in report.ingested] == ["good.txt"]
    [rejection] = report.rejected
    assert Path(rejection.source).name == name and rejection.reason.startswith(kind), rejection.reason
    assert [(Path(r.source).name, r.reason) for r in read.rejections(engine)] == [(name, rejection.reason)]


_CUT_PARAGRAPH = (
    "A harbour pilot said on Tuesday that two drones struck a grain carrier as it left the anchorage, "
    "starting a small fire that the crew put out within the hour. The owners said the vessel would "
    "continue to its next port once inspectors had checked the hull, and that the crew were…"
)


@pytest.mark.parametrize("ellipsis", ["…", "..."])
def test_a_paragraph_cut_off_at_the_end_loses_its_unfinished_sentence_not_the_article(ellipsis):
    text = "Drones strike a grain carrier off the coast\n" + _CUT_PARAGRAPH.replace("…", ellipsis)
    document = clean(RawInput("cut.txt", text.encode(), "text/plain"), today=date(2024, 3, 1))
    assert document.body.startswith("A harbour pilot said on Tuesday")
    assert document.body.endswith("put out within the hour.")
    assert "crew were" not in document.body


def test_a_cut_last_line_after_the_article_leaves_the_body_and_the_rest_stays():
    text = "\n".join(
        ["Drones strike a grain carrier off the coast", ARTICLE, "Officials were still counting the…"]
    )
    document = clean(RawInput("cut.txt", text.encode(), "text/plain"), today=date(2024, 3, 1))
    assert document.body == ARTICLE


def test_a_teaser_for_another_story_below_the_article_stays_out_of_the_body():
    teaser = "Rebels strike a second ship as talks stall in the capital. Officials said the crew were…"
    scrape = clean_scrape("\n".join(["Drones strike a grain carrier", ARTICLE, "Related stories", teaser]))
    assert scrape.body == ARTICLE


def test_a_call_to_try_the_sites_features_is_furniture() -> None:
    from claimgraph.clean.furniture import is_junk

    for line in ("Try Our New Search Tools", "Try our AI features"):
        assert is_junk(line, line.split())
    line = "Try as they might, the crews could not reach the stricken ship."
    assert not is_junk(line, line.split())


def test_a_sites_pitch_for_its_tools_is_furniture() -> None:
    from claimgraph.clean.furniture import is_junk

    line = "See what the Harbour Daily assistant can do for you:"
    assert is_junk(line, line.split())


def test_a_related_link_between_paragraphs_does_not_end_the_article():
    later = (
        "Port officials said on Thursday that the second convoy had been held at the border for "
        "three days while inspectors counted the crates and checked the papers of every driver."
    )
    scrape = "\n".join([ARTICLE, "RELATED:", "Insurers raise premiums for ships calling at the port", later])
    body = clean_scrape(scrape).body
    assert body.endswith("every driver.") and "RELATED" not in body and "Insurers raise" not in body
    headlines = [ARTICLE, "RELATED:", "Insurers raise premiums", "Port traffic slows"]
    assert "Port traffic" not in clean_scrape("\n".join(headlines)).body  # only headlines below: ended


def test_a_fund_raisers_appeal_and_progress_bar_are_furniture() -> None:
    from claimgraph.clean.furniture import is_junk

    for line in (
        "0 out of 10,000",
        "Independent journalism takes time — and readers who care.",
        "Help us reach 10,000 members by the end of the year.",
    ):
        assert is_junk(line, line.split()), line
    line = "Officials said 300 out of 10,000 sailors were sent home."
    assert not is_junk(line, line.split())


def test_sentences_set_as_list_items_without_a_full_stop_stay_in_the_body():
    items = [
        "- On March 3, the port authority said that the first convoy had reached the harbour.",
        "- On March 5, the defence ministry said it knew of no second convoy heading for the port",
        "- On March 9, the coast guard stopped a freighter carrying shells near the island",
    ]
    body = clean_scrape("\n".join([ARTICLE, *items])).body
    assert body.endswith(items[-1])
    teasers = clean_scrape("\n".join([ARTICLE, "- Port Reopens", "- Shipping Insurers Raise Premiums"])).body
    assert teasers == ARTICLE  # short title-case items are links, not the story
