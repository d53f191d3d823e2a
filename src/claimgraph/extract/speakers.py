"""Who a phrase names as a speaker: an entity, words, nobody named, or no speaker at all.

"the Ukrainian president" and "he" point back to the person named before, "the agency" and
"it" to the body; "South Korean officials" speak for South Korea; "media reports" and "a
senior official" name nobody, and are never pinned on the nearest name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimgraph.extract.lexicons import (
    ANONYMOUS_MODIFIERS,
    ESTIMATE_WORDS,
    GROUP_PRONOUNS,
    INSTRUMENT_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLE_NOUNS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    UNNAMED_SPEAKERS,
    VAGUE_MODIFIERS,
)
from claimgraph.extract.speech import phrase_of
from claimgraph.records import Mention

if TYPE_CHECKING:
    from claimgraph.extract.attribution import Attribution

SPEAKING_KINDS = frozenset(
    ["person", "organisation", "media outlet", "intelligence or military body", "country", "place"]
)
_SPEAKER_PREPS = frozenset(["of", "from", "at", "in", "for", "with", "by"])
_POST_PREPS = _SPEAKER_PREPS | {"to"}  # "the ambassador to the UN"
_QUOTE_MARKS = frozenset('"“”')
_NOT_NAMES = frozenset(["CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL", "DATE", "TIME"])


@dataclass(slots=True)
class Discourse:
    """What earlier sentences said that later ones point back to."""

    last_person: str | None = None
    last_group: str | None = None
    quotes: dict[int, Attribution] = field(default_factory=dict)  # quotation start -> its speaker
    listing: Attribution | None = None  # who speaks in the list items after "The agency said:"
    people_named: tuple[str, ...] = ()  # the people the sentence before named, in order
    bodies: Mapping[str, str] = field(default_factory=dict)  # state -> the one body of it named
    speaks_for: Mapping[str, str] = field(default_factory=dict)  # the pack's: who speaks for whom
    relays: dict[str, str] = field(default_factory=dict)  # person -> the body that briefed them


class Mentions:
    """The sentence's mentions by token, with their entities' kinds."""

    def __init__(self, sent: Span, mentions: Sequence[Mention], kinds: Mapping[str, str]) -> None:
        self.kinds = kinds
        self.sent = sent
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            for token in sent:
                if mention.start <= token.idx < mention.end:
                    self.by_token[token.i] = mention

    def entity(self, token: Token) -> str | None:
        mention = self.by_token.get(token.i)
        if mention is None or self.kinds.get(mention.entity_id, "person") not in SPEAKING_KINDS:
            return None
        return mention.entity_id


NOT_A_SPEAKER = object()


def resolve_speaker(head: Token, named: Mentions, discourse: Discourse) -> tuple[object, list[Token]]:
    """The speaker a noun phrase names: an entity id, words, None (unnamed) or NOT_A_SPEAKER.

    Also returns the phrase's tokens (without its conjuncts, which are co-speakers
    whose entities the claim keeps).
    """
    phrase = phrase_of(head)
    lemma = head.lemma_.lower()
    determiner = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
    definite = determiner in ("the", "this", "that")
    if head.lower_ in ("latter", "former") and determiner == "the":
        return _one_of_two(head, named, discourse), phrase
    if (
        definite
        and lemma in PERSON_ROLE_NOUNS
        and discourse.last_person
        and named.entity(head) is None
        and not _post_of_a_named_body(head, named)
    ):
        return discourse.last_person, phrase  # "the Ukrainian president said": the person named before
    if any(c.dep_ == "amod" and c.lower_ in ANONYMOUS_MODIFIERS for c in head.children):
        return None, phrase
    entity = named_entity(head, named, depth=0)
    if entity is not None:
        return entity, phrase
    lowered = head.lower_
    if lowered in PERSON_PRONOUNS:
        earlier = [
            named.entity(t)
            for t in named.sent
            if t.i < head.i and t.ent_type_ == "PERSON" and not _quoted_at(t, named.sent)
        ]
        person = next((e for e in reversed(earlier) if e and named.kinds.get(e) == "person"), None)
        return person or discourse.last_person, phrase  # "he" with no one named before names nobody
    if lowered in GROUP_PRONOUNS:
        return (discourse.last_group, phrase) if discourse.last_group else (NOT_A_SPEAKER, phrase)
    if head.pos_ == "PRON" or (lemma in INSTRUMENT_NOUNS and named.entity(head) is None):
        return NOT_A_SPEAKER, phrase
    if definite and lemma in ROLE_NOUNS and discourse.last_group:
        return discourse.last_group, phrase  # "the agency said": the body named before
    words = [t for t in phrase if t.dep_ not in ("det", "punct", "case")]
    if (lowered in UNNAMED_SPEAKERS or lemma in UNNAMED_SPEAKERS or lemma in SOURCE_NOUNS) and all(
        t.i == head.i or t.lower_ in VAGUE_MODIFIERS or t.lower_ in UNNAMED_SPEAKERS for t in words
    ):
        return None, phrase
    if head.ent_type_ in _NOT_NAMES:
        return None, phrase  # "7,887 of them said", "in mid-January …": a count or a date names no one
    if (
        head.pos_ != "PROPN"
        and not head.ent_type_
        and not any(
            c.dep_ in ("compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_) for c in head.children
        )
    ):
        # A common noun phrase names nobody ("media reports", "the plan", "intelligence",
        # "both sides"): the claim is reported, unnamed, never pinned on the nearest name.
        return None, phrase
    text = head.doc[phrase[0].i : phrase[-1].i + 1].text if phrase else head.text
    for article in ("the ", "a ", "an ", "The ", "A ", "An "):
        text = text.removeprefix(article)
    return text.strip(" ,"), phrase


def named_entity(head: Token, named: Mentions, depth: int) -> str | None:
    """The entity a phrase names: its head's, an apposition's, its owner's, the body it belongs to."""
    if depth > 3:
        return None
    entity = named.entity(head)
    if entity is not None:
        return entity
    lemma = _source_lemma(head)
    if lemma in PERSON_ROLE_NOUNS and (bearer := _bearer_of_post(head, named)) is not None:
        return bearer
    speaks_for = lemma in ROLE_NOUNS or lemma in UNNAMED_SPEAKERS or lemma in SOURCE_NOUNS
    order = {"appos": 0, "compound": 1, "poss": 2, "prep": 3, "amod": 4, "nmod": 1}
    # Of a noun's names, the nearest is its own: "the Japanese NKH news outlet" is NKH's.
    for child in sorted(head.children, key=lambda c: (order.get(c.dep_, 9), -c.i)):
        if (
            child.dep_ != "appos"
            and _set_off(child, head)
            and named.kinds.get(named.entity(child) or "") != "person"
        ):
            # "… fight Kyiv, Seoul's military said": the clause before, not the body's name
            # ("Shin Won-sik, the defence minister, said" names the minister, set off or not).
            continue
        if child.dep_ == "appos" or (child.dep_ in ("compound", "nmod", "poss") and speaks_for):
            found = named_entity(child, named, depth + 1)
        elif child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPS and speaks_for:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            found = named_entity(pobj, named, depth + 1) if pobj is not None else None
        elif child.dep_ == "amod" and speaks_for and (lemma not in SOURCE_NOUNS or lemma in ESTIMATE_WORDS):
            # "South Korean officials" speak for South Korea; "South Korean estimates" are its own,
            # where "Russian media reports" are nobody's
            found = named.entity(child)
        elif child.dep_ == "acl" and lemma in SOURCE_NOUNS:  # "a report published by the ministry"
            agent = next((g for c in child.children if c.dep_ == "agent" for g in c.children), None)
            found = named_entity(agent, named, depth + 1) if agent is not None else None
        else:
            found = None
        if found is not None:
            return found
    return None


