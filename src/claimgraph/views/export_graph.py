"""The store as a graph (networkx, written as GraphML for Gephi): entities, reports, claims, groups.

Nodes: ``entity:ID``, ``document:ID``, ``claim:ID``, ``group:ID``, each with a ``type`` and a
``label`` (the attribute Gephi shows). Edges: a claim to its report ("in report"), to each
entity it names with its roles ("subject; mentions"), to its group ("member of"); a subject
entity to its object entity ("relation": the predicates and how many claims make it); a
near-copy to the report it copies ("copies"). GraphML attributes are scalars and never empty
of type, so every value is a string, number or boolean.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
from sqlalchemy import Engine

from claimgraph.records import Claim, Document, Entity, Membership
from claimgraph.store import read
from claimgraph.views.text import source_label

ROLES = ("subject", "object", "place", "speaker", "via")


def claim_graph(engine: Engine) -> nx.DiGraph:
    """Entities, reports, claims and claim groups as one directed graph."""
    entities = read.entities(engine)
    documents = read.documents(engine)
    claims = read.claims(engine)
    memberships = read.memberships(engine)
    groups = read.groups(engine)
    graph = nx.DiGraph(name="claimgraph")
    for entity in entities.values():
        graph.add_node(_node("entity", entity.id), **entity_attributes(entity))
    for document in documents:
        graph.add_node(_node("document", document.id), **document_attributes(document))
    for document in documents:
        if document.near_duplicate_of and graph.has_node(_node("document", document.near_duplicate_of)):
            graph.add_edge(
                _node("document", document.id),
                _node("document", document.near_duplicate_of),
                type="copies",
                label="copies",
                weight=1,
            )
    for group in groups:
        graph.add_node(
            _node("group", group.id),
            type="group",
            label=group.key,
            grade=str(group.grade) if group.grade else "",
            credibility=group.grade.credibility if group.grade else 0,
            claims=len(group.claim_ids),
            findings="; ".join(f"{f.kind}: {f.reason}" for f in group.findings),
        )
    relations: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for claim in claims:
        _add_claim(graph, claim, memberships.get(claim.id), entities)
        if claim.subject in entities and claim.object in entities and claim.subject != claim.object:
            relations[(claim.subject, claim.object)][claim.predicate] += 1
    for (subject, obj), predicates in relations.items():
        graph.add_edge(
            _node("entity", subject),
            _node("entity", obj),
            type="relation",
            label=", ".join(p for p, _ in predicates.most_common()),
            weight=sum(predicates.values()),
        )
    return graph


def write_graphml(graph: nx.DiGraph, path: Path) -> Path:
    """The graph as GraphML; text XML cannot hold (control characters from a scrape) is dropped."""
    clean = nx.DiGraph(**graph.graph)
    clean.add_nodes_from((n, _xml_safe(attributes)) for n, attributes in graph.nodes(data=True))
    clean.add_edges_from((u, v, _xml_safe(attributes)) for u, v, attributes in graph.edges(data=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(clean, path, encoding="utf-8", prettyprint=True)
    return path


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(attributes: Mapping[str, object]) -> dict[str, object]:
    return {k: _NOT_XML.sub("", v) if isinstance(v, str) else v for k, v in attributes.items()}


def entity_attributes(entity: Entity) -> dict:
    return {
        "type": "entity",
        "label": entity.name,
        "kind": entity.kind,
        "aliases": "; ".join(entity.aliases),
        "wikidata": entity.wikidata or "",
    }


def document_attributes(document: Document) -> dict:
    return {
        "type": "document",
        "label": document.title or source_label(document),
        "source": document.source,
        "outlet": document.outlet or "",
        "published": document.published or "",
    }


def _add_claim(
    graph: nx.DiGraph, claim: Claim, membership: Membership | None, entities: Mapping[str, Entity]
) -> None:
    node = _node("claim", claim.id)
    q = claim.quantity
    graph.add_node(
        node,
        type="claim",
        label=" ".join(claim.text.split()),
        predicate=claim.predicate,
        modality="opinion" if claim.opinion else str(claim.modality),
        figure=q.text if q else "",
        low=q.low if q else 0.0,
        high=q.high if q else 0.0,
        unit=q.unit if q else "",
        time=(claim.time.value or "") if claim.time else "",
        speaker=_name(claim.speaker, entities),
        origin=membership.origin.label if membership else "",
    )
    graph.add_edge(node, _node("document", claim.document_id), type="in report", label="in report", weight=1)
    if membership and membership.group_id and graph.has_node(_node("group", membership.group_id)):
        graph.add_edge(
            node, _node("group", membership.group_id), type="member of", label="member of", weight=1
        )
    roles: dict[str, list[str]] = defaultdict(list)
    for role in ROLES:
        value = getattr(claim, role)
        if value in entities:
            roles[value].append(role)
    for entity_id in claim.entities:
        if entity_id in entities and "mentions" not in roles[entity_id]:
            roles[entity_id].append("mentions")
    for entity_id, names in roles.items():
        if names:
            label = "; ".join(names)
            graph.add_edge(node, _node("entity", entity_id), type="names", label=label, weight=1)


def _name(value: str | None, entities: Mapping[str, Entity]) -> str:
    if not value:
        return ""
    entity = entities.get(value)
    return entity.name if entity else value


def _node(kind: str, identifier: str) -> str:
    return f"{kind}:{identifier}"
