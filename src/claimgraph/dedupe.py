"""The near-duplicate step of an ingest: link each new document to the one it copies, with its measure.

Orchestration, like pipeline.py. Stored documents are found through the LSH bands the
store keeps (claimgraph.store.signatures), so nothing about them is held in memory and a
check costs the same however large the store; the documents of this run not yet stored
sit in a small in-memory index until their batch is saved. Without a store (scoring a
corpus in memory) the in-memory index holds every document. Documents stored before
signatures existed get theirs, with band keys, when an ingest loads the step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Connection, Engine

from claimgraph.clean.dedup import (
    SCHEME,
    NearDuplicateIndex,
    Text,
    band_keys,
    copy_measure,
    signature,
    worth_reading,
)
from claimgraph.records import Analysis, Known, Rejection
from claimgraph.store import Outcome, Saved
from claimgraph.store.signatures import (
    candidate_texts,
    candidates,
    save_signatures,
    source_of,
    unsigned_documents,
)


@dataclass(frozen=True, slots=True)
class NearDuplicateLink:
    """A stored document and the earlier one it nearly copies."""

    source: str
    copies: str  # the earlier document's source
    measure: float  # how much of the shorter of the two the other holds


@dataclass(frozen=True, slots=True)
class _Found:
    original: str  # the first document of the story
    measure: float
    source: str | None  # the original's source, when known


class NearDuplicateStep:
    """Links documents to earlier near-copies, in the store or earlier in the same run."""

    def __init__(self, engine: Engine | None = None) -> None:
        self.engine = engine
        self.index = NearDuplicateIndex()  # this run's documents not yet stored (all, without a store)
        self._sources: dict[str, str] = {}  # id -> source, for the documents in self.index
        self._pending: dict[str, bytes] = {}
        self._found: dict[str, _Found] = {}

    @classmethod
    def load(cls, engine: Engine) -> NearDuplicateStep:
        """The step over a store; stored documents without a signature get one (and band keys) first."""
        for chunk in unsigned_documents(engine, SCHEME):
            save_signatures(engine, SCHEME, [(d.document_id, signature(d.body)) for d in chunk])
        return cls(engine)

    def link(
        self, result: Analysis | Rejection | Known, conn: Connection | None = None
    ) -> Analysis | Rejection | Known:
        """The result, its document linked to the earlier one it nearly copies (if any).

        Given the connection of a write transaction holding the store's write lock, the store is
        searched through it, so copies another process stored a moment ago are found too.
        """
        if not isinstance(result, Analysis):
            return result
        document = result.document
        if document.id in self.index:  # an exact copy: the store will count it as a duplicate
            return result
        sig = signature(document.body)
        text = Text(document.body, document.original_source)
        found = self._best(document.id, sig, text, conn) if document.near_duplicate_of is None else None
        if found is not None:
            document = replace(
                document, near_duplicate_of=found.original, near_duplicate_measure=found.measure
            )
            result = replace(result, document=document)
            self._found[document.id] = found
        self.index.add(document.id, sig, text, document.near_duplicate_of)
        self._sources[document.id] = document.source
        self._pending[document.id] = sig
        return result

    def _best(
        self, document_id: str, sig: bytes, text: Text, conn: Connection | None = None
    ) -> _Found | None:
        """The closest earlier copy, in this run or in the store, as the first of its story."""
        best: _Found | None = None
        match = self.index.find(sig, text, exclude=[document_id])
        if match is not None:
            best = _Found(match.document_id, match.measure, self._sources.get(match.document_id))
        store = conn if conn is not None else self.engine
        if store is not None:
            stored = candidates(store, SCHEME, band_keys(sig), exclude=document_id)
            alike = [c for c in stored if worth_reading(sig, c.signature)]
            texts = candidate_texts(store, [c.document_id for c in alike])
            for candidate in alike:
                other = texts.get(candidate.document_id)
                measure = copy_measure(text, Text(*other)) if other else None
                if measure is not None and (best is None or measure > best.measure):
                    original = candidate.near_duplicate_of or candidate.document_id
                    source = candidate.source if original == candidate.document_id else None
                    best = _Found(original, measure, source)
        if best is not None and best.source is None and store is not None:
            best = replace(best, source=source_of(store, best.original))
        return best

    def saved(
        self,
        store: Engine | Connection,
        batch: Sequence[Analysis | Rejection | Known],
        outcomes: Sequence[Saved],
    ) -> list[NearDuplicateLink]:
        """After a batch is stored: keep the signatures of what was stored, forget the rest.
        On the batch's own write transaction, the signatures commit with their documents.

        Returns the near-duplicate links among the documents just stored.
        """
        keep: list[tuple[str, bytes]] = []
        links: list[NearDuplicateLink] = []
        for result, outcome in zip(batch, outcomes, strict=True):
            if not isinstance(result, Analysis):
                continue
            document = result.document
            sig = self._pending.pop(document.id, None)
            if sig is None:
                continue
            if outcome.outcome is not Outcome.INGESTED:
                self.index.remove(document.id)
                self._sources.pop(document.id, None)
                self._found.pop(document.id, None)
                continue
            keep.append((document.id, sig))
            found = self._found.pop(document.id, None)
            if document.near_duplicate_of:
                copies = (found.source if found else None) or document.near_duplicate_of
                measure = found.measure if found else document.near_duplicate_measure or 1.0
                links.append(NearDuplicateLink(document.source, copies, measure))
        save_signatures(store, SCHEME, keep)
        for document_id, _ in keep:  # stored: found through the store from now on
            self.index.remove(document_id)
            self._sources.pop(document_id, None)
        return links