def _quoted_at(token: Token, sent: Span) -> bool:
    """Whether a token stands inside a quotation opened earlier in its sentence: in
    '"Kim has decided …," he said' the one quoted about is not the one who speaks."""
    return sum(t.text in _QUOTE_MARKS for t in sent if t.i < token.i) % 2 == 1


def _source_lemma(token: Token) -> str:
    """The token's lemma, or its word when that is a source noun the lemmatiser changes
    ("data" -> "datum"): "citing data from Rosstat" cites Rosstat."""
    return token.lower_ if token.lower_ in SOURCE_NOUNS else token.lemma_.lower()


def people_in(sent: Span, named: Mentions) -> tuple[str, ...]:
    """The people a sentence names, in order, once each."""
    found = (named.entity(t) for t in sent)
    return tuple(dict.fromkeys(e for e in found if e and named.kinds.get(e) == "person"))


def _one_of_two(head: Token, named: Mentions, discourse: Discourse) -> object:
    """ "Kim met Shoigu; the latter said …": the last person named (the former: the one before)."""
    before = [
        e for e in people_in(head.sent, named) if any(named.entity(t) == e for t in head.sent if t.i < head.i)
    ]
    people = before if len(before) >= 2 else list(discourse.people_named)
    if len(people) < 2:
        return NOT_A_SPEAKER
    return people[-1] if head.lower_ == "latter" else people[-2]


