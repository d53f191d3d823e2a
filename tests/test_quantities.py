"""Quantities: amount, range, qualifier, counted unit and rate, from sentences of our own."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_quantities


def quantities(nlp, text):
    return [(q.low, q.high, q.unit, q.per, q.qualifier) for q in extract_quantities(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia fires 170 drones daily.", (170, 170, "drone", "day", None)),
        ("The plant makes 2,000 drones per month.", (2000, 2000, "drone", "month", None)),
        ("The plant makes 2,000 drones a month.", (2000, 2000, "drone", "month", None)),
        ("Up to 300 shells a week reach the front.", (300, 300, "shell", "week", "up to")),
        ("Nearly half of the shells came from North Korea.", (0.5, 0.5, "share", None, "nearly")),
        ("Several thousand workers will arrive.", (2000, 9999, "worker", None, None)),
        ("Hundreds of thousands of men were mobilised.", (100000, 999999, "man", None, None)),
        ("Three thousand soldiers crossed the border.", (3000, 3000, "soldier", None, None)),
        ("The deal brings up to USD 300 million a year.", (3e8, 3e8, "USD", "year", "up to")),
        ("More than 13,000 containers were shipped.", (13000, 13000, "container", None, "more than")),
        ("Some 10,000 to 12,000 troops were sent.", (10000, 12000, "soldier", None, "some")),
        ("About 4,700 casualties were counted.", (4700, 4700, "casualty", None, "about")),
    ],
)
def test_figure_unit_rate_and_qualifier(nlp, text, expected):
    assert expected in quantities(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The pact was signed in 2024.",
        "Alabuga is one of the largest plants in Russia.",
        "The three-year-long war goes on.",
    ],
)
def test_what_is_not_a_count(nlp, text):
    assert quantities(nlp, text) == []


def test_a_vague_growing_amount_is_one_range(nlp):
    found = quantities(nlp, "It could field thousands, then tens of thousands, of drones.")
    assert found[0][:3] == (1000, 99999, "drone")
