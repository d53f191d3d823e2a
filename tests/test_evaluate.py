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
    format_table,
    gold_kinds,
    load_gold,
    parse_gold,
    report_json,
    score_corpus,
)
from claimgraph.evaluate.score_claims import dates_overlap
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


def test_entities_match_by_name_alias_or_spelling() -> None:
    gold = gold_with()
    analyses = {
        "a.txt": make_analysis("a.txt", entities=(entity("FREEDONIA"), entity("Glorp"))),
        "b.txt": make_analysis("b.txt", entities=(entity("Rufus Fierfly"), entity("Marxville"))),
    }
    score = score_corpus(gold, analyses, kinds=["entities"])["entities"]
    assert score.recall == pytest.approx(3 / 4)
    assert score.precision == pytest.approx(3 / 4)
    assert score.missed == ("Sylvania",)
    assert score.extra == ("Marxville",)


def test_entities_count_only_those_mentioned() -> None:
    gold = gold_with()
    unmentioned = Analysis(document=make_document("a.txt"), entities=(entity("Sylvania"),))
    score = score_corpus(gold, {"a.txt": unmentioned}, kinds=["entities"])["entities"]
    assert score.recall == 0 and "Sylvania" in score.missed


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
    assert any(m.startswith("Glorp → unresolved") for m in score.missed)
    assert score.extra == ("Fredville → Sylvania (want Freedonia)",)


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
    body = "Firefly's barge left\nFredville with Jo Lin aboard at dawn."
    good = make_analysis(
        "a.txt",
        body,
        title="barges at dawn",
        author="Jo Li",
        original_source="https://www.firefly.example/x",
    )
    score = score_corpus(gold, {"a.txt": good}, kinds=["cleaning"])["cleaning"]
    assert (score.precision, score.recall) == (1.0, 1.0)

    bad = make_analysis("a.txt", "Share this. " + body, title="Other", original_source="Sylvania")
    score = score_corpus(gold, {"a.txt": bad}, kinds=["cleaning"])["cleaning"]
    assert score.recall == pytest.approx(2 / 7)  # ends_with and "Jo Li" absent still pass
    assert score.extra == ("a.txt: still in body: 'Share this'",)
    assert len(score.missed) == 4


def test_cleaning_of_a_document_not_analysed_fails() -> None:
    gold = gold_with({"a.txt": {"title": "T", "boilerplate": ["x"]}})
    score = score_corpus(gold, {}, kinds=["cleaning"])["cleaning"]
    assert score.recall == 0 and score.per_document == {"a.txt": (0.0, 0.0, 0.0)}


# --- quantities ---------------------------------------------------------------------


def quantities_score(gold_quantities: list[dict[str, Any]], *predicted: Quantity) -> KindScore:
    gold = gold_with({"a.txt": {"quantities": gold_quantities}})
    analyses = {"a.txt": make_analysis("a.txt", quantities=predicted)}
    return score_corpus(gold, analyses, kinds=["quantities"])["quantities"]


def test_quantity_value_within_ten_percent_matches() -> None:
    close = quantities_score([{"value": 1000, "unit": "barge"}], quantity(1080, "barges"))
    far = quantities_score([{"value": 1000, "unit": "barge"}], quantity(1200, "barges"))
    assert close.recall == 1.0
    assert far.recall == 0.0 and far.missed == ("a.txt: 1000 barge",)
    assert far.extra == ("a.txt: 1200 barges ('1200')",)


def test_quantity_rate_mismatch_rejects_and_rate_words_normalise() -> None:
    wanted = [{"value": 30, "unit": "crate", "per": "day"}]
    assert quantities_score(wanted, quantity(30, "crate", per="daily")).recall == 1.0
    assert quantities_score(wanted, quantity(30, "crate", per="month")).recall == 0.0
    assert quantities_score(wanted, quantity(30, "crate")).recall == 0.0
    assert normalise_rate("a week") == "week" and normalise_rate("per hour") == "hour"
    assert normalise_rate(None) is None


def test_quantity_units_fold_synonyms_and_plurals() -> None:
    assert normalise_unit("Troops")[0] == "soldier"
    assert normalise_unit("people")[0] == normalise_unit("person")[0]
    assert normalise_unit("casualties")[0] == "casualty"
    assert quantities_score([{"value": 40, "unit": "soldier"}], quantity(40, "troops")).recall == 1.0
    assert quantities_score([{"value": 0.4, "unit": "share"}], quantity(40, "percent")).recall == 1.0
    assert quantities_score([{"value": 40, "unit": "soldier"}], quantity(40, "crate")).recall == 0.0


def test_quantity_ranges_overlap() -> None:
    wanted = [{"min": 2000, "max": 9999, "unit": "crate"}]
    assert quantities_score(wanted, quantity(3000, "crate", 9000)).recall == 1.0
    assert quantities_score(wanted, quantity(5000, "crate")).recall == 1.0
    assert quantities_score(wanted, quantity(9000, "crate", 90000)).recall == 0.0
    assert quantities_score(wanted, quantity(20000, "crate")).recall == 0.0
    at_least = [{"min": 100, "unit": "crate"}]
    assert quantities_score(at_least, quantity(150, "crate")).recall == 1.0
    assert quantities_score(at_least, quantity(50, "crate")).recall == 0.0


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


def test_a_repeated_mention_of_a_found_figure_is_not_extra() -> None:
    score = quantities_score(
        [{"value": 5, "unit": "barge"}], quantity(5, "barges"), quantity(5, "barge"), quantity(6, "crate")
    )
    assert score.recall == 1.0 and score.precision == pytest.approx(2 / 3)
    assert score.extra == ("a.txt: 6 crate ('6')",)


