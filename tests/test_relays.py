"""A report credited to a wire passes its speakers' words on through that wire."""

from __future__ import annotations

from claimgraph.extract.relays import credited_source, passed_on
from claimgraph.records import Claim, PageMention


def claim(cid: str, speaker: str | None = None, via: str | None = None) -> Claim:
    return Claim(id=cid, document_id="d", start=0, end=1, text="x", predicate="say", speaker=speaker, via=via)


def test_a_credited_wire_relays_each_speaker_without_a_relay_of_its_own() -> None:
    credited = credited_source(
        [PageMention("kyiv-post", "Kyiv Post", "outlet"), PageMention("yonhap", "Yonhap", "original source")]
    )
    claims = passed_on(
        [claim("a", "nis"), claim("b", "nis", via="nhk"), claim("c"), claim("d", "yonhap")], credited
    )
    assert [(c.speaker, c.via) for c in claims] == [
        ("nis", "yonhap"),
        ("nis", "nhk"),
        (None, None),
        ("yonhap", None),
    ]


def test_a_report_crediting_nobody_relays_nothing() -> None:
    assert credited_source([PageMention("kyiv-post", "Kyiv Post", "outlet")]) is None
    assert passed_on([claim("a", "nis")], None)[0].via is None


def test_a_wire_story_read_end_to_end_names_its_relay(context) -> None:
    from claimgraph.pipeline import analyse_raw
    from claimgraph.records import RawInput

    text = (
        "SEOUL, March 3 (Yonhap) -- South Korea's National Intelligence Service said on Monday "
        "that North Korea had sent about 3,000 more soldiers to Russia.\n"
        "The agency said the soldiers had been moved to the front in February.\n"
    )
    analysis = analyse_raw(RawInput(source="wire.txt", content=text.encode()), context)
    figure = next(c for c in analysis.claims if c.quantity)
    assert figure.speaker == "national-intelligence-service" and figure.via == "yonhap"
