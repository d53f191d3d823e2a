"""NER scoring on public gold sets: the readers and the score, on small files written here."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.evaluate.datasets_ner import (
    DatasetError,
    NerScore,
    read_meantime,
    read_re3d,
    score_ner_dataset,
)
from tests.conftest import SHARED

RE3D_TEXT = "Officials in Kyiv said Vladimir Putin ordered the strike. Ukrainian troops held the town."


def write_re3d(folder) -> None:
    subset = folder / "Example_Subset"
    subset.mkdir(parents=True)
    doc = {"_id": "D1", "text": RE3D_TEXT, "title": "t", "sourceName": "x"}
    (subset / "documents.json").write_text(json.dumps(doc) + "\n")

    def at(words: str) -> tuple[int, int]:
        start = RE3D_TEXT.index(words)
        return start, start + len(words)

    rows = [
        (*at("Kyiv"), "Location", 1.0),
        (*at("Vladimir Putin"), "Person", 1.0),
        (*at("Vladimir Putin"), "Organisation", 0.0),  # a rejected alternative label: ignored
        (*at("the strike"), "Weapon", 0.9),  # a type we never produce
        (*at("Ukrainian"), "Nationality", 1.0),
        (*at("Officials"), "Temporal", 1.0),  # not an entity type: left out
    ]
    entities = [
        {"documentId": "D1", "begin": b, "end": e, "type": t, "confidence": c, "value": RE3D_TEXT[b:e]}
        for b, e, t, c in rows
    ]
    (subset / "entities.json").write_text("\n".join(json.dumps(e) for e in entities) + "\n")


MEANTIME_XML = """<?xml version="1.0" ?>
<Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Boeing</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="0" sentence="1" t_id="3">Boeing</token>
<token number="1" sentence="1" t_id="4">said</token>
<token number="2" sentence="1" t_id="5">Airbus</token>
<token number="3" sentence="1" t_id="6">lost</token>
<token number="4" sentence="1" t_id="7">.</token>
<token number="0" sentence="2" t_id="8">Airbus</token>
<token number="1" sentence="2" t_id="9">disagreed</token>
<token number="2" sentence="2" t_id="10">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="PRO"><token_anchor t_id="5"/></ENTITY_MENTION>
<ENTITY m_id="9" ent_type="ORG" TAG_DESCRIPTOR="Boeing"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="9"/></REFERS_TO>
</Relations>
</Document>
"""


def test_re3d_reader_keeps_confident_entity_spans(tmp_path) -> None:
    write_re3d(tmp_path)
    (text,) = read_re3d(tmp_path)
    assert text.text == RE3D_TEXT
    assert {(RE3D_TEXT[a:b], t) for a, b, t in text.spans} == {
        ("Kyiv", "Location"),
        ("Vladimir Putin", "Person"),
        ("the strike", "Weapon"),
        ("Ukrainian", "Nationality"),
    }


def test_meantime_reader_joins_tokens_and_types_named_mentions(tmp_path) -> None:
    (tmp_path / "a.xml").write_text(MEANTIME_XML)
    (text,) = read_meantime(tmp_path)
    assert text.text == "Boeing wins\nBoeing said Airbus lost.\nAirbus disagreed."
    assert [(text.text[a:b], t) for a, b, t in text.spans] == [("Boeing", "ORG"), ("Boeing", "ORG")]
    assert text.annotated_until == len("Boeing wins\nBoeing said Airbus lost.")  # later lines: no gold


def test_score_counts_exact_and_overlapping_spans_per_type(tmp_path, context) -> None:
    write_re3d(tmp_path)
    score = score_ner_dataset(tmp_path, context.nlp, context.resolver)
    assert score.documents == 1
    person = score.figures("exact", "Person")
    assert (person["gold"], person["recall"]) == (1, 1.0)
    assert score.figures("exact", "Weapon")["recall"] == 0.0  # never produced: counts against recall
    assert score.figures("exact", "Nationality")["recall"] == 1.0  # "Ukrainian" -> Ukraine, as a demonym
    micro = score.figures("overlap")
    assert 0 < micro["precision"] <= 1 and micro["gold"] == 4


def test_score_arithmetic() -> None:
    score = NerScore("x")
    for key, n in (("gold", 4), ("right_gold", 3), ("predicted", 6), ("right_predicted", 3)):
        score.add("exact", "ORG", key, n)
    assert score.figures("exact") == {"precision": 0.5, "recall": 0.75, "f1": 0.6, "gold": 4, "predicted": 6}


def test_a_folder_of_something_else_is_a_clear_error(tmp_path, context) -> None:
    with pytest.raises(DatasetError, match="neither re3d"):
        score_ner_dataset(tmp_path, context.nlp, context.resolver)


@pytest.mark.skipif(
    not (SHARED / "datasets" / "meantime").is_dir(), reason="needs ../shared/datasets/meantime"
)
def test_eval_ner_command_reports_scores_on_the_real_set(tmp_path) -> None:
    runner = CliRunner()
    folder = SHARED / "datasets" / "meantime"
    result = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "eval", "ner", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["dataset"] == "meantime" and scores["documents"] == 120
    assert set(scores["overlap"]["per_type"]) == {"PER", "ORG", "LOC", "PRO"}
