"""Compose the stages: read -> clean -> annotate -> extract per document, then store and reconcile.

Stage functions are pure; this module decides what runs in what order and
turns a stage's InputError into a stored Rejection so a batch never stops.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from spacy.language import Language
from sqlalchemy import Engine

from claimgraph.annotate import (
    EntityRegistry,
    NameResolver,
    build_nlp,
    find_tag_lines,
    page_mentions,
    resolve_mentions,
)
from claimgraph.clean import clean
from claimgraph.dedupe import NearDuplicateLink, NearDuplicateStep
from claimgraph.domains import DomainPack, default_pack_path, load_pack
from claimgraph.errors import InputError
from claimgraph.extract import extract_claims, extract_quantities, extract_times
from claimgraph.extract.relays import credited_source, passed_on
from claimgraph.read import Reader, iter_files, read_file
from claimgraph.reconcile import MAX_CLAIMS, MIN_CLAIMS, WINDOW_REPORTS, assess_groups, file_document
from claimgraph.records import Analysis, Claim, ClaimGroup, Document, Entity, Membership, RawInput, Rejection
from claimgraph.store import Outcome, clear_reconciliation, save_batch, save_reconciliation
from claimgraph.store import read as store_read

OUTLET_KIND = "media outlet"  # the pack's entities a report may credit as its source


@dataclass(frozen=True, slots=True)
class Context:
    """What the stages need from outside: the language model and the domain pack."""

    nlp: Language
    pack: DomainPack
    known: dict[str, Entity]
    resolver: NameResolver


def make_context(pack_path: Path | None = None, nlp: Language | None = None) -> Context:
    pack = load_pack(pack_path or default_pack_path())
    known = {e.id: e for e in pack.entities}
    return Context(nlp=build_nlp(pack.entities, nlp), pack=pack, known=known, resolver=NameResolver(pack))


def analyse_raw(raw: RawInput, ctx: Context) -> Analysis:
    """One input through every per-document stage; raises InputError when unusable."""
    document = clean(raw, outlets=ctx.pack.names_of_kind(OUTLET_KIND))
    return analyse_document(document, ctx, tag_lines=_tag_lines(raw, document))


def _tag_lines(raw: RawInput, document: Document) -> tuple[str, ...]:
    """The tag lines clean took off a plain-text page: they still name its entities."""
    if raw.media_type != "text/plain":
        return ()
    return find_tag_lines(raw.content.decode("utf-8", errors="replace"), document.body)


def analyse_document(document: Document, ctx: Context, tag_lines: Iterable[str] = ()) -> Analysis:
    doc = ctx.nlp(document.body)
    entities, mentions = resolve_mentions(doc, ctx.resolver)
    page_entities, on_page = page_mentions(document, tag_lines, ctx.resolver, entities)
    entities = (*entities, *(e for e in page_entities if e not in entities))
    quantities = extract_quantities(doc, ctx.pack.vocabulary)
    times = extract_times(doc, document.published, document.published_how)
    claims = extract_claims(doc, document.id, entities, mentions, quantities, times, ctx.pack.vocabulary)
    claims = passed_on(claims, credited_source(on_page))
    return Analysis(document, entities, mentions, quantities, times, claims, page_mentions=on_page)


def analyse_path(path: Path, ctx: Context) -> Analysis | Rejection:
    try:
        return analyse_raw(read_file(path), ctx)
    except InputError as error:
        return Rejection(source=str(path), reason=str(error))


def analyse_paths(paths: Iterable[Path], ctx: Context) -> Iterator[Analysis | Rejection]:
    """Stream analyses of every file under the paths, one at a time."""
    for path in iter_files(paths):
        yield analyse_path(path, ctx)


def analyse_inputs(items: Iterable[RawInput | Rejection], ctx: Context) -> Iterator[Analysis | Rejection]:
    """Stream analyses of inputs as a reader yields them; what the reader refused passes through."""
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            yield analyse_raw(item, ctx)
        except InputError as error:
            yield Rejection(source=item.source, reason=str(error))


@dataclass(slots=True)
class IngestReport:
    """What one ingest did: counts, and every rejection with its reason."""

    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    near_duplicates: list[NearDuplicateLink] = field(default_factory=list)
    groups: int = 0


class Runner(Protocol):
    """Runs the per-document stages elsewhere (claimgraph.scale); results come back in input order."""

    def analyse(self, inputs: Iterable[Path | RawInput | Rejection]) -> Iterator[Analysis | Rejection]: ...


WRITE_BATCH = 32  # results per store transaction; each document still has its own savepoint
RECONCILE_EVERY = 1_000  # new documents per reconcile pass; incremental passes equal one at the end
WRITE_SECONDS = 2.0  # a slow stream is committed at least this often, so readers see it grow


def ingest(
    sources: Iterable[str | Path],
    engine: Engine,
    ctx: Context,
    on_result: Callable[[Analysis | Rejection], None] | None = None,
    runner: Runner | None = None,
    reader: Reader | None = None,
) -> IngestReport:
    """Read (files, folders, URLs, feeds, tables, archives, "-" for stdin), analyse (here, or on
    the runner's workers), link near-duplicates, store in batches, then reconcile the store."""
    report = IngestReport()
    inputs = (reader or Reader()).inputs(sources)
    results = runner.analyse(inputs) if runner else analyse_inputs(inputs, ctx)
    near = NearDuplicateStep.load(engine)
    registry = EntityRegistry(ctx.known, store_read.entities(engine).values())
    merged = (registry.merge(r) if isinstance(r, Analysis) else r for r in results)
    new_ids: list[str] = []
    touched: set[str] = set()
    for batch in _write_batches((near.link(result) for result in merged), on_result):
        outcomes = save_batch(engine, batch)
        new_ids.extend(
            r.document.id
            for r, saved in zip(batch, outcomes, strict=True)
            if isinstance(r, Analysis) and saved.outcome is Outcome.INGESTED
        )
        if len(new_ids) >= RECONCILE_EVERY:  # a long ingest never holds all its claims at once
            touched.update(g.id for g in reconcile_store(engine, ctx.pack, new_ids))
            new_ids = []
        report.near_duplicates.extend(near.saved(engine, batch, outcomes))
        for saved in outcomes:
            if saved.outcome is Outcome.INGESTED:
                report.ingested.append(saved.source)
            elif saved.outcome is Outcome.DUPLICATE:
                report.duplicates.append(saved.source)
            elif saved.rejection is not None:
                report.rejected.append(saved.rejection)
    if new_ids:
        touched.update(g.id for g in reconcile_store(engine, ctx.pack, new_ids))
    report.groups = len(touched)
    return report


def _write_batches(
    results: Iterable[Analysis | Rejection], on_result: Callable[[Analysis | Rejection], None] | None
) -> Iterator[list[Analysis | Rejection]]:
    batch: list[Analysis | Rejection] = []
    started = time.monotonic()
    for result in results:
        if on_result:
            on_result(result)
        if not batch:
            started = time.monotonic()
        batch.append(result)
        if len(batch) >= WRITE_BATCH or time.monotonic() - started >= WRITE_SECONDS:
            yield batch
            batch = []
    if batch:
        yield batch


def reconcile_store(
    engine: Engine,
    pack: DomainPack | None = None,
    document_ids: Iterable[str] | None = None,
    full: bool = False,
) -> list[ClaimGroup]:
    """File the new documents' claims and re-assess only the groups they touch; return those groups.

    New documents are the given ones, else every document with claims not yet filed (so a
    run cut short is picked up next time). ``full`` forgets all filing and starts from scratch,
    as after a change of domain pack; it gives what incremental runs give.
    """
    if full:
        clear_reconciliation(engine)
    given = list(document_ids or []) if not full else []
    pending = sorted(set(given or store_read.unreconciled_documents(engine)))
    if not pending:
        return []
    new_claims = store_read.document_claims(engine, pending)
    documents = {d.id: d for d in store_read.documents(engine, pending)}
    originals = {d.near_duplicate_of for d in documents.values() if d.near_duplicate_of}
    documents.update({d.id: d for d in store_read.documents(engine, originals - documents.keys())})
    entities = _entities_of(engine, new_claims, pack)
    order = store_read.document_order(engine, pending)
    by_document: dict[str, list[Claim]] = {}
    for claim in new_claims:
        by_document.setdefault(claim.document_id, []).append(claim)
    filed: list[Membership] = []
    for document_id, claims in by_document.items():
        document = documents[document_id]
        filed.extend(file_document(document, claims, entities, pack, documents.get, order.get(document_id)))
    touched = sorted({m.group_id for m in filed if m.group_id})
    members, memberships = store_read.group_members(
        engine, touched, window=WINDOW_REPORTS, least=MIN_CLAIMS, most=MAX_CLAIMS
    )
    memberships.update({m.claim_id: m for m in filed})  # this run's filing, not yet saved
    members = list({c.id: c for c in [*members, *new_claims]}.values())
    more = {c.document_id for c in members} - documents.keys()
    documents.update({d.id: d for d in store_read.documents(engine, more)})
    entities.update(_entities_of(engine, members, pack))
    groups = assess_groups(members, memberships, documents, entities, pack, only=touched)
    save_reconciliation(engine, filed, groups, stale=set(touched) - {g.id for g in groups})
    return groups


def _entities_of(engine: Engine, claims: Iterable[Claim], pack: DomainPack | None) -> dict[str, Entity]:
    """The entities the claims name (with the pack's, whose kinds reconcile reads)."""
    ids = {e for c in claims for e in (c.subject, c.object, c.place, c.speaker, c.via, *c.entities) if e}
    known = {e.id: e for e in pack.entities} if pack else {}
    known.update(store_read.entities(engine, ids))
    return known
