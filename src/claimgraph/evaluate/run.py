"""Run the pipeline over a gold corpus in memory and score it: the number every issue reports."""

from __future__ import annotations

from pathlib import Path

from claimgraph.annotate import EntityRegistry, alias_resolver
from claimgraph.clean.dedup import NearDuplicateIndex
from claimgraph.dedupe import NearDuplicateStep
from claimgraph.evaluate.gold import load_gold
from claimgraph.evaluate.score import KindScore, alias_resolution, score_corpus
from claimgraph.pipeline import Context, analyse_paths
from claimgraph.reconcile import reconcile
from claimgraph.records import Analysis


def evaluate_corpus(gold_path: Path, corpus: Path, ctx: Context) -> dict[str, KindScore]:
    """Scores per kind of fact, for the documents of the corpus matched to the gold by file name."""
    gold = load_gold(gold_path)
    analyses: dict[str, Analysis] = {}
    registry = EntityRegistry(ctx.known)  # new entities merged across documents, as ingest does
    near = NearDuplicateStep(NearDuplicateIndex(), {})  # near-duplicates linked, as ingest does
    for result in map(near.link, analyse_paths([corpus], ctx)):
        if isinstance(result, Analysis):
            analyses[Path(result.document.source).name] = registry.merge(result)
    claims = [c for a in analyses.values() for c in a.claims]
    documents = {a.document.id: a.document for a in analyses.values()}
    entities = {e.id: e for a in analyses.values() for e in a.entities}
    groups = reconcile(claims, documents, entities, ctx.pack)
    scores = score_corpus(gold, analyses, groups, known_entities=ctx.known)
    if gold.entities:  # every gold name and alias must resolve to its entity
        scores["entity_aliases"] = alias_resolution(gold, alias_resolver(ctx.resolver, analyses.values()))
    return scores
