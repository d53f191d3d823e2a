"""Statements that run over several sentences: one speaker's claims joined into one.

A reporter often spreads one statement over several sentences: "X said A. He added B."
or "According to X, 3,000 were sent. ... '3,000 were sent,' X said." Read one claim per
sentence, that is several attributions where the speaker made one statement. A sentence
carries on the statement of the sentence before when all its attributed claims are that
speaker's and it does not name the speaker anew (it points back: "he", "the ministry", a
quotation running on, a credit to the sentence before); a news outlet's report is one
statement even where each sentence names the outlet again. A sentence of one speaker repeats
that speaker's last statement, even with other sentences between, when every figure it
gives is one the statement gave (a new figure is news, not a repeat). Its claims then
cover the statement's sentences: their span runs from the first sentence to the last, so
each sentence stays as evidence of the one statement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from claimgraph.extract.attribution import Attribution
from claimgraph.records import Claim, Mention

_Figure = tuple[float, float, str]
_ONE_REPORT_KINDS = frozenset(["media outlet"])


@dataclass(slots=True)
class Statement:
    """One speaker's statement as read so far."""

    speaker: str
    start: int  # where its first sentence begins in the body
    first: int  # index of its first claim among the document's claims
    figures: frozenset[_Figure]
    via: str | None = None  # who passed it on: a statement passed on by another is another


def figures_of(claims: Sequence[Claim]) -> frozenset[_Figure]:
    """The figures the claims give, compared by value and unit."""
    return frozenset((c.quantity.low, c.quantity.high, c.quantity.unit) for c in claims if c.quantity)


def sole_speaker(claims: Sequence[Claim]) -> str | None:
    """The one speaker of a sentence's claims, when every claim that names a speaker names it."""
    speakers = {c.speaker for c in claims if c.speaker}
    return next(iter(speakers)) if len(speakers) == 1 else None


def names_anew(
    speaker: str,
    found: Sequence[Attribution],
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    text: str,
) -> bool:
    """Whether the sentence names the speaker in its own words ("Budanov said"), not by
    pointing back ("he said", "the agency added", a quotation that runs on)."""
    for attribution in found:
        if attribution.speaker != speaker or attribution.start >= attribution.end:
            continue
        if speaker not in kinds:  # words, not an entity: named when the words are there
            if speaker.lower() in text[attribution.start : attribution.end].lower():
                return True
            continue
        # "South Korean authorities estimated": a phrase that names anything but the one passing it
        # on (here the state whose body speaks) names the speaker anew; "he", "the agency" point back.
        words = [m for m in mentions if attribution.start <= m.start < attribution.end]
        if any(m.entity_id != attribution.via for m in words):
            return True
    return False


def carries_on(
    statement: Statement,
    made: Sequence[Claim],
    found: Sequence[Attribution],
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    text: str,
    sentence: Span | None = None,
) -> bool:
    """Whether a sentence's claims carry on the statement open before: all its attributed claims
    are that speaker's, who is not named anew (an outlet may be: it tells one report), or is
    named anew in the ``sentence`` after with no word making it a further point."""
    if sole_speaker(made) != statement.speaker or any(c.opinion for c in made):
        return False
    if kinds.get(statement.speaker) in _ONE_REPORT_KINDS:
        return True  # an outlet's report is one statement, however many sentences relay it
    if not names_anew(statement.speaker, found, mentions, kinds, text):
        return True
    mine = [a for a in found if a.speaker == statement.speaker]
    if any(a.via and a.via != statement.via for a in mine):
        return False  # "…, TASS cited him as saying": passed on by another, another statement
    verbs = [a.verb for a in mine if a.verb is not None]
    return sentence is not None and not a_further_point(sentence, verbs)


# Words by which a reporter marks a sentence of the same speaker as a point of its own:
# "Budanov also said", "In addition, …", "Jalali said separately", "had previously revealed".
_FURTHER = frozenset(
    ["also", "additionally", "separately", "further", "furthermore", "moreover", "previously", "earlier",
     "later", "again", "addition"]
)  # fmt: skip


def a_further_point(sentence: Span, verbs: Sequence[Token] = ()) -> bool:
    """Whether a sentence that names its speaker again makes a point of its own: a word that
    adds or sets it apart, on the verb of saying ("Budanov also said", "said separately") or
    opening the sentence ("In addition, …"), or a time it opens with ("In late December, X
    said …"). Without one, "X said on Saturday that A. Speaking in his address, X said B" tells
    one statement; an "also" inside what is said ("might also deploy them") sets nothing apart."""
    opening = sentence[: next((t.i - sentence.start for t in sentence if t.text == ","), 0)]
    on_the_verb = [t for v in verbs for t in v.children if t.dep_ in ("advmod", "prep", "npadvmod")]
    if any(t.lower_ in _FURTHER for t in [*opening, *on_the_verb]):
        return True
    return any(t.ent_type_ == "DATE" for t in opening)


def repeated(last: Mapping[str, Statement], made: Sequence[Claim]) -> Statement | None:
    """The speaker's last statement, when the sentence gives a figure of it again: a quotation
    or a second telling repeats the statement, even with other sentences between."""
    speaker = sole_speaker(made)
    earlier = last.get(speaker) if speaker is not None else None
    if earlier is None or any(c.opinion for c in made):
        return None
    figures = figures_of(made)
    return earlier if figures and figures <= earlier.figures else None


def opened(made: Sequence[Claim], first: int) -> Statement | None:
    """The statement a sentence's claims open: their one speaker, if any (an opinion opens none);
    ``first`` is the index of the first of them among the document's claims."""
    speaker = sole_speaker(made)
    if speaker is None or any(c.opinion for c in made):
        return None
    via = next((c.via for c in made if c.speaker == speaker and c.via), None)
    return Statement(speaker, min(c.start for c in made), first, figures_of(made), via)


def joined(claims: Sequence[Claim], statement: Statement, end: int, text: str) -> list[Claim]:
    """The claims with the statement's speaker made to span the statement up to ``end``."""
    return [
        replace(c, start=statement.start, end=end, text=text[statement.start : end])
        if c.speaker == statement.speaker
        else c
        for c in claims
    ]


@dataclass(slots=True)
class Statements:
    """The statements read so far in a document: the one the next sentence may carry on, and
    each speaker's last (which a later sentence may repeat)."""

    open: Statement | None = None
    last: dict[str, Statement] = field(default_factory=dict)

    def credit(self, claims: Sequence[Claim], first: int) -> None:
        """ "This was reported by NHK": the claims from ``first`` on open the credit's statement."""
        self.open = opened(claims[first:], first)
        if self.open is not None:
            self.last[self.open.speaker] = self.open

    def take(
        self,
        claims: list[Claim],
        made: list[Claim],
        carried: bool,
        end: int,
        text: str,
    ) -> list[Claim]:
        """A sentence's claims (ending at ``end``) joined to the statement they carry on
        (``carried``) or repeat; the document's ``claims`` before them joined in place."""
        target = self.open if carried else repeated(self.last, made)
        if target is not None:
            claims[target.first :] = joined(claims[target.first :], target, end, text)
            made = joined(made, target, end, text)
            target.figures |= figures_of(made)
            self.open = target
        elif made:
            self.open = opened(made, len(claims))
        if self.open is not None:
            self.last[self.open.speaker] = self.open
        return made
