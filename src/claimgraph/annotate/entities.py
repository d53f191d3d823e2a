"""Mentions of entities in a parsed document, resolved to canonical entities.

The entity ruler has already marked every name the domain pack knows; spaCy's
NER marked the rest. Resolution then decides, span by span, what each one is:
a pack entity (by the name as written, tidied of titles, turned round, or
transliterated), an entity the document itself defined ("... (GUR)") or named
in full before ("Kim" after "Kim Yong-hyun"), a new entity with spaCy's kind,
or nothing (a heading read as a name, a generic region, a plural acronym).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claimgraph.annotate.bodies import national_body, office_key, state_body_spans
from claimgraph.annotate.context import has_kind_cue, heading_lines, inside, metonym_role
from claimgraph.annotate.model import doc_text
from claimgraph.annotate.names import (
    is_acronym,
    is_designation,
    is_generic_region,
    is_office,
    is_plural_acronym,
    normalise_name,
    plain_letters,
    weapon_name,
    weapon_noun_at,
)
from claimgraph.annotate.persons import full_name_before, led_by_personal_title, surnames_unmarked, whole_name
from claimgraph.annotate.resolver import LABEL_KINDS, NameResolver
from claimgraph.annotate.state_bodies import OFFICE_HEADS
from claimgraph.annotate.strays import (
    defined_acronym_strays,
    generic_office_strays,
    initialism_strays,
    surname_strays,
)
from claimgraph.clean.furniture import picture_credit_start
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
    "PRODUCT": "product",  # not a pack kind: spaCy cannot tell a weapon from a phone
}
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "AUX", "PUNCT"})


@dataclass(slots=True)
class _Found:
    """What the document has named so far: entities by id, mentions, and its own acronyms."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # "GUR" -> entity id, as defined here
    doc: Doc | None = None

    def add(self, entity: Entity, span: Span) -> None:
        self.entities.setdefault(entity.id, entity)
        self.mentions.append(Mention(entity.id, span.text, span.start_char, span.end_char))


