"""Time expressions: normalised to ISO against the publication date, or a date read from the text."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_times
from claimgraph.extract.anchor import choose_anchor
from claimgraph.records import DateSource


def values(nlp, text, published=None, how=DateSource.METADATA):
    return [(r.text, r.value, r.resolution) for r in extract_times(nlp(text), published, how)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Troops arrived last October.", "2024-10"),
        ("The leaders met on June 4.", "2025-06-04"),
        ("Strikes have stopped since March 25.", "2025-03-25"),
        ("Last year the plant doubled output.", "2024"),
        ("The plant will double output by the end of the year.", "2025"),
        ("Output fell last month.", "2025-05"),
        ("The minister spoke on Monday.", "2025-06-16"),  # 2025-06-20 is a Friday
        ("The deal was signed two years ago.", "2023"),
        ("The first workers arrived this summer.", "2025"),
        ("Talks will resume on July 2.", "2025-07-02"),
        ("Talks resumed on July 2.", "2024-07-02"),
    ],
)
def test_relative_expressions_resolve_against_the_publication_date(nlp, text, value):
    ((_, got, resolution),) = values(nlp, text, "2025-06-20")
    assert (got, resolution) == (value, "relative")


def test_absolute_expressions_need_no_date(nlp):
    found = values(
        nlp, "The pact signed on June 19, 2024 replaced one from 2000; in 1961 they signed another."
    )
    assert [(v, r) for _, v, r in found] == [
        ("2024-06-19", "absolute"),
        ("2000", "absolute"),
        ("1961", "absolute"),
    ]


def test_a_modal_may_or_a_march_is_not_a_month(nlp):
    assert values(nlp, "Troops may march north, officials said.", "2025-06-20") == []


def test_without_any_date_relative_expressions_stay_unresolved(nlp):
    assert values(nlp, "The leaders met on June 4.", None) == [("June 4", None, "relative")]


def test_an_undated_text_is_anchored_on_the_dates_it_names_and_says_so(nlp):
    text = "In June 2024 the two leaders signed a pact. On June 4 they met again. Last year troops arrived."
    found = values(nlp, text, None, None)
    assert found == [
        ("June 2024", "2024-06", "absolute"),
        ("June 4", "2025-06-04", "inferred"),  # "June 2024" with its year: written after it
        ("Last year", "2024", "inferred"),
    ]


def test_an_inferred_publication_date_is_weighed_not_trusted(nlp):
    text = "In June 2024 the two leaders signed a pact. On June 4 they met again."
    found = values(nlp, text, "2024-06", DateSource.INFERRED)
    assert ("June 4", "2025-06-04", "inferred") in found


def test_a_full_dateline_does_not_push_the_year_on(nlp):
    text = "October 19, 2024. A first group crossed between October 8 and 13."
    assert ("October 8", "2024-10-08", "inferred") in values(nlp, text, None, None)


def test_anchor_is_none_without_a_year():
    assert choose_anchor([None], [(6, 4)]) is None
    anchor = choose_anchor(["2023-02"], [(3, 25)])
    assert anchor is not None and (anchor.day.isoformat(), anchor.grain, anchor.how) == (
        "2023-03-25",
        "day",
        "inferred",
    )
    anchor = choose_anchor(["2023"], [(3, 25)])  # a year alone may mean any day of it
    assert anchor is not None and (anchor.day.isoformat(), anchor.grain) == ("2023-12-31", "year")


def kinds(nlp, text, published="2025-06-20"):
    return [(r.text, r.value, r.kind) for r in extract_times(nlp(text), published, DateSource.METADATA)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The depot was rebuilt in four years.", ("four years", "P4Y")),
        ("Exports fell for over six months.", ("over six months", "P6M")),
        ("They signed a 15-year lease on the yard.", ("15-year", "P15Y")),
        ("Output should triple over the next three years.", ("the next three years", "P3Y")),
        ("The convoy is almost two and a half years late.", ("almost two and a half years", "P2.5Y")),
        ("The drills lasted for a week.", ("a week", "P1W")),
        ("Shelling went on for six straight days.", ("six straight days", "P6D")),
        ("The talks took ninety minutes.", ("ninety minutes", "PT90M")),
        ("Prices hit a twelve-month high.", ("twelve-month", "P12M")),
        ("Border crossings fell in the past decade.", ("the past decade", "P10Y")),
        ("The port has been idle for years.", ("years", "PXY")),
    ],
)
def test_durations_have_an_iso_8601_length_and_are_not_dates(nlp, text, expected):
    assert kinds(nlp, text) == [(*expected, "duration")]


@pytest.mark.parametrize(
    "text",
    [
        "A ten-year-old boy was hurt.",  # an age
        "The plant makes 40 a month.",  # a rate
        "About a quarter of the trucks were empty.",  # a share
        "Trading was halted for a second straight day.",  # an ordinal
    ],
)
def test_ages_rates_and_shares_are_not_durations(nlp, text):
    assert [k for k in kinds(nlp, text) if k[2] == "duration"] == []


def test_a_time_of_day_falls_on_the_day_named_beside_it_or_on_the_publication_day(nlp):
    found = kinds(nlp, "The ferry left on June 12 at 14:35 GMT and docked at 9 p.m.")
    assert found == [
        ("June 12", "2025-06-12", "date"),
        ("14:35 GMT", "2025-06-12", "time"),
        ("9 p.m.", "2025-06-20", "time"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose in the third quarter of 2023.", ("the third quarter of 2023", "2023")),
        ("Sales rose in the fourth quarter.", ("the fourth quarter", "2024")),  # in June: last year's
        ("Sales rose in the second quarter.", ("the second quarter", "2025")),
        ("Sales rose in the first quarter of last year.", ("the first quarter of last year", "2024")),
        ("Shipments doubled at the beginning of the year.", ("the beginning of the year", "2025")),
        ("Shipments doubled by the end of last year.", ("the end of last year", "2024")),
        ("The ministers met over the weekend.", ("the weekend", "2025-06")),
        ("The envoy arrived this morning.", ("this morning", "2025-06-20")),
        ("The envoy arrived last night.", ("last night", "2025-06-19")),
        ("The envoy arrived on Tuesday evening.", ("Tuesday evening", "2025-06-17")),
        ("The envoy arrived earlier today.", ("earlier today", "2025-06-20")),
        ("The pact was signed in mid-2019.", ("mid-2019", "2019")),
        ("The pact was signed on March 3 , 2019.", ("March 3 , 2019", "2019-03-03")),
    ],
)
def test_quarters_parts_of_years_and_days_are_dates(nlp, text, expected):
    assert kinds(nlp, text) == [(*expected, "date")]


def test_the_same_day_and_the_previous_year_refer_to_the_date_named_before(nlp):
    text = "The index fell on Monday and ended the day lower. Exports in 2022 were below the previous year."
    assert kinds(nlp, text) == [
        ("Monday", "2025-06-16", "date"),
        ("the day", "2025-06-16", "date"),
        ("2022", "2022", "date"),
        ("the previous year", "2021", "date"),
    ]


def test_a_decade_is_a_period_not_a_date(nlp):
    assert kinds(nlp, "The fleet was built in the 1980s.") == [("1980s", "198", "period")]


def test_a_third_quarter_in_a_row_is_not_a_quarter_of_the_year(nlp):
    assert kinds(nlp, "Freight fell for the third quarter in a row.") == []


def test_only_dates_date_a_claim(nlp):
    from claimgraph.extract import extract_claims

    doc = nlp("Russia has supplied drones to Iran for three years.")
    times = extract_times(doc, "2025-06-20", DateSource.METADATA)
    assert [t.kind for t in times] == ["duration"]
    assert all(c.time is None for c in extract_claims(doc, "d1", [], [], [], times))


def test_the_year_just_named_is_the_year_of_its_end(nlp):
    text = "Output rose from 300 in early 2024 to 2,000 by the end of the year."
    found = values(nlp, text, "2025-03-06")
    assert ("the end of the year", "2024", "relative") in found
    other = values(nlp, "The deal was signed in 2023. Output will double by the end of the year.", "2025-03")
    assert ("the end of the year", "2025", "relative") in other  # a sentence later: the current year


def test_a_season_to_come_is_the_next_one(nlp):
    assert values(nlp, "The plant is expected to open in the summer.", "2025-03-06")[0][1] == "2025"
    assert values(nlp, "The plant opened in the summer.", "2025-03-06")[0][1] == "2024"
    assert values(nlp, "The plant will open in the spring.", "2025-06-06")[0][1] == "2026"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Troops arrived in mid-October.", "2024-10"),
        ("The plant opened in the spring of 2024.", "2024"),
        ("North Korea sent troops in autumn 2024.", "2024"),
    ],
)
def test_mid_month_and_a_season_of_a_year(nlp, text, value):
    (found,) = values(nlp, text, "2025-06-20")
    assert found[1] == value


def test_a_year_that_tells_a_thing_apart_dates_no_claim(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    body = "The two states have drawn closer since Moscow's 2022 invasion of its neighbour."
    (claim,) = analyse_document(Document(id="y", source="y.txt", body=body), context).claims
    assert claim.time is None
    dated = "Moscow invaded its neighbour in 2022, officials said."
    (claim,) = analyse_document(Document(id="z", source="z.txt", body=dated), context).claims
    assert claim.time is not None and claim.time.value == "2022"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # 2025-06-18 is a Wednesday: a day named in past-tense reporting is the one before.
        ("The harbour master said on Monday that the ferry will sail again.", "2025-06-16"),
        ("The navy announced on Tuesday it would escort more tankers.", "2025-06-17"),
        ("On Monday the ministry said crews should stay below deck.", "2025-06-16"),
        ("The owners said Friday the barge is due to reach port soon.", "2025-06-13"),
        ("The envoy told reporters on Thursday that more talks will follow.", "2025-06-12"),
        ("The ferry was hit on Monday and is expected to reach port soon.", "2025-06-16"),
        # what is to come keeps looking ahead
        ("Talks will resume on Monday.", "2025-06-23"),
        ("Officials said the convoy will sail on Friday.", "2025-06-20"),
    ],
)
def test_a_day_named_in_past_tense_reporting_is_never_after_publication(nlp, text, value):
    ((_, got, _),) = values(nlp, text, "2025-06-18")
    assert got == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The convoy crossed on August 3 of last year.", "2024-08-03"),
        ("Both sides denied it until March 9 of this year.", "2025-03-09"),
        ("The envoy came back on 12 July next year.", "2026-07-12"),
        ("The pact was ratified in April last year.", "2024-04"),
    ],
)
def test_a_day_named_with_its_relative_year_is_one_date(nlp, text, value):
    assert [(v, r) for _, v, r in values(nlp, text, "2025-06-20")] == [(value, "relative")]


def test_what_is_set_to_happen_looks_ahead(nlp):
    # 2025-06-20: a day after it, named without a year, is this year's when it is still to come.
    assert (
        values(nlp, "The two ministers are set to meet in Lisbon on July 2.", "2025-06-20")[0][1]
        == "2025-07-02"
    )
    assert values(nlp, "The two ministers met in Lisbon on July 2.", "2025-06-20")[0][1] == "2024-07-02"


def test_a_count_later_or_earlier_runs_from_the_date_named_before(nlp):
    got = values(nlp, "The ferry sank on March 3. Two days later, divers reached it.", "2025-06-20")
    assert [v for _, v, _ in got] == ["2025-03-03", "2025-03-05"]
    got = values(nlp, "The yard opened in May 2021. A year earlier, the port had closed.", "2025-06-20")
    assert [v for _, v, _ in got] == ["2021-05", "2020"]
    assert [v for _, v, _ in values(nlp, "Three days later, divers reached it.", "2025-06-20")] == [None]


def test_recent_is_no_time_expression_but_the_report_month_dates_a_recent_act(nlp):
    from claimgraph.extract.recent import report_month

    assert values(nlp, "The envoy's recent visit to Lisbon went well.", "2025-06-20") == []
    assert report_month("2025-06-20", DateSource.METADATA) == "2025-06"
    assert report_month("2025-06", DateSource.METADATA) == "2025-06"
    # A year alone says no month; a date inferred from the text may lie long before the report.
    assert report_month("2025", DateSource.METADATA) is None
    assert report_month("2025-06-20", DateSource.INFERRED) is None
