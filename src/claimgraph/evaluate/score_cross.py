"""Score cross-document findings and near-duplicate links one to one, by SCORING.md's rules.

- Predictions: the distinct findings (kind and set of claims) of the kinds the gold
  lists. A finding matches a gold item of its kind when its claims come from at least
  two of the item's documents (both, when the item lists two).
- Near duplicates: a predicted link matches a gold group holding both its documents;
  a group of n documents is found by n - 1 links. Scored apart from the findings (they
  are links between reports, not findings about claims), under ``per_kind``.
- ``per_kind``: gold, found and predicted counts of each kind, with precision and recall.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimgraph.evaluate.gold import NEAR_DUPLICATE, Gold, GoldCrossItem
from claimgraph.evaluate.score_common import (
    NOT_FOUND,
    NOT_IN_GOLD,
    TAKEN,
    KindScore,
    Slip,
    Tally,
    by_file_name,
    clip,
    kind_score,
    max_matching,
)
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
    near_gold = listed.pop(NEAR_DUPLICATE, None)
    items = [item for kind_items in listed.values() for item in kind_items]
    links = [link for link in finding_links(analyses, groups) if link.kind in listed]
    tally, paired = match_links(items, links)
    per_kind: dict[str, dict[str, object]] = {}
    for kind in listed:
        found = sum(items[row].kind == kind for row in paired)
        gold_count = sum(item.kind == kind for item in items)
        predicted = sum(link.kind == kind for link in links)
        per_kind[kind] = _counts(Tally(found, gold_count, found, predicted))
    if near_gold is not None:
        slots = [item for item in near_gold for _ in range(len(set(item.docs)) - 1)]
        near, _ = match_links(slots, near_duplicate_links(analyses))
        per_kind[NEAR_DUPLICATE] = {
            **_counts(near),
            "missed": [slip.text for slip in near.missed],
            "extra": [slip.text for slip in near.extra],
        }
    return kind_score({}, tally, notes={"per_kind": per_kind})


def _counts(tally: Tally) -> dict[str, object]:
    return {"gold": tally.gold, "found": tally.found, "predicted": tally.predicted, **tally.as_json()}


def match_links(items: Sequence[GoldCrossItem], links: Sequence[Link]) -> tuple[Tally, dict[int, int]]:
    """Gold items and links paired one to one: one finding cannot serve two gold items."""
    hits = [[link_matches(link, item) for link in links] for item in items]
    paired = max_matching(hits)
    used = set(paired.values())
    tally = Tally(
        found=len(paired),
        gold=len(items),
        correct=len(paired),
        predicted=len(links),
        missed=tuple(
            Slip(TAKEN if any(hits[index]) else _miss_category(item, links), describe_item(item))
            for index, item in enumerate(items)
            if index not in paired
        ),
        extra=tuple(
            Slip(_extra_category(link, items), link.label)
            for index, link in enumerate(links)
            if index not in used
        ),
    )
    return tally, paired


def shares_documents(link: Link, item: GoldCrossItem) -> bool:
    docs = set(item.docs)
    return len(link.docs & docs) >= min(2, len(docs))


def link_matches(link: Link, item: GoldCrossItem) -> bool:
    return link.kind == item.kind and shares_documents(link, item)


def _miss_category(item: GoldCrossItem, links: Sequence[Link]) -> str:
    if any(shares_documents(link, item) for link in links):
        return "kind"
    if any(link.kind == item.kind and link.docs & set(item.docs) for link in links):
        return "documents"
    return NOT_FOUND


def _extra_category(link: Link, items: Sequence[GoldCrossItem]) -> str:
    if any(shares_documents(link, item) for item in items):
        return "kind"
    if len(link.docs) < 2:
        return "one document"
    return NOT_IN_GOLD


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