def _post_of_a_named_body(head: Token, named: Mentions) -> bool:
    """ "the U.S. deputy ambassador to the UN": a post named by its body is someone new, not the
    person named before."""
    modifiers = [
        c
        for c in head.children
        if c.dep_ in ("compound", "nmod") or (c.dep_ == "prep" and c.lower_ in _POST_PREPS)
    ]
    return any(named.entity(t) is not None for c in modifiers for t in c.subtree)


def _bearer_of_post(head: Token, named: Mentions) -> str | None:
    """ "Iranian Ambassador to Russia Kazem Jalali": a post whose run of words ends in a person's
    name right after the place or body it is held at names that person (the tagger often hangs the
    name on the place). "adviser to President X" does not: there the name follows a title."""
    tokens = [t for t in head.subtree if t.i > head.i]
    for token in tokens:
        if token.is_punct:
            return None
        person = named.entity(token)
        if person is None or named.kinds.get(person) != "person":
            continue
        place = named.by_token.get(token.i - 1) if token.i - 1 > head.i else None
        held_at = named.kinds.get(place.entity_id) if place is not None else None
        return person if held_at is not None and held_at != "person" else None
    return None


def _set_off(child: Token, head: Token) -> bool:
    """Whether a comma stands between a modifier and its noun (an apposition's comma is its own)."""
    low, high = sorted((child.i, head.i))
    return any(t.text == "," for t in head.doc[low + 1 : high])


def can_speak(subject: Token, named: Mentions) -> bool:
    """Whether a subject can say something: a named actor, a role, a source, a person, a pronoun."""
    if subject.pos_ == "PRON":
        return (
            subject.lower_ in PERSON_PRONOUNS
            or subject.lower_ in GROUP_PRONOUNS
            or subject.lower_ in ("i", "we")
        )
    lemma = subject.lemma_.lower()
    return (
        named.entity(subject) is not None
        or lemma in ROLE_NOUNS
        or lemma in UNNAMED_SPEAKERS
        or lemma in SOURCE_NOUNS
        or subject.lower_ in PERSON_PRONOUNS
        or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
    )


_BODY_KINDS = frozenset(["intelligence or military body"])
# Generic nouns for a state's organs: "South Korean authorities" is some body of that state.
AUTHORITY_NOUNS = frozenset(["authority", "authorities"])


def bodies_named(
    mentions: Sequence[Mention], kinds: Mapping[str, str], speaks_for: Mapping[str, str]
) -> dict[str, str]:
    """The state -> body map of a document: each state for which the document names exactly one
    intelligence or military body speaking for it."""
    found: dict[str, set[str]] = {}
    for mention in mentions:
        state = speaks_for.get(mention.entity_id)
        if state is not None and kinds.get(mention.entity_id) in _BODY_KINDS:
            found.setdefault(state, set()).add(mention.entity_id)
    return {state: next(iter(ids)) for state, ids in found.items() if len(ids) == 1}


def organ_of_state(attribution: Attribution, sent: Span, named: Mentions, bodies: Mapping[str, str]) -> None:
    """ "South Korean authorities said": a state's generic organs stand for the one body of that
    state the document names elsewhere (its military command, its spy agency). Never a guess:
    with no such body named, or more than one, the state keeps the word."""
    body = bodies.get(attribution.speaker or "")
    if body is None:
        return
    words = [t for t in sent if attribution.start <= t.idx < attribution.end]
    head = next(
        (t for t in words if t.lemma_.lower() in AUTHORITY_NOUNS or t.lower_ in AUTHORITY_NOUNS), None
    )
    if head is not None and any(
        c.dep_ == "amod" and named.entity(c) == attribution.speaker for c in head.children
    ):
        attribution.speaker = body


def cites_bare_intelligence(cited: Token, named: Mentions) -> bool:
    """ "citing intelligence": the word alone, naming no agency."""
    return (
        cited.lemma_.lower() == "intelligence"
        and named.entity(cited) is None
        and not any(c.dep_ in ("amod", "compound", "poss", "prep") for c in cited.children)
    )


def credit_the_state_s_body(found: Sequence[Attribution], bodies: Mapping[str, str], cited: Token) -> None:
    """ "South Korean lawmakers said, citing intelligence, …": the findings are those of the one
    intelligence or military body of that state the document names; the state's unnamed officials
    only pass them on, so the state stays among what the sentence names. Never a guess: with no
    such body named, the state keeps the claim."""
    passer = next((a for a in found if a.speaker is not None), None)
    body = bodies.get(passer.speaker or "") if passer is not None else None
    if passer is None or body is None:
        return
    passers = {i for i in passer.framing if passer.start <= cited.doc[i].idx < passer.end}
    passer.speaker, passer.cue, passer.framing = body, "citing", (passer.framing - passers) | {cited.i}
    passer.start, passer.end = cited.idx, cited.idx + len(cited)
