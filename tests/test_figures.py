"""Figures keep the precision they were given, in every view: one formatting function."""

from __future__ import annotations

import pytest
from rich.console import Console

from claimgraph.figures import format_figure, format_number, format_range
from claimgraph.records import Indicator, IndicatorPoint, Modality, Quantity


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (0.004, "share", "0.4%"),
        (0.03, "share", "3%"),
        (0.155, "share", "15.5%"),
        (2 / 3, "share", "66.7%"),
        (1.5, "share", "150%"),
        (0.00025, "share", "0.025%"),
        (640, "USD", "$640"),
        (48_000, "USD", "$48,000"),
        (3_400_000, "USD", "$3.4m"),
        (12_000_000, "GBP", "£12m"),
        (7_250_000_000, "EUR", "€7.25bn"),
        (2_000_000_000_000, "USD", "$2tn"),
        (450_000_000, "RUB", "450m RUB"),
        (9.99, "USD", "$9.99"),
        (5_300, "vessel", "5,300"),
        (2.25, "sortie", "2.25"),
        (0.5, "drone", "0.5"),  # a count below one is no share
    ],
)
def test_each_kind_of_figure_is_shown_with_its_precision(value, unit, shown):
    assert format_number(value, unit) == shown


def test_a_figure_in_full_names_its_unit_once():
    assert format_figure(0.004, 0.006, "share", "about") == "about 0.4%–0.6%"
    assert format_figure(3_400_000, 3_400_000, "USD", per="month") == "$3.4m per month"
    assert format_figure(27, 27, "vessel", "at least") == "at least 27 vessel"
    assert format_range(41, 41, "vessel") == "41"


def _share_indicator() -> Indicator:
    points = (
        IndicatorPoint("c1", "d1", 0.003, 0.003, "2024-02-01", Modality.REPORTED),
        IndicatorPoint("c2", "d2", 0.0125, 0.0125, "2024-05-01", Modality.REPORTED),
    )
    return Indicator("Premium on a hull", "share", None, points)


def test_terminal_indicator_table_keeps_a_share_below_one_percent():
    from claimgraph.views.findings import indicator_table

    console = Console(width=200, record=True)
    console.print(indicator_table(_share_indicator(), {}, {}))
    shown = console.export_text()
    assert "0.3%" in shown and "1.25%" in shown
    assert " 0%" not in shown and " 1%" not in shown


def test_web_chart_labels_a_share_below_one_percent():
    from claimgraph.web.charts import chart

    drawn = chart(_share_indicator())
    assert [p.label.split(": ")[1] for p in drawn.points] == ["0.3% (reported)", "1.25% (reported)"]
    assert all(t.label.endswith("%") for t in drawn.y_ticks)
    assert len({t.label for t in drawn.y_ticks}) == len(drawn.y_ticks)  # ticks are told apart, not all "0%"


def test_claim_figure_in_web_and_terminal_is_money_rounded_as_said():
    from claimgraph.views.text import format_quantity

    quantity = Quantity(3_400_000, 3_400_000, "USD", "$3.4 million", 0, 12)
    assert format_quantity(quantity) == "$3.4m"
