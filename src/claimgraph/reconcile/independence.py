"""Origins: whose word each claim is, traced through the reports that relay it.

Ten outlets quoting one intelligence agency are one origin, not ten. A claim's
origin is, in this order: the source an outlet relays ("Newsweek reports that
Budanov said …" -> Budanov); its speaker ("according to NIS", "citing NHK");
the named speaker an anaphor points back to ("the agency said" -> the agency
named earlier in the report); and, for the report's own or unnamed sourcing,
the original source the report credits, the report it near-duplicates, its
outlet, or the report itself. Outlets are one origin however they are written
("Pacific Brief", "www.pacificbrief.example").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache

from rapidfuzz import fuzz

from claimgraph.domains import DomainPack
from claimgraph.reconcile.lexicon import ANAPHORS, GENERIC_SPEAKERS
from claimgraph.records import Claim, Document, Entity, Origin

RELAY_KINDS = frozenset({"media outlet"})
# Sources a relaying outlet may be passing on: people and intelligence or military bodies.
INNER_SOURCE_KINDS = frozenset({"person", "intelligence or military body"})
_DEFINITE = frozenset({"the", "this", "that", "its", "their"})
_PRONOUNS = frozenset({"he", "she"})
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\d?\.)?([^/:?#]+)", re.IGNORECASE)

Lookup = Callable[[str], Document | None]


def trace_origins(
    document: Document,
    claims: Iterable[Claim],
    entities: Mapping[str, Entity],
    pack: DomainPack | None = None,
    lookup: Lookup | None = None,
) -> dict[str, Origin]:
    """The origin of each claim of one document, read in document order."""
    own = document_origin(document, pack, lookup)
    named: Origin | None = None  # the last speaker named, for "the agency said" further on
    origins: dict[str, Origin] = {}
    for claim in sorted(claims, key=lambda c: (c.start, c.id)):
        origin, is_named = _speaker_origin(claim, entities, pack, named)
        if origin is None:
            words = f"unnamed (“{claim.speaker}”); " if claim.speaker else ""
            origin = Origin(own.id, own.label, words + own.reason)
        elif is_named:
            named = origin
        origins[claim.id] = origin
    return origins


def document_origin(document: Document, pack: DomainPack | None, lookup: Lookup | None = None) -> Origin:
    """The origin of what a report says in its own voice: a copy's is the one of the report it
    copies (copies are one origin, whatever each credits), else the source it credits first."""
    if document.near_duplicate_of and document.near_duplicate_of != document.id:
        original = lookup(document.near_duplicate_of) if lookup else None
        if original is not None and original.near_duplicate_of != document.id:
            first = document_origin(original, pack, None)
            return Origin(first.id, first.label, f"a near-duplicate of {_title(original)}; {first.reason}")
        if not document.original_source:
            target = document.near_duplicate_of
            return Origin(
                f"document:{target}", f"report {target[:12]}", f"a near-duplicate of report {target[:12]}"
            )
    if document.original_source:
        origin = outlet_origin(document.original_source, pack)
        return Origin(
            origin.id, origin.label, f"the report credits “{document.original_source}” as its original source"
        )
    if document.outlet:
        origin = outlet_origin(document.outlet, pack)
        return Origin(origin.id, origin.label, f"the report's own statement ({origin.label})")
    return Origin(f"document:{document.id}", _title(document), "the report's own statement, unattributed")


def outlet_origin(name: str, pack: DomainPack | None) -> Origin:
    """An outlet by name or address: the pack's entity when it knows it, else one key for all spellings."""
    text = name.strip()
    host = _URL.match(text)
    candidates = [text, host.group(1)] if host else [text]
    for candidate in candidates:
        entity = pack.resolve(candidate) if pack else None
        if entity is not None:
            return Origin(entity.id, entity.name, f"the outlet {entity.name}")
    label = host.group(1).split(".")[0] if host and "." in host.group(1) and " " not in text else text
    label = re.sub(r"^the\s+", "", label, flags=re.IGNORECASE)  # "The Korea Herald" is "Korea Herald"
    return Origin(f"outlet:{re.sub(r'[^a-z0-9]', '', label.lower())}", text, f"the outlet {text}")


