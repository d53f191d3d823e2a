"""Graded claim groups as JSON-LD in schema.org's fact-check vocabulary: ClaimReview of a Claim.

Each graded group is a ``ClaimReview`` whose ``itemReviewed`` is a ``Claim`` (the proposition)
made of the reports' own sentences (``hasPart``: a ``Claim`` each, with its speaker as author and
the ``NewsArticle`` it appears in). The ``reviewRating`` is the Admiralty credibility (1 best,
6 worst) with the full grade as its ``alternateName`` and the reasoning as its explanation.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import Engine

from claimgraph.records import Claim, ClaimGroup, Document, Entity
from claimgraph.store import read
from claimgraph.views.report_html import safe_href
from claimgraph.views.report_rank import grade_words

SCHEMA_ORG = "https://schema.org"


def claim_reviews(engine: Engine, today: date) -> dict:
    """A JSON-LD document: a ClaimReview per graded claim group, and the articles its claims appear in."""
    groups = [g for g in read.groups(engine) if g.grade is not None]
    claims = {c.id: c for c in read.claims(engine, ids={i for g in groups for i in g.claim_ids})}
    documents = {d.id: d for d in read.documents(engine, {c.document_id for c in claims.values()})}
    entities = read.entities(engine)
    memberships = read.memberships(engine, claims)
    articles = [article(d) for d in sorted(documents.values(), key=lambda d: d.id)]
    reviews = [
        claim_review(g, claims, documents, entities, {k: m.date for k, m in memberships.items()}, today)
        for g in groups
    ]
    return {"@context": SCHEMA_ORG, "@graph": [*reviews, *articles]}


def article_id(document: Document) -> str:
    return safe_href(document.source) or f"urn:claimgraph:document:{document.id}"


def article(document: Document) -> dict:
    node: dict = {"@type": "NewsArticle", "@id": article_id(document)}
    if document.title:
        node["headline"] = document.title
    if document.published:
        node["datePublished"] = document.published
    if document.outlet:
        node["publisher"] = {"@type": "Organization", "name": document.outlet}
    if document.author:
        node["author"] = {"@type": "Person", "name": document.author}
    if safe_href(document.source):
        node["url"] = document.source
    return node


def claim_review(
    group: ClaimGroup,
    claims: Mapping[str, Claim],
    documents: Mapping[str, Document],
    entities: Mapping[str, Entity],
    dates: Mapping[str, str | None],
    today: date,
) -> dict:
    assert group.grade is not None
    members = [claims[i] for i in group.claim_ids if i in claims]
    appearances = list(dict.fromkeys(article_id(documents[c.document_id]) for c in members))
    first = min(members, key=lambda c: (documents[c.document_id].published or "~", c.id), default=None)
    item: dict = {
        "@type": "Claim",
        "@id": f"urn:claimgraph:proposition:{group.id}",
        "name": group.key,
        "appearance": [{"@id": a} for a in appearances],
        "hasPart": [part(c, documents[c.document_id], entities, dates.get(c.id)) for c in members],
    }
    if first is not None:
        item["firstAppearance"] = {"@id": article_id(documents[first.document_id])}
    return {
        "@type": "ClaimReview",
        "@id": f"urn:claimgraph:review:{group.id}",
        "claimReviewed": group.key,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": group.grade.credibility,
            "bestRating": 1,
            "worstRating": 6,
            "alternateName": f"{group.grade} ({grade_words(group.grade)})",
            "ratingExplanation": group.grade.reasoning,
        },
        "reviewBody": " ".join(f"{f.kind.value.capitalize()}: {f.reason}." for f in group.findings),
        "author": {"@type": "Organization", "name": "claimgraph"},
        "datePublished": today.isoformat(),
    }


def part(claim: Claim, document: Document, entities: Mapping[str, Entity], when: str | None) -> dict:
    node: dict = {
        "@type": "Claim",
        "@id": f"urn:claimgraph:claim:{claim.id}",
        "text": " ".join(claim.text.split()),
        "appearance": {"@id": article_id(document)},
    }
    if claim.speaker:
        entity = entities.get(claim.speaker)
        kind = "Person" if entity is not None and entity.kind == "person" else "Organization"
        node["author"] = {"@type": kind, "name": entity.name if entity else claim.speaker}
    if when:
        node["temporalCoverage"] = when
    if claim.opinion:
        node["genre"] = "opinion"
    return node
