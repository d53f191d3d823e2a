"""Entities named around the article: the page's tag line, the sources it credits, its outlet.

A tag line ("ALABUGA, GUR, KOREA, NORTH, NKH, WAR") is page furniture, not
text: each label resolves to a known entity or is dropped, so no entity is
ever made from boilerplate. A label that is no known name may still be a slip
of one ("NKH" for NHK), taken only when the context supports that entity: the
body names it, or a neighbouring label is of its kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlparse

from claimgraph.annotate.names import normalise_name
from claimgraph.annotate.resolver import NameResolver
from claimgraph.domains import slugify
from claimgraph.records import Document, Entity, PageMention

OUTLET = "media outlet"
_AGENCIES = "agencies"  # the credit "with agencies" names no one

_MIN_LABELS = 4


def find_tag_lines(text: str, body: str = "") -> tuple[str, ...]:
    """Lines of comma-separated labels, mostly in capitals, that are not in the body."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return tuple(line for line in lines if _is_tag_line(line) and line not in body)


def _is_tag_line(line: str) -> bool:
    labels = [label.strip() for label in line.split(",") if label.strip()]
    if len(labels) < _MIN_LABELS:
        return False
    upper = sum(1 for label in labels if label.upper() == label)
    short = sum(1 for label in labels if len(label.split()) <= 4)
    return upper >= 0.7 * len(labels) and short >= 0.8 * len(labels)


def page_mentions(
    document: Document, tag_lines: Iterable[str], resolver: NameResolver, named: Iterable[Entity]
) -> tuple[tuple[Entity, ...], tuple[PageMention, ...]]:
    """Entities the page names outside its body, given those the body names."""
    body_entities = list(named)
    found: list[tuple[Entity, PageMention]] = []
    others = [c for c in document.credits if c != document.original_source]
    sources = [("original source", document.original_source), *(("credit", c) for c in others)]
    for field, value in [*sources, ("outlet", document.outlet)]:
        if not value or value == _AGENCIES:
            continue
        entity = _resolve_source(value, resolver)
        if entity is None and field != "outlet":
            entity = credited_entity(value, body_entities)
        if entity is not None:
            found.append((entity, PageMention(entity.id, value, field)))
    for line in tag_lines:
        for label, entity in resolve_tag_line(line, resolver, body_entities):
            found.append((entity, PageMention(entity.id, label, "tags")))
    entities = {entity.id: entity for entity, _ in found}
    return tuple(entities.values()), tuple(dict.fromkeys(mention for _, mention in found))


def resolve_tag_line(
    line: str, resolver: NameResolver, named: Iterable[Entity] = ()
) -> list[tuple[str, Entity]]:
    """Each label of a tag line with the entity it names; labels naming none are left out."""
    labels = [label.strip() for label in re.split(r"[,/]", line) if label.strip()]
    resolved: list[tuple[str, Entity | None]] = []
    i = 0
    while i < len(labels):
        pair = f"{labels[i]}, {labels[i + 1]}" if i + 1 < len(labels) else None
        entity = resolver.resolve(pair) if pair else None  # "KOREA, NORTH" is one label
        if entity is not None and pair is not None:
            resolved.append((pair, entity))
            i += 2
            continue
        resolved.append((labels[i], resolver.resolve(labels[i])))
        i += 1
    return _mend_slips(resolved, resolver, list(named))


def _mend_slips(
    resolved: list[tuple[str, Entity | None]], resolver: NameResolver, named: list[Entity]
) -> list[tuple[str, Entity]]:
    out: list[tuple[str, Entity]] = []
    for i, (label, entity) in enumerate(resolved):
        if entity is None and len(label.split()) == 1:
            beside = {e.kind for _, e in resolved[max(i - 1, 0) : i + 2] if e is not None}
            supported = named + [e for e in resolver.pack.entities if e.kind in beside]
            entity = resolver.misspelt(label, supported)
        if entity is not None:
            out.append((label, entity))
    return out


def credited_entity(name: str, named: Iterable[Entity] = ()) -> Entity | None:
    """A credited outlet the pack does not know: the body's entity of that name, else a new one
    ("UPI", "The Korean Herald"); None for a web address, which names no one by itself."""
    if "/" in name or re.search(r"\.[a-z]{2,}\b", name) or not name[:1].isupper():
        return None
    tidy = normalise_name(name)
    if not tidy or len(tidy.split()) > 6:
        return None
    same = next((e for e in named if slugify(e.name) == slugify(tidy)), None)
    return same or Entity(id=slugify(tidy), name=tidy, kind=OUTLET)


def _resolve_source(value: str, resolver: NameResolver) -> Entity | None:
    """A credited source or outlet: a name, or a web address whose host names the outlet."""
    entity = resolver.resolve(value)
    if entity is not None or "." not in value:
        return entity
    host = urlparse(value if "//" in value else f"//{value}").hostname or ""
    for candidate in (host, host.removeprefix("www."), host.removeprefix("www.").rsplit(".", 1)[0]):
        entity = resolver.resolve(candidate) if candidate else None
        if entity is not None:
            return entity
    return None
