"""Scores as a person reads them: a table per run, halves side by side, misses by category."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from claimgraph.evaluate.score_common import KindScore, Slip, count_categories


def report_json(scores: Mapping[str, KindScore]) -> dict[str, object]:
    """One JSON-able object with a key per kind scored."""
    return {kind: score.to_json() for kind, score in scores.items()}


def beside(score: KindScore) -> str:
    """The figure a kind reports beside its P/R/F1, in a few words."""
    notes = score.notes
    if "modality_agreement" in notes:
        return f"modality {notes['modality_agreement']:.2f}"
    full = notes.get("full")
    if isinstance(full, dict):
        return f"full F1 {full['f1']:.2f}"
    return ""


def format_table(scores: Mapping[str, KindScore], title: str = "claimgraph eval") -> Table:
    """The scores as a table for the terminal: kind, P, R, F1, misses, extras, and the figure beside."""
    table = Table(title=title)
    table.add_column("kind")
    for column in ("P", "R", "F1", "missed", "extra"):
        table.add_column(column, justify="right")
    table.add_column("beside")
    for kind, score in scores.items():
        table.add_row(
            kind,
            f"{score.precision:.2f}",
            f"{score.recall:.2f}",
            f"{score.f1:.2f}",
            str(len(score.missed)),
            str(len(score.extra)),
            beside(score),
        )
    return table


def format_parts(parts: Mapping[str, Mapping[str, KindScore]]) -> Table:
    """Several runs side by side (all, odd-numbered, even-numbered articles): P, R and F1 of each."""
    table = Table(title="claimgraph eval: " + ", ".join(parts), caption="each cell: P R F1")
    table.add_column("kind", no_wrap=True)
    for part in parts:
        table.add_column(part, justify="right", no_wrap=True)
    kinds = dict.fromkeys(kind for scores in parts.values() for kind in scores)
    for kind in kinds:
        cells = [_cell(scores.get(kind)) for scores in parts.values()]
        table.add_row(kind, *cells)
    return table


def _cell(score: KindScore | None) -> str:
    if score is None:
        return "–"
    return " ".join(f"{value:.2f}" for value in (score.precision, score.recall, score.f1))


def explain(scores: Mapping[str, KindScore]) -> RenderableType:
    """Every miss and extra of each kind, grouped by the category of error, largest first."""
    lines: list[Text] = []
    for kind, score in scores.items():
        lines.append(Text(f"\n{kind}: P {score.precision:.2f} R {score.recall:.2f}", style="bold"))
        for heading, slips in (("missed", score.missed), ("extra", score.extra)):
            lines.extend(_grouped(heading, slips))
        for line in _disagreements(score):
            lines.append(Text(f"    {line}"))
    return Group(*lines)


def _grouped(heading: str, slips: Sequence[Slip]) -> Iterator[Text]:
    for category, count in count_categories(slips).items():
        yield Text(f"  {heading} · {category} ({count})", style="cyan")
        for slip in slips:
            if slip.category == category:
                yield Text(f"    {slip.text}")  # article text: shown as it is, never as markup


def _disagreements(score: KindScore) -> Iterator[str]:
    wrong = score.notes.get("modality_disagreements")
    if isinstance(wrong, list) and wrong:
        yield f"[modality of matched figures: {len(wrong)} disagree]"
        yield from (str(item) for item in wrong)
