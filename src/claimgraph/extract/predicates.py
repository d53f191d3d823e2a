"""Predicate, subject, object and polarity of a claim, from the dependency parse."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from spacy.tokens import Span, Token

from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.extract.lexicons import DENIAL_VERBS, EVIDENCE_VERBS, NEGATIONS, SPEECH_VERBS
from claimgraph.records import Mention

_PARTICLES = {("turn", "out"): "produce", ("ramp", "up"): "increase", ("set", "up"): "establish"}
_VERBAL = ("VERB", "AUX")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_OBJECTS = ("dobj", "dative", "attr", "oprd")


def normalise_predicate(verb: Token, vocabulary: Vocabulary) -> str:
    """The verb's lemma, lower-case, particles folded ("turn out" -> produce) and the verbs of one
    act family in the pack's vocabulary merged under its name."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle and (lemma, particle) in _PARTICLES:
        return _PARTICLES[(lemma, particle)]
    return vocabulary.act(lemma)


def content_verb(sent: Span, cue: Token | None, scope: Collection[int]) -> Token:
    """The verb of what is claimed: past a verb of saying to its clause ("said X sent" -> send),
    past a copula to its complement, and past "agree/plan to" to what is agreed or planned."""
    verb = cue if cue is not None else _root(sent)
    if cue is not None or _is_saying(verb):
        inner = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i in scope), None)
        if inner is None:
            inner = next((t for t in sent if t.i in scope and t.pos_ in _VERBAL and t.dep_ != "aux"), None)
        verb = inner or verb
    if verb.pos_ == "AUX" or verb.lemma_ == "be":
        inner = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "ccomp")), None)
        if inner is not None and inner.pos_ in _VERBAL:
            verb = inner
    return verb


def governing_verb(token: Token, scope: Collection[int]) -> Token | None:
    """The nearest verb above a token (itself included) that lies in the scope."""
    current: Token | None = token
    while current is not None:
        if current.pos_ in _VERBAL and current.dep_ not in ("aux", "auxpass", "amod") and current.i in scope:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def role_entities(
    verb: Token, mentions: Sequence[Mention], exclude: Collection[str] = ()
) -> tuple[str | None, str | None]:
    """(subject, object) entity ids: the first entity inside the verb's subject and object phrases.

    A passive's subject is its object ("25,000 workers are sent"), and its agent its subject;
    a verb with no subject of its own takes its governing verb's ("agreed to begin", "is likely to reach").
    """
    subject = object_ = None
    current = verb
    for _ in range(3):
        for child in current.children:
            found = _phrase_entity(child, mentions, exclude)
            # "Russia is believed to have supplied": a governing passive's subject does the act.
            governing_passive = child.dep_ == "nsubjpass" and current.i != verb.i
            if child.dep_ in ("nsubj", "csubj", "agent") or governing_passive:
                subject = subject or found
            elif current.i == verb.i and (
                child.dep_ in ("nsubjpass", *_OBJECTS)
                or (child.dep_ == "prep" and child.lower_ in ("to", "with"))
            ):
                object_ = object_ or found
        accused = _accused_of(current) if subject is None else None
        if accused is not None:  # "Seoul accused Moscow of transferring technology": Moscow transfers
            subject = _phrase_entity(accused, mentions, exclude)
            break
        if subject is not None or current.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp"):
            break
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in current.children):
            break  # "the agency said 12,000 troops had arrived": the troops arrived, not the agency
        if current.i == verb.i and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            break  # "… launched 479 drones, of which 277 were shot down": the launcher did not shoot
        current = current.head
    if object_ == subject:
        object_ = None
    return subject, object_


def _accused_of(verb: Token) -> Token | None:
    """The object of "accuse X of doing", "suspect X of doing": the doer of the gerund."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "of":
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)


def _phrase_entity(head: Token, mentions: Sequence[Mention], exclude: Collection[str]) -> str | None:
    """The entity a phrase names: the one its head word (or a name set beside it) is part of
    ("North Korean leader Kim Jong Un" is Kim), else the first inside it ("South Korea's military")."""
    named = [head, *(c for c in head.children if c.dep_ == "appos")]  # "Kim's sister, Kim Yo Jong"
    for token in named:
        for mention in mentions:
            if mention.start <= token.idx < mention.end and mention.entity_id not in exclude:
                return mention.entity_id
    return _first_entity(list(head.subtree), mentions, exclude)


def _first_entity(
    tokens: Sequence[Token], mentions: Sequence[Mention], exclude: Collection[str]
) -> str | None:
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    for mention in mentions:
        if start <= mention.start and mention.end <= end and mention.entity_id not in exclude:
            return mention.entity_id
    return None


def place_entity(
    verb: Token, scope: Collection[int], mentions: Sequence[Mention], kinds: Mapping[str, str]
) -> str | None:
    """Where it happens: a place or facility in the claim, or a country after in/at/near."""
    doc = verb.doc
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.i not in scope:
            continue
        kind = kinds.get(mention.entity_id)
        if kind in ("place", "facility"):
            return mention.entity_id
        head = span.root.head
        if kind == "country" and span.root.dep_ == "pobj" and head.lower_ in ("in", "at", "near", "inside"):
            return mention.entity_id
    return None


def is_negated(verb: Token) -> bool:
    """Polarity: "not", "never", "yet to", or "no" before the verb's subject or object."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if verb.head.i != verb.i and verb.dep_ in ("xcomp",) and verb.head.pos_ in _VERBAL:
        heads.append(verb.head)  # "failed to", "has yet to"
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" or child.lower_ in ("never",):
                return True
            if child.lower_ == "yet" and any(c.lower_ == "to" or c.dep_ == "xcomp" for c in head.children):
                return True
            if child.dep_ in (*_SUBJECTS, *_OBJECTS) and any(
                d.lower_ in ("no", "none") and d.dep_ == "det" for d in child.children
            ):
                return True
    return verb.lemma_.lower() in ("fail",) or any(t.lower_ in NEGATIONS and t.dep_ == "neg" for t in heads)


def _root(sent: Span) -> Token:
    """The sentence's root, preferring a verb when the line was parsed with its neighbour."""
    root = sent.root
    if root.pos_ not in _VERBAL:
        return next((t for t in sent if t.pos_ in _VERBAL and not sent.start <= t.head.i < sent.end), root)
    return root


def _is_saying(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return (
        lemma in SPEECH_VERBS
        or lemma in EVIDENCE_VERBS
        or lemma in DENIAL_VERBS
        or verb.lower_ == "according"
    )
