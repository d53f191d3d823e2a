"""Amounts as ranges: how far qualifiers and rounding stretch a figure, and what a close figure for
one time means when no second estimator stands behind it. Sentences of our own."""

from __future__ import annotations

from dataclasses import replace

from claimgraph.domains import IndicatorSpec
from claimgraph.reconcile import reconcile
from claimgraph.reconcile.amounts import rounding_step, widened
from claimgraph.records import FindingKind, Quantity
from tests.test_reconcile import NK, claim, doc, findings
from tests.test_reconcile_rules import MORE, NIS, SIDES, run_sides


def amount(low: float, qualifier: str | None = None, high: float | None = None) -> Quantity:
    return Quantity(low, low if high is None else high, "soldier", str(low), 0, 1, qualifier)


def test_rounding_step_is_the_place_a_figure_is_rounded_to():
    assert [rounding_step(v) for v in (13_000, 4_700, 350, 17)] == [1_000, 100, 10, 1]
    assert rounding_step(3_000) == float("inf")  # one significant digit: rounded to anything


def test_a_rounded_figure_stretches_at_most_half_its_step_so_neighbouring_thousands_never_meet():
    assert widened(amount(13_000, "about"))[1] < widened(amount(14_000, "approximately"))[0]
    assert widened(amount(3_000, "about")) == (2_850, 3_150)  # one digit: the qualifier's own reach
    # "over 12,000" stops short of the next thousand; "about 11,000" and "over 11,000" still meet.
    assert widened(amount(12_000, "over"))[1] == 13_000
    assert widened(amount(11_000, "about"))[1] >= widened(amount(11_000, "over"))[0]


def test_close_figures_for_one_time_contradict_unless_two_named_estimators_of_two_sides_give_them():
    a, b = doc("a", "2025-05-02"), doc("b", "2025-05-06")
    claims = [
        claim(a, "Pyongyang has by now dispatched about 16,000 soldiers to the war.", figure="about 16,000",
              subject=NK),
        claim(b, "Some 18,000 North Korean troops are in Russia, the NIS said.", figure="Some 18,000",
              subject=NK, speaker=NIS),
    ]  # fmt: skip
    (found,) = findings(run_sides(claims, [a, b]))
    assert found.kind == FindingKind.CONTRADICTION and "same measure and period" in found.reason


def test_a_running_total_holds_when_reported_so_months_apart_it_corroborates_nothing():
    a, b = doc("a", "2025-01-15"), doc("b", "2025-08-30")
    claims = [
        claim(a, "More than 16,000 North Korean troops are now in Russia, Kyiv's intelligence said.",
              figure="More than 16,000", subject=NK, speaker="gur"),
        claim(b, "Since autumn last year Pyongyang has sent about 16,000 soldiers, the NIS said.",
              figure="about 16,000", subject=NK, speaker=NIS, when="2024", when_text="last year"),
    ]  # fmt: skip
    assert not findings(run_sides(claims, [a, b]), FindingKind.CORROBORATION)


def test_a_later_figure_of_what_was_sent_does_not_supersede_one_of_what_is_there():
    a, b = doc("a", "2025-01-20"), doc("b", "2025-04-22")
    workers = {"subject": NK, "unit": "worker", "speaker": NIS}
    claims = [
        claim(a, "Some 3,500 North Korean labourers are believed to be in Russia, the NIS said.",
              figure="Some 3,500", predicate="believe", **workers),
        claim(b, "The NIS said 14,000 North Korean labourers have been sent to Russia.", figure="14,000",
              predicate="send", **workers),
    ]  # fmt: skip
    (found,) = findings(run_sides(claims, [a, b]))
    assert found.kind == FindingKind.TENSION and "what was sent and what is there" in found.reason


def test_acts_a_pack_indicator_lists_together_report_one_measure():
    a, b = doc("a", "2024-11-02"), doc("b", "2024-11-04")
    spec = IndicatorSpec(
        "troops-abroad", "North Korean troops abroad", "soldier", None, (NK,), ("send", "fight")
    )
    pack = replace(SIDES, indicators=(spec,))
    claims = [
        claim(a, "Close to 9,000 North Korean soldiers are fighting in Russia, the GUR said.",
              figure="Close to 9,000", subject=NK, speaker="gur", predicate="fight", entities=(NK,)),
        claim(b, "North Korea has sent some 9,000 troops to Russia, the NIS said.", figure="some 9,000",
              subject=NK, speaker=NIS, entities=(NK,)),
    ]  # fmt: skip
    groups = reconcile(claims, {d.id: d for d in (a, b)}, MORE, pack)
    (found,) = findings(groups)
    assert found.kind == FindingKind.CORROBORATION
    assert findings(run_sides(claims, [a, b])) == []  # without the indicator: two acts, two measures
