"""Run the pipeline over a gold corpus in memory and score it: the number every issue reports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from claimgraph.annotate import EntityRegistry, alias_resolver
from claimgraph.dedupe import NearDuplicateStep
from claimgraph.evaluate.gold import Gold, load_gold
from claimgraph.evaluate.score import KindScore, alias_resolution, score_corpus
from claimgraph.pipeline import Context, analyse_inputs
from claimgraph.read import iter_inputs
from claimgraph.reconcile import reconcile
from claimgraph.records import Analysis, RawInput, Rejection


def evaluate_corpus(gold_path: Path, corpus: Path, ctx: Context) -> dict[str, KindScore]:
    """Scores per kind of fact, for the documents of the corpus matched to the gold by file name."""
    gold = load_gold(gold_path)
    analyses: dict[str, Analysis] = {}
    registry = EntityRegistry(ctx.known)  # new entities merged across documents, as ingest does
    near = NearDuplicateStep()  # near-duplicates linked in memory, as ingest does in the store
    for result in map(near.link, analyse_inputs(_dated_inputs(corpus, gold), ctx)):
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


def _dated_inputs(corpus: Path, gold: Gold) -> Iterator[RawInput | Rejection]:
    """The corpus as ingest reads it, each undated input given the start of its gold publication window.

    The gold's texts carry no date and its windows exist to anchor relative dates; they play
    the part of the date a feed or table row gives, so undated files are scored as dated ones.
    """
    for item in iter_inputs([corpus]):
        doc = gold.document(Path(item.source).name) if isinstance(item, RawInput) else None
        if isinstance(item, RawInput) and item.published is None and doc and doc.published_window:
            item = replace(item, published=doc.published_window.start)
        yield item
