"""What every scorer shares: the score record, the counts behind it, readable labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from claimgraph.records import Analysis

NOT_FOUND = "not found"  # a gold item nothing came near
NOT_IN_GOLD = "not in gold"  # a prediction near no gold item
TAKEN = "one to one"  # a gold item whose only matching predictions serve other gold items


@dataclass(frozen=True, slots=True)
class Slip:
    """One miss or extra, with the category of error it shows (unit, rate, speaker …)."""

    category: str
    text: str


@dataclass(frozen=True, slots=True)
class KindScore:
    """Precision, recall and F1 of one kind, with what was missed and what was extra."""

    precision: float
    recall: float
    f1: float
    missed: tuple[Slip, ...] = ()
    extra: tuple[Slip, ...] = ()
    per_document: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    notes: dict[str, object] = field(default_factory=dict)  # further figures a kind reports

    def to_json(self) -> dict[str, object]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "missed": [slip.text for slip in self.missed],
            "extra": [slip.text for slip in self.extra],
            "missed_by_category": count_categories(self.missed),
            "extra_by_category": count_categories(self.extra),
            **self.notes,
        }


def count_categories(slips: Iterable[Slip]) -> dict[str, int]:
    counts = Counter(slip.category for slip in slips)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True, slots=True)
class Tally:
    """The counts behind a score; tallies add up, so corpus scores are micro-averages."""

    found: int = 0  # gold items matched
    gold: int = 0
    correct: int = 0  # predictions matched to a gold item
    predicted: int = 0
    missed: tuple[Slip, ...] = ()
    extra: tuple[Slip, ...] = ()

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.found + other.found,
            self.gold + other.gold,
            self.correct + other.correct,
            self.predicted + other.predicted,
            self.missed + other.missed,
            self.extra + other.extra,
        )

    @property
    def precision(self) -> float:
        return ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.found, self.gold)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    def scores(self) -> tuple[float, float, float]:
        return (self.precision, self.recall, self.f1)

    def as_json(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def ratio(part: int, whole: int) -> float:
    # Nothing to find (or nothing claimed) is vacuously perfect; F1 still shows the gap.
    return part / whole if whole else 1.0


def harmonic_mean(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def kind_score(
    per_document: Mapping[str, Tally], corpus: Tally | None = None, notes: Mapping[str, object] | None = None
) -> KindScore:
    """Micro-average per-document tallies (or take a corpus-level one) into a KindScore."""
    total = corpus if corpus is not None else sum(per_document.values(), Tally())
    return KindScore(
        precision=total.precision,
        recall=total.recall,
        f1=total.f1,
        missed=total.missed,
        extra=total.extra,
        per_document={name: tally.scores() for name, tally in per_document.items()},
        notes=dict(notes or {}),
    )


def by_file_name(analyses: Mapping[str, Analysis]) -> dict[str, Analysis]:
    """Key analyses by bare file name, so a path and a name find the same document."""
    return {PurePath(key).name: analysis for key, analysis in analyses.items()}


def format_amount(low: float | None, high: float | None) -> str:
    if low is not None and low == high:
        return format_number(low)
    return f"{format_number(low) if low is not None else '…'}–" + (
        format_number(high) if high is not None else "…"
    )


def format_number(value: float) -> str:
    value = float(value)  # records may carry ints despite the annotation
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:g}"


def clip(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def max_matching(hits: Sequence[Sequence[bool]]) -> dict[int, int]:
    """Most gold items (rows) each paired with its own prediction (column): Kuhn's algorithm."""
    owner: dict[int, int] = {}  # column -> row

    def assign(row: int, seen: set[int]) -> bool:
        for column, hit in enumerate(hits[row]):
            if hit and column not in seen:
                seen.add(column)
                if column not in owner or assign(owner[column], seen):
                    owner[column] = row
                    return True
        return False

    for row in range(len(hits)):
        assign(row, set())
    return {row: column for column, row in owner.items()}
