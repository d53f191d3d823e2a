"""Score quantities per document, one to one, by SCORING.md's rules.

- Predictions: the distinct (low, high, unit, rate) figures of a document; a figure
  mentioned twice is one prediction.
- Unit: equal after folding case and plural and a few synonyms (troop -> soldier,
  UAV -> drone, percent -> share with the value divided by 100, "times" -> ratio).
  A gold figure without a unit takes any unit.
- Rate: equal ("daily", "a day", "per day" -> day); a count matches only a count.
- Value: a gold point needs a predicted point within 1 % (10 % when the gold says
  approx), or a narrow predicted range (high <= 1.25 x low) holding it; a gold range
  needs a predicted range with each end within 10 % of the gold's; an open gold range
  needs the predicted figure on the right side of its bound.
- `modality_agreement`: the share of matched figures with a gold modality whose claim
  carries it (asserted and reported are one class).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from claimgraph.evaluate.gold import Gold, GoldQuantity
from claimgraph.evaluate.score_common import (
    NOT_FOUND,
    NOT_IN_GOLD,
    TAKEN,
    KindScore,
    Slip,
    Tally,
    by_file_name,
    format_amount,
    kind_score,
    max_matching,
    ratio,
)
from claimgraph.records import Analysis, Quantity

T = TypeVar("T")

POINT_TOLERANCE = 0.01
APPROX_TOLERANCE = 0.10
RANGE_TOLERANCE = 0.10
NARROW_RANGE = 1.25  # a predicted range this narrow may stand for a point inside it

_UNIT_SYNONYMS = {
    "troop": "soldier",
    "serviceman": "soldier",
    "personnel": "soldier",
    "people": "person",
    "individual": "person",
    "uav": "drone",
    "dollar": "usd",
    "$": "usd",
    "time": "ratio",
    "fold": "ratio",
}
_PERCENT = {"percent", "per cent", "%", "percentage"}
_RATE_WORDS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "annum": "year",
    "hourly": "hour",
    "quarterly": "quarter",
    "nightly": "night",
}
_RATE_FILLER = {"per", "a", "an", "each", "every", "one", "1"}
# Asserted and reported are one class: stated as fact, by the writer or by a speaker.
_MODALITY_CLASS = {"reported": "asserted"}


@dataclass(frozen=True, slots=True)
class Figure:
    """A distinct predicted figure: its value in the gold's terms, with the modalities claimed for it."""

    low: float
    high: float
    unit: str | None
    per: str | None
    text: str
    modalities: frozenset[str]


def singular(word: str) -> str:
    if word in ("people", "men") or len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return {"people": "person", "men": "man"}.get(word, word)
    if word.endswith("men"):
        return word[:-3] + "man"  # servicemen
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def normalise_unit(unit: str | None) -> tuple[str | None, float]:
    """A unit as a singular canonical word, with the factor its values need (percent)."""
    if unit is None or not unit.strip():
        return None, 1.0
    text = " ".join(unit.casefold().replace("-", " ").split())
    if text in _PERCENT:
        return "share", 0.01
    words = " ".join(singular(word) for word in text.split())
    return _UNIT_SYNONYMS.get(words, words), 1.0


def normalise_rate(per: str | None) -> str | None:
    """ "daily", "a day", "per day", "/day", "days" -> "day"; None or "" -> None."""
    if per is None:
        return None
    words = [w for w in re.sub(r"[^a-z0-9]+", " ", per.casefold()).split() if w not in _RATE_FILLER]
    if not words:
        return None
    return _RATE_WORDS.get(words[-1], singular(words[-1]))


def modality_class(modality: str | None) -> str | None:
    return None if modality is None else _MODALITY_CLASS.get(modality.casefold(), modality.casefold())


def value_matches(gold: GoldQuantity, low: float, high: float) -> bool:
    """Whether a predicted [low, high], in the gold's unit, is the gold's figure."""
    factor = normalise_unit(gold.unit)[1]
    if gold.value is not None:
        value = gold.value * factor
        tolerance = APPROX_TOLERANCE if gold.approx else POINT_TOLERANCE
        if low == high:
            return abs(low - value) <= tolerance * abs(value)
        narrow = low > 0 and high <= NARROW_RANGE * low
        return narrow and low <= value <= high
    least = None if gold.min is None else gold.min * factor
    most = None if gold.max is None else gold.max * factor
    if least is not None and most is not None:
        return _near(low, least) and _near(high, most)
    if least is not None:
        return low >= least
    if most is not None:
        return high <= most
    return True  # the gold gives no figure: any will do


def _near(predicted: float, gold: float) -> bool:
    return abs(predicted - gold) <= RANGE_TOLERANCE * abs(gold)


def unit_matches(gold: GoldQuantity, figure: Figure) -> bool:
    unit = normalise_unit(gold.unit)[0]
    return unit is None or unit == figure.unit


