"""Propositions: what one claim asserts, in a form claims from other reports can be compared in.

A proposition is one of four kinds:

- count: how many of a thing an actor has, sent or lost ("North Korea · soldier");
- rate: how many of a thing per period, by any actor ("drone · rate"), so that a
  country's daily figure and a factory's monthly one meet and can be set side by side;
- date: when a one-off act happened to a unique thing ("treaty · sign · date");
- statement: an actor's act, without a figure ("Russia · help"), its object (when named) the scope.

Its key is what makes two claims one group; the rest (scope, value, period,
basis) is what findings compare within the group. Opinion, questions and
speculation make no proposition: they are never weighed against anything.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from claimgraph.domains import DomainPack
from claimgraph.extract.rates import RATE_ADJECTIVES
from claimgraph.reconcile.amounts import describe_amount, normalise_unit, widened
from claimgraph.reconcile.dated import dates_its_act
from claimgraph.reconcile.lexicon import (
    ARRIVAL_WORDS,
    DAYS_PER,
    INCREMENT_AFTER,
    INCREMENT_BEFORE,
    LOSS_FAMILY,
    MEETING_WORDS,
    RANK_NOUNS,
    counts_people,
    dated_kinds,
    family_of_lemma,
    family_of_word,
    in_its_pack,
    is_distinct,
    is_flow,
    measure_unit,
    words_with_offsets,
)
from claimgraph.reconcile.measures import figure_act, held_at, loss_aspect, owner_of, planned, told_at
from claimgraph.reconcile.sentences import own_sentence
from claimgraph.reconcile.tracked import tracked_by
from claimgraph.records import Claim, Entity, Modality, Quantity

PLACE_KINDS = frozenset({"place", "facility"})
# What a statement is about besides its actors: "sent KN-23 missiles" is not "sent troops".
THING_KINDS = frozenset({"weapon system", "treaty", "event"})
_NUMBER_WORDS = frozenset(
    {
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
        "thousand", "thousands", "million", "millions", "billion", "some", "several", "dozen",
        "dozens", "tens", "of",
    }
)  # fmt: skip
# How far from its date a second act may stand: "met on June 19 and signed", "the treaty,
# signed by the two presidents on June 19"
_ACT_REACH = 55
_MEETING_REACH = 70  # how far from its date a meeting word may stand: "On June 4, Kim met Shoigu"
_VAGUE_WIDTH = 0.4  # a range wider than 40% of its top ("several thousand") is a vague figure
_RUNNING = re.compile(r"\b(?:since|so far|to date|in total|altogether)\b", re.IGNORECASE)
_NOT_A_PERIOD = re.compile(r"\b(since|from|by|until|till|through|between|before|after)\s*$", re.IGNORECASE)


class Basis(StrEnum):
    """What a claim's modality makes of it for comparison."""

    FACT = "fact"  # asserted, reported, estimated, hedged: a statement of what is
    PLAN = "plan"  # planned, target: what someone intends; never weighed against what is
    DENIAL = "denial"


@dataclass(frozen=True, slots=True)
class Proposition:
    """One claim's proposition: its group key, and what findings compare."""

    claim_id: str
    document_id: str
    kind: str  # count, rate, date or statement
    key: str  # entity ids: equal keys, one group
    words: str  # the key in names, for people
    reason: str  # why the claim belongs to its group
    basis: Basis
    family: str | None = None
    actor: str | None = None
    place: str | None = None
    unit: str | None = None
    per: str | None = None
    low: float = 0.0  # the figure widened by its qualifier, per `per` for rates
    high: float = 0.0
    date: str | None = None  # the claim's own ISO time: the event date for a date proposition
    since: str | None = None  # a running total's start ("since last year"); it holds when reported
    aspect: str | None = None  # a loss figure's kind: casualties, killed, wounded, captured, missing
    told: bool = False  # the date is when it was said ("reported on Sunday"), not when the act was
    increment: bool = False  # "an additional 3,000": adds to an earlier figure
    vague: bool = False  # "several thousand": a wide range
    things: tuple[str, ...] = ()  # weapon systems, treaties, events the claim names

    @property
    def group_id(self) -> str:
        return group_id(self.key)

    def per_day(self) -> tuple[float, float]:
        """The widened figure per day (rates) or as it is (counts)."""
        days = DAYS_PER.get(self.per or "", 1.0) if self.kind == "rate" else 1.0
        return self.low / days, self.high / days


