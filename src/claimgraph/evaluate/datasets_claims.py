"""Score time expressions and figures on public gold sets, as their READMEs describe.

- MEANTIME (``datasets/meantime/``, Wikinews): body TIMEX3s TE3-style — extent
  P/R/F1 strict (same characters) and relaxed (overlap), and value P/R/F1 (an
  extent match whose ISO value is the gold's), resolved against each article's
  creation time; and VALUE spans (money, percent, quantity) against our figures.
- MeasEval (``datasets/measeval/eval/``, scientific paragraphs): Quantity span
  P/R/F1 with overlap and exact matching, and unit agreement on matched spans.

No thresholds: these are outside data, reported to show how the extractors
hold beyond the news they were written for.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from claimgraph.evaluate.score_common import NOT_FOUND, NOT_IN_GOLD, KindScore, Slip, Tally, kind_score
from claimgraph.extract import extract_quantities, extract_times
from claimgraph.records import DateSource

Span = tuple[int, int]
_DMY = re.compile(r"^(\d\d)-(\d\d)-(\d{4})$")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    text: str
    label: str  # TIMEX3 type or VALUE type, or the MeasEval unit
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One gold document rebuilt as text: its tokens joined, sentences on lines."""

    name: str
    text: str
    created: str | None
    times: tuple[GoldSpan, ...]
    values: tuple[GoldSpan, ...]
    annotated: Span  # MEANTIME annotates the opening sentences only: predictions count within


def read_meantime(folder: Path) -> Iterator[Article]:
    """Every article of MEANTIME's document-level annotation, in file order."""
    for path in sorted((folder / "intra-doc_annotation").glob("corpus_*/*.xml")):
        yield _article(path)


def _article(path: Path) -> Article:
    root = ET.parse(path).getroot()
    pieces, offsets, sentence = [], {}, None
    length = 0
    for token in root.iter("token"):
        separator = "" if not pieces else ("\n" if token.get("sentence") != sentence else " ")
        sentence = token.get("sentence")
        word = token.text or ""
        length += len(separator)
        offsets[token.get("t_id")] = (length, length + len(word))
        pieces.append(separator + word)
        length += len(word)
    created, times, values = None, [], []
    markables = root.find("Markables")
    begin, last = 0, 0
    for element in markables if markables is not None else []:
        anchors = [
            offsets[a.get("t_id")] for a in element.findall("token_anchor") if a.get("t_id") in offsets
        ]
        last = max([last, *(end for _, end in anchors)])
        if element.tag == "TIMEX3" and element.get("functionInDocument") == "CREATION_TIME":
            created = _iso(element.get("value") or "")
            begin = max([begin, *(end for _, end in anchors)])
        elif element.tag in ("TIMEX3", "VALUE") and anchors:
            start, end = anchors[0][0], anchors[-1][1]
            text = "".join(pieces)[start:end]
            label = element.get("type") or ""
            target = times if element.tag == "TIMEX3" else values
            target.append(GoldSpan(start, end, text, label, element.get("value")))
    return Article(path.stem, "".join(pieces), created, tuple(times), tuple(values), (begin, last))


def _iso(value: str) -> str | None:
    """A creation time as ISO; the one malformed day-month-year value read as it is meant."""
    match = _DMY.match(value)
    if match:
        return f"{match.group(3)}-{match.group(2)}-{match.group(1)}"
    return value[:10] if re.match(r"^\d{4}(-\d\d){0,2}", value) else None


def score_meantime(folder: Path, nlp: Language) -> dict[str, KindScore]:
    """Time extents (strict, relaxed), time values, and value spans on MEANTIME."""
    tallies: dict[str, dict[str, Tally]] = {k: {} for k in ("times_strict", "times_relaxed", "time_values")}
    tallies["values_relaxed"] = {}
    for article in read_meantime(folder):
        doc = nlp(article.text)
        refs = extract_times(doc, article.created, DateSource.METADATA)
        predicted = [
            (r.start, r.end, r.value) for r in refs if _overlap(article.annotated, (r.start, r.end, None))
        ]
        gold = [(g.start, g.end, g.value) for g in article.times]
        tallies["times_strict"][article.name] = _tally(article.name, gold, predicted, _same_span)
        tallies["times_relaxed"][article.name] = _tally(article.name, gold, predicted, _overlap)
        tallies["time_values"][article.name] = _tally(
            article.name, gold, predicted, lambda g, p: _overlap(g, p) and _same_value(g[2], p[2])
        )
        figures = [
            (q.start, q.end, q.text)
            for q in extract_quantities(doc)
            if _overlap(article.annotated, (q.start, q.end, None))
        ]
        values = [(g.start, g.end, g.label) for g in article.values]
        tallies["values_relaxed"][article.name] = _tally(article.name, values, figures, _overlap)
    return {kind: kind_score(per_document) for kind, per_document in tallies.items()}


