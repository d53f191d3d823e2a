"""When "recent" dates a claim: only an act said to be recent, and only when nothing nearer does.

"Died in recent strikes", "during his recent visit", "recently struck": the act took place in
the weeks before the report, so the report's month dates it. "A recent interview", "recent
reports suggest", "recently planned" speak of a statement or a plan, not of an act the story
tracks; and a sentence that names its own date ("recently met on Tuesday") is dated by that.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.records import TimeRef


def is_recent(time: TimeRef) -> bool:
    """Whether a time expression is "recent" or "recently"."""
    return time.text.lower() in ("recent", "recently")


def dating_times(doc: Doc, times: Sequence[TimeRef], vocabulary: Vocabulary) -> list[TimeRef]:
    """The sentence's times that may date its claims: a "recent" only on an act of the vocabulary
    and only in a sentence naming no other date."""
    others = [t for t in times if not is_recent(t) and t.kind == "date" and t.value]
    return [t for t in times if not is_recent(t) or (not others and _on_an_act(doc, t, vocabulary))]


def _on_an_act(doc: Doc, time: TimeRef, vocabulary: Vocabulary) -> bool:
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    return word.dep_ in ("amod", "advmod") and is_act(word.head, vocabulary)


def is_act(token: Token, vocabulary: Vocabulary) -> bool:
    """Whether a verb or noun names one of the vocabulary's acts ("visit", "strikes", "deployed")."""
    lemma = token.lemma_.lower()
    if lemma in vocabulary.acts or lemma in vocabulary.families:
        return True
    return any(token.lower_ in family.forms for family in vocabulary.families.values())
