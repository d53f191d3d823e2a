"""Commentary: sentences that judge, prescribe or interpret in the outlet's own voice.

A sentence is opinion when its subjectivity features add up to OPINION_SCORE:
evaluative words ("a worrying escalation"), prescriptive modals with a public
actor ("must respond decisively"), framing ("could be viewed as"), a copula
that interprets an act ("is a strategic move", "not only … but also"),
concluding markers, and the lexicon subjectivity of TextBlob (Pattern's
adjective lexicon). A sentence that reports someone's words, or holds a
figure, is not the outlet's commentary: it stays a claim.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from claimgraph.extract.lexicons import (
    CONCLUDING_MARKERS,
    EVALUATIVE_WORDS,
    FRAMING_VERBS,
    INTERPRETIVE_NOUNS,
    PRESCRIPTIVE_AUX,
    PRESCRIPTIVE_PHRASES,
)

# Calibrated as a set on sentences of our own (tests/test_modality.py); don't tune one weight alone.
OPINION_SCORE = 2.0
_WEIGHTS = {
    "evaluative": 2.0,
    "prescriptive": 2.0,
    "framing": 2.0,
    "interpretive": 1.0,
    "not_only": 1.0,
    "concluding": 1.0,
    "subjective": 0.5,
    "very_subjective": 0.5,
}


def opinion_features(sent: Span) -> dict[str, float]:
    """The subjectivity cues present in a sentence, each with its weight."""
    words = [t.lower_ for t in sent]
    text = " ".join(words)
    found: dict[str, float] = {}
    if any(t.lower_ in EVALUATIVE_WORDS or t.lemma_.lower() in EVALUATIVE_WORDS for t in sent):
        found["evaluative"] = _WEIGHTS["evaluative"]
    if any(t.lower_ in PRESCRIPTIVE_AUX and t.tag_ == "MD" for t in sent) or any(
        f" {phrase} " in f" {text} " for phrase in PRESCRIPTIVE_PHRASES
    ):
        found["prescriptive"] = _WEIGHTS["prescriptive"]
    if any(_is_framing(t) for t in sent):
        found["framing"] = _WEIGHTS["framing"]
    if _interprets(sent):
        found["interpretive"] = _WEIGHTS["interpretive"]
    if "not only" in text and "but" in words:
        found["not_only"] = _WEIGHTS["not_only"]
    if any(text.startswith(marker) for marker in CONCLUDING_MARKERS):
        found["concluding"] = _WEIGHTS["concluding"]
    subjectivity = lexicon_subjectivity(sent.text)
    if subjectivity >= 0.5:
        found["subjective"] = _WEIGHTS["subjective"]
    if subjectivity >= 0.75:
        found["very_subjective"] = _WEIGHTS["very_subjective"]
    return found


def is_opinion(sent: Span, attributed: bool, has_quantity: bool) -> bool:
    """Commentary in the outlet's own voice, with no figure."""
    if attributed or has_quantity or _is_question(sent):
        return False
    return sum(opinion_features(sent).values()) >= OPINION_SCORE


@lru_cache(maxsize=4096)
def lexicon_subjectivity(text: str) -> float:
    """TextBlob's subjectivity (0 objective .. 1 subjective), from its bundled lexicon only."""
    from textblob.en import sentiment  # the lexicon loads on first use, not at import

    return float(sentiment(text)[1])


def _is_framing(token) -> bool:  # type: ignore[no-untyped-def]
    """ "could be viewed as", "may be seen as": a judgement presented as a way of seeing."""
    if token.lemma_.lower() not in FRAMING_VERBS or token.tag_ != "VBN":
        return False
    passive = any(c.dep_ == "auxpass" for c in token.children)
    as_phrase = any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
    return passive and as_phrase


def _interprets(sent: Span) -> bool:
    """A copula naming what an act means: "X is a strategic move", "this marks a new step"."""
    for token in sent:
        if token.dep_ in ("attr", "dobj") and token.lemma_.lower() in INTERPRETIVE_NOUNS:
            head = token.head
            if head.lemma_ in ("be", "mark", "represent", "signal", "constitute"):
                return True
    return False


def _is_question(sent: Span) -> bool:
    return sent.text.rstrip().endswith("?")
