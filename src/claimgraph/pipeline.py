"""Compose the stages: read -> clean -> annotate -> extract per document, then store and reconcile.

Stage functions are pure; this module decides what runs in what order and
turns a stage's InputError into a stored Rejection so a batch never stops.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
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
from claimgraph.checkpoints import reached
from claimgraph.clean import clean
from claimgraph.dedupe import NearDuplicateLink, NearDuplicateStep
from claimgraph.domains import DomainPack, default_pack_path, load_pack
from claimgraph.errors import InputError, RunnerError
from claimgraph.extract import extract_claims, extract_quantities, extract_times
from claimgraph.extract.recent import report_month
from claimgraph.extract.relays import credited_source, passed_on
from claimgraph.read import Reader, iter_files, read_file
from claimgraph.reconcile import MAX_CLAIMS, MIN_CLAIMS, WINDOW_REPORTS, assess_groups, file_document
from claimgraph.records import (
    Analysis,
    Claim,
    ClaimGroup,
    Document,
    Entity,
    Known,
    Membership,
    RawInput,
    Rejection,
)
from claimgraph.store import Outcome, Saved, clear_reconciliation, save_reconciliation, save_results
from claimgraph.store import read as store_read
from claimgraph.store.locks import reconciling, writing

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
    month = report_month(document.published, document.published_how)  # dates its recent acts
    claims = extract_claims(
        doc, document.id, entities, mentions, quantities, times, ctx.pack.vocabulary,
        month=month, speaks_for=ctx.pack.speaks_for,
    )  # fmt: skip
    claims = passed_on(claims, credited_source(on_page))
    return Analysis(document, entities, mentions, quantities, times, claims, page_mentions=on_page)


def analyse_path(path: Path, ctx: Context) -> Analysis | Rejection:
    try:
        raw = read_file(path)
    except InputError as error:
        return Rejection(source=str(path), reason=str(error))
    return analyse_or_reject(raw, ctx)


def analyse_or_reject(raw: RawInput, ctx: Context) -> Analysis | Rejection:
    """One input analysed, or rejected with the reason; never an exception, so a batch never stops."""
    try:
        return analyse_raw(raw, ctx)
    except InputError as error:
        return Rejection(source=raw.source, reason=str(error))
    except Exception as error:  # a fault of ours or a library's on hostile input: this input alone fails
        return Rejection(source=raw.source, reason=f"cannot analyse: {type(error).__name__}: {error}")


def analyse_paths(paths: Iterable[Path], ctx: Context) -> Iterator[Analysis | Rejection]:
    """Stream analyses of every file under the paths, one at a time."""
    for path in iter_files(paths):
        yield analyse_path(path, ctx)


def analyse_inputs(
    items: Iterable[RawInput | Rejection | Known], ctx: Context
) -> Iterator[Analysis | Rejection | Known]:
    """Stream analyses of inputs as a reader yields them; what the reader refused, and inputs
    recognised as stored already, pass through."""
    for item in items:
        yield analyse_or_reject(item, ctx) if isinstance(item, RawInput) else item


def input_digest(raw: RawInput) -> str:
    """What identifies an input: its bytes and what its reader knew of it, not its name. The same
    input always gives the same document, so a digest seen before means a document stored before."""
    digest = hashlib.sha256()
    for value in (raw.media_type, raw.title, raw.outlet, raw.published, raw.url):
        digest.update(repr(value).encode("utf-8") + b"\0")
    digest.update(raw.content)
    return digest.hexdigest()


def recognise_stored(
    items: Iterable[RawInput | Rejection], engine: Engine, digests: deque[str | None]
) -> Iterator[RawInput | Rejection | Known]:
    """Each input, or Known when its digest shows its document is stored: no language model runs
    for it. Each input's digest is put on ``digests``, in input order, for the writer."""
    for item in items:
        if not isinstance(item, RawInput):
            digests.append(None)
            yield item
            continue
        digest = input_digest(item)
        digests.append(digest)
        stored = store_read.document_for_input(engine, digest)
        yield Known(item.source, stored) if stored is not None else item


@dataclass(slots=True)
class IngestReport:
    """What one ingest did: counts, and every rejection with its reason."""

    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    near_duplicates: list[NearDuplicateLink] = field(default_factory=list)
    groups: int = 0


Result = Analysis | Rejection | Known


class Runner(Protocol):
    """Runs the per-document stages elsewhere (claimgraph.scale); results come back in input order."""

    def analyse(self, inputs: Iterable[Path | RawInput | Rejection | Known]) -> Iterator[Result]: ...


WRITE_BATCH = 32  # results per store transaction; each document still has its own savepoint
RECONCILE_EVERY = 1_000  # new documents per reconcile pass; incremental passes equal one at the end
WRITE_SECONDS = 2.0  # a slow stream is committed at least this often, so readers see it grow


