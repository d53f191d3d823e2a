"""The scorer notices mistakes: each mutation of SCORING.md's list, made to the seeds gold, lowers
the score it should. The pipeline runs once on the seeds; each mutated gold is scored against it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from claimgraph.evaluate import Gold, GoldDate, GoldEntity, load_gold
from claimgraph.evaluate.run import CorpusRun, analyse_corpus, score_run
from tests.conftest import SEEDS, SEEDS_GOLD, needs_seeds

pytestmark = needs_seeds()

NEWSWEEK = "000_67b45b3aa796bdd1.txt"
TWZ_COPY = "001_11dc565381e26bde.txt"
AGENCY = "003_a20e4464c4fbc749.txt"
EXPRESS = "004_dc26ae1dfb1dba40.txt"


@pytest.fixture(scope="module")
def seeds_run(context) -> CorpusRun:
    return analyse_corpus(load_gold(SEEDS_GOLD), SEEDS, context)


@pytest.fixture(scope="module")
def baseline(seeds_run, context):
    return score_run(seeds_run, context)


def scored(run: CorpusRun, context, gold: Gold, kind: str):
    return score_run(replace(run, gold=gold), context)[kind]


def edit_document(gold: Gold, name: str, **changes: Any) -> Gold:
    documents = tuple(replace(doc, **changes) if doc.name == name else doc for doc in gold.documents)
    return replace(gold, documents=documents)


def edit_quantity(gold: Gold, name: str, pick, **changes: Any) -> Gold:
    doc = gold.document(name)
    assert doc is not None and doc.quantities is not None
    index = next(i for i, q in enumerate(doc.quantities) if pick(q))
    quantities = list(doc.quantities)
    quantities[index] = replace(quantities[index], **changes)
    return edit_document(gold, name, quantities=tuple(quantities))


def found(score, text: str) -> bool:
    return not any(slip.text == text for slip in score.missed)


# --- quantities ---------------------------------------------------------------------


def test_an_exact_figure_changed_by_four_percent_is_missed(seeds_run, baseline, context) -> None:
    assert found(baseline["quantities"], f"{TWZ_COPY}: 25000 worker")
    gold = edit_quantity(seeds_run.gold, TWZ_COPY, lambda q: q.value == 25000, value=26000.0)
    assert scored(seeds_run, context, gold, "quantities").recall < baseline["quantities"].recall


def test_a_vague_range_does_not_stand_in_for_a_point(seeds_run, baseline, context) -> None:
    # The text says "tens of thousands of workers": a gold point inside that range is not found by it.
    assert found(baseline["quantities"], f"{TWZ_COPY}: 10000–99999 worker")
    gold = edit_quantity(
        seeds_run.gold, TWZ_COPY, lambda q: q.min == 10000, value=50000.0, min=None, max=None, text=None
    )
    assert scored(seeds_run, context, gold, "quantities").recall < baseline["quantities"].recall


def test_the_unit_worker_changed_to_soldier_is_missed(seeds_run, baseline, context) -> None:
    gold = edit_quantity(seeds_run.gold, TWZ_COPY, lambda q: q.value == 25000, unit="soldier")
    score = scored(seeds_run, context, gold, "quantities")
    assert score.recall < baseline["quantities"].recall
    assert any(slip.category == "unit" for slip in score.missed)


def test_per_day_changed_to_per_month_is_missed(seeds_run, baseline, context) -> None:
    assert found(baseline["quantities"], f"{NEWSWEEK}: 170 drone/day")
    gold = edit_quantity(seeds_run.gold, NEWSWEEK, lambda q: q.per == "day", per="month")
    score = scored(seeds_run, context, gold, "quantities")
    assert score.recall < baseline["quantities"].recall
    assert any(slip.category == "rate" for slip in score.missed)


# --- attributions -------------------------------------------------------------------


def edit_attribution(gold: Gold, name: str, whose: str, **changes: Any) -> Gold:
    doc = gold.document(name)
    assert doc is not None and doc.attributions is not None
    items = tuple(replace(a, **changes) if a.speaker == whose else a for a in doc.attributions)
    return edit_document(gold, name, attributions=items)


def test_a_speaker_changed_to_another_entity_of_the_document_is_missed(seeds_run, baseline, context) -> None:
    jcs = "Joint Chiefs of Staff of South Korea"
    gold = edit_attribution(seeds_run.gold, AGENCY, jcs, speaker="Kharkiv")
    score = scored(seeds_run, context, gold, "attributions")
    assert score.recall < baseline["attributions"].recall


def test_about_entities_the_claim_does_not_name_are_missed(seeds_run, baseline, context) -> None:
    jcs = "Joint Chiefs of Staff of South Korea"
    gold = edit_attribution(seeds_run.gold, AGENCY, jcs, about=("Kharkiv",))
    score = scored(seeds_run, context, gold, "attributions")
    assert score.recall < baseline["attributions"].recall
    assert any(slip.category == "entities" for slip in score.missed)


# --- dates --------------------------------------------------------------------------


@pytest.mark.parametrize("wrong", ["2024", "2024-10-20"])
def test_a_month_changed_to_another_grain_is_missed(seeds_run, baseline, context, wrong) -> None:
    assert found(
        baseline["dates"], f"{TWZ_COPY}: 2024-10 Over 11,000 North Korean soldiers deployed to Kursk"
    )
    doc = seeds_run.gold.document(TWZ_COPY)
    assert doc is not None and doc.events is not None
    events = tuple(
        replace(e, date=GoldDate(wrong, wrong)) if e.date == GoldDate("2024-10", "2024-10") else e
        for e in doc.events
    )
    score = scored(seeds_run, context, edit_document(seeds_run.gold, TWZ_COPY, events=events), "dates")
    assert score.recall < baseline["dates"].recall
    assert any(slip.category == "grain" for slip in score.missed)


# --- cross-document -----------------------------------------------------------------


def edit_contradictions(gold: Gold, items) -> Gold:
    return replace(gold, cross_document=replace(gold.cross_document, contradictions=tuple(items)))


def test_a_contradiction_moved_to_another_pair_is_missed(seeds_run, baseline, context) -> None:
    (item,) = seeds_run.gold.cross_document.contradictions or ()
    gold = edit_contradictions(seeds_run.gold, [replace(item, docs=(TWZ_COPY, EXPRESS))])
    assert scored(seeds_run, context, gold, "cross_document").recall < baseline["cross_document"].recall


def test_one_finding_cannot_serve_a_second_contradiction_on_its_pair(seeds_run, baseline, context) -> None:
    (item,) = seeds_run.gold.cross_document.contradictions or ()
    per_kind = baseline["cross_document"].notes["per_kind"]["contradiction"]
    assert per_kind["found"] == 1 and per_kind["predicted"] == 1  # one finding on that pair
    gold = edit_contradictions(seeds_run.gold, [item, replace(item, topic="the same pair again")])
    score = scored(seeds_run, context, gold, "cross_document")
    assert score.recall < baseline["cross_document"].recall
    assert score.notes["per_kind"]["contradiction"]["found"] == 1


# --- entities -----------------------------------------------------------------------


def test_a_gold_entity_the_texts_never_name_lowers_recall(seeds_run, baseline, context) -> None:
    gold = replace(seeds_run.gold, entities=(*seeds_run.gold.entities, GoldEntity("Freedonia")))
    assert scored(seeds_run, context, gold, "entities").recall < baseline["entities"].recall


def test_an_entity_left_out_of_the_gold_lowers_precision(seeds_run, baseline, context) -> None:
    assert found(baseline["entities"], "China")
    gold = replace(seeds_run.gold, entities=tuple(e for e in seeds_run.gold.entities if e.name != "China"))
    assert scored(seeds_run, context, gold, "entities").precision < baseline["entities"].precision
