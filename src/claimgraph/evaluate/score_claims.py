"""Score what claims carry: attributions (speaker + entities), dates, and opinion flags."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from rapidfuzz import fuzz

from claimgraph.evaluate.gold import Gold, GoldAttribution, GoldDate, GoldEvent, GoldQuantity
from claimgraph.evaluate.score_common import KindScore, Tally, by_file_name, clip, kind_score, max_matching
from claimgraph.evaluate.score_names import (
    FUZZY_FLOOR,
    GoldNames,
    contains_words,
    name_words,
    normalise_text,
    same_name,
)
from claimgraph.records import Analysis, Claim, Entity

G = TypeVar("G")


class ClaimContext:
    """One analysis seen through the gold's names: claim entities and speakers as gold names."""

    def __init__(self, analysis: Analysis, names: GoldNames) -> None:
        self.names = names
        self.by_id: dict[str, Entity] = {entity.id: entity for entity in analysis.entities}

    def tokens(self, claim: Claim) -> set[str]:
        """What the claim is about: gold canonical names, or keys of names the gold lacks."""
        ids = [*claim.entities, claim.subject, claim.object, claim.place]
        return {self._token(eid) for eid in ids if eid}

    def _token(self, entity_id: str) -> str:
        entity = self.by_id.get(entity_id)
        if entity is None:
            return self.names.token(entity_id)  # not an id after all: the words themselves
        found = self.names.resolve_entity(entity)
        return found.name if found is not None else self.names.token(entity.name)

    def speaker_name(self, claim: Claim) -> str:
        entity = self.by_id.get(claim.speaker or "")
        return entity.name if entity is not None else claim.speaker or "?"

    def speaker_is(self, claim: Claim, gold_speaker: str) -> bool:
        """Whether the claim's speaker (an entity id or raw words) is the gold speaker."""
        if claim.speaker is None:
            return False
        entity = self.by_id.get(claim.speaker)
        forms = (entity.name, *entity.aliases) if entity is not None else (claim.speaker,)
        target = self.names.resolve(gold_speaker)
        if target is not None:
            # Raw words ("intelligence chief Budanov") name the longest gold name inside them.
            got = self.names.resolve_entity(entity) if entity is not None else None
            got = got or self.names.resolve(forms[0], contained=True)
            return got == target
        wanted = name_words(gold_speaker)
        return any(
            same_name(form, gold_speaker, self.names) or contains_words(name_words(form), wanted)
            for form in forms
        )


def gold_tokens(names_given: Iterable[str], names: GoldNames) -> set[str]:
    return {names.token(name) for name in names_given}


# --- attributions -----------------------------------------------------------------


