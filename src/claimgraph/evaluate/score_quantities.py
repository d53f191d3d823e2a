"""Score quantities: value (or range) plus unit plus rate, matched one to one per document.

- Unit: lower-cased, each word singular, a few synonyms folded (troop -> soldier,
  people -> person, UAV -> drone, percent -> share with the value divided by 100);
  multi-word units also match on their last word ("attack drone" ~ "drone").
  A gold quantity without a unit accepts any unit.
- Rate: "daily", "a day", "per day" -> day, and so on; a count (None) only matches a count.
- One to one: each gold figure pairs with its own prediction, closest first; a
  prediction repeating a paired one's figure (a second mention) is not counted extra.
- Value: a gold point matches when it lies in the predicted [low, high] widened by 10%.
  A gold range matches a predicted point inside it (widened by 10%), or a predicted
  range whose overlap with it covers at least half of the narrower of the two,
  measured on a log scale (linear when a bound is not positive). An open gold
  range (only min, or only max) matches a prediction on the right side of the bound.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from claimgraph.evaluate.gold import Gold, GoldQuantity
from claimgraph.evaluate.score_common import (
    KindScore,
    Tally,
    by_file_name,
    format_amount,
    kind_score,
)
from claimgraph.records import Analysis, Quantity

TOLERANCE = 0.10
MIN_OVERLAP = 0.5
_UNIT_SYNONYMS = {
    "troop": "soldier",
    "serviceman": "soldier",
    "servicemember": "soldier",
    "service member": "soldier",
    "military personnel": "soldier",
    "personnel": "soldier",
    "people": "person",
    "individual": "person",
    "uav": "drone",
    "unmanned aerial vehicle": "drone",
    "dollar": "usd",
    "us dollar": "usd",
    "$": "usd",
    "fraction": "share",
    "proportion": "share",
}
_PERCENT = {"percent", "per cent", "%", "percentage", "pct"}
_RATE_WORDS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "annum": "year",
    "yr": "year",
    "mo": "month",
    "wk": "week",
    "hourly": "hour",
    "hr": "hour",
    "quarterly": "quarter",
    "nightly": "night",
}
_RATE_FILLER = {"per", "a", "an", "each", "every", "one", "1"}


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
    return _UNIT_SYNONYMS.get(words, _UNIT_SYNONYMS.get(text, words)), 1.0


def normalise_rate(per: str | None) -> str | None:
    """ "daily", "a day", "per day", "/day", "days" -> "day"; None or "" -> None."""
    if per is None:
        return None
    words = [w for w in re.sub(r"[^a-z0-9]+", " ", per.casefold()).split() if w not in _RATE_FILLER]
    if not words:
        return None
    return _RATE_WORDS.get(words[-1], singular(words[-1]))


def units_match(gold: str | None, predicted: str | None) -> bool:
    if gold is None:
        return True
    if predicted is None:
        return False
    return gold == predicted or gold.split()[-1] == predicted.split()[-1]


def value_cost(gold: GoldQuantity, low: float, high: float, factor: float = 1.0) -> float | None:
    """How far a predicted [low, high] is from the gold figure; None when it does not match."""
    if gold.value is not None:
        return _point_cost(gold.value * factor, low, high)
    if gold.min is None and gold.max is None:
        return 1.0  # the gold gives no figure: any value will do, but exact ones go first
    least = gold.min * factor if gold.min is not None else -math.inf
    most = gold.max * factor if gold.max is not None else math.inf
    return _range_cost(least, most, low, high)


def _point_cost(value: float, low: float, high: float) -> float | None:
    if not _widen(low, -1) <= value <= _widen(high, 1):
        return None
    distance = max(low - value, value - high, 0.0)
    return distance / max(abs(value), 1e-9) + _width(low, high, low > 0) / 100


def _range_cost(least: float, most: float, low: float, high: float) -> float | None:
    if low == high or math.isinf(least) or math.isinf(most):
        inside = _widen(least, -1) <= low and high <= _widen(most, 1)
        return _width(low, high, low > 0) / 100 if inside else None
    start, end = max(least, low), min(most, high)
    if start > end:
        return None
    on_log = min(least, low) > 0  # orders of magnitude, so "thousands" weighs like "millions"
    narrower = min(_width(least, most, on_log), _width(low, high, on_log))
    share = _width(start, end, on_log) / narrower if narrower else 1.0
    return 1.0 - share if share >= MIN_OVERLAP else None


def _widen(bound: float, direction: int) -> float:
    return bound + direction * TOLERANCE * abs(bound)


def _width(low: float, high: float, on_log: bool) -> float:
    if math.isinf(low) or math.isinf(high):
        return math.inf
    return math.log(high) - math.log(low) if on_log else high - low


def predicted_quantities(analysis: Analysis) -> list[Quantity]:
    """The analysis' quantities, plus any a claim carries that the list lacks."""
    quantities = list(analysis.quantities)
    seen = {(q.start, q.end, q.unit) for q in quantities}
    for claim in analysis.claims:
        q = claim.quantity
        if q is not None and (q.start, q.end, q.unit) not in seen:
            seen.add((q.start, q.end, q.unit))
            quantities.append(q)
    return quantities


