"""What the words around a name say about it: state or city, heading or prose, which sense."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from claimgraph.annotate.model import doc_text
from claimgraph.domains.vocabulary import base_vocabulary


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Prepositions of place: "talks in Pyongyang" is the city, not the state.
_LOCATIVE = _words("in at near inside outside around across throughout within outside beyond into onto")
# Heads after which "to"/"from" a capital is a journey, not a relation between states.
_MOTION = _words(
    "visit trip travel fly flight arrive arrival return journey go come move relocate head tour "
    "evacuate deport deportation drive train route road"
)
# Verbs whose object is a place hit or visited: "Russia struck Kyiv" is the city.
_PLACE_VERBS = _words(
    "visit tour leave reach enter strike attack bomb shell hit target pound raid besiege encircle"
)
# Nouns a capital modifies as a place: "the Moscow region", "Kyiv's outskirts".
_PLACE_NOUNS = _words(
    "region oblast province city suburb suburbs outskirts airport metro street streets district "
    "centre center mayor residents skyline subway"
)
# People who speak for a state: "officials in Seoul" is South Korea, not the city.
_PEOPLE = _words("official government authority leader diplomat source minister ministry spokesman")
_TERMINAL = tuple('.!?"”’:;)')


def metonym_role(span: Span) -> str:
    """How a capital or seat of power is used: "actor" (stands for the state), "place" or "part".

    "part" is a capital inside a longer name ("Moscow Oblast", "Tehran Times").
    """
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and not after.ent_type_:
        return "part"
    if after is not None and after.lower_ in _PLACE_NOUNS:
        return "place"
    token = _coordination_head(span.root)
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _LOCATIVE and head.head.lemma_.lower() not in _PEOPLE:
        return "place"  # but "officials in Kyiv" speak for the state
    if token.dep_ == "pobj" and head.lower_ in {"to", "from"} and head.head.lemma_.lower() in _MOTION:
        return "place"
    if token.dep_ in {"dobj", "obj"} and head.lemma_.lower() in _PLACE_VERBS:
        return "place"
    if token.dep_ == "poss" and head.lower_ in _PLACE_NOUNS:
        return "place"
    return "actor"


def _coordination_head(token: Token) -> Token:
    """The first of "Moscow and Pyongyang": its role is the role of the whole pair."""
    for _ in range(len(token.doc)):  # spaCy makes a new Token per access: compare positions
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    return token


def has_kind_cue(span: Span, kind: str, kinds: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Whether the span's sentence has a word typical of the kind ("missile" for a weapon), as the
    pack's ``kinds`` (default: the base pack's) list them."""
    cues = (kinds if kinds is not None else base_vocabulary().kinds).get(kind)
    if not cues:
        return False
    sentence = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    return any(t.lower_ in cues for t in sentence if not (span.start <= t.i < span.end))


def heading_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the body's headings: short lines without closing punctuation,
    or lines in title case. spaCy reads capitals as names, so its guesses there are weak."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for line in doc_text(doc).split("\n"):
        if _is_heading(line):
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def _is_heading(line: str) -> bool:
    words = line.split()
    if not words:
        return False
    longer = [w for w in words if len(w.strip("\"“”‘’'(),")) > 3]
    title_case = sum(1 for w in longer if w.lstrip("\"“‘'(")[:1].isupper()) / len(longer) if longer else 0.0
    closed = line.rstrip().endswith(_TERMINAL)
    return (not closed and len(words) <= 15) or (title_case >= 0.7 and len(words) <= 20)


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)
