"""Score what claims carry, by SCORING.md's rules: attributions, dates and opinion flags.

Each kind is matched one to one per document. A prediction is what a reader of the
output would count once: the distinct (sentence, speaker) pairs for attributions, the
distinct (sentence, date) pairs for dates, the distinct flagged sentences for opinions.
Claims that make one prediction pool what they name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from claimgraph.evaluate.gold import Gold, GoldAttribution, GoldDate, GoldEvent
from claimgraph.evaluate.score_common import (
    NOT_FOUND,
    NOT_IN_GOLD,
    TAKEN,
    KindScore,
    Slip,
    Tally,
    by_file_name,
    clip,
    kind_score,
    max_matching,
)
from claimgraph.evaluate.score_names import GoldNames, fold_name, normalise_text
from claimgraph.evaluate.score_quantities import modality_class
from claimgraph.records import Analysis, Claim, Entity

G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Said:
    """One attribution prediction: a sentence, a speaker, and what its claims name."""

    sentence: str
    speaker: frozenset[str]  # the speaker as gold canonical names or folded words
    speaker_label: str
    about: frozenset[str]
    via: frozenset[str]
    modalities: frozenset[str]


@dataclass(frozen=True, slots=True)
class Dated:
    """One date prediction: a sentence, an ISO date, and what its claims name."""

    sentence: str
    value: str
    about: frozenset[str]


class ClaimNames:
    """One analysis's entity ids seen through the gold's names."""

    def __init__(self, analysis: Analysis, names: GoldNames) -> None:
        self.names = names
        self.by_id: dict[str, Entity] = {entity.id: entity for entity in analysis.entities}

    def about(self, claim: Claim) -> set[str]:
        """What a claim names, its speaker and relay included: gold canonical names, or the
        folded words of names the gold lacks."""
        ids = [*claim.entities, claim.subject, claim.object, claim.place]
        named = {self.token(eid) for eid in ids if eid}
        for voice in (claim.speaker, claim.via):
            if voice:
                named |= self.forms(voice)
        return named

    def token(self, entity_id: str) -> str:
        entity = self.by_id.get(entity_id)
        if entity is None:
            return self.names.token(entity_id)  # not an id after all: the words themselves
        return self.names.entity_token(entity)

    def forms(self, speaker: str) -> frozenset[str]:
        """Every way a speaker may be named: its gold entity, or each of its own names, folded."""
        entity = self.by_id.get(speaker)
        if entity is None:
            found = self.names.resolve(speaker)
            return frozenset({found.name} if found is not None else {f"?{fold_name(speaker)}"})
        found = self.names.resolve_entity(entity)
        if found is not None:
            return frozenset({found.name})
        return frozenset(f"?{fold_name(name)}" for name in (entity.name, *entity.aliases))

    def label(self, speaker: str) -> str:
        entity = self.by_id.get(speaker)
        return entity.name if entity is not None else speaker


def wanted(name: str, names: GoldNames) -> str:
    """A gold name as a token to compare with ClaimNames' tokens."""
    return names.token(name)


# --- attributions -----------------------------------------------------------------


