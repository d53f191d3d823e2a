"""Compose the stages: read -> clean -> annotate -> extract per document, then store and reconcile.

Stage functions are pure; this module decides what runs in what order and
turns a stage's InputError into a stored Rejection so a batch never stops.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from sqlalchemy import Engine

from claimgraph.annotate import build_nlp, resolve_mentions
from claimgraph.clean import clean
from claimgraph.domains import DomainPack, default_pack_path, load_pack
from claimgraph.errors import InputError
from claimgraph.extract import extract_claims, extract_quantities, extract_times
from claimgraph.read import iter_files, read_file
from claimgraph.reconcile import reconcile
from claimgraph.records import Analysis, ClaimGroup, Document, Entity, RawInput, Rejection
from claimgraph.store import read as store_read
from claimgraph.store import replace_groups, save_analysis, save_rejection


@dataclass(frozen=True, slots=True)
class Context:
    """What the stages need from outside: the language model and the domain pack."""

    nlp: Language
    pack: DomainPack
    known: dict[str, Entity]


def make_context(pack_path: Path | None = None, nlp: Language | None = None) -> Context:
    pack = load_pack(pack_path or default_pack_path())
    return Context(nlp=build_nlp(pack.entities, nlp), pack=pack, known={e.id: e for e in pack.entities})


def analyse_raw(raw: RawInput, ctx: Context) -> Analysis:
    """One input through every per-document stage; raises InputError when unusable."""
    return analyse_document(clean(raw), ctx)


def analyse_document(document: Document, ctx: Context) -> Analysis:
    doc = ctx.nlp(document.body)
    entities, mentions = resolve_mentions(doc, ctx.known)
    quantities = extract_quantities(doc)
    times = extract_times(doc, document.published)
    claims = extract_claims(doc, document.id, entities, mentions, quantities, times)
    return Analysis(document, entities, mentions, quantities, times, claims)


def analyse_path(path: Path, ctx: Context) -> Analysis | Rejection:
    try:
        return analyse_raw(read_file(path), ctx)
    except InputError as error:
        return Rejection(source=str(path), reason=str(error))


def analyse_paths(paths: Iterable[Path], ctx: Context) -> Iterator[Analysis | Rejection]:
    """Stream analyses of every file under the paths, one at a time."""
    for path in iter_files(paths):
        yield analyse_path(path, ctx)


@dataclass(slots=True)
class IngestReport:
    """What one ingest did: counts, and every rejection with its reason."""

    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    groups: int = 0


def ingest(
    paths: Iterable[Path],
    engine: Engine,
    ctx: Context,
    on_result: Callable[[Analysis | Rejection], None] | None = None,
) -> IngestReport:
    """Analyse, store each document in its own transaction, then reconcile the store."""
    report = IngestReport()
    for result in analyse_paths(paths, ctx):
        if isinstance(result, Rejection):
            save_rejection(engine, result)
            report.rejected.append(result)
        elif save_analysis(engine, result):
            report.ingested.append(result.document.source)
        else:
            report.duplicates.append(result.document.source)
        if on_result:
            on_result(result)
    if report.ingested:
        report.groups = len(reconcile_store(engine))
    return report


def reconcile_store(engine: Engine) -> list[ClaimGroup]:
    """Re-assess the claim groups over every stored claim, and save them."""
    documents = {d.id: d for d in store_read.documents(engine)}
    old = {g.id for g in store_read.groups(engine)}
    groups = reconcile(store_read.claims(engine), documents)
    replace_groups(engine, groups, stale=old - {g.id for g in groups})
    return groups
