"""The briefing: findings first, then who is named most, then the key figures and their sources."""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from sqlalchemy import Engine

from claimgraph.records import Claim, Document
from claimgraph.store import read
from claimgraph.views.findings import finding_blocks
from claimgraph.views.text import format_quantity, plain, source_label


def briefing(
    engine: Engine, top_entities: int = 12, top_figures: int = 25, top_findings: int = 20
) -> RenderableType:
    documents = {d.id: d for d in read.documents(engine)}
    claims = read.claims(engine)
    rejected = read.rejections(engine)
    header = plain(
        f"{len(documents)} documents · {len(claims)} claims · {len(rejected)} rejected inputs",
        "bold",
    )
    parts: list[RenderableType] = [header]
    blocks, total = finding_blocks(engine, limit=top_findings)
    if blocks:
        parts.append(
            Rule(
                f"Findings ({total}), most pressing first: each with its reason and every side quoted",
                style="cyan",
            )
        )
        parts.extend(blocks)
        if total > len(blocks):
            parts.append(
                plain(f"{total - len(blocks)} more: claimgraph findings --all lists them all.", "dim")
            )
    parts.append(entities_table(engine, top_entities))
    names = {e.id: e.name for e in read.entities(engine).values()}
    parts.append(figures_table(claims, documents, names, top_figures))
    return Panel(Group(*parts), title="claimgraph briefing", border_style="cyan")


def entities_table(engine: Engine, limit: int) -> Table:
    table = Table(title="Main entities")
    table.add_column("entity", style="bold")
    table.add_column("kind")
    table.add_column("mentions", justify="right")
    table.add_column("documents", justify="right")
    for row in read.entity_counts(engine, limit):
        table.add_row(plain(row.entity.name), plain(row.entity.kind), str(row.mentions), str(row.documents))
    return table


def figures_table(
    claims: list[Claim], documents: dict[str, Document], names: dict[str, str], limit: int
) -> Table:
    """Figures grouped by what they count, the most reported measures first."""
    table = Table(title="Key figures", expand=True)
    table.add_column("figure", style="bold green")
    table.add_column("about")
    table.add_column("how firm")
    table.add_column("who says so")
    table.add_column("report", overflow="fold")  # a report is named in full, never cut
    measures = Counter((c.quantity.unit, c.quantity.per) for c in claims if c.quantity and not c.opinion)
    by_measure: dict[tuple[str, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.quantity and not claim.opinion:
            by_measure[(claim.quantity.unit, claim.quantity.per)].append(claim)
    shown = 0
    for measure, _ in measures.most_common():
        for claim, copies in _without_copies(by_measure[measure]):
            if shown >= limit:
                return table
            assert claim.quantity is not None
            report = source_label(documents[claim.document_id])
            if copies:
                report += f" and {copies} cop{'y' if copies == 1 else 'ies'} word for word"
            table.add_row(
                plain(format_quantity(claim.quantity)),
                plain(", ".join(names.get(e, e) for e in claim.entities[:3])),
                plain(claim.modality),
                plain(names.get(claim.speaker, claim.speaker) if claim.speaker else "(the report itself)"),
                plain(report),
            )
            shown += 1
    return table


def _without_copies(claims: list[Claim]) -> list[tuple[Claim, int]]:
    """Each figure once per sentence wording, with how many other reports repeat it word for word
    (a syndicated story would otherwise fill the table twice)."""
    first: dict[tuple[str, str], Claim] = {}
    copies: Counter[str] = Counter()
    for claim in claims:
        assert claim.quantity is not None
        key = (" ".join(claim.text.split()), claim.quantity.text)
        if key in first:
            if claim.document_id != first[key].document_id:
                copies[first[key].id] += 1
            continue
        first[key] = claim
    return [(claim, copies[claim.id]) for claim in first.values()]
