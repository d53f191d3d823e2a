"""Mentions of entities in a parsed document, resolved to canonical entities."""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from claimgraph.domains import slugify
from claimgraph.records import Entity, Mention

# spaCy labels worth keeping as new entities, and the kind each becomes.
NER_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
    "EVENT": "event",
    "LAW": "treaty",
}
_TITLES = re.compile(
    r"^((the|president|prime|minister|deputy|foreign|defen[cs]e|secretary|general|gen\.?|lt\.?|"
    r"col\.?|maj\.?|adm\.?|dr\.?|mr\.?|mrs\.?|ms\.?|leader|chief|scholar|spokesman|spokeswoman)\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s$")


def normalise_name(text: str) -> str:
    """A name as it would be filed: titles and possessives off, white space folded."""
    name = _POSSESSIVE.sub("", " ".join(text.split()))
    return _TITLES.sub("", name).strip(" ,.;:\"“”'’-")


def resolve_mentions(doc: Doc, known: Mapping[str, Entity]) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities named in the doc and their mentions: pack entities by id, others by name."""
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    for span in doc.ents:
        entity = _resolve_span(span, known)
        if entity is None:
            continue
        entities.setdefault(entity.id, entity)
        mentions.append(Mention(entity.id, span.text, span.start_char, span.end_char))
    return tuple(entities.values()), tuple(mentions)


def _resolve_span(span: Span, known: Mapping[str, Entity]) -> Entity | None:
    if span.ent_id_ and span.ent_id_ in known:
        return known[span.ent_id_]
    kind = NER_KINDS.get(span.label_)
    if kind is None:
        return None
    name = normalise_name(span.text)
    if len(name) < 2 or not any(c.isalpha() for c in name) or name.lower() == name:
        return None
    return Entity(id=slugify(name), name=name, kind=kind)