def score_attributions(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    """A prediction matches when its speaker is the gold speaker and it names a gold `about` entity.

    `full` is the same match that also needs the gold `via` and `modality` when given.
    """
    names = GoldNames(gold.entities)
    by_name = by_file_name(analyses)
    tallies: dict[str, Tally] = {}
    full: dict[str, Tally] = {}
    for doc in gold.documents:
        if doc.attributions is None:
            continue
        analysis = by_name.get(doc.name)
        said = attribution_predictions(analysis, names) if analysis is not None else []
        tallies[doc.name] = _attribution_tally(doc.name, doc.attributions, said, names, full=False)
        full[doc.name] = _attribution_tally(doc.name, doc.attributions, said, names, full=True)
    total_full = sum(full.values(), Tally())
    return kind_score(tallies, notes={"full": total_full.as_json()})


def attribution_predictions(analysis: Analysis, names: GoldNames) -> list[Said]:
    context = ClaimNames(analysis, names)
    pooled: dict[tuple[int, int, frozenset[str]], list[Claim]] = {}
    for claim in analysis.claims:
        if claim.speaker:
            pooled.setdefault((claim.start, claim.end, context.forms(claim.speaker)), []).append(claim)
    return [
        Said(
            sentence=claims[0].text,
            speaker=speaker,
            speaker_label=context.label(claims[0].speaker or ""),
            about=frozenset().union(*(context.about(c) for c in claims)),
            via=frozenset().union(*(context.forms(c.via) for c in claims if c.via)),
            modalities=frozenset(str(modality_class(c.modality.value)) for c in claims),
        )
        for (_, _, speaker), claims in pooled.items()
    ]


def _attribution_tally(
    document: str, items: Sequence[GoldAttribution], said: Sequence[Said], names: GoldNames, full: bool
) -> Tally:
    def speaker_ok(item: GoldAttribution, prediction: Said) -> bool:
        return item.speaker is None or wanted(item.speaker, names) in prediction.speaker

    def about_ok(item: GoldAttribution, prediction: Said) -> bool:
        tokens = {wanted(name, names) for name in item.about}
        return not tokens or bool(tokens & prediction.about)

    def extras_ok(item: GoldAttribution, prediction: Said) -> bool:
        via = item.via is None or wanted(item.via, names) in prediction.via
        modality = item.modality is None or modality_class(item.modality) in prediction.modalities
        return via and modality

    def matches(item: GoldAttribution, prediction: Said) -> bool:
        return (
            speaker_ok(item, prediction)
            and about_ok(item, prediction)
            and (not full or extras_ok(item, prediction))
        )

    def miss(item: GoldAttribution) -> str:
        if any(speaker_ok(item, p) and about_ok(item, p) for p in said):
            return "via or modality"  # only in `full`
        if any(speaker_ok(item, p) for p in said):
            return "entities"
        if any(about_ok(item, p) for p in said):
            return "speaker"
        return NOT_FOUND

    def extra(prediction: Said) -> str:
        if any(speaker_ok(item, prediction) for item in items):
            return "entities"
        return "speaker"

    return tally_matches(
        document,
        items,
        said,
        matches,
        describe=(lambda item: f"{item.speaker or '?'} on {', '.join(item.about) or '?'}", miss),
        describe_prediction=(lambda p: f"{p.speaker_label}: {clip(p.sentence)}", extra),
    )


# --- dates --------------------------------------------------------------------------


def date_matches(gold: GoldDate, value: str) -> bool:
    """A predicted ISO value is the gold date at its grain, or a month or day inside a gold span.

    "2024-10" matches "2024-10" only: not "2024" nor "2024-10-20".
    """
    value = value.split("T")[0].strip()
    if gold.start == gold.end:
        return value == gold.start
    if value == gold.text:
        return True
    if len(value) not in (7, 10) or "/" in value:
        return False
    return _first_day(gold.start) <= _first_day(value) and _last_day(value) <= _last_day(gold.end)


def _first_day(value: str) -> str:
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


def _last_day(value: str) -> str:
    return (value + "-12-31")[:10] if len(value) == 4 else (value + "-31")[:10]


def same_grain_apart(gold: GoldDate, value: str) -> bool:
    """Whether a value names the gold date at another grain: one is a prefix of the other."""
    value = value.split("T")[0]
    return value != gold.start and (value.startswith(gold.start) or gold.start.startswith(value))


def score_dates(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    """A dated gold event is found when a claim's date is the gold's and the claim names a participant."""
    names = GoldNames(gold.entities)
    by_name = by_file_name(analyses)
    tallies: dict[str, Tally] = {}
    for doc in gold.documents:
        if doc.events is None:
            continue
        analysis = by_name.get(doc.name)
        dated = date_predictions(analysis, names) if analysis is not None else []
        events = [event for event in doc.events if event.date is not None]
        tallies[doc.name] = _date_tally(doc.name, events, dated, names)
    return kind_score(tallies)


def date_predictions(analysis: Analysis, names: GoldNames) -> list[Dated]:
    context = ClaimNames(analysis, names)
    pooled: dict[tuple[int, int, str], list[Claim]] = {}
    for claim in analysis.claims:
        for time in dated_times(claim):
            pooled.setdefault((claim.start, claim.end, time), []).append(claim)
    return [
        Dated(claims[0].text, value, frozenset().union(*(context.about(c) for c in claims)))
        for (_, _, value), claims in pooled.items()
    ]


def dated_times(claim: Claim) -> list[str]:
    """The ISO dates a claim carries: only dates, never durations, times of day or vague periods."""
    time = claim.time
    return [time.value] if time is not None and time.value and time.kind == "date" else []


def _date_tally(
    document: str, events: Sequence[GoldEvent], dated: Sequence[Dated], names: GoldNames
) -> Tally:
    def date_ok(event: GoldEvent, prediction: Dated) -> bool:
        return event.date is not None and date_matches(event.date, prediction.value)

    def participants_ok(event: GoldEvent, prediction: Dated) -> bool:
        tokens = {wanted(name, names) for name in event.participants}
        return not tokens or bool(tokens & prediction.about)

    def matches(event: GoldEvent, prediction: Dated) -> bool:
        return date_ok(event, prediction) and participants_ok(event, prediction)

    def miss(event: GoldEvent) -> str:
        assert event.date is not None  # undated events are not scored
        if any(date_ok(event, p) for p in dated):
            return "participants"
        if any(same_grain_apart(event.date, p.value) for p in dated):
            return "grain"
        if any(participants_ok(event, p) for p in dated if event.participants):
            return "value"
        return NOT_FOUND

    def extra(prediction: Dated) -> str:
        dates = [event.date for event in events if event.date is not None]
        if any(date_matches(date, prediction.value) for date in dates):
            return "participants"
        if any(same_grain_apart(date, prediction.value) for date in dates):
            return "grain"
        return NOT_IN_GOLD

    return tally_matches(
        document,
        events,
        dated,
        matches,
        describe=(lambda e: f"{e.date.text if e.date else '?'} {e.what or ''}".strip(), miss),
        describe_prediction=(lambda p: f"{p.value} {clip(p.sentence)}", extra),
    )


# --- opinions -----------------------------------------------------------------------


def same_sentence(first: str, second: str) -> bool:
    """One text contains the other, and the shorter is at least half as long as the longer."""
    a, b = normalise_text(first), normalise_text(second)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return shorter in longer and 2 * len(shorter) >= len(longer)


def score_opinions(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    """Gold opinion sentences against the distinct sentences flagged as opinion, one to one."""
    by_name = by_file_name(analyses)
    tallies: dict[str, Tally] = {}
    for doc in gold.documents:
        if doc.opinion_not_claims is None:
            continue
        analysis = by_name.get(doc.name)
        flagged = list(dict.fromkeys(c.text for c in analysis.claims if c.opinion)) if analysis else []
        tallies[doc.name] = tally_matches(
            doc.name,
            doc.opinion_not_claims,
            flagged,
            same_sentence,
            describe=(clip, lambda _: NOT_FOUND),
            describe_prediction=(clip, lambda _: NOT_IN_GOLD),
        )
    return kind_score(tallies)


# --- shared -------------------------------------------------------------------------


def tally_matches(
    document: str,
    gold_items: Sequence[G],
    predictions: Sequence[P],
    match: Callable[[G, P], bool],
    describe: tuple[Callable[[G], str], Callable[[G], str]],
    describe_prediction: tuple[Callable[[P], str], Callable[[P], str]],
) -> Tally:
    """Gold items and predictions paired one to one (maximum matching); the rest missed or extra.

    ``describe`` and ``describe_prediction`` give an item's words and the category of its error.
    """
    hits = [[match(item, prediction) for prediction in predictions] for item in gold_items]
    paired = max_matching(hits)
    used = set(paired.values())
    words, why = describe
    prediction_words, prediction_why = describe_prediction
    return Tally(
        found=len(paired),
        gold=len(gold_items),
        correct=len(paired),
        predicted=len(predictions),
        missed=tuple(
            Slip(TAKEN if any(hits[index]) else why(item), f"{document}: {words(item)}")
            for index, item in enumerate(gold_items)
            if index not in paired
        ),
        extra=tuple(
            Slip(prediction_why(p), f"{document}: {prediction_words(p)}")
            for index, p in enumerate(predictions)
            if index not in used
        ),
    )
