"""`claimgraph export`: the store in formats other tools open.

GraphML (Gephi, networkx, yEd), JSON-LD with schema.org ClaimReview (fact-check tools, linked
data), and the six tables as CSV (spreadsheets) or Parquet (pandas, DuckDB, Spark).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from claimgraph.errors import ViewError

EXPORT_FORMATS = ("graphml", "jsonld", "csv", "parquet")
FOLDER_FORMATS = ("csv", "parquet")  # one file per table


@dataclass(frozen=True, slots=True)
class Exported:
    """The files written and how many rows or nodes each kind holds, for the command to say."""

    files: tuple[Path, ...]
    counts: dict[str, int]


def export_store(engine: Engine, export_format: str, path: Path, today: date | None = None) -> Exported:
    """Write the store to ``path``: a file for graphml and jsonld, a folder of tables for csv and
    parquet. ViewError names a bad format or a path of the wrong kind."""
    if export_format not in EXPORT_FORMATS:
        raise ViewError(f"--format {export_format!r}: one of {', '.join(EXPORT_FORMATS)}")
    if export_format in FOLDER_FORMATS and path.exists() and not path.is_dir():
        raise ViewError(f"{path}: a {export_format} export is a folder of tables, and this is a file")
    if export_format not in FOLDER_FORMATS and path.is_dir():
        raise ViewError(f"{path}: a {export_format} export is one file, and this is a folder")
    if export_format == "graphml":
        from collections import Counter

        from claimgraph.views.export_graph import claim_graph, write_graphml

        graph = claim_graph(engine)
        counts = Counter(str(kind) for _, kind in graph.nodes(data="type"))
        counts["edges"] = graph.number_of_edges()
        return Exported((write_graphml(graph, path),), dict(counts))
    if export_format == "jsonld":
        from claimgraph.views.export_jsonld import claim_reviews

        document = claim_reviews(engine, today or date.today())
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        reviews = sum(1 for node in document["@graph"] if node["@type"] == "ClaimReview")
        return Exported((path,), {"ClaimReview": reviews, "NewsArticle": len(document["@graph"]) - reviews})
    from claimgraph.views.export_tables import store_tables, write_csv, write_parquet

    tables = store_tables(engine)
    write = write_csv if export_format == "csv" else write_parquet
    return Exported(tuple(write(tables, path)), {name: table.num_rows for name, table in tables.items()})