def group_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def basis_of(claim: Claim) -> Basis | None:
    """The claim's basis for comparison; None when it is not weighed at all."""
    if claim.opinion or claim.modality == Modality.SPECULATIVE or claim.text.rstrip(" ”\"'").endswith("?"):
        return None
    if claim.modality == Modality.DENIED:
        return Basis.DENIAL
    if claim.modality in (Modality.PLANNED, Modality.TARGET):
        return Basis.PLAN
    return Basis.FACT


@in_its_pack
def propose(
    claim: Claim, entities: Mapping[str, Entity], pack: DomainPack | None = None
) -> Proposition | None:
    """The claim's proposition, or None when it is opinion, speculation, a question or too vague;
    ``pack`` says whose side the people named are on (meetings are between sides)."""
    claim = own_sentence(claim)
    basis = basis_of(claim)
    if basis is None:
        return None
    if claim.quantity is not None:
        if claim.quantity.high <= 0:
            return None  # "no troops", or a figure misread as zero: nothing to weigh a figure against
        if claim.negated and basis != Basis.PLAN:  # "did not reach 5,000" still states the target
            return None
        if basis == Basis.FACT and planned(claim, claim.quantity):
            basis = Basis.PLAN
        return _figure(claim, claim.quantity, basis, entities, pack)
    return (
        _dated_act(claim, basis, entities)
        or _meeting(claim, basis, entities, pack)
        or _statement(claim, basis, entities)
    )


def _figure(
    claim: Claim, quantity: Quantity, basis: Basis, entities: Mapping[str, Entity], pack: DomainPack | None
) -> Proposition | None:
    unit = _rank_of(quantity) or normalise_unit(quantity.unit)
    family, word = figure_act(claim, quantity, unit)
    family = _tracked_family(claim, family, unit, pack)
    aspect = loss_aspect(claim, quantity) if family == LOSS_FAMILY else None
    if aspect is not None and counts_people(unit):
        unit = "person"  # losses of people: "4,700 casualties" and "3,000 soldiers killed or wounded" meet
    per, per_note = rate_of(claim, quantity, family)
    actor = owner_of(claim, quantity, entities)
    place = _place(claim, entities, actor)
    low, high = widened(quantity)
    vague = quantity.high > 0 and (quantity.high - quantity.low) / quantity.high > _VAGUE_WIDTH
    increment = _is_increment(claim, quantity)
    date, since, told = held_at(claim)
    name = _namer(entities)
    amount = describe_amount(quantity)
    counted = f"{unit} {aspect}" if aspect else unit
    if per is not None:
        key = f"{measure_unit(unit)} · rate"
        words = f"{unit} per period"
        act = f"{family} " if family else ""
        reason = f"a rate of {unit}: {act}{amount} per {per}{per_note}"
    elif actor is None:
        # A count of nobody's things is comparable only as a measure the pack tracks.
        specs = [s for s in pack.indicators if normalise_unit(s.unit) == unit] if pack else []
        spec = tracked_by(specs, claim, family)
        if spec is None:
            return None
        key, words = f"indicator {spec.id} · {measure_unit(unit)}", spec.name
        place = None  # the indicator's entities are its scope: "underwriters in London" quote the Red Sea
        reason = f"reports {spec.name}: {amount}"
    else:
        kept = family if is_distinct(family) else None
        key = f"{actor} · {measure_unit(unit)}" + (f" · {kept}" if kept else "")
        words = f"{name(actor)} · {'losses' if kept == LOSS_FAMILY else measure_unit(unit)}" + (
            f" · {kept}" if kept and kept != LOSS_FAMILY else ""
        )
        reason = f"counts {counted} of {name(actor)}: {amount}"
    if actor is not None and per is not None:
        reason += f"; scope {name(actor)}"
    if place is not None:
        reason += f" in {name(place)}"
    if increment:
        reason += "; an addition to an earlier figure"
    if date:
        reason += f"; dated {date}"
    if since:
        reason += f"; a running total since {since}"
    if word:
        reason += f"; the act read from “{word}”"
    return Proposition(
        claim.id, claim.document_id, "rate" if per else "count", key, words, reason, basis,
        family=family, actor=actor, place=place, unit=unit, per=per, low=low, high=high,
        date=date, since=since, told=told, aspect=aspect, increment=increment, vague=vague,
    )  # fmt: skip


def _rank_of(quantity: Quantity) -> str | None:
    """The rank a figure counts ("at least 500 officers"): a part of a force, measured apart from it."""
    words = [w for w, _ in words_with_offsets(quantity.text)]
    return RANK_NOUNS.get(words[-1]) if words else None


