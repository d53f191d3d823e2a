"""Score main-text extraction on the article-extraction benchmark, with its own metric.

The dataset (``../shared/datasets/article-extraction-benchmark/``) has gzipped
pages in ``html/<id>.html.gz`` and ``ground-truth.json`` mapping each id to its
``articleBody``. Its README defines the metric: ``\\w+`` tokens, 4-gram
shingles as multisets, per-page tp/fp/fn normalised by their sum, precision
and recall macro-averaged over pages, F1 of the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table

from claimgraph.errors import ClaimgraphError

_TOKEN = re.compile(r"\w+")

Extractor = Callable[[str, str | None], str]  # (html, url) -> main text


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: str
    url: str | None
    gold: str


@dataclass(frozen=True, slots=True)
class ExtractionScore:
    """Macro precision, recall and F1 over pages, and the share of exact token matches."""

    system: str
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int
    failures: int  # pages where the extractor raised or found nothing

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "system": self.system,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": round(self.accuracy, 4),
            "pages": self.pages,
            "failures": self.failures,
        }


def load_pages(dataset: Path) -> Iterator[Page]:
    """The benchmark's pages with their gold bodies, one at a time."""
    truth_path = dataset / "ground-truth.json"
    if not truth_path.is_file():
        raise ClaimgraphError(f"{dataset}: no ground-truth.json (not the article-extraction benchmark?)")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        path = dataset / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        item = truth[page_id]
        yield Page(page_id, html, item.get("url"), item.get("articleBody") or "")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """tp, fp, fn over shingles, normalised by their sum so each page weighs the same."""
    want, got = shingles(gold), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score_predictions(
    system: str, golds: Mapping[str, str], predictions: Mapping[str, str]
) -> ExtractionScore:
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    failures = 0
    for page_id, gold in golds.items():
        predicted = predictions.get(page_id, "")
        failures += not predicted.strip()
        exact += _TOKEN.findall(gold) == _TOKEN.findall(predicted)
        tp, fp, fn = page_counts(gold, predicted)
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pages = len(golds)
    return ExtractionScore(system, precision, recall, f1, exact / pages if pages else 0.0, pages, failures)


def score_extractors(dataset: Path, extractors: Mapping[str, Extractor]) -> list[ExtractionScore]:
    """Run every extractor on the same pages in one pass and score each."""
    golds: dict[str, str] = {}
    predictions: dict[str, dict[str, str]] = {name: {} for name in extractors}
    for page in load_pages(dataset):
        golds[page.id] = page.gold
        for name, extract in extractors.items():
            try:
                predictions[name][page.id] = extract(page.html, page.url) or ""
            except ClaimgraphError:
                predictions[name][page.id] = ""
    if not golds:
        raise ClaimgraphError(f"{dataset}: no pages found under html/")
    return [score_predictions(name, golds, predictions[name]) for name in extractors]


def claimgraph_extractor(html: str, url: str | None) -> str:
    """Our HTML cleaning: the body the pipeline would analyse."""
    from claimgraph.clean.html import extract_page

    return extract_page(html, url=url).body


def trafilatura_extractor(html: str, url: str | None) -> str:
    """Plain trafilatura with its defaults: the baseline ours must not fall below."""
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def score_extraction(dataset: Path) -> list[ExtractionScore]:
    """Our cleaning and plain trafilatura, scored on the same pages in the same run."""
    return score_extractors(
        dataset, {"claimgraph": claimgraph_extractor, "trafilatura": trafilatura_extractor}
    )


def extraction_table(scores: list[ExtractionScore]) -> Table:
    table = Table(title="Main-text extraction (4-gram shingles, macro over pages)")
    for column in ("system", "F1", "precision", "recall", "exact", "pages", "empty"):
        table.add_column(column)
    for s in scores:
        table.add_row(
            s.system,
            f"{s.f1:.3f}",
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.accuracy:.3f}",
            str(s.pages),
            str(s.failures),
        )
    return table
