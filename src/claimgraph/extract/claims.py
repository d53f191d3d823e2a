"""Claims: one per figure in a sentence, or one per sentence that names an entity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution import SPEECH_VERBS, Attribution, find_attribution
from claimgraph.extract.modality import is_opinion, sentence_modality
from claimgraph.records import Claim, Entity, Mention, Quantity, TimeRef

_Located = TypeVar("_Located", Mention, Quantity, TimeRef)
_PLACE_KINDS = frozenset({"place", "facility"})


def extract_claims(
    doc: Doc,
    document_id: str,
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    quantities: Sequence[Quantity],
    times: Sequence[TimeRef],
) -> tuple[Claim, ...]:
    kinds = {e.id: e.kind for e in entities}
    claims: list[Claim] = []
    for sent in doc.sents:
        inside = _within(mentions, sent)
        figures = _within(quantities, sent)
        if not inside and not figures:
            continue
        attribution = find_attribution(sent, inside)
        speaker_ids = {attribution.speaker} if attribution else set()
        about = [m for m in inside if not _in_attribution(m, attribution)] or inside
        predicate, verb = _predicate(sent)
        subject = _role_entity(about, verb, ("nsubj", "nsubjpass"))
        obj = _role_entity(about, verb, ("dobj", "pobj", "attr", "dative"), exclude=subject)
        place = next((m.entity_id for m in about if kinds.get(m.entity_id) in _PLACE_KINDS), None)
        entity_ids = tuple(dict.fromkeys(m.entity_id for m in about if m.entity_id not in speaker_ids))
        sentence_times = _within(times, sent)
        modality = sentence_modality(sent, attribution is not None)
        opinion = is_opinion(sent, attribution is not None, bool(figures))
        for n, figure in enumerate(figures or [None]):
            claims.append(
                Claim(
                    id=f"{document_id[:16]}-{sent.start_char}-{n}",
                    document_id=document_id,
                    start=sent.start_char,
                    end=sent.end_char,
                    text=sent.text,
                    predicate=predicate,
                    subject=subject,
                    object=obj,
                    place=place,
                    entities=entity_ids,
                    quantity=figure,
                    time=_nearest_time(sentence_times, figure),
                    speaker=attribution.speaker if attribution else None,
                    cue=attribution.cue if attribution else None,
                    modality=modality,
                    negated=any(t.dep_ == "neg" for t in sent),
                    opinion=opinion,
                )
            )
    return tuple(claims)


def _within(items: Sequence[_Located], sent: Span) -> list[_Located]:
    return [item for item in items if sent.start_char <= item.start and item.end <= sent.end_char]


def _in_attribution(mention: Mention, attribution: Attribution | None) -> bool:
    return attribution is not None and attribution.start <= mention.start and mention.end <= attribution.end


def _predicate(sent: Span) -> tuple[str, Token]:
    """The main verb's lemma; past a speech verb to the reported clause ("said X sent" -> send)."""
    verb = sent.root
    if verb.lemma_.lower() in SPEECH_VERBS or verb.lower_ == "according":
        inner = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        if inner is not None:
            verb = inner
    if verb.pos_ == "AUX":
        inner = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr")), None)
        verb = inner or verb
    return verb.lemma_.lower(), verb


def _role_entity(
    mentions: Sequence[Mention], verb: Token, deps: tuple[str, ...], exclude: str | None = None
) -> str | None:
    """The first entity inside the verb's argument of the given dependency."""
    for child in verb.children:
        if child.dep_ not in deps and not (child.dep_ == "prep" and "pobj" in deps):
            continue
        tokens = list(child.subtree)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        for mention in mentions:
            if start <= mention.start and mention.end <= end and mention.entity_id != exclude:
                return mention.entity_id
    return None


def _nearest_time(times: Sequence[TimeRef], figure: Quantity | None) -> TimeRef | None:
    if not times:
        return None
    if figure is None:
        return times[0]
    return min(times, key=lambda t: abs(t.start - figure.start))
