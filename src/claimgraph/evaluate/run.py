"""Run the pipeline over a gold corpus in memory and score it: the number every issue reports.

The corpus is analysed once; each part scored (all articles, or the odd- and even-numbered
ones) is reconciled on its own, as if it were the whole corpus, and scored against the
gold cut down to it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from claimgraph.annotate import EntityRegistry, alias_resolver
from claimgraph.dedupe import NearDuplicateStep
from claimgraph.evaluate.gold import Gold, GoldCrossDocument, GoldCrossItem, load_gold
from claimgraph.evaluate.score import KindScore, alias_resolution, score_corpus
from claimgraph.pipeline import Context, analyse_inputs
from claimgraph.read import iter_inputs
from claimgraph.reconcile import reconcile
from claimgraph.records import Analysis, RawInput, Rejection

PARTS = ("all", "odd", "even")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class CorpusRun:
    """A gold corpus analysed: each document's analysis and its input as read, by file name."""

    gold: Gold
    analyses: Mapping[str, Analysis]
    raw_texts: Mapping[str, str]


def evaluate_corpus(gold_path: Path, corpus: Path, ctx: Context) -> dict[str, KindScore]:
    """Scores per kind of fact, for the documents of the corpus matched to the gold by file name."""
    run = analyse_corpus(load_gold(gold_path), corpus, ctx)
    return score_run(run, ctx)


def evaluate_parts(gold_path: Path, corpus: Path, ctx: Context) -> dict[str, dict[str, KindScore]]:
    """Scores of all articles, of the odd-numbered and of the even-numbered ones (by file-name number).

    Tune on the odd half, measure on the even one: a rule that lifts only the half it was
    written on fits sentences, not the language.
    """
    run = analyse_corpus(load_gold(gold_path), corpus, ctx)
    return {part: score_run(run, ctx, part_names(run.analyses, part)) for part in PARTS}


def part_names(names: Collection[str], part: str) -> set[str]:
    """The file names of one part: "all", or "odd"/"even" by the first number in the name."""
    if part == "all":
        return set(names)
    remainder = 1 if part == "odd" else 0
    return {
        name for name in names if (number := _NUMBER.search(name)) and int(number.group()) % 2 == remainder
    }


def analyse_corpus(gold: Gold, corpus: Path, ctx: Context) -> CorpusRun:
    """Analyse every input as ingest would: entities merged and near-duplicates linked across them."""
    analyses: dict[str, Analysis] = {}
    raw_texts: dict[str, str] = {}
    registry = EntityRegistry(ctx.known)
    near = NearDuplicateStep()
    for result in map(near.link, analyse_inputs(_dated_inputs(corpus, gold, raw_texts), ctx)):
        if isinstance(result, Analysis):
            analyses[Path(result.document.source).name] = registry.merge(result)
    return CorpusRun(gold, analyses, raw_texts)


def score_run(run: CorpusRun, ctx: Context, names: Collection[str] | None = None) -> dict[str, KindScore]:
    """Reconcile the documents named (all by default) on their own and score them against their gold."""
    whole = names is None or set(names) >= set(run.analyses)
    chosen = set(run.analyses) if names is None else set(names)
    analyses = _part_analyses(run.analyses, chosen)
    raw_texts = {name: text for name, text in run.raw_texts.items() if name in chosen}
    gold = run.gold if whole else gold_part(run.gold, chosen, raw_texts.values())
    claims = [c for a in analyses.values() for c in a.claims]
    documents = {a.document.id: a.document for a in analyses.values()}
    entities = {e.id: e for a in analyses.values() for e in a.entities}
    groups = reconcile(claims, documents, entities, ctx.pack)
    scores = score_corpus(gold, analyses, groups, raw_texts=raw_texts)
    if gold.entities:  # every gold name and alias must resolve to its entity
        scores["entity_aliases"] = alias_resolution(gold, alias_resolver(ctx.resolver, analyses.values()))
    return scores


def gold_part(gold: Gold, names: Collection[str], texts: Collection[str]) -> Gold:
    """The gold of some documents only: their facts, the entities their texts name, and the
    cross-document items that still join two of them."""
    folded = [_fold(text) for text in texts]
    entities = tuple(
        entity
        for entity in gold.entities
        if any(_names_in(name, folded) for name in (entity.name, *entity.aliases))
    )
    return replace(
        gold,
        entities=entities,
        documents=tuple(doc for doc in gold.documents if doc.name in names),
        cross_document=_cross_part(gold.cross_document, set(names)),
    )


def _cross_part(cross: GoldCrossDocument, names: set[str]) -> GoldCrossDocument:
    def keep(items: tuple[GoldCrossItem, ...] | None) -> tuple[GoldCrossItem, ...] | None:
        if items is None:
            return None
        kept = []
        for item in items:
            docs = tuple(doc for doc in item.docs if doc in names)
            if len(docs) >= min(2, len(item.docs)) and docs:
                kept.append(replace(item, docs=docs))
        return tuple(kept)

    return GoldCrossDocument(
        contradictions=keep(cross.contradictions),
        tensions=keep(cross.tensions),
        corroborations=keep(cross.corroborations),
        not_independent=keep(cross.not_independent),
        updates=keep(cross.updates),
        near_duplicates=keep(cross.near_duplicates),
    )


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _names_in(name: str, folded_texts: Collection[str]) -> bool:
    needle = _fold(name)
    return bool(needle) and any(f" {needle} " in f" {text} " for text in folded_texts)


def _part_analyses(analyses: Mapping[str, Analysis], names: set[str]) -> dict[str, Analysis]:
    """The chosen analyses, with near-duplicate links to documents outside them dropped."""
    chosen = {name: analysis for name, analysis in analyses.items() if name in names}
    ids = {analysis.document.id for analysis in chosen.values()}
    part = {}
    for name, analysis in chosen.items():
        target = analysis.document.near_duplicate_of
        if target is not None and target not in ids:
            analysis = replace(analysis, document=replace(analysis.document, near_duplicate_of=None))
        part[name] = analysis
    return part


def _dated_inputs(corpus: Path, gold: Gold, raw_texts: dict[str, str]) -> Iterator[RawInput | Rejection]:
    """The corpus as ingest reads it, each undated input given the start of its gold publication window.

    The gold's texts carry no date and its windows exist to anchor relative dates; they play
    the part of the date a feed or table row gives, so undated files are scored as dated ones.
    The inputs' text is kept in ``raw_texts`` by file name.
    """
    for item in iter_inputs([corpus]):
        if not isinstance(item, RawInput):
            yield item
            continue
        name = Path(item.source).name
        raw_texts[name] = item.content.decode("utf-8", errors="replace")
        doc = gold.document(name)
        if item.published is None and doc and doc.published_window:
            item = replace(item, published=doc.published_window.start)
        yield item