def resolve_mentions(doc: Doc, resolver: NameResolver) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities named in the doc and their mentions: pack entities by id, others by name."""
    pack = resolver.pack
    spans = sorted(doc.ents, key=lambda s: s.start)
    # Names the pack knows, read plainly, support an ambiguous one ("DIU" beside "GUR").
    plainly = {
        s.ent_id_
        for s in spans
        if s.ent_id_ and not pack.is_ambiguous(s.text) and not pack.is_metonym(s.text)
    }
    headings = heading_lines(doc)
    prose_names = {
        plain_letters(normalise_name(s.text)) for s in spans if not inside(headings, s.start_char, s.end_char)
    }
    found = _Found(doc=doc)
    text = doc_text(doc)
    for span in spans:
        span = whole_name(span) if span.label_ == "PERSON" and not span.ent_id_ else span
        entity = _resolve(span, resolver, found, plainly) or _glossed(span, found)
        if entity is None and not span.ent_id_:
            entity = _new_entity(span, headings, prose_names)
            named = span.text.removeprefix("the ").removeprefix("The ")
            if entity is not None and office_key(named.split(maxsplit=1)[-1]) is not None:
                start = span.end_char - len(named)
                body = national_body(named, text, start, found.mentions, found.entities, resolver)
                entity = body or entity  # with no state beside it, the office keeps the name it has
        if entity is not None:
            found.add(entity, span)
            _learn_acronym(text, span, entity, found)
    _mention_state_bodies(doc, resolver, found)
    _mention_demonyms(spans, found)
    _mention_defined_acronyms(doc, found)
    _merge_strays(found, resolver)
    found.mentions.sort(key=lambda m: m.start)
    return tuple(found.entities.values()), tuple(found.mentions)


def _resolve(span: Span, resolver: NameResolver, found: _Found, plainly: set[str]) -> Entity | None:
    """The known entity a span stands for, or None (then it may be a new entity)."""
    pack = resolver.pack
    if span.ent_id_:
        entity = pack.entity(span.ent_id_)
        if entity is None:
            return None
        if pack.is_metonym(span.text):
            return _metonym(span, entity, plainly)
        if (
            pack.is_ambiguous(span.text)
            and entity.id not in plainly
            and not has_kind_cue(span, entity.kind, pack.vocabulary.kinds)
        ):
            return None
        return _earlier_namesake(span, entity, found) or entity
    if span.text in found.acronyms:
        return found.entities[found.acronyms[span.text]]
    earlier = next((m for m in found.mentions if m.text == span.text), None)
    if earlier is not None and resolver.pack.entity(earlier.entity_id) is not None:
        return found.entities[earlier.entity_id]  # the same words again: what they named before
    kinds = LABEL_KINDS.get(span.label_)
    if kinds is None:
        return None
    entity = resolver.resolve(span.text, kinds) or resolver.misspelt_place(span.text, kinds)
    if entity is None and is_acronym(span.text):
        entity = resolver.misspelt(span.text, found.entities.values())
    if entity is None and is_acronym(span.text):  # "the NKH news outlet": a slip of an outlet's name
        cued = {kind for kind in pack.vocabulary.kinds if has_kind_cue(span, kind, pack.vocabulary.kinds)}
        entity = resolver.misspelt(span.text, [e for e in pack.entities if e.kind in cued])
    if entity is None and "/" in span.text:  # "Shadeds/Geran": a slip of the name beside it
        entity = resolver.misspelt_name(span.text, filter(None, map(pack.entity, sorted(plainly))))
    if entity is None and span.label_ in ("LOC", "GPE"):
        entity = _compass_country(span, resolver, plainly)
    if entity is None and span.label_ == "PERSON":
        entity = _earlier_namesake(span, None, found)
    return entity


def _compass_country(span: Span, resolver: NameResolver, plainly: set[str]) -> Entity | None:
    """ "the North" in a report naming North Korea (and no other northern state): that country."""
    words = normalise_name(span.text).casefold().split()
    if len(words) != 1 or words[0] not in ("north", "south", "east", "west"):
        return None
    named = [resolver.pack.entity(entity_id) for entity_id in sorted(plainly)]
    states = [e for e in named if e is not None and e.kind == "country"]
    matches = [e for e in states if e.name.casefold().split()[0] == words[0] and len(e.name.split()) > 1]
    return matches[0] if len(matches) == 1 else None


def _metonym(span: Span, state: Entity, plainly: set[str]) -> Entity | None:
    """A capital or seat of power stands for its state as an actor. Used as a place it is the
    state too when the report names that state anyway: the gold convention files "talks in
    Moscow" under Russia, and a city entity beside the state would split it in two. In a report
    that never names the state ("underwriters in London") it is the city. Inside a longer name
    ("Moscow Oblast", "Tehran Times") it is part of that name.
    """
    role = metonym_role(span)
    if role == "part":
        return None
    if role == "actor" or state.id in plainly:
        return state
    name = normalise_name(span.text)
    name = name if not name.isupper() else name.title()
    return Entity(id=slugify(name), name=name, kind="place")


def _earlier_namesake(span: Span, entity: Entity | None, found: _Found) -> Entity | None:
    """A one-word person name for the person of that name met last ("Kim" after "Kim Yong-hyun"),
    unless the report already used the word alone for someone: then it keeps meaning that person,
    as reports write a second bearer of the name in full ("Costa … his brother Rui Costa … Costa")."""
    if len(span) != 1 or (entity is not None and entity.kind != "person"):
        return None
    alone = next((m for m in found.mentions if m.text == span.text), None)
    if alone is not None and found.entities[alone.entity_id].kind == "person":
        return found.entities[alone.entity_id]
    word = span.text.casefold()
    for mention in reversed(found.mentions):
        earlier = found.entities[mention.entity_id]
        if earlier.kind == "person" and word in earlier.name.casefold().replace("-", " ").split():
            return earlier
    return None


def _new_entity(span: Span, headings: list[tuple[int, int]], prose_names: set[str]) -> Entity | None:
    """An entity the pack does not know, with spaCy's kind; None for spaCy's usual misfires."""
    kind = NER_KINDS.get(span.label_)
    if kind is None or span[-1].pos_ in _FUNCTION_POS:
        return None  # a name cut off mid-phrase: "The Future of"
    name = normalise_name(span.text)
    if len(name) < 2 or not any(c.isalpha() for c in name) or name.lower() == name:
        return None
    if "/" in name:
        return None  # a name cut at a slash ("Shaheds/" of "Shaheds/Geran"), or a credit line
    if name.split()[-1] in _OCCASIONS:
        return None  # "Armed Forces Day", "Victory Day": a day kept, a date, not an actor or place

    if kind == "organisation" and led_by_personal_title(span.text):
        kind = "person"  # "Lawmaker Park" read as an organisation: a title makes it a person
    if is_plural_acronym(name) or is_generic_region(name) or is_office(name) or _headless_office(name):
        return None
    if len(span) == 1 and span[0].is_sent_start and span[0].pos_ == "NOUN" and span[0].dep_ == "compound":
        return None  # "Media reports say": a common noun capitalised by its place, no name
    if inside(headings, span.start_char, span.end_char) and plain_letters(name) not in prose_names:
        return None  # title case in a heading is not evidence of a name
    if _part_of_an_office(span) or _where_it_was_posted(span) or _in_picture_credit(span):
        return None
    # spaCy reads "ATACMS missiles" (or "ATACMS" before "missiles") as a person.
    following = span.doc[span.end : span.end + 3]
    at = weapon_noun_at([t.text for t in following])
    # "ATACMS missiles": the weapon noun heads the phrase; in "Army tank commander" it only
    # qualifies another noun, and the name is not the weapon's
    named_weapon = at is not None and following[at].dep_ != "compound"
    weapon = weapon_name(name) or (name if named_weapon else None)
    if weapon is not None and any(c.isupper() for c in weapon):
        name, kind = weapon, "weapon system"
    elif is_designation(name) and has_kind_cue(span, "weapon system"):
        kind = "weapon system"  # and "Su-34" or "S-400" among bombs and missiles as an organisation
    if name.isupper() and len(name) > 5 and kind != "weapon system":
        name = name.title()
    return Entity(id=slugify(name), name=name, kind=kind)


_OCCASIONS = frozenset(["Day", "Eve", "Week", "Anniversary"])


def _glossed(span: Span, found: _Found) -> Entity | None:
    """ "the Garpiya, which means Harpy in Russian": a name given as what the name before it in
    the sentence means (after "means", "meaning", "translated as") is another name of it."""
    before = span.doc[max(span.start - 2, 0) : span.start]
    words = [t.lower_ for t in before]
    if not words or not (words[-1] in ("means", "meaning") or words == ["translated", "as"]):
        return None
    verb = before[-1] if words[-1] != "as" else before[0]
    named = verb.head  # the noun the clause of meaning hangs on
    owner = next((m for m in found.mentions if m.start <= named.idx < m.end), None)
    return found.entities[owner.entity_id] if owner is not None else None


# "Secretary of State", "Minister of Defence": the end of an office's title, not a body of its own.
_OFFICES = frozenset(["secretary", "minister", "ministry", "department", "head", "chief", "director"])
# "said in a statement on Telegram", "wrote on X": the platform a statement was posted on.
_POSTINGS = frozenset(
    ["statement", "post", "channel", "account", "message", "video", "page", "write", "say", "publish",
     "share", "tweet", "announce", "comment"]
)  # fmt: skip


def _headless_office(name: str) -> bool:
    """ "State Affairs" of "Chairman of the State Affairs": office words with no office noun."""
    key = office_key(name)
    return key is not None and not any(word in OFFICE_HEADS for word in key.split())


def _in_picture_credit(span: Span) -> bool:
    """A name in a photo's credit ("Jane Roe/Pool/AFP via Getty Images"), or joined to another by a
    slash as credits are ("Jane Roe/AP"): page furniture, no one in the story."""
    text = doc_text(span.doc)
    if text[span.end_char : span.end_char + 1] == "/" or text[span.start_char - 1 : span.start_char] == "/":
        return True
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    credit = picture_credit_start(text[line_start : line_end if line_end >= 0 else len(text)])
    return credit is not None and span.start_char >= line_start + credit


def _part_of_an_office(span: Span) -> bool:
    doc = span.doc
    return (
        len(span) == 1
        and span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in _OFFICES
    )


def _where_it_was_posted(span: Span) -> bool:
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in ("channel", "account", "page", "post"):
        return True  # "the ministry's Telegram channel"
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in ("on", "via")
        and root.head.head.lemma_.lower() in _POSTINGS
    )


_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)")


def _learn_acronym(text: str, span: Span, entity: Entity, found: _Found) -> None:
    """ "Defence Intelligence Directorate (GUR)": GUR now names that entity in this document."""
    match = _DEFINITION.match(text, span.end_char)
    if match and is_acronym(match.group(1)) and len(span.text) > len(match.group(1)):
        found.acronyms.setdefault(match.group(1), entity.id)


def _mention_defined_acronyms(doc: Doc, found: _Found) -> None:
    """Mentions of the document's own acronyms wherever spaCy left them unlabelled."""
    if not found.acronyms:
        return
    taken = {(m.start, m.end) for m in found.mentions}
    for token in doc:
        entity_id = found.acronyms.get(token.text)
        span = doc[token.i : token.i + 1]
        if entity_id and not token.ent_type_ and (span.start_char, span.end_char) not in taken:
            found.add(found.entities[entity_id], span)


