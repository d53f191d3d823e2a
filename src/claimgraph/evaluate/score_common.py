"""What every scorer shares: the score record, the counts behind it, readable labels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from claimgraph.records import Analysis


@dataclass(frozen=True, slots=True)
class KindScore:
    """Precision, recall and F1 of one kind, with what was missed and what was extra."""

    precision: float
    recall: float
    f1: float
    missed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    per_document: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    notes: dict[str, object] = field(default_factory=dict)  # further figures a kind reports

    def to_json(self) -> dict[str, object]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "missed": list(self.missed),
            "extra": list(self.extra),
            **self.notes,
        }


@dataclass(frozen=True, slots=True)
class Tally:
    """The counts behind a score; tallies add up, so corpus scores are micro-averages."""

    found: int = 0  # gold items matched
    gold: int = 0
    correct: int = 0  # predictions matching some gold item
    predicted: int = 0
    missed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

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


def ratio(part: int, whole: int) -> float:
    # Nothing to find (or nothing claimed) is vacuously perfect; F1 still shows the gap.
    return part / whole if whole else 1.0


def harmonic_mean(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def kind_score(per_document: Mapping[str, Tally], corpus: Tally | None = None) -> KindScore:
    """Micro-average per-document tallies (or take a corpus-level one) into a KindScore."""
    total = corpus if corpus is not None else sum(per_document.values(), Tally())
    return KindScore(
        precision=total.precision,
        recall=total.recall,
        f1=total.f1,
        missed=total.missed,
        extra=total.extra,
        per_document={name: tally.scores() for name, tally in per_document.items()},
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


def labelled(document: str, items: Iterable[str]) -> tuple[str, ...]:
    return tuple(f"{document}: {item}" for item in items)


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
