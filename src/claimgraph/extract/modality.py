"""How firmly a sentence puts its claim, and whether it is opinion."""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.records import Modality

_DENIED = frozenset({"deny", "denial", "reject", "dismiss", "refute"})
_TARGET = frozenset({"aim", "ambition", "target", "goal", "seek", "ramp"})
_PLANNED = frozenset({"will", "plan", "prepare", "intend", "schedule", "set", "expect", "agree"})
_SPECULATIVE = frozenset({"could", "might", "may", "would"})
_HEDGED = frozenset({"likely", "probably", "possibly", "apparently", "appear", "seem", "suggest", "believe"})
_ESTIMATED = frozenset({"estimate", "estimated", "estimates", "approximately", "roughly"})
_REPORTED = frozenset({"reportedly", "allegedly", "report", "according", "claim", "say", "cite"})
_EVALUATIVE = frozenset(
    [
        "worrying",
        "worried",
        "troubling",
        "concerning",
        "alarming",
        "dangerous",
        "deeply",
        "undoubtedly",
        "clearly",
        "must",
        "should",
        "ought",
        "need",
        "necessitate",
        "dire",
        "catastrophic",
        "unpredictable",
        "desperation",
        "morally",
        "arguably",
        "shameful",
        "disgraceful",
        "welcome",
        "laudable",
        "regrettable",
        "escalation",
    ]
)


def sentence_modality(sent: Span, attributed: bool) -> Modality:
    """The strongest cue in the sentence wins, in the order below."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if lemmas & _DENIED:
        return Modality.DENIED
    if lemmas & _TARGET:
        return Modality.TARGET
    if lemmas & _HEDGED:
        return Modality.HEDGED
    if lemmas & _SPECULATIVE:
        return Modality.SPECULATIVE
    if lemmas & _PLANNED or _is_to_be(sent):
        return Modality.PLANNED
    if lemmas & _ESTIMATED:
        return Modality.ESTIMATED
    if attributed or lemmas & _REPORTED:
        return Modality.REPORTED
    return Modality.ASSERTED


def _is_to_be(sent: Span) -> bool:
    """ "are to be dispatched": a plan put as an obligation."""
    words = [t.lower_ for t in sent]
    return any(words[i : i + 3] in (["is", "to", "be"], ["are", "to", "be"]) for i in range(len(words)))


def is_opinion(sent: Span, attributed: bool, has_quantity: bool) -> bool:
    """Commentary: evaluative or prescriptive words, in the outlet's own voice, with no figure."""
    if attributed or has_quantity:
        return False
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    return len(words & _EVALUATIVE) >= 1
