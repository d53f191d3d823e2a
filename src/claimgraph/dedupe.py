"""The near-duplicate step of an ingest: link each new document to the one it copies.

Orchestration, like pipeline.py: it loads the signatures the store holds into
an in-memory LSH index once per ingest, links each analysed document before
it is saved, and saves the signatures of the documents the store took.
Documents stored before signatures existed get theirs on the next load.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Engine

from claimgraph.clean.dedup import SCHEME, NearDuplicateIndex, signature
from claimgraph.records import Analysis, Rejection
from claimgraph.store import Outcome, Saved
from claimgraph.store.signatures import save_signatures, stored_signatures


@dataclass(frozen=True, slots=True)
class NearDuplicateLink:
    """A stored document and the earlier one it nearly copies."""

    source: str
    copies: str  # the earlier document's source
    similarity: float


class NearDuplicateStep:
    """Links documents to earlier near-copies, in the store or earlier in the same run."""

    def __init__(self, index: NearDuplicateIndex, sources: dict[str, str]) -> None:
        self.index = index
        self._sources = sources  # document id -> source, to name what a copy copies
        self._pending: dict[str, bytes] = {}
        self._similarity: dict[str, float] = {}

    @classmethod
    def load(cls, engine: Engine) -> NearDuplicateStep:
        """The index over every stored document; missing signatures are made and saved."""
        index = NearDuplicateIndex()
        sources: dict[str, str] = {}
        made: list[tuple[str, bytes]] = []
        for stored in stored_signatures(engine, SCHEME):
            sig = stored.signature
            if sig is None:
                sig = signature(stored.body or "")
                made.append((stored.document_id, sig))
            index.add(stored.document_id, sig, stored.near_duplicate_of)
            sources[stored.document_id] = stored.source
        save_signatures(engine, SCHEME, made)
        return cls(index, sources)

    def link(self, result: Analysis | Rejection) -> Analysis | Rejection:
        """The result, its document linked to the earlier one it nearly copies (if any)."""
        if isinstance(result, Rejection):
            return result
        document = result.document
        if document.id in self.index:  # an exact copy: the store will count it as a duplicate
            return result
        sig = signature(document.body)
        match = self.index.find(sig) if document.near_duplicate_of is None else None
        if match is not None:
            document = replace(document, near_duplicate_of=match.document_id)
            result = replace(result, document=document)
            self._similarity[document.id] = match.similarity
        self.index.add(document.id, sig, document.near_duplicate_of)
        self._sources[document.id] = document.source
        self._pending[document.id] = sig
        return result

    def saved(
        self, engine: Engine, batch: Sequence[Analysis | Rejection], outcomes: Sequence[Saved]
    ) -> list[NearDuplicateLink]:
        """After a batch is stored: keep the signatures of what was stored, forget the rest.

        Returns the near-duplicate links among the documents just stored.
        """
        keep: list[tuple[str, bytes]] = []
        links: list[NearDuplicateLink] = []
        for result, outcome in zip(batch, outcomes, strict=True):
            if isinstance(result, Rejection):
                continue
            document = result.document
            sig = self._pending.pop(document.id, None)
            if sig is None:
                continue
            if outcome.outcome is not Outcome.INGESTED:
                self.index.remove(document.id)
                continue
            keep.append((document.id, sig))
            if document.near_duplicate_of:
                copies = self._sources.get(document.near_duplicate_of, document.near_duplicate_of)
                similarity = self._similarity.pop(document.id, 1.0)
                links.append(NearDuplicateLink(document.source, copies, similarity))
        save_signatures(engine, SCHEME, keep)
        return links