def ingest(
    sources: Iterable[str | Path],
    engine: Engine,
    ctx: Context,
    on_result: Callable[[Result], None] | None = None,
    runner: Runner | None = None,
    reader: Reader | None = None,
) -> IngestReport:
    """Read (files, folders, URLs, feeds, tables, archives, "-" for stdin), skip inputs stored
    before, analyse the rest (here, or on the runner's workers), link near-duplicates, store in
    batches, then reconcile: file every claim stored and not yet filed, whoever stored it and
    however its run ended, so an ingest cut short is made whole by the next one.

    A runner that fails (its workers lost) stops the ingest with a RunnerError, after what it
    had returned is stored and reconciled: running the ingest again goes on from there.
    """
    report = IngestReport()
    digests: deque[str | None] = deque()  # one per input in flight, in input order
    inputs = recognise_stored((reader or Reader()).inputs(sources), engine, digests)
    results = runner.analyse(inputs) if runner else analyse_inputs(inputs, ctx)
    writer = StoreWriter(engine, ctx)
    new_ids: list[str] = []
    touched: set[str] = set()
    try:
        for batch in _write_batches(results, on_result):
            outcomes = writer.save(batch, [digests.popleft() for _ in batch], report)
            new_ids.extend(
                r.document.id
                for r, saved in zip(batch, outcomes, strict=True)
                if isinstance(r, Analysis) and saved.outcome is Outcome.INGESTED
            )
            reached("batch-committed")
            if len(new_ids) >= RECONCILE_EVERY:  # a long ingest never holds all its claims at once
                touched.update(g.id for g in reconcile_store(engine, ctx.pack, new_ids))
                new_ids = []
    except RunnerError:
        reconcile_store(engine, ctx.pack)  # what was stored before the failure is filed, then told
        raise
    touched.update(g.id for g in reconcile_store(engine, ctx.pack))
    report.groups = len(touched)
    return report


class StoreWriter:
    """Stores batches of results, each under the store's write lock (store.locks.writing), with
    what must see every other writer's work done under the same lock: new entities merged with
    those stored so far (by any process), and each document linked to its stored near-copies."""

    def __init__(self, engine: Engine, ctx: Context) -> None:
        self.engine = engine
        self.near = NearDuplicateStep.load(engine)
        self.registry = EntityRegistry(ctx.known, store_read.entities(engine).values())
        self.seen = store_read.last_seq(engine)  # entities of reports up to here are registered

    def save(self, batch: list[Result], digests: list[str | None], report: IngestReport) -> list[Saved]:
        """Store one batch in one transaction; what became of each result goes to ``report``."""
        with writing(self.engine) as conn:
            for entity in store_read.entities_since(conn, self.seen):  # stored by others meanwhile
                self.registry.canonical(entity)
            ready = [self.near.link(self._merged(r), conn) for r in batch]
            outcomes = save_results(conn, ready, digests)
            links = self.near.saved(conn, ready, outcomes)
            self.seen = store_read.last_seq(conn)
        report.near_duplicates.extend(links)
        for saved in outcomes:
            if saved.outcome is Outcome.INGESTED:
                report.ingested.append(saved.source)
            elif saved.outcome is Outcome.DUPLICATE:
                report.duplicates.append(saved.source)
            elif saved.rejection is not None:
                report.rejected.append(saved.rejection)
        return outcomes

    def _merged(self, result: Result) -> Result:
        return self.registry.merge(result) if isinstance(result, Analysis) else result


def _write_batches(
    results: Iterable[Result], on_result: Callable[[Result], None] | None
) -> Iterator[list[Result]]:
    batch: list[Result] = []
    started = time.monotonic()
    try:
        for result in results:
            if on_result:
                on_result(result)
            if not batch:
                started = time.monotonic()
            batch.append(result)
            if len(batch) >= WRITE_BATCH or time.monotonic() - started >= WRITE_SECONDS:
                yield batch
                batch = []
    except RunnerError:
        if batch:  # the results already in hand are stored before the failure is told
            yield batch
        raise
    if batch:
        yield batch


@dataclass(frozen=True, slots=True)
class Reconciled:
    """What one reconcile did: the documents it filed and the claim groups it re-assessed."""

    documents: int
    groups: int


def reconcile_all(engine: Engine, pack: DomainPack | None = None, full: bool = False) -> Reconciled:
    """File every stored claim not filed yet (``full``: every claim again, from scratch)."""
    pending = len(store_read.unreconciled_documents(engine)) if not full else None
    groups = reconcile_store(engine, pack, full=full)
    filed = pending if pending is not None else len(store_read.documents(engine))
    return Reconciled(documents=filed, groups=len(groups))


def reconcile_store(
    engine: Engine,
    pack: DomainPack | None = None,
    document_ids: Iterable[str] | None = None,
    full: bool = False,
) -> list[ClaimGroup]:
    """File the new documents' claims and re-assess only the groups they touch; return those groups.

    New documents are those not filed yet, among the given ones or all stored (so a run cut short,
    or another process's, is picked up next time); filing is idempotent. One process reconciles a
    store at a time (store.locks.reconciling), each pass reading what the one before saved.
    ``full`` forgets all filing and starts from scratch, as after a change of domain pack; it
    gives what incremental runs give.
    """
    with reconciling(engine):
        if full:
            clear_reconciliation(engine)
        given = None if full or document_ids is None else list(document_ids)
        pending = store_read.unreconciled_documents(engine, among=given)
        groups: dict[str, ClaimGroup] = {}
        chunk = (
            RECONCILE_EVERY + WRITE_BATCH
        )  # never all claims of a big store at once; an ingest's pass whole
        for start in range(0, len(pending), chunk):
            groups.update((g.id, g) for g in _reconcile_pass(engine, pack, pending[start : start + chunk]))
        return [groups[i] for i in sorted(groups)]


def _reconcile_pass(engine: Engine, pack: DomainPack | None, pending: list[str]) -> list[ClaimGroup]:
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
    reached("reconcile-filed")
    save_reconciliation(engine, filed, groups, stale=set(touched) - {g.id for g in groups})
    return groups


def _entities_of(engine: Engine, claims: Iterable[Claim], pack: DomainPack | None) -> dict[str, Entity]:
    """The entities the claims name (with the pack's, whose kinds reconcile reads)."""
    ids = {e for c in claims for e in (c.subject, c.object, c.place, c.speaker, c.via, *c.entities) if e}
    known = {e.id: e for e in pack.entities} if pack else {}
    known.update(store_read.entities(engine, ids))
    return known
