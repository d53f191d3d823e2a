"""What a figure measures: the act it counts, what kind of loss, whose things, and when it holds.

Two figures are comparable only when they measure the same thing: the same actor's
things, counted by the same act ("sent", "killed", "produced"), of the same kind of
loss ("killed" is not "killed or wounded"), and at a known time. These are read from
the claim's sentence around its figure, in general English; what extraction already
decided (the predicate, subject, time) comes first where it says enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from claimgraph.reconcile.lexicon import (
    LOSS_FAMILY,
    LOSS_PHRASES,
    LOSS_UNITS,
    RUNNING_SINCE,
    counts,
    counts_people,
    dated_kinds,
    family_of_lemma,
    family_of_word,
    plan_after,
    plan_before,
    words_with_offsets,
)
from claimgraph.records import Claim, Entity, Quantity

ACTOR_KINDS = frozenset({"country", "organisation", "person", "intelligence or military body", "facility"})
# How far around a figure its own words reach: "over 3,000 soldiers have been killed or wounded".
_LOSS_AFTER = 90
_LOSS_BEFORE = 20
# A figure a count is put at ("put the number of soldiers killed in combat at around 3,000") is
# the count the loss words before it name, further back than a figure's own words reach.
_LOSS_PUT_AT = 60
_PUT_AT = re.compile(r"\bat\s*$", re.IGNORECASE)
_PLAN_BEFORE = 100  # "has decided to send 1,000 sappers … as well as 5,000 builders"
_PLAN_AFTER = 80  # "25,000 workers from North Korea are to be dispatched"
# Words between a loss word and a later figure that make the figure the whole it is part of:
# "4,000 casualties out of the 11,000 sent".
_PART_OF = re.compile(r"\b(?:out of|of|from|among)\b", re.IGNORECASE)
_OWNER_AFTER = re.compile(r"^\s*(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)  # "12,000 workers from X"
_DESTINATION = re.compile(
    r"\b(?:to|into|in|inside|toward|towards|across|throughout|within|at|on|against|for|with|by|over)"
    r"\s+(?:the\s+|all\s+of\s+)?(?:(?:\w+\s+)?(?:parts?|regions?|areas?|corners?)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)  # "sent to Russia", "sites across Russia", "in various parts of Russia": where things go or are
# A loss word that heads a figure after it ("losses of at least 4,000", "a death toll at around 1,000").
_GOVERNS = re.compile(
    r"\s+(?:of|at|to|near|around|about|some|nearly|almost|over|more than|at least|up to|roughly|"
    r"approximately|\s)+\d",
    re.IGNORECASE,
)
_SELF = re.compile(r"\b(?:it|its|itself|we|our)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s?\b")
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\b",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|announces|told|stated|added|noted|confirmed|"
    r"claimed|wrote|posted|revealed|disclosed)\s+(?:on\s+|in\s+|this\s+|last\s+)?$",
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"\b(?:said|says|reported|reports|announced|stated|told|noted|confirmed|claimed|wrote|revealed|"
    r"disclosed|estimated)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[.;:!?]\s|,\s")
# "since October last year": a month or season may stand between "since" and the time it narrows.
_PART_OF_YEAR = (
    r"(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)\s+)?(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december|spring|summer|autumn|fall|winter)(?:\s+of)?\s+"
)
_SINCE = re.compile(
    r"\b(" + "|".join(sorted(RUNNING_SINCE)) + r")\s+(?:the\s+)?(?:" + _PART_OF_YEAR + r")?$", re.IGNORECASE
)


def fits(family: str | None, unit: str) -> bool:
    """Whether an act can count this unit: people are not produced, drones are not killed."""
    if family is None:
        return True
    people, counted = counts_people(unit), counts(family)
    if counted == "money":
        return unit.isupper()  # currencies are written as ISO codes: "paid $800" counts dollars
    return not ((people and counted == "things") or (not people and counted == "people"))


def figure_act(claim: Claim, quantity: Quantity, unit: str) -> tuple[str | None, str | None]:
    """The act a figure counts (its family and the word it was read from).

    A loss unit ("4,700 casualties") or a loss word beside a count of people ("3,000 soldiers
    … killed or wounded", "lost 600 troops") makes a loss, even when extraction's predicate is
    the participle before it ("2,000 soldiers deployed to Russia are estimated to have been
    killed"); else the predicate, else the nearest act word that can count the unit.
    """
    if unit in LOSS_UNITS and loss_phrase(claim, quantity) is not None:
        return LOSS_FAMILY, quantity.unit
    if counts_people(unit):
        phrase = loss_phrase(claim, quantity)
        if phrase is not None:
            return LOSS_FAMILY, phrase[0]
    # People are lost only by loss words beside their figure: a predicate "killed" elsewhere in
    # the sentence ("of the 11,000 sent, 4,000 were killed") does not make 11,000 a loss.
    family = family_of_lemma(claim.predicate)
    if family and fits(family, unit) and counts(family) != "people":
        return family, claim.predicate
    at = quantity.start - claim.start
    near = [
        (abs(pos - at), family, word)
        for word, pos in words_with_offsets(claim.text)
        if (family := family_of_word(word))
        and fits(family, unit)
        and counts(family) != "people"
        and not dated_kinds(family)
    ]
    if not near:
        return None, None
    _, family, word = min(near)
    return family, word


def planned(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure's own clause states an intention: "is considering sending about 25,000",
    "has decided to send 1,000 sappers", "25,000 workers … are to be dispatched". Extraction
    tells most plans from the pack's cues; these are the ones it reads as told facts, because
    the cue governs another verb than the figure's. The cues are the pack's, with general modals."""
    text = claim.text.lower()
    at, end = quantity.start - claim.start, quantity.end - claim.start
    before = re.split(r"[.;:!?\"“”]", text[max(0, at - _PLAN_BEFORE) : at])[-1]  # its own sentence part
    after = text[end : end + _PLAN_AFTER]
    return plan_before(before) or plan_after(after)


def loss_aspect(claim: Claim, quantity: Quantity) -> str:
    """What a loss figure counts: casualties (killed and wounded), killed, wounded, captured, missing."""
    phrase = loss_phrase(claim, quantity)
    return phrase[1] if phrase else "casualties"


def loss_phrase(claim: Claim, quantity: Quantity) -> tuple[str, str] | None:
    """The loss words nearest the figure in its own clause, as (phrase, aspect); None when none.

    Words after the figure count up to the next figure; words before it only just before it
    ("lost approximately 4,700 soldiers", "the death toll at around 1,000"), or further back when
    the figure is what the count is put at ("the number killed in the fighting at about 900")."""
    text = claim.text.lower()
    at, end = quantity.start - claim.start, quantity.end - claim.start
    found = []
    for match in _LOSS_WORDS.finditer(text):
        phrase = match.group()
        aspect = _LOSS_ASPECTS[phrase]
        if at <= match.start() < end:
            found.append((0, -len(phrase), phrase, aspect))  # the figure's own noun: "600 deaths"
        elif match.start() >= end:
            gap = match.start() - end
            # "losses of at least 4,000" head the figure after them, not the one before
            if (
                gap <= _LOSS_AFTER
                and not _NUMBER.search(text[end : match.start()])
                and not _GOVERNS.match(text, match.end())
            ):
                found.append((gap, -len(phrase), phrase, aspect))
        elif match.end() <= at:
            gap = at - match.end()
            between = text[match.end() : at]
            reach = _LOSS_PUT_AT if _PUT_AT.search(between) else _LOSS_BEFORE
            if gap <= reach and not _NUMBER.search(between) and not _PART_OF.search(between):
                found.append((gap, -len(phrase), phrase, aspect))
    if not found:
        return None
    _, _, phrase, aspect = min(found)
    return phrase, aspect


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(phrase) + r"\b")


def _any_of(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern for whole-word phrases, the longest first ("killed or wounded" before "killed")."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


_LOSS_ASPECTS = dict(LOSS_PHRASES)
_LOSS_WORDS = _any_of(_LOSS_ASPECTS)


def owner_of(claim: Claim, quantity: Quantity, entities: Mapping[str, Entity]) -> str | None:
    """Whose things a figure counts: the actor its own words name ("2,000 North Korean soldiers",
    "12,000 workers from North Korea"), else the claim's subject (a leader's, the state named
    beside them), else another actor the sentence names that is not where things go."""
    text = claim.text
    at, end = quantity.start - claim.start, quantity.end - claim.start
    after = text[end : end + 60]
    own = text[at:end] + (after if _OWNER_AFTER.match(after) else "")
    named = _named_in(own, claim, entities)
    if named is not None:
        return named
    subject = claim.subject
    if subject is not None and _only_where_things_go(subject, claim, entities):
        subject = None  # "the personnel sent to Russia included 500 officers": misread as the doer
    beside = _state_beside(claim, entities)
    if _acts(subject, claim, entities):
        assert subject is not None
        if _kind(subject, entities) == "country":
            return subject
        return beside or subject  # "Chairman … of the DPRK Kim Jong Un decided to send": the state's
    if beside is None and _kind(claim.speaker, entities) == "country" and _SELF.search(claim.text):
        return claim.speaker  # "North Korea said it lost about 350 soldiers": its own account
    return beside


@lru_cache(maxsize=4_096)
def _names_pattern(name: str, aliases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every name of an entity (of three letters or more), the longest first."""
    names = sorted({n.lower() for n in (name, *aliases) if len(n) >= 3}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b") if names else _NEVER


_NEVER = re.compile(r"(?!)")


def _named_in(words: str, claim: Claim, entities: Mapping[str, Entity]) -> str | None:
    """The actor among the claim's entities whose name comes first in ``words``."""
    lowered = words.lower()
    first: tuple[int, str] | None = None
    for entity_id in dict.fromkeys((claim.subject, claim.object, *claim.entities)):
        if not _acts(entity_id, claim, entities):
            continue
        assert entity_id is not None
        entity = entities[entity_id]
        match = _names_pattern(entity.name, entity.aliases).search(lowered)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), entity_id)
    return first[1] if first else None


def _state_beside(claim: Claim, entities: Mapping[str, Entity]) -> str | None:
    """A country or body the sentence names that is neither where things go nor who speaks."""
    lowered = claim.text.lower()
    for entity_id in dict.fromkeys((*claim.entities, claim.object)):
        if entity_id is None or entity_id == claim.place or not _acts(entity_id, claim, entities):
            continue
        entity = entities[entity_id]
        if entity.kind != "country":
            continue  # a body or party named beside a figure is more often its speaker than its owner
        spots = [m.span() for m in _names_pattern(entity.name, entity.aliases).finditer(lowered)]
        if spots and all(
            _DESTINATION.search(lowered[:start]) or _POSSESSIVE.match(lowered, end) for start, end in spots
        ):
            continue  # "sent to Russia", "South Korea's estimate": not whose things are counted
        return entity_id
    return None


def _only_where_things_go(entity_id: str, claim: Claim, entities: Mapping[str, Entity]) -> bool:
    """Whether every time the sentence names a country it is where things go ("sent to Russia")."""
    entity = entities.get(entity_id)
    if entity is None or entity.kind != "country":
        return False
    lowered = claim.text.lower()
    spots = [m.start() for m in _names_pattern(entity.name, entity.aliases).finditer(lowered)]
    return bool(spots) and all(_DESTINATION.search(lowered[:start]) for start in spots)


def _acts(entity_id: str | None, claim: Claim, entities: Mapping[str, Entity]) -> bool:
    return bool(entity_id) and entity_id != claim.speaker and _kind(entity_id, entities) in ACTOR_KINDS


def _kind(entity_id: str | None, entities: Mapping[str, Entity]) -> str | None:
    entity = entities.get(entity_id or "")
    return entity.kind if entity else None


def held_at(claim: Claim) -> tuple[str | None, str | None, bool]:
    """(when the figure holds, since when it runs, whether that time is when it was said).

    "sent 15,000 since last year" is a running total that holds when it is reported (None
    here: the report's date), running since 2024; "NHK reported on Sunday that 25,000 will
    go" and "In March, prosecutors reported that 50 were fired" hold when they were told, a
    date of the telling and not of the act told."""
    time = claim.time
    if time is None or not time.value or not _dates_figure(claim):
        return None, None, False
    before = claim.text[: max(0, time.start - claim.start)]
    if _SINCE.search(before):
        return None, time.value, False
    return time.value, None, told_at(claim)


def _dates_figure(claim: Claim) -> bool:
    """Whether the claim's time is its figure's: no other figure stands between them ("3,000 were
    sent between January and February, adding that … 4,000 were killed" dates the 3,000 only)."""
    time, quantity = claim.time, claim.quantity
    if time is None or quantity is None:
        return True
    text, base = claim.text, claim.start
    if time.start > quantity.start:  # the time follows: it is ours unless another figure intervenes
        return not _NUMBER.search(text[max(0, quantity.end - base) : max(0, time.start - base)])
    # A time that leads its clause ("As of April, … 4,700 …, 600 …") dates every figure after it;
    # one that trails another figure ("3,000 were sent in January, and 600 …") dates that one.
    clause = _CLAUSE.split(text[: max(0, time.start - base)])[-1]
    return not _NUMBER.search(clause)


def told_at(claim: Claim) -> bool:
    """Whether the claim's time dates its telling: right after a speech verb ("said on Tuesday"),
    or before one that introduces the figure ("In March, prosecutors reported that 50 …")."""
    time = claim.time
    if time is None:
        return False
    before = claim.text[: max(0, time.start - claim.start)]
    if _SAID.search(before):
        return True
    quantity = claim.quantity
    if quantity is None or quantity.start <= time.end:
        return False
    return bool(_SPEECH.search(claim.text[time.end - claim.start : quantity.start - claim.start]))