def _tracked_family(claim: Claim, family: str | None, unit: str, pack: DomainPack | None) -> str | None:
    """The acts a pack's indicator lists together report one measure ("sent", "deployed" and
    "fighting" troops in one country): a figure of the indicator is filed under its first act."""
    if pack is None or is_distinct(family):
        return family
    specs = [s for s in pack.indicators if s.predicates and normalise_unit(s.unit) == unit]
    spec = tracked_by(specs, claim, family)
    return family if spec is None else (family_of_lemma(spec.predicates[0]) or family)


def _dated_act(claim: Claim, basis: Basis, entities: Mapping[str, Entity]) -> Proposition | None:
    """ "signed in 2023": a one-off act on a unique thing, whose value is a date."""
    if claim.time is None or not claim.time.value or basis == Basis.DENIAL:
        return None
    candidates = [claim.object, claim.subject, *claim.entities]
    named = {entities[e].kind for e in candidates if e and e in entities}
    family, word = _dated_act_beside(claim, named)
    if family is None and dated_kinds(family_of_lemma(claim.predicate)) & named:
        family, word = family_of_lemma(claim.predicate), claim.predicate
    kinds = dated_kinds(family)
    if not kinds or not dates_its_act(claim, word):
        return None  # no one-off act, or the date is of its anniversary
    thing = next((e for e in candidates if e and e in entities and entities[e].kind in kinds), None)
    if thing is None:
        return None
    name = _namer(entities)(thing)
    reason = (
        f"dates the {family} of {name}: {claim.time.value} (“{claim.time.text}”), the act read from “{word}”"
    )
    return Proposition(
        claim.id, claim.document_id, "date", f"{thing} · {family} · date", f"{name} · {family} · date",
        reason, basis, family=family, actor=thing, date=claim.time.value,
    )  # fmt: skip


def _dated_act_beside(claim: Claim, named: set[str]) -> tuple[str | None, str | None]:
    """The one-off act of a thing the claim names told nearest its date, if right beside it, though
    another act may stand nearer: "met on June 19 and signed a treaty" dates the signing too.
    Further off, the date is another act's ("met on Wednesday, a year after the signing")."""
    if claim.time is None:
        return None, None
    start, end = claim.time.start - claim.start, claim.time.end - claim.start
    near = sorted(
        (start - pos - len(word) if pos < start else pos - end, family, word)  # the words between
        for word, pos in words_with_offsets(claim.text)
        if (family := family_of_word(word)) and dated_kinds(family) & named
    )
    if not near or near[0][0] > _ACT_REACH:
        return None, None
    return near[0][1], near[0][2]


def _meeting(
    claim: Claim, basis: Basis, entities: Mapping[str, Entity], pack: DomainPack | None
) -> Proposition | None:
    """ "Shoigu met Kim in Pyongyang on June 4": a dated meeting (or arrival) between two sides.

    Its group is the pair of sides (the states of the people and bodies named), its value the
    date: reports of one date agree, two dates a day apart may be one meeting told twice, and
    dates further apart are other meetings."""
    time = claim.time
    if basis != Basis.FACT or time is None or not time.value or len(time.value) < 10 or told_at(claim):
        return None  # "met in June" names no one meeting: two sides may meet twice in a month
    at = time.start - claim.start
    near = [
        (abs(pos - at), word)
        for word, pos in words_with_offsets(claim.text)
        if word in MEETING_WORDS or word in ARRIVAL_WORDS
    ]
    if not near or min(near)[0] > _MEETING_REACH:
        return None
    word = min(near)[1]
    sides = _sides_named(claim, entities, pack)
    if len(sides) < 2:
        return None
    family = "arrive" if word in ARRIVAL_WORDS else "meet"
    name = _namer(entities)
    pair = " · ".join(sorted(name(s) for s in sides))
    what = "an arrival" if family == "arrive" else "a meeting"
    reason = f"dates {what} between {pair}: {time.value} (“{time.text}”), read from “{word}”"
    return Proposition(
        claim.id, claim.document_id, "date", f"meeting · {' · '.join(sorted(sides))}", f"meetings · {pair}",
        reason, basis, family=family, date=time.value,
    )  # fmt: skip


def _sides_named(claim: Claim, entities: Mapping[str, Entity], pack: DomainPack | None) -> set[str]:
    """The states a claim's actors stand for: countries named, and the side of each person or body."""
    sides = set()
    for entity_id in dict.fromkeys((claim.subject, claim.object, *claim.entities)):
        if not entity_id or entity_id in (claim.speaker, claim.via) or entity_id not in entities:
            continue
        kind = entities[entity_id].kind
        if kind == "country":
            sides.add(entity_id)
        elif kind in ("person", "intelligence or military body", "organisation") and pack is not None:
            side = pack.side(entity_id)
            if side is not None and side in entities and entities[side].kind == "country":
                sides.add(side)
    return sides


