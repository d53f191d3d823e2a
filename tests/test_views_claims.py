"""The claims table: each claim in its sentence with speaker, figure and time highlighted."""

from __future__ import annotations

from rich.console import Console

from claimgraph.records import Document


def _store(engine, context, body):
    from claimgraph.pipeline import analyse_document
    from claimgraph.store import save_analysis

    document = Document(id="v1", source="brief.txt", body=body, published="2025-06-20")
    save_analysis(engine, analyse_document(document, context))


def _render(table) -> str:
    console = Console(record=True, width=200)
    console.print(table)
    return console.export_text()


def test_claims_table_shows_speaker_via_figure_and_time(engine, context):
    from claimgraph.store import read
    from claimgraph.views.lists import FIGURE_STYLE, SPEAKER_STYLE, TIME_STYLE, _sentence, claims_table

    _store(
        engine,
        context,
        "North Korea will send 25,000 workers to Russia by June 30, NHK reported, citing Yonhap.",
    )
    text = _render(claims_table(engine))
    assert (
        "Yonhap (via NHK)" in text and "25,000 worker" in text and "2025-06-30" in text and "planned" in text
    )
    (claim,) = read.claims(engine)
    styled = {claim.text[span.start : span.end]: str(span.style) for span in _sentence(claim, ["NHK"]).spans}
    assert styled == {"NHK": SPEAKER_STYLE, "25,000 workers": FIGURE_STYLE, "June 30": TIME_STYLE}


def test_article_text_is_shown_as_text_not_markup(engine, context):
    from claimgraph.views.lists import claims_table

    _store(engine, context, "[bold]Russia[/bold] sent 300 shells to Iran.")
    assert "[bold]Russia[/bold]" in _render(claims_table(engine))
