"""Tables of documents, rejections, claims and entities, read from the store."""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine

from claimgraph.records import Claim, Document, Entity
from claimgraph.store import read
from claimgraph.views.text import format_quantity, highlight, plain, source_label


def documents_table(engine: Engine) -> Table:
    table = Table(title="Documents")
    for column in ("report", "title", "author", "published", "credits", "duplicate of"):
        table.add_column(column)
    documents = read.documents(engine)
    labels = {d.id: source_label(d) for d in documents}
    for d in documents:
        published = f"{d.published} ({d.published_how})" if d.published else ""
        table.add_row(
            plain(source_label(d)),
            plain(d.title),
            plain(d.author),
            plain(published),
            plain(", ".join(d.credits) if d.credits else d.original_source),
            plain(_copied(d, labels)),
        )
    return table


def _copied(document: Document, labels: dict[str, str]) -> str:
    """The report a near-duplicate copies, and how much of the shorter of the two the other holds."""
    if not document.near_duplicate_of:
        return ""
    label = labels.get(document.near_duplicate_of, document.near_duplicate_of[:12])
    measure = document.near_duplicate_measure
    return f"{label} ({measure:.0%} shared)" if measure is not None else label


def rejections_table(engine: Engine) -> Table:
    table = Table(title="Rejected inputs")
    table.add_column("input")
    table.add_column("reason", style="yellow")
    for r in read.rejections(engine):
        table.add_row(plain(r.source), plain(r.reason))
    return table


def claims_table(engine: Engine, entity: str | None = None) -> Table | Text:
    """Each claim in its sentence, speaker, figure and time highlighted, with modality and report."""
    entity_id = None
    if entity is not None:
        found = read.find_entity(engine, entity)
        if found is None:
            return plain(f"no entity named {entity!r} in the store", "red")
        entity_id = found.id
    documents = {d.id: d for d in read.documents(engine)}
    known = read.entities(engine)
    table = Table(title="Claims", show_lines=True, expand=True)
    table.add_column("sentence: speaker, figure, time highlighted", ratio=6, overflow="fold")
    table.add_column("speaker (via)", ratio=2, overflow="fold")
    table.add_column("modality", ratio=1, min_width=11, overflow="fold")
    table.add_column("figure", ratio=2, overflow="fold")
    table.add_column("time", ratio=1, min_width=10, overflow="fold")
    table.add_column("report", ratio=2, overflow="fold")
    for claim in read.claims(engine, entity_id=entity_id):
        speaker = _name(claim.speaker, known)
        via = _name(claim.via, known)
        table.add_row(
            _sentence(claim, _speaker_names(claim, known)),
            plain(f"{speaker} (via {via})" if via else speaker, SPEAKER_STYLE),
            plain(
                ("opinion" if claim.opinion else str(claim.modality))
                + (" (negated)" if claim.negated else "")
            ),
            plain(format_quantity(claim.quantity) if claim.quantity else "", FIGURE_STYLE),
            plain(_time_label(claim), TIME_STYLE),
            plain(source_label(documents[claim.document_id])),
        )
    return table


SPEAKER_STYLE, FIGURE_STYLE, TIME_STYLE = "bold magenta", "bold green", "bold cyan"


def _name(value: str | None, known: dict[str, Entity]) -> str:
    if not value:
        return ""
    entity = known.get(value)
    return entity.name if entity is not None else value


def _speaker_names(claim: Claim, known: dict[str, Entity]) -> list[str]:
    """The words the sentence may name its speaker by: the entity's names, or the words used."""
    names: list[str] = []
    for value in (claim.speaker, claim.via):
        if not value:
            continue
        entity = known.get(value)
        names.extend((entity.name, *entity.aliases) if entity is not None else (value,))
    return names


def _time_label(claim: Claim) -> str:
    if claim.time is None:
        return ""
    if claim.time.value is None:
        return f"{claim.time.text} (unresolved)"
    inferred = " (date inferred)" if claim.time.resolution == "inferred" else ""
    return f"{claim.time.value}{inferred}"


def _sentence(claim: Claim, speaker_names: list[str] = ()) -> Text:  # type: ignore[assignment]
    spans = []
    lowered = claim.text.lower()
    for name in sorted(speaker_names, key=len, reverse=True):
        found = lowered.find(name.lower()) if len(name) > 1 else -1
        if found >= 0:
            spans.append((claim.start + found, claim.start + found + len(name), SPEAKER_STYLE))
    if claim.quantity:
        spans.append((claim.quantity.start, claim.quantity.end, FIGURE_STYLE))
    if claim.time:
        spans.append((claim.time.start, claim.time.end, TIME_STYLE))
    return highlight(claim.text, claim.start, spans)


def entities_table(engine: Engine, shown_documents: int = 3) -> Table:
    """Entities by mentions, with the names they were mentioned by and the reports naming them."""
    table = Table(title="Entities")
    for column in ("entity", "kind", "mentions", "documents", "aliases seen"):
        table.add_column(column)
    for row in read.entity_counts(engine):
        seen = read.entity_aliases_seen(engine, row.entity.id)
        documents = read.entity_documents(engine, row.entity.id, limit=shown_documents)
        labels = ", ".join(source_label(d) for d in documents)
        more = f", … {row.documents - len(documents)} more" if row.documents > len(documents) else ""
        table.add_row(
            plain(row.entity.name),
            plain(row.entity.kind),
            str(row.mentions),
            plain(f"{row.documents}: {labels}{more}"),
            plain(", ".join(seen)),
        )
    return table


def entity_view(engine: Engine, name: str) -> Group | Text:
    """One entity: its kind and known names, the names reports used for it, and those reports."""
    entity = read.find_entity(engine, name)
    if entity is None:
        return plain(f"no entity named {name!r} in the store", "red")
    counts = read.entity_mention_counts(engine, entity.id)
    heading = Text.assemble(
        plain(entity.name, "bold"),
        plain(f"  {entity.kind}"),
        plain(f"  wikidata {entity.wikidata}" if entity.wikidata else ""),
    )
    parts: list[Text | Table] = [heading]
    if entity.aliases:
        parts.append(plain(f"known names: {', '.join(entity.aliases)}"))
    by_name: Counter[str] = Counter()
    by_document: dict[str, Counter[str]] = {}
    for document_id, text, n in counts:
        by_name[text] += n
        by_document.setdefault(document_id, Counter())[text] += n
    names = Table(title="Named as")
    names.add_column("name")
    names.add_column("mentions", justify="right")
    for text, n in by_name.most_common():
        names.add_row(plain(text), str(n))
    documents = Table(title="Reports naming it")
    for column in ("report", "title", "published", "mentions", "names used"):
        documents.add_column(column)
    for document in read.documents(engine, ids=list(by_document)):
        used = by_document[document.id]
        documents.add_row(
            plain(source_label(document)),
            plain(document.title),
            plain(document.published),
            str(sum(used.values())),
            plain(", ".join(sorted(used))),
        )
    parts.extend([names, documents])
    return Group(*parts)