def _speaker_origin(
    claim: Claim, entities: Mapping[str, Entity], pack: DomainPack | None, named: Origin | None
) -> tuple[Origin | None, bool]:
    """The origin a claim's speaker gives, and whether it was named; (None, False) when unnamed."""
    speaker, cue = claim.speaker, claim.cue or "attributed"
    if not speaker:
        return None, False
    entity = _entity(speaker, entities, pack)
    if entity is not None:
        return _entity_origin(claim, entity, cue, entities, pack), True
    words = speaker.lower().replace("’", "'").split()
    if words[:1] == ["to"]:  # "according to the agency" read with its preposition
        words = words[1:]
    if named is not None and (
        (words[:1] and words[0] in _DEFINITE and any(w in ANAPHORS for w in words))
        or words in (["he"], ["she"])
    ):
        return Origin(
            named.id, named.label, f"“{speaker}” points back to {named.label}, named earlier in the report"
        ), False
    relay = _entity(claim.via, entities, pack) if claim.via else _outlet_named(claim, entities)
    if relay is not None:  # "NHK, citing diplomatic sources": the unnamed are only known through NHK
        reason = f"{relay.name}, citing unnamed “{speaker}”: traced to {relay.name}, the named source"
        return Origin(relay.id, relay.name, reason), True
    if not words or any(w.strip(".,'") in GENERIC_SPEAKERS for w in words) or set(words) <= _PRONOUNS:
        return None, False
    phrase = " ".join(words)
    return Origin(
        f"words:{claim.document_id[:16]}:{phrase}",
        speaker,
        f"said by “{speaker}”, unnamed beyond this report",
    ), False


def _entity(reference: str | None, entities: Mapping[str, Entity], pack: DomainPack | None) -> Entity | None:
    """The entity an id or a name stands for, from the store's entities or the pack."""
    if not reference:
        return None
    return (
        entities.get(reference)
        or (pack.entity(reference) if pack else None)
        or _resolve_words(reference, pack)
    )


def _entity_origin(
    claim: Claim, speaker: Entity, cue: str, entities: Mapping[str, Entity], pack: DomainPack | None
) -> Origin:
    relay = _entity(claim.via, entities, pack) if claim.via else None
    if relay is not None and relay.id != speaker.id:
        return Origin(speaker.id, speaker.name, f"said by {speaker.name} (“{cue}”), relayed by {relay.name}")
    if speaker.kind in RELAY_KINDS:
        content = {claim.subject, claim.object, claim.place, speaker.id}
        inner = next(
            (
                entities[e]
                for e in claim.entities
                if e not in content and e in entities and entities[e].kind in INNER_SOURCE_KINDS
            ),
            None,
        )
        if inner is not None:
            return Origin(
                inner.id, inner.name, f"{speaker.name} relays {inner.name} (“{cue}”): traced to {inner.name}"
            )
    return Origin(speaker.id, speaker.name, f"said by {speaker.name} (“{cue}”)")


def _outlet_named(claim: Claim, entities: Mapping[str, Entity]) -> Entity | None:
    """A media outlet the sentence names outside what it is about: the relay of its unnamed sources."""
    content = {claim.subject, claim.object, claim.place}
    return next(
        (
            entities[e]
            for e in claim.entities
            if e not in content and e in entities and entities[e].kind in RELAY_KINDS
        ),
        None,
    )


def _resolve_words(words: str, pack: DomainPack | None) -> Entity | None:
    if pack is None:
        return None
    text = re.sub(r"^(to\s+)?(the\s+)?", "", words.strip(), flags=re.IGNORECASE)
    return pack.resolve(words) or pack.resolve(text)