def rate_matches(gold: GoldQuantity, figure: Figure) -> bool:
    return normalise_rate(gold.per) == figure.per


def figure_matches(gold: GoldQuantity, figure: Figure) -> bool:
    return (
        unit_matches(gold, figure)
        and rate_matches(gold, figure)
        and value_matches(gold, figure.low, figure.high)
    )


def predicted_figures(analysis: Analysis) -> list[Figure]:
    """The document's distinct figures, each with the modalities of the claims that carry it."""
    figures: dict[tuple[float, float, str | None, str | None], tuple[str, set[str]]] = {}
    for quantity in analysis.quantities:
        figures.setdefault(_figure_key(quantity), (quantity.text, set()))
    for claim in analysis.claims:
        if claim.quantity is not None:
            _, modalities = figures.setdefault(_figure_key(claim.quantity), (claim.quantity.text, set()))
            modalities.add(str(claim.modality.value))
    return [
        Figure(low, high, unit, per, text, frozenset(modalities))
        for (low, high, unit, per), (text, modalities) in figures.items()
    ]


def _figure_key(quantity: Quantity) -> tuple[float, float, str | None, str | None]:
    unit, factor = normalise_unit(quantity.unit)
    return (quantity.low * factor, quantity.high * factor, unit, normalise_rate(quantity.per))


def score_quantities(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    by_name = by_file_name(analyses)
    per_document: dict[str, Tally] = {}
    agreed = judged = 0
    disagreements: list[str] = []
    for doc in gold.documents:
        if doc.quantities is None:
            continue
        analysis = by_name.get(doc.name)
        figures = predicted_figures(analysis) if analysis is not None else []
        hits = [[figure_matches(g, f) for f in figures] for g in doc.quantities]
        matched = max_matching(hits)
        for g_index, f_index in matched.items():
            wanted = modality_class(doc.quantities[g_index].modality)
            if wanted is None:
                continue
            judged += 1
            got = {modality_class(m) for m in figures[f_index].modalities}
            if wanted in got:
                agreed += 1
            else:
                shown = ", ".join(sorted(m for m in got if m)) or "no claim"
                disagreements.append(
                    f"{doc.name}: {describe_gold(doc.quantities[g_index])}: want {wanted}, got {shown}"
                )
        per_document[doc.name] = Tally(
            found=len(matched),
            gold=len(doc.quantities),
            correct=len(matched),
            predicted=len(figures),
            missed=tuple(
                Slip(TAKEN if any(hits[i]) else miss_category(g, figures), f"{doc.name}: {describe_gold(g)}")
                for i, g in enumerate(doc.quantities)
                if i not in matched
            ),
            extra=tuple(
                Slip(extra_category(f, doc.quantities), f"{doc.name}: {describe_figure(f)}")
                for i, f in enumerate(figures)
                if i not in set(matched.values())
            ),
        )
    notes = {
        "modality_agreement": round(ratio(agreed, judged), 4),
        "modality_judged": judged,
        "modality_disagreements": disagreements,
    }
    return kind_score(per_document, notes=notes)


def miss_category(gold: GoldQuantity, figures: Sequence[Figure]) -> str:
    """Why a gold figure was missed: the nearest way a prediction fell short."""
    return _category(
        figures,
        value=lambda f: value_matches(gold, f.low, f.high),
        unit=lambda f: unit_matches(gold, f),
        rate=lambda f: rate_matches(gold, f),
        nothing=NOT_FOUND,
    )


def extra_category(figure: Figure, gold: Sequence[GoldQuantity]) -> str:
    return _category(
        gold,
        value=lambda g: value_matches(g, figure.low, figure.high),
        unit=lambda g: unit_matches(g, figure),
        rate=lambda g: rate_matches(g, figure),
        nothing=NOT_IN_GOLD,
    )


def _category(
    others: Sequence[T],
    value: Callable[[T], bool],
    unit: Callable[[T], bool],
    rate: Callable[[T], bool],
    nothing: str,
) -> str:
    for other in others:
        if value(other) and rate(other) and not unit(other):
            return "unit"
    for other in others:
        if value(other) and unit(other) and not rate(other):
            return "rate"
    for other in others:
        if unit(other) and rate(other) and not value(other):
            return "value"
    return nothing


def describe_gold(quantity: GoldQuantity) -> str:
    if quantity.value is not None:
        amount = format_amount(quantity.value, quantity.value)
    elif quantity.min is None and quantity.max is None:
        amount = "any"
    else:
        amount = format_amount(quantity.min, quantity.max)
    return _with_unit(amount, quantity.unit, normalise_rate(quantity.per))


def describe_figure(figure: Figure) -> str:
    amount = _with_unit(format_amount(figure.low, figure.high), figure.unit, figure.per)
    return f"{amount} ({figure.text!r})"


def _with_unit(amount: str, unit: str | None, per: str | None) -> str:
    text = f"{amount} {unit}" if unit else amount
    return f"{text}/{per}" if per else text