_STATE_OR_CITY = frozenset({"country", "place"})  # named inside a body's name: "Embassy in Seoul"


def _mention_state_bodies(doc: Doc, resolver: NameResolver, found: _Found) -> None:
    """A state's office spaCy did not mark ("the Ukrainian foreign ministry") or marked only in
    part ("Security Council" of "Russia's Security Council"): that state's body."""
    for start, end, body in state_body_spans(doc_text(doc), resolver):
        overlapping = [m for m in found.mentions if m.start < end and start < m.end]
        kinds = {found.entities[m.entity_id].kind for m in overlapping if m.entity_id != body.id}
        if kinds - _STATE_OR_CITY:
            continue  # a name already filed as something else: "UN Security Council"
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not any(m.entity_id == body.id and m.start == start for m in overlapping):
            found.add(body, span)
            _learn_acronym(doc_text(doc), span, body, found)


def _merge_strays(found: _Found, resolver: NameResolver) -> None:
    """Short forms the document filed apart from the entity they name, merged into it."""

    def is_new(entity_id: str) -> bool:
        return resolver.pack.entity(entity_id) is None

    _refile(found, defined_acronym_strays(found.acronyms, found.mentions, is_new))
    _refile(found, initialism_strays(found.entities, is_new))
    _refile(found, generic_office_strays(found.entities, is_new, resolver.resolve))
    _refile(found, surname_strays(found.entities, is_new))
    _complete_lone_surnames(found, is_new)
    if found.doc is not None:
        taken = {m.start for m in found.mentions}
        for span, person in surnames_unmarked(found.doc, found.entities, taken):
            found.add(person, span)


