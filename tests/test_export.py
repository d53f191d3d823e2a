"""`claimgraph export`: each format read back by the tool it is for, with what the store holds."""

from __future__ import annotations

import json
from datetime import date

import networkx as nx
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimgraph.records import Document
from claimgraph.store import read


def _export(engine, export_format, path):
    from claimgraph.views.export import export_store

    return export_store(engine, export_format, path, today=date(2025, 10, 10))


def _expected_rows(engine) -> dict[str, int]:
    groups = read.groups(engine)
    return {
        "documents": len(read.documents(engine)),
        "entities": len(read.entities(engine)),
        "mentions": len(read.mentions(engine)),
        "claims": len(read.claims(engine)),
        "groups": len(groups),
        "findings": sum(len(g.findings) for g in groups),
    }


def test_graphml_reads_back_in_networkx_with_every_node(example_store, tmp_path):
    path = tmp_path / "store.graphml"
    exported = _export(example_store, "graphml", path)
    graph = nx.read_graphml(path)
    kinds = {}
    for _, kind in graph.nodes(data="type"):
        kinds[kind] = kinds.get(kind, 0) + 1
    expected = _expected_rows(example_store)
    assert kinds == {
        "entity": expected["entities"],
        "document": expected["documents"],
        "claim": expected["claims"],
        "group": expected["groups"],
    }
    assert exported.counts["edges"] == graph.number_of_edges()
    assert graph.nodes["entity:north-korea"]["label"] == "North Korea"
    assert graph.nodes["entity:north-korea"]["kind"] == "country"
    relation = graph.get_edge_data("entity:north-korea", "entity:russia")
    assert relation and relation["type"] == "relation" and relation["weight"] >= 1
    claim = next(c for c in read.claims(example_store) if c.quantity is not None)
    node = graph.nodes[f"claim:{claim.id}"]
    assert node["figure"] == claim.quantity.text and node["low"] == claim.quantity.low
    assert graph.has_edge(f"claim:{claim.id}", f"document:{claim.document_id}")
    copy = next(d for d in read.documents(example_store) if d.near_duplicate_of)
    assert (
        graph.get_edge_data(f"document:{copy.id}", f"document:{copy.near_duplicate_of}")["type"] == "copies"
    )


def test_parquet_tables_hold_every_row(example_store, tmp_path):
    exported = _export(example_store, "parquet", tmp_path / "tables")
    expected = _expected_rows(example_store)
    assert {p.name for p in exported.files} == {f"{name}.parquet" for name in expected}
    for name, rows in expected.items():
        table = pq.read_table(tmp_path / "tables" / f"{name}.parquet")
        assert table.num_rows == rows, name
    claims = pq.read_table(tmp_path / "tables" / "claims.parquet").to_pylist()
    stored = {c.id: c for c in read.claims(example_store)}
    for row in claims:
        claim = stored[row["id"]]
        assert row["text"] == claim.text and row["modality"] == str(claim.modality)
        assert row["entities"] == list(claim.entities)
        assert row["quantity_low"] == (claim.quantity.low if claim.quantity else None)
    assert any(row["group_id"] for row in claims)
    entities = pq.read_table(tmp_path / "tables" / "entities.parquet").to_pylist()
    north_korea = next(e for e in entities if e["id"] == "north-korea")
    assert "DPRK" in north_korea["aliases"]


def test_csv_tables_hold_every_row_with_lists_as_json(example_store, tmp_path):
    _export(example_store, "csv", tmp_path / "csv")
    for name, rows in _expected_rows(example_store).items():
        assert pa_csv.read_csv(tmp_path / "csv" / f"{name}.csv").num_rows == rows, name
    findings = pa_csv.read_csv(tmp_path / "csv" / "findings.csv").to_pylist()
    claim_ids = {c.id for c in read.claims(example_store)}
    for row in findings:
        assert set(json.loads(row["claim_ids"])) <= claim_ids
    documents = pa_csv.read_csv(tmp_path / "csv" / "documents.csv").to_pylist()
    hostile = next(d for d in documents if "hostile" in d["source"])
    assert "<script>" in hostile["body"]  # data, kept as written: escaping is the viewer's job


def test_jsonld_names_schema_org_claim_reviews(example_store, tmp_path):
    path = tmp_path / "reviews.jsonld"
    exported = _export(example_store, "jsonld", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    nodes = document["@graph"]
    reviews = [n for n in nodes if n["@type"] == "ClaimReview"]
    articles = {n["@id"] for n in nodes if n["@type"] == "NewsArticle"}
    graded = [g for g in read.groups(example_store) if g.grade is not None]
    assert len(reviews) == len(graded) == exported.counts["ClaimReview"] > 0
    for review in reviews:
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["name"] == review["claimReviewed"]
        assert all(part["@type"] == "Claim" and part["text"] for part in item["hasPart"])
        assert {a["@id"] for a in item["appearance"]} <= articles
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and 1 <= rating["ratingValue"] <= 6
        assert rating["bestRating"] == 1 and rating["worstRating"] == 6
    by_key = {r["claimReviewed"]: r for r in reviews}
    soldiers = next(g for g in graded if g.key == "North Korea · soldier")
    assert by_key[soldiers.key]["reviewRating"]["alternateName"].startswith(str(soldiers.grade))


def test_graphml_drops_characters_xml_cannot_hold(engine, context, tmp_path):
    from claimgraph.pipeline import analyse_document
    from claimgraph.store import save_analysis

    body = "Russia sent 300 shells to Iran\x0b on May 2, 2025.\x01 Iran denied it."
    save_analysis(engine, analyse_document(Document(id="ctl", source="ctl.txt", body=body), context))
    path = tmp_path / "ctl.graphml"
    _export(engine, "graphml", path)
    labels = [label for _, label in nx.read_graphml(path).nodes(data="label")]
    assert any("300 shells to Iran on May 2, 2025." in label for label in labels)


def test_bad_formats_and_paths_are_named(example_store, tmp_path):
    from claimgraph.errors import ViewError

    with pytest.raises(ViewError, match="'gexf'"):
        _export(example_store, "gexf", tmp_path / "x.gexf")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(ViewError, match="folder"):
        _export(example_store, "parquet", tmp_path / "file.txt")
    with pytest.raises(ViewError, match="one file"):
        _export(example_store, "graphml", tmp_path)


def test_export_command_says_what_it_wrote(example_store, tmp_path, monkeypatch):
    from claimgraph.cli import app

    monkeypatch.setattr("claimgraph.cli.Options.engine", lambda self: example_store)
    out = tmp_path / "tables"
    result = CliRunner().invoke(app, ["export", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "claims.csv").is_file() and "claims" in result.output
    bad = CliRunner().invoke(app, ["export", "--format", "xlsx", "-o", str(out)])
    assert bad.exit_code == 2 and "xlsx" in bad.output
