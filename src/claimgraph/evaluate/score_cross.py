"""Score cross-document findings and near-duplicate links against the gold's lists.

A finding matches a gold item of the same kind when its claims come from at least two
of the item's documents (or all of them, when the gold names only one). A
near-duplicate link matches a gold group holding both of its documents. Precision is
over the findings whose kind the gold lists (an empty list included) and over all
near-duplicate links when the gold lists near duplicates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimgraph.evaluate.gold import NEAR_DUPLICATE, Gold, GoldCrossItem
from claimgraph.evaluate.score_common import KindScore, Tally, by_file_name, clip, kind_score
from claimgraph.records import Analysis, ClaimGroup, Finding


@dataclass(frozen=True, slots=True)
class Link:
    """A predicted cross-document result reduced to what the gold can check."""

    kind: str
    docs: frozenset[str]
    label: str


def score_cross_document(
    gold: Gold, analyses: Mapping[str, Analysis], groups: Sequence[ClaimGroup] = ()
) -> KindScore:
    listed = gold.cross_document.annotated()
    items = [item for kind_items in listed.values() for item in kind_items]
    links = [
        link
        for link in finding_links(analyses, groups) + near_duplicate_links(analyses)
        if link.kind in listed
    ]
    hits = [[link_matches(link, item) for link in links] for item in items]
    right = {index for row in hits for index, hit in enumerate(row) if hit}
    tally = Tally(
        found=sum(any(row) for row in hits),
        gold=len(items),
        correct=len(right),
        predicted=len(links),
        missed=tuple(describe_item(item) for item, row in zip(items, hits, strict=True) if not any(row)),
        extra=tuple(link.label for index, link in enumerate(links) if index not in right),
    )
    return kind_score({}, tally)


def link_matches(link: Link, item: GoldCrossItem) -> bool:
    shared = link.docs & set(item.docs)
    return link.kind == item.kind and len(shared) >= min(2, len(set(item.docs)))


def finding_links(analyses: Mapping[str, Analysis], groups: Sequence[ClaimGroup]) -> list[Link]:
    """Each distinct finding as the set of documents its claims come from."""
    claim_docs = _claim_documents(analyses)
    links: dict[tuple[str, frozenset[str]], Link] = {}
    for group in groups:
        for finding in group.findings:
            kind = str(finding.kind.value)
            key = (kind, frozenset(finding.claim_ids))
            if key not in links:
                links[key] = _finding_link(kind, finding, claim_docs)
    return list(links.values())


def _finding_link(kind: str, finding: Finding, claim_docs: Mapping[str, str]) -> Link:
    docs = frozenset(claim_docs[cid] for cid in finding.claim_ids if cid in claim_docs)
    label = f"{kind}: {clip(finding.reason, 60)} ({', '.join(sorted(docs)) or 'no known documents'})"
    return Link(kind, docs, label)


def near_duplicate_links(analyses: Mapping[str, Analysis]) -> list[Link]:
    """Document.near_duplicate_of as links, the target found by id, source or file name."""
    by_name = by_file_name(analyses)
    names: dict[str, str] = {}
    for name, analysis in by_name.items():
        names.update({analysis.document.source: name, analysis.document.id: name, name: name})
    links = []
    for name, analysis in sorted(by_name.items()):
        target = analysis.document.near_duplicate_of
        if target:
            other = names.get(target, target)
            label = f"{NEAR_DUPLICATE}: {name} ~ {other}"
            links.append(Link(NEAR_DUPLICATE, frozenset({name, other}), label))
    return links


def _claim_documents(analyses: Mapping[str, Analysis]) -> dict[str, str]:
    """Claim id -> the file name of the document it was read from."""
    by_name = by_file_name(analyses)
    return {claim.id: name for name, analysis in by_name.items() for claim in analysis.claims}


def describe_item(item: GoldCrossItem) -> str:
    topic = f"{clip(item.topic, 60)} " if item.topic else ""
    return f"{item.kind}: {topic}({', '.join(item.docs)})"