def _complete_lone_surnames(found: _Found, is_new: Callable[[str], bool]) -> None:
    """A new person known only by surname ("Jalali") whose given name the text does write once
    ("... Kazem Jalali said", untagged): filed under the full name, that mention added."""
    lone = [e for e in found.entities.values() if e.kind == "person" and is_new(e.id) and " " not in e.name]
    for entity in lone if found.doc is not None else ():
        if (span := full_name_before(found.doc, entity.name)) is None:
            continue
        if any(m.start <= span.start_char < m.end for m in found.mentions):
            continue
        full = Entity(id=slugify(span.text), name=span.text, kind="person")
        found.add(full, span)
        _refile(found, {entity.id: full.id})


def _refile(found: _Found, stray: dict[str, str]) -> None:
    """Mentions of each stray entity filed under the entity it is one with, the stray dropped."""
    if not stray:
        return
    found.mentions[:] = [
        Mention(stray.get(m.entity_id, m.entity_id), m.text, m.start, m.end) for m in found.mentions
    ]
    for entity_id in stray:
        del found.entities[entity_id]
    for acronym, entity_id in list(found.acronyms.items()):
        found.acronyms[acronym] = stray.get(entity_id, entity_id)


_DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "i", "n")


def _mention_demonyms(spans: list[Span], found: _Found) -> None:
    """ "Iraqi", "Syrian" for the place the document names ("Iraq", "Syria"), pack or not."""
    places = {e.name.casefold(): e for e in found.entities.values() if e.kind in {"country", "place"}}
    taken = {(m.start, m.end) for m in found.mentions}
    for span in spans:
        if span.label_ != "NORP" or span.ent_id_ or (span.start_char, span.end_char) in taken:
            continue
        word = span.text.casefold().removesuffix("s")
        for ending in _DEMONYM_ENDINGS:
            place = places.get(word[: -len(ending)]) if word.endswith(ending) else None
            place = place or places.get(word[: -len(ending)] + "a") if word.endswith(ending) else place
            if place is not None:
                found.add(place, span)
                break
