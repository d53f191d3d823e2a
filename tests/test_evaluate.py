"""The gold reader and the scorer behind `claimgraph eval`, on small invented records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from claimgraph.evaluate import (
    Gold,
    GoldDate,
    GoldError,
    KindScore,
    alias_resolution,
    explain,
    format_parts,
    format_table,
    gold_kinds,
    load_gold,
    parse_gold,
    report_json,
    score_corpus,
)
from claimgraph.evaluate.score_claims import date_matches
from claimgraph.evaluate.score_common import Slip
from claimgraph.evaluate.score_quantities import normalise_rate, normalise_unit
from claimgraph.records import (
    Analysis,
    Claim,
    ClaimGroup,
    Document,
    Entity,
    Finding,
    FindingKind,
    Mention,
    Modality,
    Quantity,
    TimeRef,
)

SEEDS_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seeds.gold.yaml"

ENTITIES = {
    "Freedonia": ["Freedonian", "Fredville"],
    "Sylvania": ["Sylvanian"],
    "Rufus Firefly": ["Firefly", "www.firefly.example"],
    "Glorp-7": ["Glorp"],
}


# --- builders -----------------------------------------------------------------------


def make_document(name: str, body: str = "", **fields: Any) -> Document:
    return Document(id=f"id-{name}", source=f"corpus/{name}", body=body, **fields)


def make_analysis(
    name: str,
    body: str = "",
    entities: tuple[Entity, ...] = (),
    quantities: tuple[Quantity, ...] = (),
    claims: tuple[Claim, ...] = (),
    **fields: Any,
) -> Analysis:
    mentions = tuple(Mention(e.id, e.name, 0, 1) for e in entities)
    return Analysis(
        document=make_document(name, body, **fields),
        entities=entities,
        mentions=mentions,
        quantities=quantities,
        claims=claims,
    )


def entity(name: str, *aliases: str) -> Entity:
    return Entity(id=f"e:{name}", name=name, kind="thing", aliases=aliases)


def quantity(low: float, unit: str, high: float | None = None, per: str | None = None) -> Quantity:
    return Quantity(
        low=low,
        high=low if high is None else high,
        unit=unit,
        text=f"{low}",
        start=0,
        end=1,
        per=per,
    )


def claim(cid: str, text: str = "Something happened.", **fields: Any) -> Claim:
    return Claim(id=cid, document_id="d", start=0, end=len(text), text=text, predicate="say", **fields)


def time(value: str) -> TimeRef:
    return TimeRef(text=value, value=value, resolution="absolute", start=0, end=1)


def texts(slips: tuple[Slip, ...]) -> tuple[str, ...]:
    return tuple(slip.text for slip in slips)


def gold_with(documents: dict[str, Any] | None = None, **top: Any) -> Gold:
    return parse_gold({"entities": ENTITIES, "documents": documents or {}, **top}, "test.gold.yaml")


# --- load_gold ----------------------------------------------------------------------


def test_load_gold_reads_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("")
    gold = load_gold(path)
    assert gold.entities == () and gold.documents == ()
    assert gold_kinds(gold) == ()
    assert score_corpus(gold, {}) == {}


def test_load_gold_reads_a_gold_with_every_field_omitted(tmp_path: Path) -> None:
    path = tmp_path / "minimal.yaml"
    path.write_text(
        "documents:\n  a.txt:\n  b.txt: {quantities: [{}], attributions: [{}], events: [{}]}\n"
        "cross_document:\n  tensions: [{}]\n"
    )
    gold = load_gold(path)
    a, b = gold.documents
    assert a.name == "a.txt" and a.quantities is None and a.boilerplate == ()
    assert b.quantities is not None and b.quantities[0].value is None
    assert b.events is not None and b.events[0].date is None
    assert gold.cross_document.tensions is not None and gold.cross_document.tensions[0].docs == ()
    assert gold_kinds(gold) == ("quantities", "attributions", "dates", "cross_document")


def test_load_gold_reads_every_date_form_and_rate(tmp_path: Path) -> None:
    path = tmp_path / "dates.yaml"
    path.write_text(
        "documents:\n"
        "  a.txt:\n"
        "    published_window: [2025-01-02, 2025-02]\n"
        "    quantities:\n"
        "      - {min: 5, unit: barges, per: hour}\n"
        "      - {max: '1,200', unit: crate, per: weekly}\n"
        "    events:\n"
        "      - {date: 2025-06-04}\n"
        "      - {date: 2024-06}\n"
        "      - {date: 2024}\n"
        "      - {date: 2024-06-01/2024-07}\n"
        "      - {date: null}\n"
        "cross_document:\n"
        "  near_duplicates: [[a.txt, b.txt], [c.txt, d.txt, e.txt], {docs: [f.txt, g.txt]}]\n"
    )
    gold = load_gold(path)
    doc = gold.documents[0]
    assert doc.published_window == GoldDate("2025-01-02", "2025-02")
    assert doc.quantities is not None
    assert doc.quantities[0].min == 5 and doc.quantities[0].per == "hour"
    assert doc.quantities[1].max == 1200 and doc.quantities[1].per == "weekly"
    assert doc.events is not None
    assert [e.date.text if e.date else None for e in doc.events] == [
        "2025-06-04",
        "2024-06",
        "2024",
        "2024-06-01/2024-07",
        None,
    ]
    near = gold.cross_document.near_duplicates
    assert near is not None and [len(item.docs) for item in near] == [2, 3, 2]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (
            "documents:\n  a.txt:\n    quantities: [{value: lots}]\n",
            "documents.a.txt.quantities[0].value",
        ),
        ("documents:\n  a.txt:\n    events: [{date: June}]\n", "documents.a.txt.events[0].date"),
        ("documents:\n  a.txt:\n    events: [{date: 2024-13}]\n", "documents.a.txt.events[0].date"),
        (
            "documents:\n  a.txt:\n    quantities: [{min: 9, max: 2}]\n",
            "documents.a.txt.quantities[0].min",
        ),
        ("documents:\n  a.txt:\n    quantities: {value: 1}\n", "documents.a.txt.quantities"),
        ("entities: {X: [{nested: map}]}\n", "entities.X[0]"),
        ("cross_document:\n  near_duplicates: [[a.txt]]\n", "cross_document.near_duplicates[0]"),
        ("version: 7\n", "version"),
        ("- just\n- a list\n", "top level"),
    ],
)
def test_bad_gold_names_the_file_and_field(tmp_path: Path, text: str, field: str) -> None:
    path = tmp_path / "bad.gold.yaml"
    path.write_text(text)
    with pytest.raises(GoldError) as raised:
        load_gold(path)
    assert str(path) in str(raised.value) and field in str(raised.value)


def test_unreadable_or_invalid_yaml_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"missing\.yaml"):
        load_gold(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("documents: [unclosed\n")
    with pytest.raises(GoldError, match="not valid YAML"):
        load_gold(broken)


def test_load_gold_reads_the_seeds_gold() -> None:
    if not SEEDS_GOLD.exists():
        pytest.skip(f"no seeds gold at {SEEDS_GOLD}")
    gold = load_gold(SEEDS_GOLD)
    assert len(gold.entities) > 10 and len(gold.documents) == 5
    assert all(entity.name for entity in gold.entities)
    assert set(gold_kinds(gold)) == {
        "entities",
        "cleaning",
        "quantities",
        "attributions",
        "dates",
        "opinions",
        "cross_document",
    }
    scores = score_corpus(gold, {})  # nothing analysed: every kind scores, nothing is found
    assert all(score.recall == 0 for score in scores.values())


# --- entities -----------------------------------------------------------------------


def test_entities_match_by_name_or_alias_folded_and_never_by_spelling() -> None:
    gold = gold_with()
    analyses = {
        "a.txt": make_analysis("a.txt", entities=(entity("FREEDONIA"), entity("glorp"))),
        "b.txt": make_analysis("b.txt", entities=(entity("The Rufus Fierfly"), entity("Marxville"))),
    }
    score = score_corpus(gold, analyses, kinds=["entities"])["entities"]
    assert score.recall == pytest.approx(2 / 4)
    assert score.precision == pytest.approx(2 / 4)
    assert texts(score.missed) == ("Sylvania", "Rufus Firefly")
    assert texts(score.extra) == ("Marxville", "The Rufus Fierfly")


def test_entity_names_fold_case_hyphens_apostrophes_and_a_leading_the() -> None:
    gold = gold_with()
    analyses = {"a.txt": make_analysis("a.txt", entities=(entity("the GLORP 7"), entity("rufus  firefly")))}
    score = score_corpus(gold, analyses, kinds=["entities"])["entities"]
    assert score.precision == 1.0 and score.recall == pytest.approx(2 / 4)


def test_entities_count_only_those_mentioned() -> None:
    gold = gold_with()
    unmentioned = Analysis(document=make_document("a.txt"), entities=(entity("Sylvania"),))
    score = score_corpus(gold, {"a.txt": unmentioned}, kinds=["entities"])["entities"]
    assert score.recall == 0 and "Sylvania" in texts(score.missed)


def test_a_second_entity_for_one_gold_entity_is_a_split_and_extra() -> None:
    gold = gold_with()
    analyses = {"a.txt": make_analysis("a.txt", entities=(entity("Freedonia"), entity("Fredville")))}
    score = score_corpus(gold, analyses, kinds=["entities"])["entities"]
    assert score.precision == pytest.approx(1 / 2)
    assert [slip.category for slip in score.extra] == ["split"]


def test_alias_resolution_reports_unresolved_and_wrong_aliases() -> None:
    gold = gold_with()
    table = {
        "freedonia": "Freedonia",
        "freedonian": "freedonia",
        "fredville": "Sylvania",
        "sylvania": "Sylvania",
        "sylvanian": "Sylvania",
        "rufus firefly": "Rufus Firefly",
        "firefly": "Rufus Firefly",
        "www.firefly.example": "Rufus Firefly",
        "glorp-7": "Glorp-7",
    }
    score = alias_resolution(gold, lambda alias: table.get(alias.lower()))
    assert score.recall == pytest.approx(8 / 10)
    assert score.precision == pytest.approx(8 / 9)
    assert any(m.startswith("Glorp → unresolved") for m in texts(score.missed))
    assert texts(score.extra) == ("Fredville → Sylvania (want Freedonia)",)


# --- cleaning -----------------------------------------------------------------------


def test_cleaning_checks_body_edges_boilerplate_and_metadata() -> None:
    gold = gold_with(
        {
            "a.txt": {
                "body_starts_with": "Firefly’s   barge left",
                "body_ends_with": "at dawn.",
                "boilerplate": ["Jo Li", "Share this"],
                "title": "Barges at Dawn",
                "author": "Jo Li",
                "original_source": "Rufus Firefly",
            }
        }
    )
    body = "Firefly’s barge left\nFredville with Jo Lin aboard at dawn."
    good = make_analysis(
        "a.txt",
        body,
        title="Barges  at Dawn",
        author="Jo Li",
        original_source="https://www.firefly.example/x",
    )
    score = score_corpus(gold, {"a.txt": good}, kinds=["cleaning"])["cleaning"]
    assert (score.precision, score.recall) == (1.0, 1.0)

    bad = make_analysis("a.txt", "Share this. " + body, title="Other", original_source="Sylvania")
    score = score_corpus(gold, {"a.txt": bad}, kinds=["cleaning"])["cleaning"]
    assert score.recall == pytest.approx(2 / 7)  # ends_with and "Jo Li" absent still pass
    assert texts(score.extra) == ("a.txt: still in body: 'Share this'",)
    assert {slip.category for slip in score.missed} == {
        "body_starts_with",
        "title",
        "author",
        "original_source",
    }


def test_cleaning_compares_text_with_case_and_apostrophes_as_written() -> None:
    gold = gold_with({"a.txt": {"title": "Barges at Dawn", "body_starts_with": "Firefly’s barge"}})
    analysis = make_analysis("a.txt", "Firefly's barge left.", title="barges at dawn")
    score = score_corpus(gold, {"a.txt": analysis}, kinds=["cleaning"])["cleaning"]
    assert score.recall == 0


def test_boilerplate_the_raw_input_never_held_is_a_gold_error_not_a_check() -> None:
    gold = gold_with({"a.txt": {"boilerplate": ["Share this", "Subscribe now"], "title": "T"}})
    analysis = make_analysis("a.txt", "Barges sailed.", title="T")
    raw = {"a.txt": "T\nShare this\nBarges sailed.\n"}
    score = score_corpus(gold, {"a.txt": analysis}, kinds=["cleaning"], raw_texts=raw)["cleaning"]
    assert score.recall == 1.0 and score.per_document["a.txt"] == (1.0, 1.0, 1.0)
    assert score.notes["gold_errors"] == ["a.txt: boilerplate 'Subscribe now' is not in the raw input"]


def test_cleaning_of_a_document_not_analysed_fails() -> None:
    gold = gold_with({"a.txt": {"title": "T", "boilerplate": ["x"]}})
    score = score_corpus(gold, {}, kinds=["cleaning"])["cleaning"]
    assert score.recall == 0 and score.per_document["a.txt"] == (0.0, 0.0, 0.0)


# --- quantities ---------------------------------------------------------------------


def quantities_score(gold_quantities: list[dict[str, Any]], *predicted: Quantity) -> KindScore:
    gold = gold_with({"a.txt": {"quantities": gold_quantities}})
    analyses = {"a.txt": make_analysis("a.txt", quantities=predicted)}
    return score_corpus(gold, analyses, kinds=["quantities"])["quantities"]


def test_a_precise_figure_needs_a_value_within_one_percent() -> None:
    wanted = [{"value": 1000, "unit": "barge"}]
    assert quantities_score(wanted, quantity(1008, "barges")).recall == 1.0
    far = quantities_score(wanted, quantity(1040, "barges"))
    assert far.recall == 0.0 and texts(far.missed) == ("a.txt: 1000 barge",)
    assert texts(far.extra) == ("a.txt: 1040 barge ('1040')",)
    assert [slip.category for slip in far.missed] == ["value"]


def test_an_approximate_figure_takes_ten_percent() -> None:
    wanted = [{"value": 1000, "unit": "barge", "approx": True}]
    assert quantities_score(wanted, quantity(1080, "barges")).recall == 1.0
    assert quantities_score(wanted, quantity(1200, "barges")).recall == 0.0


def test_a_point_takes_a_narrow_range_holding_it_but_never_a_vague_one() -> None:
    wanted = [{"value": 12000, "unit": "barge"}]
    assert quantities_score(wanted, quantity(11000, "barge", 13000)).recall == 1.0
    assert quantities_score(wanted, quantity(10000, "barge", 99999)).recall == 0.0  # "tens of thousands"
    assert quantities_score(wanted, quantity(12500, "barge", 14000)).recall == 0.0  # does not hold it


def test_quantity_rate_must_be_equal_and_rate_words_normalise() -> None:
    wanted = [{"value": 30, "unit": "crate", "per": "day"}]
    assert quantities_score(wanted, quantity(30, "crate", per="daily")).recall == 1.0
    by_month = quantities_score(wanted, quantity(30, "crate", per="month"))
    assert by_month.recall == 0.0 and [s.category for s in by_month.missed] == ["rate"]
    assert quantities_score(wanted, quantity(30, "crate")).recall == 0.0
    assert normalise_rate("a week") == "week" and normalise_rate("per hour") == "hour"
    assert normalise_rate(None) is None


def test_quantity_units_fold_plural_case_and_the_listed_synonyms_only() -> None:
    assert normalise_unit("Troops")[0] == "soldier"
    assert normalise_unit("people")[0] == normalise_unit("person")[0]
    assert normalise_unit("casualties")[0] == "casualty"
    assert normalise_unit("times")[0] == "ratio" and normalise_unit("UAVs")[0] == "drone"
    assert quantities_score([{"value": 40, "unit": "soldier"}], quantity(40, "troops")).recall == 1.0
    assert quantities_score([{"value": 0.4, "unit": "share"}], quantity(40, "percent")).recall == 1.0
    wrong = quantities_score([{"value": 40, "unit": "soldier"}], quantity(40, "worker"))
    assert wrong.recall == 0.0 and [s.category for s in wrong.missed] == ["unit"]
    assert quantities_score([{"value": 40, "unit": "drone"}], quantity(40, "attack drone")).recall == 0.0
    assert quantities_score([{"value": 40}], quantity(40, "anything")).recall == 1.0


def test_a_gold_range_needs_a_range_with_each_end_within_ten_percent() -> None:
    wanted = [{"min": 2000, "max": 9999, "unit": "crate"}]
    assert quantities_score(wanted, quantity(2000, "crate", 9999)).recall == 1.0
    assert quantities_score(wanted, quantity(1900, "crate", 10500)).recall == 1.0
    assert quantities_score(wanted, quantity(3000, "crate", 9000)).recall == 0.0
    assert quantities_score(wanted, quantity(5000, "crate")).recall == 0.0
    at_least = [{"min": 100, "unit": "crate"}]
    assert quantities_score(at_least, quantity(150, "crate")).recall == 1.0
    assert quantities_score(at_least, quantity(50, "crate")).recall == 0.0
    at_most = [{"max": 100, "unit": "crate"}]
    assert quantities_score(at_most, quantity(20, "crate", 90)).recall == 1.0
    assert quantities_score(at_most, quantity(20, "crate", 120)).recall == 0.0


def test_quantities_match_one_to_one_and_score_per_document() -> None:
    gold = gold_with(
        {
            "a.txt": {"quantities": [{"value": 5, "unit": "barge"}, {"value": 5, "unit": "barge"}]},
            "b.txt": {"quantities": []},
            "c.txt": {},  # not annotated: its quantities are not judged
        }
    )
    analyses = {
        "a.txt": make_analysis("a.txt", quantities=(quantity(5, "barge"),)),
        "b.txt": make_analysis("b.txt", quantities=(quantity(7, "barge"),)),
        "c.txt": make_analysis("c.txt", quantities=(quantity(9, "barge"),)),
    }
    score = score_corpus(gold, analyses, kinds=["quantities"])["quantities"]
    assert score.recall == pytest.approx(1 / 2)
    assert score.precision == pytest.approx(1 / 2)
    assert score.per_document["a.txt"] == pytest.approx((1.0, 0.5, 2 / 3))
    assert score.per_document["b.txt"] == (0.0, 1.0, 0.0)
    assert "c.txt" not in score.per_document
    assert [slip.category for slip in score.missed] == ["one to one"]


def test_a_figure_mentioned_twice_is_one_prediction() -> None:
    score = quantities_score(
        [{"value": 5, "unit": "barge"}], quantity(5, "barges"), quantity(5, "barge"), quantity(6, "crate")
    )
    assert score.recall == 1.0 and score.precision == pytest.approx(1 / 2)
    assert texts(score.extra) == ("a.txt: 6 crate ('6')",)


def test_modality_agreement_counts_matched_figures_whose_claim_carries_the_gold_modality() -> None:
    gold = gold_with(
        {
            "a.txt": {
                "quantities": [
                    {"value": 5, "unit": "barge", "modality": "planned"},
                    {"value": 7, "unit": "crate", "modality": "reported"},
                    {"value": 9, "unit": "raft", "modality": "estimated"},
                ]
            }
        }
    )
    five, seven, nine = quantity(5, "barge"), quantity(7, "crate"), quantity(9, "raft")
    claims = (
        claim("c1", quantity=five, modality=Modality.PLANNED),
        claim("c2", quantity=seven, modality=Modality.ASSERTED),  # asserted and reported are one class
        claim("c3", quantity=nine, modality=Modality.HEDGED),
    )
    analyses = {"a.txt": make_analysis("a.txt", quantities=(five, seven, nine), claims=claims)}
    score = score_corpus(gold, analyses, kinds=["quantities"])["quantities"]
    assert score.recall == 1.0
    assert score.notes["modality_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    assert score.notes["modality_disagreements"] == ["a.txt: 9 raft: want estimated, got hedged"]


# --- attributions -------------------------------------------------------------------


def attribution_score(*claims: Claim, entities: tuple[Entity, ...] = (), **item: Any) -> KindScore:
    wanted = {"speaker": "Rufus Firefly", "about": ["Freedonia", "Sylvania"], **item}
    gold = gold_with({"a.txt": {"attributions": [wanted]}})
    analyses = {"a.txt": make_analysis("a.txt", entities=entities, claims=claims)}
    return score_corpus(gold, analyses, kinds=["attributions"])["attributions"]


def test_attribution_needs_the_speaker_by_name_or_alias_and_an_about_entity() -> None:
    firefly, sylvania = entity("Firefly"), entity("Sylvanian")
    said = claim("c1", speaker=firefly.id, entities=(sylvania.id,))
    score = attribution_score(said, entities=(firefly, sylvania))
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_a_speaker_in_raw_words_must_be_one_of_its_names() -> None:
    assert attribution_score(claim("c1", speaker="firefly", entities=("Freedonia",))).recall == 1.0
    titled = attribution_score(claim("c1", speaker="Chancellor Rufus Firefly", entities=("Freedonia",)))
    assert titled.recall == 0 and [slip.category for slip in titled.missed] == ["speaker"]


def test_attribution_misses_without_shared_entity_and_counts_wrong_speaker_extra() -> None:
    off_topic = claim("c1", speaker="Firefly", entities=("Glorp-7",))
    other = claim("c2", "Sylvania denies it.", speaker="Sylvania", entities=("Freedonia",))
    score = attribution_score(off_topic, other)
    assert score.recall == 0 and score.precision == 0
    assert texts(score.missed) == ("a.txt: Rufus Firefly on Freedonia, Sylvania",)
    assert [slip.category for slip in score.missed] == ["entities"]
    assert "a.txt: Sylvania: Sylvania denies it." in texts(score.extra)


def test_claims_of_one_sentence_and_speaker_are_one_prediction() -> None:
    first = claim("c1", "Firefly said barges and rafts sailed.", speaker="Firefly", entities=("Freedonia",))
    second = claim("c2", "Firefly said barges and rafts sailed.", speaker="Firefly", entities=("Glorp-7",))
    score = attribution_score(first, second)
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_full_attribution_also_needs_the_gold_via_and_modality() -> None:
    plain = claim("c1", speaker="Firefly", entities=("Freedonia",), modality=Modality.PLANNED)
    score = attribution_score(plain, via="Sylvania", modality="planned")
    assert score.recall == 1.0 and score.notes["full"]["recall"] == 0.0
    relayed = claim(
        "c1", speaker="Firefly", via="Sylvanian", entities=("Freedonia",), modality=Modality.PLANNED
    )
    assert attribution_score(relayed, via="Sylvania", modality="planned").notes["full"]["recall"] == 1.0
    reported = claim("c1", speaker="Firefly", entities=("Freedonia",), modality=Modality.ASSERTED)
    assert attribution_score(reported, modality="reported").notes["full"]["recall"] == 1.0
    assert attribution_score(reported, modality="hedged").notes["full"]["recall"] == 0.0


# --- dates --------------------------------------------------------------------------


def test_a_date_matches_only_at_the_gold_grain_or_inside_a_gold_span() -> None:
    month = GoldDate("2024-06", "2024-06")
    assert date_matches(month, "2024-06")
    assert not date_matches(month, "2024-06-19") and not date_matches(month, "2024")
    span = GoldDate("2024-06-10", "2024-07")
    assert date_matches(span, "2024-07-30") and date_matches(span, "2024-07")
    assert not date_matches(span, "2024-06") and not date_matches(span, "2024-06-09")
    assert not date_matches(GoldDate("2024", "2025"), "2024")  # a span takes a month or a day
    assert date_matches(GoldDate("2024-05", "2024-06"), "2024-05/2024-06")


def test_dates_need_the_date_and_a_participant() -> None:
    gold = gold_with(
        {
            "a.txt": {
                "events": [
                    {"what": "barges sail", "date": "2024-06", "participants": ["Freedonia"]},
                    {"what": "talks", "date": "2023"},
                    {"what": "undated", "date": None},
                ]
            }
        }
    )
    claims = (
        claim("c1", "Barges sailed.", time=time("2024-06"), entities=("Fredville",)),
        claim("c2", "Rafts sailed.", time=time("2024-06"), entities=("Sylvania",)),
        claim("c3", "Talks were held.", time=time("2023-05")),
        claim("c4", "Nothing dated."),
        claim("c5", "For a year.", time=TimeRef("a year", "P1Y", "absolute", 0, 1, kind="duration")),
    )
    analyses = {"a.txt": make_analysis("a.txt", claims=claims)}
    score = score_corpus(gold, analyses, kinds=["dates"])["dates"]
    assert score.recall == pytest.approx(1 / 2)
    assert score.precision == pytest.approx(1 / 3)
    assert texts(score.missed) == ("a.txt: 2023 talks",)
    assert [slip.category for slip in score.missed] == ["grain"]
    assert sorted(slip.category for slip in score.extra) == ["grain", "participants"]


def test_one_claim_cannot_date_two_events() -> None:
    gold = gold_with(
        {
            "a.txt": {
                "events": [
                    {"what": "pact", "date": "2024-06", "participants": ["Freedonia"]},
                    {"what": "barges sail", "date": "2024-06", "participants": ["Freedonia"]},
                ]
            }
        }
    )
    analyses = {
        "a.txt": make_analysis("a.txt", claims=(claim("c1", time=time("2024-06"), entities=("Freedonia",)),))
    }
    score = score_corpus(gold, analyses, kinds=["dates"])["dates"]
    assert score.recall == pytest.approx(1 / 2) and score.precision == 1.0
    assert [slip.category for slip in score.missed] == ["one to one"]


# --- opinions -----------------------------------------------------------------------


def test_opinions_match_when_one_text_holds_the_other_at_half_its_length() -> None:
    gold = gold_with(
        {
            "a.txt": {
                "opinion_not_claims": ["Sylvania’s stance is a grave folly", "Peace must prevail"],
            },
            "b.txt": {"quantities": [{"value": 1200, "unit": "barge"}]},
        }
    )
    analyses = {
        "a.txt": make_analysis(
            "a.txt",
            claims=(
                claim("c1", "Critics say Sylvania's stance is a grave folly.", opinion=True),
                claim("c2", "Peace must prevail.", opinion=False),
                claim("c3", "The weather was mild.", opinion=True),
                claim(
                    "c4",
                    "Peace must prevail, and the barges, rafts and all the crates must sail.",
                    opinion=True,
                ),
            ),
        ),
        "b.txt": make_analysis("b.txt", claims=(claim("c5", "It is a shame.", opinion=True),)),
    }
    score = score_corpus(gold, analyses, kinds=["opinions"])["opinions"]
    assert score.recall == pytest.approx(1 / 2)
    assert score.precision == pytest.approx(1 / 3)  # b.txt lists no opinions: not judged
    assert texts(score.missed) == ("a.txt: Peace must prevail",)


# --- cross-document -----------------------------------------------------------------


def test_cross_document_findings_match_by_kind_and_documents_one_to_one() -> None:
    gold = gold_with(
        {},
        cross_document={
            "contradictions": [{"topic": "date of the pact", "docs": ["a.txt", "b.txt"]}],
            "not_independent": [{"docs": ["a.txt", "b.txt", "c.txt"]}],
            "updates": [],
            "near_duplicates": [["c.txt", "d.txt"]],
        },
    )
    analyses = {
        name: make_analysis(name, claims=(claim(f"{name}-c"),), near_duplicate_of=dup)
        for name, dup in [("a.txt", None), ("b.txt", None), ("c.txt", None), ("d.txt", "id-c.txt")]
    }
    findings = (
        Finding(FindingKind.CONTRADICTION, "dates differ", ("a.txt-c", "b.txt-c")),
        Finding(FindingKind.REPEAT, "one origin", ("b.txt-c", "c.txt-c")),
        Finding(FindingKind.UPDATE, "newer figure", ("a.txt-c", "c.txt-c")),
        Finding(FindingKind.TENSION, "not listed: not judged", ("a.txt-c", "d.txt-c")),
    )
    groups = [
        ClaimGroup("g1", "k", (), findings=findings),
        ClaimGroup("g2", "k", (), findings=findings[:1]),
    ]
    score = score_corpus(gold, analyses, groups, kinds=["cross_document"])["cross_document"]
    assert score.recall == 1.0
    assert score.precision == pytest.approx(2 / 3)
    assert texts(score.extra) == ("update: newer figure (a.txt, c.txt)",)
    per_kind = score.notes["per_kind"]
    assert per_kind["contradiction"] == {
        "gold": 1, "found": 1, "predicted": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0
    }  # fmt: skip
    assert per_kind["update"]["predicted"] == 1 and per_kind["update"]["gold"] == 0
    assert per_kind["near_duplicate"]["recall"] == 1.0 and per_kind["near_duplicate"]["precision"] == 1.0


def test_one_finding_cannot_serve_two_gold_items() -> None:
    item = {"topic": "t", "docs": ["a.txt", "b.txt"]}
    gold = gold_with({}, cross_document={"contradictions": [item, {**item, "topic": "u"}]})
    analyses = {name: make_analysis(name, claims=(claim(f"{name}-c"),)) for name in ("a.txt", "b.txt")}
    finding = Finding(FindingKind.CONTRADICTION, "r", ("a.txt-c", "b.txt-c"))
    score = score_corpus(gold, analyses, [ClaimGroup("g", "k", (), findings=(finding,))])["cross_document"]
    assert score.recall == pytest.approx(1 / 2) and score.precision == 1.0


def test_cross_document_misses_a_finding_in_one_document_only() -> None:
    gold = gold_with({}, cross_document={"corroborations": [{"topic": "t", "docs": ["a.txt", "b.txt"]}]})
    analyses = {"a.txt": make_analysis("a.txt", claims=(claim("x"), claim("y")))}
    groups = [ClaimGroup("g", "k", (), findings=(Finding(FindingKind.CORROBORATION, "r", ("x", "y")),))]
    score = score_corpus(gold, analyses, groups)["cross_document"]
    assert score.recall == 0 and texts(score.missed) == ("corroboration: t (a.txt, b.txt)",)


def test_a_near_duplicate_group_of_three_is_found_by_two_links() -> None:
    gold = gold_with({}, cross_document={"near_duplicates": [["a.txt", "b.txt", "c.txt"]]})
    analyses = {
        name: make_analysis(name, near_duplicate_of=dup)
        for name, dup in [
            ("a.txt", None),
            ("b.txt", "id-a.txt"),
            ("c.txt", "id-a.txt"),
            ("d.txt", "id-a.txt"),
        ]
    }
    near = score_corpus(gold, analyses)["cross_document"].notes["per_kind"]["near_duplicate"]
    assert (near["gold"], near["found"], near["predicted"]) == (2, 2, 3)
    assert near["extra"] == ["near_duplicate: d.txt ~ a.txt"]


# --- corpus, report, table ----------------------------------------------------------


def test_score_corpus_defaults_to_gold_kinds_and_rejects_unknown_kinds() -> None:
    gold = gold_with({"a.txt": {"quantities": [], "title": "T"}})
    assert list(score_corpus(gold, {})) == ["entities", "cleaning", "quantities"]
    assert list(score_corpus(gold, {}, kinds={"quantities"})) == ["quantities"]
    with pytest.raises(ValueError, match="unknown kind"):
        score_corpus(gold, {}, kinds=["vibes"])


def test_analyses_keyed_by_path_match_by_file_name() -> None:
    gold = gold_with({"a.txt": {"quantities": [{"value": 3, "unit": "barge"}]}})
    analyses = {"corpus/a.txt": make_analysis("a.txt", quantities=(quantity(3, "barge"),))}
    assert score_corpus(gold, analyses)["quantities"].recall == 1.0


def test_report_json_table_and_explanation() -> None:
    gold = gold_with({"a.txt": {"title": "T", "quantities": [{"value": 3, "unit": "barge"}]}})
    analysis = make_analysis("a.txt", title="T", quantities=(quantity(3, "crate"),))
    scores = score_corpus(gold, {"a.txt": analysis}, kinds=["cleaning", "quantities"])
    report = json.loads(json.dumps(report_json(scores)))
    assert report["cleaning"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "missed": [],
        "extra": [],
        "missed_by_category": {},
        "extra_by_category": {},
    }
    assert report["quantities"]["missed_by_category"] == {"unit": 1}
    assert "modality_agreement" in report["quantities"]
    console = Console(width=100, record=True)
    console.print(format_table(scores))
    console.print(format_parts({"all": scores, "odd": scores}))
    console.print(explain(scores))
    text = console.export_text()
    assert "cleaning" in text and "F1" in text and "odd" in text
    assert "missed · unit (1)" in text and "a.txt: 3 barge" in text


def test_an_undated_gold_text_is_anchored_at_its_gold_window(tmp_path: Path, context) -> None:
    from claimgraph.evaluate.run import evaluate_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "North Korea sent about 11,000 soldiers to Russia last October, officials in Seoul said.\n"
        "The soldiers were moved to the Kursk region soon afterwards, the officials added.\n"
    )
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "documents:\n"
        "  a.txt:\n"
        "    published_window: [2025-06-10, 2025-06-30]\n"
        "    events:\n"
        "      - {what: troops sent, date: 2024-10, participants: [North Korea]}\n"
    )
    scores = evaluate_corpus(gold, corpus, context)
    assert scores["dates"].recall == 1.0  # "last October" read against June 2025, not against nothing


def test_parts_split_by_the_number_in_the_file_name() -> None:
    from claimgraph.evaluate.run import part_names

    names = ["001.txt", "002.txt", "013_x.txt", "notes.txt"]
    assert part_names(names, "odd") == {"001.txt", "013_x.txt"}
    assert part_names(names, "even") == {"002.txt"}
    assert part_names(names, "all") == set(names)


def test_the_gold_of_a_part_keeps_its_documents_the_entities_its_texts_name_and_joined_items() -> None:
    from claimgraph.evaluate.run import gold_part

    gold = gold_with(
        {"1.txt": {"title": "A"}, "2.txt": {"title": "B"}, "3.txt": {"title": "C"}},
        cross_document={
            "contradictions": [{"docs": ["1.txt", "3.txt"]}, {"docs": ["1.txt", "2.txt"]}],
            "not_independent": [{"docs": ["1.txt", "2.txt", "3.txt"]}],
        },
    )
    part = gold_part(gold, {"1.txt", "3.txt"}, ["Barges left Fredville.", "The glorp-7 sank."])
    assert [doc.name for doc in part.documents] == ["1.txt", "3.txt"]
    assert [entity.name for entity in part.entities] == ["Freedonia", "Glorp-7"]
    cross = part.cross_document
    assert [item.docs for item in cross.contradictions or ()] == [("1.txt", "3.txt")]
    assert [item.docs for item in cross.not_independent or ()] == [("1.txt", "3.txt")]


def test_eval_halves_scores_all_odd_and_even_articles_side_by_side(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimgraph.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    filler = "The talks between the two neighbours went on for most of the spring, diplomats said.\n"
    (corpus / "001.txt").write_text(
        "Freedonia sent 5,000 soldiers to Sylvania in May 2024, officials said.\n" + filler
    )
    (corpus / "002.txt").write_text(
        "Sylvania received 12 drones from Freedonia last week, its army said.\n" + filler
    )
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "documents:\n"
        "  001.txt:\n    quantities: [{value: 5000, unit: soldier}]\n"
        "  002.txt:\n    quantities: [{value: 12, unit: drone}, {value: 99, unit: drone}]\n"
    )
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(corpus), "--halves", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) == {"all", "odd", "even"}
    assert report["odd"]["quantities"]["recall"] == 1.0
    assert report["even"]["quantities"]["recall"] == 0.5
    assert report["all"]["quantities"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    table = runner.invoke(app, ["eval", "--gold", str(gold), str(corpus), "--halves", "--explain"])
    assert table.exit_code == 0 and "even" in table.output and "99 drone" in table.output


def test_a_claim_names_its_speaker_so_a_dated_statement_finds_its_event() -> None:
    gold = gold_with(
        {
            "a.txt": {
                "events": [
                    {"what": "Firefly speaks", "date": "2024-06-17", "participants": ["Rufus Firefly"]}
                ]
            }
        }
    )
    said = claim("c1", "On June 17 Firefly said barges sailed.", time=time("2024-06-17"), speaker="Firefly")
    silent = claim("c2", "On June 17 barges sailed.", time=time("2024-06-17"))
    assert score_corpus(gold, {"a.txt": make_analysis("a.txt", claims=(said,))})["dates"].recall == 1.0
    assert score_corpus(gold, {"a.txt": make_analysis("a.txt", claims=(silent,))})["dates"].recall == 0.0