def _same_value(gold: str | None, predicted: str | None) -> bool:
    return bool(gold) and bool(predicted) and gold == predicted


# --- MeasEval ------------------------------------------------------------------------


def read_measeval(folder: Path) -> Iterator[tuple[str, str, list[GoldSpan]]]:
    """(paragraph id, text, gold quantities) of a MeasEval split; no TSV means no quantities."""
    for text_path in sorted((folder / "text").glob("*.txt")):
        tsv = folder / "tsv" / f"{text_path.stem}.tsv"
        gold: list[GoldSpan] = []
        if tsv.is_file():
            with tsv.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    if row["annotType"] != "Quantity":
                        continue
                    other = json.loads(row.get("other") or "{}") if (row.get("other") or "").strip() else {}
                    gold.append(
                        GoldSpan(
                            int(row["startOffset"]), int(row["endOffset"]), row["text"], other.get("unit", "")
                        )
                    )
        yield text_path.stem, text_path.read_text(encoding="utf-8"), gold


def score_measeval(folder: Path, nlp: Language) -> dict[str, KindScore]:
    """Quantity spans (overlap, exact) and unit agreement on a MeasEval split (use ``eval``)."""
    overlap: dict[str, Tally] = {}
    exact: dict[str, Tally] = {}
    units: dict[str, Tally] = {}
    for name, text, gold in read_measeval(folder):
        found = extract_quantities(nlp(text))
        predicted = [(q.start, q.end, q.unit) for q in found]
        spans = [(g.start, g.end, g.label) for g in gold]
        overlap[name] = _tally(name, spans, predicted, _overlap)
        exact[name] = _tally(name, spans, predicted, _same_span)
        with_unit = [s for s in spans if s[2]]
        units[name] = _tally(
            name, with_unit, predicted, lambda g, p, text=text: _overlap(g, p) and _unit_agrees(g, p, text)
        )
    return {
        "quantities_overlap": kind_score(overlap),
        "quantities_exact": kind_score(exact),
        "units": kind_score(units),
    }


def _unit_agrees(
    gold: tuple[int, int, str | None], predicted: tuple[int, int, str | None], text: str
) -> bool:
    """Our unit is a normalised name ("share", "drone"); it agrees when it names the gold unit."""
    unit, ours = (gold[2] or "").casefold(), (predicted[2] or "").casefold()
    if unit in ("%", "percent", "per cent"):
        return ours == "share"
    return bool(ours) and (
        ours == unit or ours.startswith(unit) or unit in text[predicted[0] : predicted[1]].casefold()
    )


# --- shared ----------------------------------------------------------------------------

_Item = tuple[int, int, str | None]


def _same_span(gold: _Item, predicted: _Item) -> bool:
    return gold[0] == predicted[0] and gold[1] == predicted[1]


def _overlap(gold: _Item | Span, predicted: _Item) -> bool:
    return gold[0] < predicted[1] and predicted[0] < gold[1]


def _tally(
    name: str, gold: Sequence[_Item], predicted: Sequence[_Item], match: Callable[[_Item, _Item], bool]
) -> Tally:
    """One-to-one matching in text order: each gold span takes the first free prediction it matches."""
    taken: set[int] = set()
    found = 0
    missed = []
    for item in gold:
        index = next((i for i, p in enumerate(predicted) if i not in taken and match(item, p)), None)
        if index is None:
            missed.append(Slip(NOT_FOUND, f"{name}: {item[0]}-{item[1]} {item[2] or ''}".strip()))
        else:
            taken.add(index)
            found += 1
    extra = tuple(
        Slip(NOT_IN_GOLD, f"{name}: {p[0]}-{p[1]} {p[2] or ''}".strip())
        for i, p in enumerate(predicted)
        if i not in taken
    )
    return Tally(found, len(gold), len(taken), len(predicted), tuple(missed), extra)


def score_claim_datasets(datasets: Path, nlp: Language) -> dict[str, KindScore]:
    """Every claim-extraction score the datasets folder allows; a missing dataset is left out."""
    scores: dict[str, KindScore] = {}
    if (datasets / "meantime" / "intra-doc_annotation").is_dir():
        scores |= {f"meantime_{k}": v for k, v in score_meantime(datasets / "meantime", nlp).items()}
    if (datasets / "measeval" / "eval" / "text").is_dir():
        scores |= {f"measeval_{k}": v for k, v in score_measeval(datasets / "measeval" / "eval", nlp).items()}
    return scores