def _title(document: Document) -> str:
    name = document.source.rsplit("/", 1)[-1] or document.source
    return f"{document.outlet} ({name})" if document.outlet else name


# Two sentences this alike (rapidfuzz ratio, 0–100) are one telling: a copy or a light rewrite
# of one story ("scrutinised"/"scrutinized", "on Monday"/"Monday"), never two sources.
SAME_WORDS = 90


def tellings(claims: Sequence[Claim]) -> dict[str, str]:
    """Claim id -> the id of the first claim (by report, then offset) told in the same words.

    Only claims with the same figure (or, without one, the same act) are compared: copies
    agree on what they say, and the comparison stays small however large the group."""
    order = sorted(claims, key=lambda c: (c.document_id, c.start, c.id))
    buckets: dict[tuple[object, ...], list[Claim]] = {}
    for claim in order:
        q = claim.quantity
        key = (q.low, q.high, q.per) if q else (claim.predicate, claim.subject, claim.object)
        buckets.setdefault(key, []).append(claim)
    first = {c.id: c.id for c in order}
    for bucket in buckets.values():
        texts = [_fold(c.text) for c in bucket]
        for i, claim in enumerate(bucket):
            if first[claim.id] != claim.id:
                continue
            for j in range(i + 1, len(bucket)):
                other = bucket[j]
                if (
                    other.document_id != claim.document_id
                    and first[other.id] == other.id
                    and fuzz.ratio(texts[i], texts[j], score_cutoff=SAME_WORDS)
                ):
                    first[other.id] = claim.id
    return first


def merge_tellings(
    claims: Sequence[Claim], origins: Mapping[str, Origin], lookup: Callable[[str], str]
) -> dict[str, Origin]:
    """Origins with each telling made one: copies of a sentence share the origin of its named
    source if any copy names one, else of its first report; ``lookup`` names a report."""
    first = tellings(claims)
    members: dict[str, list[Claim]] = {}
    for claim in claims:
        members.setdefault(first[claim.id], []).append(claim)
    merged = dict(origins)
    for told in members.values():
        documents = {c.document_id for c in told}
        if len(documents) < 2:
            continue
        known = [origins[c.id] for c in told if c.id in origins]
        if not known:
            continue
        named = [o for o in known if not o.id.startswith(_UNNAMED)]
        chosen = named[0] if named else known[0]
        reports = ", ".join(sorted(lookup(d) for d in documents))
        reason = f"{chosen.reason}; the same words in {len(documents)} reports ({reports}): one story"
        for claim in told:
            merged[claim.id] = Origin(chosen.id, chosen.label, reason)
    return merged


_UNNAMED = ("outlet:", "document:", "words:")


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("“", '"').replace("”", '"').split())


def sides(
    origin_ids: Iterable[str], entities: Mapping[str, Entity], pack: DomainPack | None = None
) -> dict[str, str]:
    """Origin id -> the state it speaks for: as the domain pack says ("speaks_for"), else as its
    names say ("Joint Chiefs of Staff of South Korea", "South Korea's spy agency": the countries
    of the pack, or of the entities given without one); a country is its own side. Sources of
    one side are not independent of each other; an origin whose side is unknown is its own."""
    found = {}
    countries: list[Entity] | None = None  # read only when a name must tell the side
    for origin_id in origin_ids:
        entity = entities.get(origin_id)
        side = (pack.side(origin_id) if pack else None) or origin_id
        if side == origin_id and entity is not None and entity.kind != "country":
            if countries is None:
                known = pack.entities if pack is not None else entities.values()
                countries = [e for e in known if e.kind == "country"]
            names = " | ".join((entity.name, *entity.aliases)).lower()
            side = next((c.id for c in countries if _names_country(c, names)), origin_id)
        found[origin_id] = side
    return found


def _names_country(country: Entity, names: str) -> bool:
    return any(_word(form).search(names) for form in (country.name, *country.aliases) if len(form) >= 4)


@cache
def _word(form: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(form.lower()) + r"\b")