def score_attributions(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    """A claim matches when its speaker is the gold speaker and it shares an entity."""
    names = GoldNames(gold.entities)
    by_name = by_file_name(analyses)
    return kind_score(
        {
            doc.name: _attribution_tally(doc.name, doc.attributions, by_name.get(doc.name), names)
            for doc in gold.documents
            if doc.attributions is not None
        }
    )


def _attribution_tally(
    name: str, items: Sequence[GoldAttribution], analysis: Analysis | None, names: GoldNames
) -> Tally:
    context = ClaimContext(analysis, names) if analysis is not None else None
    claims = [c for c in analysis.claims if c.speaker] if analysis is not None else []

    def matches(item: GoldAttribution, claim: Claim) -> bool:
        assert context is not None  # there are claims only when there is an analysis
        if item.speaker is not None and not context.speaker_is(claim, item.speaker):
            return False
        wanted = gold_tokens(item.about, names)
        return not wanted or bool(wanted & context.tokens(claim))

    def speaker(claim: Claim) -> str:
        return context.speaker_name(claim) if context is not None else "?"

    return tally_matches(
        name,
        items,
        claims,
        matches,
        lambda item: f"{item.speaker or '?'} on {', '.join(item.about) or '?'}",
        lambda claim: f"{speaker(claim)}: {clip(claim.text)}",
    )


# --- dates --------------------------------------------------------------------------


def dates_overlap(gold: GoldDate, value: str) -> bool:
    """Whether a predicted ISO value (or span) falls in the gold date at the coarser grain.

    "2024-06" matches "2024-06-19" and "2024" matches "2024-10": one is a prefix of the
    other. A span "A/B" matches any value within it.
    """
    start, _, end = (part.split("T")[0].strip() for part in value.partition("/"))
    end = end or start
    return _not_after(start, gold.end) and _not_after(gold.start, end)


def _not_after(first: str, second: str) -> bool:
    size = min(len(first), len(second))
    return first[:size] <= second[:size]


def score_dates(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    """A dated gold event is found when a claim's time matches it and shares a participant."""
    names = GoldNames(gold.entities)
    by_name = by_file_name(analyses)
    return kind_score(
        {
            doc.name: _date_tally(doc.name, doc.events, by_name.get(doc.name), names)
            for doc in gold.documents
            if doc.events is not None
        }
    )


def _date_tally(name: str, events: Sequence[GoldEvent], analysis: Analysis | None, names: GoldNames) -> Tally:
    context = ClaimContext(analysis, names) if analysis is not None else None
    claims = [c for c in analysis.claims if c.time and c.time.value] if analysis else []

    def matches(event: GoldEvent, claim: Claim) -> bool:
        assert context is not None  # there are claims only when there is an analysis
        value = claim.time.value if claim.time else None
        if event.date is None or not value or not dates_overlap(event.date, value):
            return False
        wanted = gold_tokens(event.participants, names)
        return not wanted or bool(wanted & context.tokens(claim))

    return tally_matches(
        name,
        [event for event in events if event.date is not None],
        claims,
        matches,
        lambda event: f"{event.date.text if event.date else '?'} {event.what or ''}".strip(),
        lambda claim: f"{claim.time.value if claim.time else '?'} {clip(claim.text)}",
    )


# --- opinions -----------------------------------------------------------------------


def covers(claim_text: str, sentence: str) -> bool:
    """Whether a claim's text is the gold sentence, holds it, or sits inside it."""
    claim, gold = normalise_text(claim_text), normalise_text(sentence)
    if not claim or not gold:
        return False
    return claim in gold or gold in claim or fuzz.partial_ratio(claim, gold) >= FUZZY_FLOOR


def figure_texts(quantities: Iterable[GoldQuantity]) -> set[str]:
    """How the gold's figures may be written: their text, or the value with and without commas."""
    texts: set[str] = set()
    for quantity in quantities:
        if quantity.text:
            texts.add(normalise_text(quantity.text))
        elif quantity.value is not None and quantity.value.is_integer():
            texts.update({f"{int(quantity.value):,}", str(int(quantity.value))})
        elif quantity.value is not None:
            texts.add(f"{quantity.value:g}")
    return texts


def holds_figure(text: str, figures: Iterable[str]) -> str | None:
    normal = normalise_text(text)
    for figure in sorted(figures, key=len, reverse=True):
        if re.search(rf"(?<![\w.,]){re.escape(figure)}(?!\w|[.,]\d)", normal):
            return figure
    return None


def score_opinions(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    """Gold opinion sentences must be opinion-flagged claims; a flagged figure is an error.

    Precision is over the flagged claims of documents listing opinions, plus any
    flagged claim, in any gold document, holding one of that document's gold figures.
    """
    by_name = by_file_name(analyses)
    per_document: dict[str, Tally] = {}
    for doc in gold.documents:
        analysis = by_name.get(doc.name)
        flagged = [c for c in analysis.claims if c.opinion] if analysis is not None else []
        figures = figure_texts(doc.quantities or ())
        with_figure = {c.id: figure for c in flagged if (figure := holds_figure(c.text, figures))}
        if doc.opinion_not_claims is None and not with_figure:
            continue
        sentences = doc.opinion_not_claims or ()
        judged = (
            flagged if doc.opinion_not_claims is not None else [c for c in flagged if c.id in with_figure]
        )
        plain = [c for c in judged if c.id not in with_figure]
        covered = [s for s in sentences if any(covers(c.text, s) for c in plain)]
        right = [c for c in plain if any(covers(c.text, s) for s in sentences)]
        extra = [
            f"figure {with_figure[c.id]!r} flagged as opinion: {clip(c.text)}"
            if c.id in with_figure
            else clip(c.text)
            for c in judged
            if c not in right
        ]
        per_document[doc.name] = Tally(
            found=len(covered),
            gold=len(sentences),
            correct=len(right),
            predicted=len(judged),
            missed=tuple(f"{doc.name}: {clip(s)}" for s in sentences if s not in covered),
            extra=tuple(f"{doc.name}: {item}" for item in extra),
        )
    return kind_score(per_document)


# --- shared -------------------------------------------------------------------------


def tally_matches(
    document: str,
    gold_items: Sequence[G],
    claims: Sequence[Claim],
    match: Callable[[G, Claim], bool],
    describe_gold: Callable[[G], str],
    describe_claim: Callable[[Claim], str],
) -> Tally:
    """Recall: gold items paired each with its own matching claim; precision: claims
    matching some gold item (a fact said twice is not wrong the second time)."""
    hits = [[match(item, claim) for claim in claims] for item in gold_items]
    paired = max_matching(hits)
    right = {index for row in hits for index, hit in enumerate(row) if hit}
    return Tally(
        found=len(paired),
        gold=len(gold_items),
        correct=len(right),
        predicted=len(claims),
        missed=tuple(
            f"{document}: {describe_gold(item)}"
            for index, item in enumerate(gold_items)
            if index not in paired
        ),
        extra=tuple(
            f"{document}: {describe_claim(claim)}" for index, claim in enumerate(claims) if index not in right
        ),
    )
