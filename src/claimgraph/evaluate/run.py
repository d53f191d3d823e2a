"""Run the pipeline over a gold corpus in memory and score it: the number every issue reports."""

from __future__ import annotations

from pathlib import Path

from claimgraph.evaluate.gold import load_gold
from claimgraph.evaluate.score import KindScore, score_corpus
from claimgraph.pipeline import Context, analyse_paths
from claimgraph.reconcile import reconcile
from claimgraph.records import Analysis


def evaluate_corpus(gold_path: Path, corpus: Path, ctx: Context) -> dict[str, KindScore]:
    """Scores per kind of fact, for the documents of the corpus matched to the gold by file name."""
    gold = load_gold(gold_path)
    analyses: dict[str, Analysis] = {}
    for result in analyse_paths([corpus], ctx):
        if isinstance(result, Analysis):
            analyses[Path(result.document.source).name] = result
    claims = [c for a in analyses.values() for c in a.claims]
    documents = {a.document.id: a.document for a in analyses.values()}
    return score_corpus(gold, analyses, reconcile(claims, documents))
