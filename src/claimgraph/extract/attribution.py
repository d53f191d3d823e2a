"""Who a sentence is attributed to, and by what cue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.records import Mention

SPEECH_VERBS = frozenset(
    [
        "say",
        "state",
        "warn",
        "confirm",
        "report",
        "tell",
        "reveal",
        "claim",
        "announce",
        "add",
        "note",
        "explain",
        "insist",
        "estimate",
        "assert",
        "allege",
        "deny",
        "acknowledge",
        "admit",
        "suggest",
        "indicate",
        "highlight",
        "point",
        "show",
        "disclose",
        "describe",
        "express",
        "argue",
        "write",
        "believe",
    ]
)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str  # an entity id when resolved, else the words used
    cue: str
    start: int
    end: int


def find_attribution(sent: Span, mentions: Sequence[Mention]) -> Attribution | None:
    """ "according to X", "X said …", "…, X warned", "X, citing Y" (the speaker is X)."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and sent.doc[token.i + 1].lower_ == "to":
            phrase = _subtree_span(sent.doc[token.i + 1])
            return _speaker(phrase, mentions, "according to")
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if token.dep_ == "relcl" or subject is None or subject.lower_ in _PRONOUNS:
                continue
            return _speaker(_subtree_span(subject), mentions, token.lemma_.lower())
    for token in sent:
        if token.lower_ == "citing":
            return _speaker(_subtree_span(token), mentions, "citing")
    return None


_PRONOUNS = frozenset(["it", "this", "that", "which", "who", "what", "there", "i", "we", "you"])


def _subtree_span(token: Token) -> Span:
    tokens = list(token.subtree)
    return token.doc[tokens[0].i : tokens[-1].i + 1]


def _speaker(phrase: Span, mentions: Sequence[Mention], cue: str) -> Attribution:
    """The last entity named in the phrase ("the Japanese news agency NHK" -> NHK)."""
    inside = [m for m in mentions if phrase.start_char <= m.start and m.end <= phrase.end_char]
    organisations = [m for m in inside if not _is_modifier(phrase, m)]
    chosen = (organisations or inside or [None])[-1]
    if chosen is not None:
        return Attribution(chosen.entity_id, cue, phrase.start_char, phrase.end_char)
    return Attribution(phrase.text.strip(" ,"), cue, phrase.start_char, phrase.end_char)


def _is_modifier(phrase: Span, mention: Mention) -> bool:
    """ "Japanese" in "the Japanese news agency NHK" describes; it does not speak."""
    span = phrase.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("amod", "compound") and span.root.head.i < phrase.end