def match_quantities(gold: Sequence[GoldQuantity], predicted: Sequence[Quantity]) -> dict[int, int]:
    """Pair gold with predicted quantities one to one, closest pairs first."""
    pairs: list[tuple[float, int, int]] = []
    for g_index, g in enumerate(gold):
        g_unit, g_factor = normalise_unit(g.unit)
        for p_index, p in enumerate(predicted):
            p_unit, p_factor = normalise_unit(p.unit)
            if not units_match(g_unit, p_unit) or normalise_rate(g.per) != normalise_rate(p.per):
                continue
            cost = value_cost(g, p.low * p_factor, p.high * p_factor, g_factor)
            if cost is not None:
                pairs.append((cost, g_index, p_index))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, g_index, p_index in sorted(pairs):
        if g_index not in matched and p_index not in taken:
            matched[g_index] = p_index
            taken.add(p_index)
    return matched


def score_quantities(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    by_name = by_file_name(analyses)
    per_document: dict[str, Tally] = {}
    for doc in gold.documents:
        if doc.quantities is None:
            continue
        analysis = by_name.get(doc.name)
        predicted = predicted_quantities(analysis) if analysis is not None else []
        matched = match_quantities(doc.quantities, predicted)
        used = _with_repeats(set(matched.values()), predicted)
        per_document[doc.name] = Tally(
            found=len(matched),
            gold=len(doc.quantities),
            correct=len(used),
            predicted=len(predicted),
            missed=tuple(
                f"{doc.name}: {describe_gold(g)}" for i, g in enumerate(doc.quantities) if i not in matched
            ),
            extra=tuple(
                f"{doc.name}: {describe_predicted(p)}" for i, p in enumerate(predicted) if i not in used
            ),
        )
    return kind_score(per_document)


def _with_repeats(used: set[int], predicted: Sequence[Quantity]) -> set[int]:
    """Matched quantities plus later mentions of the same figure, which are not wrong."""
    found = {_figure(predicted[index]) for index in used}
    return {index for index, q in enumerate(predicted) if index in used or _figure(q) in found}


def _figure(quantity: Quantity) -> tuple[float, float, str | None, str | None]:
    unit, factor = normalise_unit(quantity.unit)
    return (quantity.low * factor, quantity.high * factor, unit, normalise_rate(quantity.per))


def describe_gold(quantity: GoldQuantity) -> str:
    if quantity.value is not None:
        amount = format_amount(quantity.value, quantity.value)
    elif quantity.min is None and quantity.max is None:
        amount = "any"
    else:
        amount = format_amount(quantity.min, quantity.max)
    return _with_unit(amount, quantity.unit, quantity.per)


def describe_predicted(quantity: Quantity) -> str:
    amount = _with_unit(format_amount(quantity.low, quantity.high), quantity.unit, quantity.per)
    return f"{amount} ({quantity.text!r})"


def _with_unit(amount: str, unit: str | None, per: str | None) -> str:
    text = f"{amount} {unit}" if unit else amount
    return f"{text}/{normalise_rate(per)}" if normalise_rate(per) else text
