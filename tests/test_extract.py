"""Extract: quantities, times and claims from short sentences of our own."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_quantities, extract_times
from claimgraph.records import Modality


def quantities(nlp, text):
    return [(q.low, q.high, q.unit, q.per, q.qualifier) for q in extract_quantities(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plant makes around 2,000 drones per month.",
            (2000, 2000, "drone", "month", "around"),
        ),
        ("Officials said 3,000 troops arrived.", (3000, 3000, "soldier", None, None)),
        (
            "The factory can build about 150 of these drones daily.",
            (150, 150, "drone", "day", "about"),
        ),
        ("Tens of thousands of workers will travel north.", (10000, 99999, "worker", None, None)),
        ("It sent over a hundred drones against the city.", (100, 100, "drone", None, "over")),
        ("The strike wounded nine people.", (9, 9, "person", None, None)),
        (
            "At least 4,000 dead and wounded were counted.",
            (4000, 4000, "casualty", None, "at least"),
        ),
        ("Between 10,000 and 12,000 soldiers crossed.", (10000, 12000, "soldier", None, None)),
        ("The deal is worth $1.5 billion.", (1.5e9, 1.5e9, "USD", None, None)),
        ("About 40 percent of parts are imported.", (0.4, 0.4, "share", None, "about")),
    ],
)
def test_quantity_value_unit_rate_and_qualifier(nlp, text, expected):
    assert expected in quantities(nlp, text)


def test_a_bare_year_is_not_a_quantity(nlp):
    assert quantities(nlp, "The pact was signed in 2024 after long talks.") == []


def test_target_inherits_the_measure_of_the_figure_before_it(nlp):
    found = quantities(nlp, "It makes 2,000 drones a month and aims to reach 5,000.")
    assert (5000, 5000, "drone", "month", None) in found


@pytest.mark.parametrize(
    ("text", "published", "value", "resolution"),
    [
        ("The treaty was signed on June 19, 2024.", None, "2024-06-19", "absolute"),
        ("They met in October 2024 in the capital.", None, "2024-10", "absolute"),
        ("The pact dates from 2023.", None, "2023", "absolute"),
        ("Troops arrived last October.", "2025-06-20", "2024-10", "relative"),
        ("The leaders met on June 4.", "2025-06-20", "2025-06-04", "relative"),
        ("Strikes have stopped since March 25.", "2025-04-02", "2025-03-25", "relative"),
        ("Last year the plant doubled output.", "2025-06-20", "2024", "relative"),
        ("The leaders met on June 4.", None, None, "relative"),
    ],
)
def test_time_expressions_normalise_against_publication_date(nlp, text, published, value, resolution):
    refs = extract_times(nlp(text), published)
    assert [(r.value, r.resolution) for r in refs] == [(value, resolution)]


def test_claim_has_speaker_figure_and_modality(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = "According to NHK, 25,000 workers from North Korea are to be sent to Alabuga."
    analysis = analyse_document(Document(id="d1", source="x.txt", body=body), context)
    (claim,) = [c for c in analysis.claims if c.quantity]
    assert claim.speaker == "nhk"
    assert claim.quantity.low == 25000 and claim.quantity.unit == "worker"
    assert claim.modality is Modality.PLANNED
    assert "north-korea" in claim.entities and "alabuga-special-economic-zone" in claim.entities


def test_commentary_is_opinion_not_claim(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = "Moscow's help to Pyongyang is a worrying escalation, and the West must respond decisively."
    analysis = analyse_document(Document(id="d2", source="x.txt", body=body), context)
    assert analysis.claims and all(c.opinion for c in analysis.claims)


def test_the_example_corpus_shows_every_modality(context):
    from claimgraph.pipeline import analyse_paths
    from claimgraph.records import Analysis
    from tests.conftest import EXAMPLES

    seen = {
        claim.modality
        for result in analyse_paths([EXAMPLES], context)
        if isinstance(result, Analysis)
        for claim in result.claims
    }
    assert seen == set(Modality)


def test_a_demonstrative_subject_carries_the_entities_before_it(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = "Russia and North Korea signed a pact. This cooperation was deepened in 2023."
    analysis = analyse_document(Document(id="d3", source="x.txt", body=body), context)
    last = analysis.claims[-1]
    assert last.time is not None and last.time.value == "2023"
    assert {"russia", "north-korea"} <= set(last.entities)


def test_a_wire_dateline_names_neither_the_actor_nor_the_date_of_the_claim(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = (
        "SEOUL, Nov 12 (Harbour Wire) - North Korea has shipped at least 12,000 containers of shells "
        "to Russia in August 2023, officials said."
    )
    claims = analyse_document(Document("w" * 64, "w.txt", body, published="2025-11-12"), context).claims
    assert claims[0].subject == "north-korea"  # not the dateline's Seoul, for South Korea
    assert claims[0].time is not None and claims[0].time.value == "2023-08"  # not the filing date


def test_a_subject_reaches_a_verb_under_likely_or_believed(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = "Russia is likely to reach a rate of 2,500 drones a month by mid-2025."
    (claim,) = analyse_document(Document("l" * 64, "l.txt", body, published="2025-05-12"), context).claims
    assert claim.subject == "russia" and claim.modality is Modality.HEDGED
    assert claim.quantity is not None and claim.quantity.per == "month"
    passive = "Russia is believed to have supplied air defence systems to North Korea."
    (claim,) = analyse_document(Document("p" * 64, "p.txt", passive, published="2025-05-12"), context).claims
    assert claim.subject == "russia" and claim.modality is Modality.REPORTED


def test_each_figure_is_dated_by_the_expression_beside_it(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = (
        "Russia raised the monthly output of the plant from 300 drones in early 2024 to 2,000 "
        "by the end of the year."
    )
    claims = analyse_document(Document("m" * 64, "m.txt", body, published="2025-03-06"), context).claims
    dated = {c.quantity.low: (c.time.text, c.time.value) for c in claims if c.quantity and c.time}
    assert dated == {300: ("early 2024", "2024"), 2000: ("the end of the year", "2024")}
    assert {c.quantity.per for c in claims if c.quantity} == {"month"}


@pytest.mark.parametrize(
    "body",
    [
        "Rebel boats have harassed 57 tankers since March 2022, the coast guard said.",
        "The coast guard has counted 57 tankers harassed so far this year.",
        "Rebel boats harassed 57 tankers this year to date, the coast guard said.",
    ],
)
def test_a_running_total_is_dated_by_its_report_not_by_its_start(context, body):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    claims = analyse_document(Document("r" * 64, "r.txt", body, published="2024-08-20"), context).claims
    (claim,) = [c for c in claims if c.quantity and c.quantity.low == 57]
    assert claim.time is None  # the store dates it by the report: 2024-08-20


def test_a_figure_with_a_date_of_its_own_keeps_it_beside_a_running_total(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = "Rebel boats harassed 12 tankers in June 2024, the coast guard said."
    claims = analyse_document(Document("u" * 64, "u.txt", body, published="2024-08-20"), context).claims
    (claim,) = [c for c in claims if c.quantity and c.quantity.low == 12]
    assert claim.time is not None and claim.time.value == "2024-06"


def test_a_passive_act_does_not_borrow_the_subject_of_the_act_before_it(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = "Russia launched 479 drones overnight, of which 277 were shot down, the air force said."
    claims = analyse_document(Document("s" * 64, "s.txt", body, published="2025-07-31"), context).claims
    doers = {c.quantity.low: (c.subject, c.predicate) for c in claims if c.quantity}
    assert doers[479] == ("russia", "launch") and doers[277][0] is None


@pytest.mark.parametrize(
    ("body", "subject"),
    [
        ("North Korean leader Kim Jong Un watched a test of new attack drones.", "kim-jong-un"),
        ("Kim's sister, Kim Yo Jong, watched the drone test.", "kim-yo-jong"),
        ("Japan's military tracked the drones.", "japan"),  # South Korea's is its JCS (pack alias)
        ("Seoul has accused Moscow of transferring drone technology to Pyongyang.", "russia"),
    ],
)
def test_the_subject_is_the_entity_the_phrase_names(context, body, subject):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    claims = analyse_document(Document("k" * 64, "k.txt", body, published="2025-07-31"), context).claims
    assert claims[0].subject == subject


def test_reported_speech_whose_own_subject_names_no_entity_does_not_borrow_the_speaker(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = "Ukraine's military intelligence agency said 12,000 troops had arrived in Kursk."
    (claim,) = analyse_document(Document("t" * 64, "t.txt", body, published="2025-07-31"), context).claims
    assert claim.speaker == "defence-intelligence-of-ukraine" and claim.subject is None


def test_the_treaty_named_before_is_what_the_treaty_means(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = (
        "Moscow and Pyongyang signed the Comprehensive Strategic Partnership Treaty in June 2024. "
        "The treaty took effect on December 4, 2024."
    )
    claims = analyse_document(Document("e" * 64, "e.txt", body, published="2025-07-09"), context).claims
    assert claims[-1].entities == ("comprehensive-strategic-partnership-treaty",)
    assert claims[-1].time is not None and claims[-1].time.value == "2024-12-04"


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Thousands of labourers went to Russia last year, Seoul's spy agency said on Sunday.", "2025-02-09"),
        ("Thousands of labourers went to Russia in May, Seoul's spy agency said on Sunday.", "2024-05"),
    ],
)
def test_a_claim_dated_only_by_a_year_is_dated_by_the_day_it_was_said(context, body, value):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    document = Document("s" * 64, "s.txt", body, published="2025-02-12")
    claims = analyse_document(document, context).claims
    assert value in {c.time.value for c in claims if c.time}


@pytest.mark.parametrize(
    ("second", "inherits"),
    [
        ("A further 1,500 soldiers were dispatched in March.", True),
        ("A further 1,500 soldiers were dispatched by Russia in March.", False),
    ],
)
def test_a_dated_act_with_no_doer_named_is_the_doer_of_the_sentence_before(context, second, inherits):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = f"Pyongyang deployed its first brigade to the front last autumn. {second}"
    claims = analyse_document(Document("p" * 64, "p.txt", body, published="2025-07-09"), context).claims
    dated = [c for c in claims if c.time is not None and c.time.value == "2025-03"]
    assert dated and ("north-korea" in dated[-1].entities) is inherits


@pytest.mark.parametrize(
    ("body", "dated"),
    [
        ("Russia has kept the border crossing shut since 2019.", False),
        ("Russia has kept the border crossing shut since May 2, 2019.", True),
        ("Russia shut the border crossing in 2019.", True),
    ],
)
def test_a_year_that_opens_a_long_stretch_dates_no_claim(context, body, dated):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    claims = analyse_document(Document("y" * 64, "y.txt", body, published="2025-07-09"), context).claims
    assert any(c.time is not None for c in claims) is dated


def test_a_dated_sentence_naming_no_one_is_about_the_actor_of_the_sentence_before(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = (
        "Russia closed the rail link to its neighbour in 2019. About 400 freight wagons crossed in May 2021."
    )
    claims = analyse_document(Document("r" * 64, "r.txt", body, published="2025-07-09"), context).claims
    dated = [c for c in claims if c.time is not None and c.time.value == "2021-05"]
    assert dated and "russia" in dated[-1].entities


def test_a_dated_sentence_naming_only_a_place_is_about_the_actor_of_the_sentence_before(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = (
        "Ukraine has trained 9,000 new soldiers over the winter. "
        "The first unit of 900 soldiers will move to the Kharkiv region on March 3."
    )
    claims = analyse_document(Document("k" * 64, "k.txt", body, published="2025-02-01"), context).claims
    dated = [c for c in claims if c.time is not None and c.time.value == "2025-03-03"]
    assert dated and "ukraine" in dated[-1].entities