def _statement(claim: Claim, basis: Basis, entities: Mapping[str, Entity]) -> Proposition | None:
    """ "North Korean troops are fighting in Ukraine": an actor's act; its object, if named, is its scope."""
    if claim.negated and basis != Basis.DENIAL:
        return None  # "has not commented", "not only … but": no act asserted to compare
    actor, obj = claim.subject, claim.object
    if not actor or actor == obj or actor == claim.speaker:
        return None
    family = family_of_lemma(claim.predicate) or claim.predicate
    name = _namer(entities)
    words = f"{name(actor)} · {family}"
    how = {Basis.DENIAL: "denies that", Basis.PLAN: "plans that"}.get(basis, "says")
    target = f" · {name(obj)}" if obj else ""
    reason = f"{how} {words}{target} (predicate “{claim.predicate}”)"
    return Proposition(
        claim.id, claim.document_id, "statement", f"{actor} · {family}", words, reason, basis,
        family=family, actor=actor, place=obj, things=_things(claim, entities),
    )  # fmt: skip


def act_of(claim: Claim, offset: int, prefer_predicate: bool = True) -> tuple[str | None, str | None]:
    """The act a figure or date reports: the predicate's family, else the nearest act word in the sentence."""
    if prefer_predicate:
        family = family_of_lemma(claim.predicate)
        if family:
            return family, claim.predicate
    at = offset - claim.start
    near = [
        (abs(pos - at), family, word)
        for word, pos in words_with_offsets(claim.text)
        if (family := family_of_word(word))
    ]
    if not near:
        return None, None
    _, family, word = min(near)
    return family, word


def rate_of(claim: Claim, quantity: Quantity, family: str | None) -> tuple[str | None, str]:
    """The figure's rate period; a flow counted over one named month or day is read as that rate."""
    if quantity.per:
        per = quantity.per.lower()
        return ("day" if per == "night" else per), ""
    if not is_flow(family):
        return None, ""
    words = [w for w, _ in words_with_offsets(claim.text)]
    for adjective, noun in pairwise(words):
        if adjective in RATE_ADJECTIVES and family_of_word(noun) == family:
            return RATE_ADJECTIVES[adjective], f" (“{adjective} {noun}”)"  # "the plant's monthly output"
    time = claim.time
    if time is None or not time.value or told_at(claim) or _RUNNING.search(claim.text):
        return None, ""  # the time of a telling, or a total "since the start of the war"
    before = claim.text[: max(0, time.start - claim.start)]
    if _NOT_A_PERIOD.search(before):
        return None, ""  # "since 2023" is a running total, not a period's output
    period = {4: "year", 7: "month", 10: "day"}.get(len(time.value))
    return period, (f" (counted over {time.value}, “{time.text}”)" if period else "")


def _is_increment(claim: Claim, quantity: Quantity) -> bool:
    """ "an additional 3,000", "3,000 more": a figure added to an earlier one."""
    at, end = quantity.start - claim.start, quantity.end - claim.start
    before = [w for w, _ in words_with_offsets(claim.text[max(0, at - 30) : at])][-2:]
    # The figure's own words after its number ("three thousand new arrivals"), then what follows it.
    inside = [w for w, _ in words_with_offsets(claim.text[at:end])]
    after = [w for w in inside if w not in _NUMBER_WORDS][-2:] + [
        w for w, _ in words_with_offsets(claim.text[end : end + 20])
    ][:2]
    after = [w for i, w in enumerate(after) if not (w == "more" and after[i + 1 : i + 2] == ["than"])]
    return bool(set(before) & INCREMENT_BEFORE - {"more"}) or bool(set(after[:3]) & INCREMENT_AFTER)


def _place(claim: Claim, entities: Mapping[str, Entity], actor: str | None) -> str | None:
    for candidate in (claim.place, *claim.entities):
        if candidate and candidate != actor and _kind(candidate, entities) in PLACE_KINDS:
            return candidate
    return None


def _things(claim: Claim, entities: Mapping[str, Entity]) -> tuple[str, ...]:
    return tuple(e for e in claim.entities if _kind(e, entities) in THING_KINDS)


def _kind(entity_id: str | None, entities: Mapping[str, Entity]) -> str | None:
    entity = entities.get(entity_id or "")
    return entity.kind if entity else None


def _namer(entities: Mapping[str, Entity]) -> Callable[[str | None], str]:
    def name(entity_id: str | None) -> str:
        entity = entities.get(entity_id or "")
        return entity.name if entity else (entity_id or "?")

    return name
