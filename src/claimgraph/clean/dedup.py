"""Near-duplicates: MinHash signatures of cleaned bodies, and an LSH index to find them.

Exact copies share a content hash and are never stored twice. A syndicated
copy with its own furniture, an added "Updated" line or a trimmed ending has
another hash but nearly the same word shingles: its estimated Jaccard
similarity to the earlier document passes ``THRESHOLD``, and it is linked
to that document (or to the one that document copies, so every copy points
at the first). Signatures are bytes, so the store keeps them between runs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SHINGLE_WORDS = 5  # long enough that stock phrases shared by unrelated reports rarely match
HASH_SCHEME = "affine32"
THRESHOLD = 0.7  # estimated Jaccard of word 5-gram sets; syndicated copies score 0.8-1.0
# LSH bands are tuned below the threshold (25 bands of 5 rows: a pair at 0.7 is a candidate
# 99% of the time, at 0.8 always); every candidate is then checked against THRESHOLD itself.
_LSH_THRESHOLD = 0.5
SCHEME = f"{HASH_SCHEME}-s{SEED}-p{NUM_PERM}-w{SHINGLE_WORDS}"  # stored with each signature
BANDS, ROWS = 25, 5  # the bands the store keeps: as datasketch picks for _LSH_THRESHOLD

_WORD = re.compile(r"\w+")


def shingles(body: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(body)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(body: str) -> bytes:
    """The body's MinHash signature as bytes (NUM_PERM little-endian uint32 values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=HASH_SCHEME)
    minhash.update_batch(sorted(shingles(body)))
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit key per LSH band of the signature, the scheme and band number hashed in,
    so one SQL index over the keys serves every band in any backend.

    Written by hand: datasketch keeps its LSH in memory, Redis or Cassandra, never in SQL.
    """
    values = np.frombuffer(sig, dtype="<u4")
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8)
        digest.update(f"{SCHEME}/{band}".encode())
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    return float(_minhash(a).jaccard(_minhash(b)))


def _minhash(sig: bytes) -> LeanMinHash:
    values = np.frombuffer(sig, dtype="<u4").astype(np.uint32)
    if len(values) != NUM_PERM:
        raise ValueError(f"signature has {len(values)} values, not {NUM_PERM}")
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=HASH_SCHEME)


@dataclass(frozen=True, slots=True)
class Match:
    """The document a new one nearly copies, and how alike they are (estimated Jaccard)."""

    document_id: str
    similarity: float


class NearDuplicateIndex:
    """Signatures of documents seen so far, and which earlier document each one copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(_LSH_THRESHOLD, threshold), num_perm=NUM_PERM)
        self._minhashes: dict[str, LeanMinHash] = {}
        self._copies: dict[str, str] = {}  # document id -> the first document of its story

    def __len__(self) -> int:
        return len(self._minhashes)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._minhashes

    def add(self, document_id: str, sig: bytes, near_duplicate_of: str | None = None) -> None:
        if document_id in self._minhashes:
            return
        minhash = _minhash(sig)
        self._lsh.insert(document_id, minhash)
        self._minhashes[document_id] = minhash
        if near_duplicate_of:
            self._copies[document_id] = self._copies.get(near_duplicate_of, near_duplicate_of)

    def remove(self, document_id: str) -> None:
        if self._minhashes.pop(document_id, None) is not None:
            self._lsh.remove(document_id)
            self._copies.pop(document_id, None)

    def find(self, sig: bytes, exclude: Iterable[str] = ()) -> Match | None:
        """The earliest document of the story this signature nearly copies, if any."""
        minhash = _minhash(sig)
        skip = set(exclude)
        best: Match | None = None
        for candidate in self._lsh.query(minhash):
            if candidate in skip:
                continue
            similarity = minhash.jaccard(self._minhashes[candidate])
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = Match(candidate, similarity)
        if best is None:
            return None
        return Match(self._copies.get(best.document_id, best.document_id), best.similarity)
