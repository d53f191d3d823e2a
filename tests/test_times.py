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
