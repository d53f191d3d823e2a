"""Speech inside speech: whose words a statement reported within another one's are.

"'It is estimated that 3,000 were sent,' the agency said": the unnamed estimate is the
agency's. "The lawmaker said the spy agency told them 2,000 had died": the figure is the spy
agency's, passed on by the lawmaker, one statement and not two.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from claimgraph.extract.attribution import Attribution

_QUOTES = frozenset('"“”')
_CONTENT = frozenset(["ccomp", "xcomp", "conj", "parataxis"])  # links from a verb to what it says


def lend_nested_speakers(found: list[Attribution]) -> None:
    """An unnamed passive inside a named speaker's words is that speaker's (an estimate still)."""
    for inner in found:
        if inner.speaker is not None or inner.verb is None:
            continue
        outer = _outer(inner, found)
        if outer is not None:
            inner.speaker, inner.via = outer.speaker, outer.via


def relay_nested_speakers(
    found: list[Attribution], speaks_for: Mapping[str, str] | None = None
) -> list[Attribution]:
    """A named speaker reported in another's words (not quoted) is the speaker, the other the relay.

    In quotation marks the outer speaker speaks for themself ("'The government supports it,'
    Kim said"), so a quoted inner verb is left alone; so does one reporting what the state they
    speak for (the pack's ``speaks_for``) says: "the minister said his government expressed
    support" is the minister's word.
    """
    speaks_for = speaks_for or {}
    relays: list[Attribution] = []
    spoken_for = [a for a in found if a.verb is not None and _speaks_for_outer(a, found, speaks_for)]
    found = [a for a in found if a not in spoken_for]
    for inner in found:
        if inner.speaker is None or inner.verb is None or _quoted(inner.verb) or _by_pronoun(inner.verb):
            continue
        outer = _outer(inner, found)
        if outer is None or outer.speaker == inner.speaker or outer in relays or not _reported(inner, outer):
            continue
        inner.via = inner.via or outer.speaker
        inner.framing = inner.framing | outer.framing
        relays.append(outer)
    return [a for a in found if a not in relays]


def _speaks_for_outer(inner: Attribution, found: list[Attribution], speaks_for: Mapping[str, str]) -> bool:
    """The inner speaker is the state or body the outer one speaks for: the outer's word."""
    outer = _outer(inner, found) if inner.speaker is not None else None
    return outer is not None and speaks_for.get(str(outer.speaker)) == inner.speaker


def _outer(inner: Attribution, found: list[Attribution]) -> Attribution | None:
    """The named attribution whose verb governs the inner one's verb."""
    assert inner.verb is not None
    return next(
        (
            a
            for a in found
            if a is not inner
            and a.speaker is not None
            and a.verb is not None
            and a.verb.i != inner.verb.i
            and inner.verb.i in {t.i for t in a.verb.subtree}
        ),
        None,
    )


def _reported(inner: Attribution, outer: Attribution) -> bool:
    """Whether the inner verb lies in what the outer one says (its clause), not in a relative
    clause beside it ("after X confirmed it, which Y says …" are two statements)."""
    assert inner.verb is not None and outer.verb is not None
    token = inner.verb
    if _closes_the_sentence(token):
        return False  # "X said Y, the Herald reported": the parser hung the report on "said"
    while token.i != outer.verb.i:
        if token.dep_ not in _CONTENT or token.head.i == token.i:
            return False
        token = token.head
    return True


def _closes_the_sentence(verb: Token) -> bool:
    """ ", the Herald reported." at a sentence's end: a report of all that came before."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    sent, doc = verb.sent, verb.doc
    at_end = all(t.is_punct or t.is_space for t in doc[verb.right_edge.i + 1 : sent.end])
    first = subject.left_edge.i if subject is not None else verb.i
    return (
        at_end
        and subject is not None
        and subject.i < verb.i
        and first > sent.start
        and doc[first - 1].text == ","
    )


def _by_pronoun(verb: Token) -> bool:
    """ "Prosecutors say they found …": a pronoun inside a statement is its own speaker again."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in verb.children)


def _quoted(verb: Token) -> bool:
    """Whether a verb stands inside quotation marks opened earlier in its sentence."""
    sent = verb.sent
    marks = sum(t.text in _QUOTES for t in sent if t.i < verb.i)
    return marks % 2 == 1