# --- attributions -------------------------------------------------------------------


def attribution_score(*claims: Claim, entities: tuple[Entity, ...] = ()) -> KindScore:
    gold = gold_with(
        {"a.txt": {"attributions": [{"speaker": "Rufus Firefly", "about": ["Freedonia", "Sylvania"]}]}}
    )
    analyses = {"a.txt": make_analysis("a.txt", entities=entities, claims=claims)}
    return score_corpus(gold, analyses, kinds=["attributions"])["attributions"]


def test_attribution_speaker_by_entity_alias_and_about_overlap() -> None:
    firefly, sylvania = entity("Firefly"), entity("Sylvanian")
    said = claim("c1", speaker=firefly.id, entities=(sylvania.id,))
    score = attribution_score(said, entities=(firefly, sylvania))
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_attribution_speaker_as_raw_words() -> None:
    said = claim("c1", speaker="Chancellor Rufus Firefly", entities=("Freedonia",))
    assert attribution_score(said).recall == 1.0


def test_attribution_misses_without_shared_entity_and_counts_wrong_speaker_extra() -> None:
    off_topic = claim("c1", speaker="Firefly", entities=("Glorp-7",))
    other = claim("c2", "Sylvania denies it.", speaker="Sylvania", entities=("Freedonia",))
    score = attribution_score(off_topic, other)
    assert score.recall == 0 and score.precision == 0
    assert score.missed == ("a.txt: Rufus Firefly on Freedonia, Sylvania",)
    assert "a.txt: Sylvania: Sylvania denies it." in score.extra


# --- dates --------------------------------------------------------------------------


def test_dates_match_when_one_is_a_prefix_of_the_other_or_within_a_span() -> None:
    assert dates_overlap(GoldDate("2024-06", "2024-06"), "2024-06-19")
    assert dates_overlap(GoldDate("2024", "2024"), "2024-10")
    assert dates_overlap(GoldDate("2024-06-19", "2024-06-19"), "2024-06")
    assert not dates_overlap(GoldDate("2024-06", "2024-06"), "2024-07-01")
    assert dates_overlap(GoldDate("2024-06-10", "2024-07"), "2024-07-30")
    assert not dates_overlap(GoldDate("2024-06-10", "2024-07"), "2024-06-09")
    assert dates_overlap(GoldDate("2024-05", "2024-05"), "2024-04/2024-06")


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
        claim("c1", time=time("2024-06-19"), entities=("Fredville",)),
        claim("c2", time=time("2024-06-19"), entities=("Sylvania",)),
        claim("c3", time=time("2022")),
        claim("c4"),
    )
    analyses = {"a.txt": make_analysis("a.txt", claims=claims)}
    score = score_corpus(gold, analyses, kinds=["dates"])["dates"]
    assert score.recall == pytest.approx(1 / 2)
    assert score.precision == pytest.approx(1 / 3)
    assert score.missed == ("a.txt: 2023 talks",)


def test_one_claim_cannot_date_two_events() -> None:
    gold = gold_with(
        {
            "a.txt": {
                "events": [
                    {"what": "pact", "date": "2024-06", "participants": ["Freedonia"]},
                    {"what": "barges sail", "date": "2024", "participants": ["Freedonia"]},
                ]
            }
        }
    )
    analyses = {
        "a.txt": make_analysis("a.txt", claims=(claim("c1", time=time("2024-06"), entities=("Freedonia",)),))
    }
    score = score_corpus(gold, analyses, kinds=["dates"])["dates"]
    assert score.recall == pytest.approx(1 / 2) and score.precision == 1.0
    assert len(score.missed) == 1


# --- opinions -----------------------------------------------------------------------


def test_opinions_covered_missed_and_figures_never_opinion() -> None:
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
            ),
        ),
        "b.txt": make_analysis(
            "b.txt",
            claims=(
                claim("c4", "Some 1,200 barges sailed.", opinion=True),
                claim("c5", "It is a shame.", opinion=True),  # no opinions listed: not judged
            ),
        ),
    }
    score = score_corpus(gold, analyses, kinds=["opinions"])["opinions"]
    assert score.recall == pytest.approx(1 / 2)
    assert score.precision == pytest.approx(1 / 3)
    assert score.missed == ("a.txt: Peace must prevail",)
    assert "b.txt: figure '1,200' flagged as opinion: Some 1,200 barges sailed." in score.extra


# --- cross-document -----------------------------------------------------------------


def test_cross_document_findings_match_by_kind_and_documents() -> None:
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
    assert score.precision == pytest.approx(3 / 4)
    assert score.extra == ("update: newer figure (a.txt, c.txt)",)


def test_cross_document_misses_a_finding_in_one_document_only() -> None:
    gold = gold_with({}, cross_document={"corroborations": [{"topic": "t", "docs": ["a.txt", "b.txt"]}]})
    analyses = {"a.txt": make_analysis("a.txt", claims=(claim("x"), claim("y")))}
    groups = [ClaimGroup("g", "k", (), findings=(Finding(FindingKind.CORROBORATION, "r", ("x", "y")),))]
    score = score_corpus(gold, analyses, groups)["cross_document"]
    assert score.recall == 0 and score.missed == ("corroboration: t (a.txt, b.txt)",)


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


def test_report_json_and_table() -> None:
    gold = gold_with({"a.txt": {"title": "T"}})
    scores = score_corpus(gold, {"a.txt": make_analysis("a.txt", title="t")})
    report = report_json(scores)
    assert json.loads(json.dumps(report))["cleaning"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "missed": [],
        "extra": [],
    }
    console = Console(width=100, record=True)
    console.print(format_table(scores))
    text = console.export_text()
    assert "cleaning" in text and "entities" in text and "F1" in text


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
