"""Near-duplicates: copies of one story, judged by how much of the shorter text the longer holds.

Exact copies share a content hash and are never stored twice. A syndicated copy with its own
headline, furniture, an "Updated" line or another cut-off point has another hash, but most of its
word 5-grams are in the story it copies: when the share of the *shorter* text's 5-grams found in
the longer (containment) reaches ``CONTAINED``, it is a copy, so a truncated opening is a copy of
the full story. A wire story lightly rewritten by a site ("said on Tuesday" for "said Tuesday",
another verb here and there) keeps few 5-grams but keeps its sentences, in order: when the share
of the shorter text matched sentence by sentence, in order, in the longer reaches ``REWRITTEN``,
it is a copy too, unless the two credit different sources (two wires' accounts of one briefing
are two reports, not one). The link keeps its measure: the larger of the two shares.

Candidates are found through LSH bands of two MinHash signatures, of word 5-grams (copies) and
of content words (rewrites); each candidate is then judged on the texts themselves. Signatures
are bytes and band keys integers, so the store keeps them and finds candidates by index.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128  # word 5-grams
WORD_PERM = 256  # content words: more bands, so a rewrite sharing half its words is found
SEED = 1
SHINGLE_WORDS = 5  # long enough that stock phrases shared by unrelated reports rarely match
HASH_SCHEME = "affine32"
SCHEME = f"{HASH_SCHEME}-s{SEED}-p{NUM_PERM}-w{SHINGLE_WORDS}+c{WORD_PERM}"  # stored with each signature
# Bands: 25 of 5 rows over the 5-gram signature (a pair sharing half its 5-grams is a candidate
# 55% of the time, at 0.7 always), 64 of 4 over the word one (at a Jaccard of 0.45, 96%).
BANDS, ROWS = 25, 5
WORD_BANDS, WORD_ROWS = 64, 4
# Calibrated on syndicated pairs against reports of the same event from other wires; read as a set.
CONTAINED = 0.5  # share of the shorter text's 5-grams in the longer
REWRITTEN = 0.75  # share of the shorter text's content words in sentences matched in order
SAME_SENTENCE = 0.3  # Jaccard of two sentences' content words for one to be the other reworded
MIN_SENTENCES = 4  # fewer sentences say too little to call a rewrite
MIN_SHINGLES = 20  # fewer 5-grams say too little to call a copy
MAX_SENTENCES = 300  # a copy shows in its opening; longer texts are judged on their first sentences
# Estimated Jaccard below which a candidate cannot pass either test: its text is not read.
_WORTH_READING = (0.1, 0.4)  # (5-grams, content words)

_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+|\n+")
_STOP_WORDS = frozenset(
    ["the", "a", "an", "of", "to", "in", "and", "or", "on", "at", "by", "for", "with", "from", "as", "is",
     "are", "was", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "their", "his",
     "her", "said", "says", "say", "will", "would", "could", "about", "than", "more", "also", "which",
     "who", "not", "but", "after"]
)  # fmt: skip
_CREDIT_NOISE = re.compile(r"\b(?:the|news|agency|press|service|wire)\b|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Text:
    """What a copy is judged on: the cleaned body and the source the report credits."""

    body: str
    credited: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """The document a new one copies (the first of its story), and the link's measure."""

    document_id: str
    measure: float


def shingles(body: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(body)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def content_words(text: str) -> set[str]:
    """Words that carry content, cut to five letters so "scrutinised" is "scrutinized"."""
    return {w[:5] for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP_WORDS}


def signature(body: str) -> bytes:
    """The body's two MinHash signatures as bytes: 5-grams, then content words (uint32, little-endian)."""
    parts = []
    for items, perms in ((sorted(shingles(body)), NUM_PERM), (sorted(content_words(body)), WORD_PERM)):
        minhash = MinHash(num_perm=perms, seed=SEED, scheme=HASH_SCHEME)
        minhash.update_batch([item if isinstance(item, bytes) else item.encode() for item in items])
        parts.append(np.asarray(minhash.hashvalues, dtype="<u4"))
    return np.concatenate(parts).tobytes()


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit key per LSH band of both signatures, the scheme and band number hashed
    in, so one SQL index over the keys serves every band in any backend.

    Written by hand: datasketch keeps its LSH in memory, Redis or Cassandra, never in SQL.
    """
    grams, words = _split(sig)
    keys = []
    for name, values, bands, rows in (("g", grams, BANDS, ROWS), ("c", words, WORD_BANDS, WORD_ROWS)):
        for band in range(bands):
            digest = hashlib.blake2b(values[band * rows : (band + 1) * rows].tobytes(), digest_size=8)
            digest.update(f"{SCHEME}/{name}{band}".encode())
            keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return keys


def similarity(a: bytes, b: bytes) -> tuple[float, float]:
    """Estimated Jaccard similarity of two signatures' 5-gram sets and content-word sets."""
    (ga, wa), (gb, wb) = _split(a), _split(b)
    return float(np.mean(ga == gb)), float(np.mean(wa == wb))


def worth_reading(a: bytes, b: bytes) -> bool:
    """Whether two signatures are alike enough that the texts may be copies."""
    grams, words = similarity(a, b)
    return grams >= _WORTH_READING[0] or words >= _WORTH_READING[1]


def _split(sig: bytes) -> tuple[np.ndarray, np.ndarray]:
    values = np.frombuffer(sig, dtype="<u4")
    if len(values) != NUM_PERM + WORD_PERM:
        raise ValueError(f"signature has {len(values)} values, not {NUM_PERM + WORD_PERM}")
    return values[:NUM_PERM], values[NUM_PERM:]


def copy_measure(a: Text, b: Text) -> float | None:
    """How much of the shorter text the longer holds, when one copies the other; None when not."""
    grams_a, grams_b = shingles(a.body), shingles(b.body)
    shorter = min(len(grams_a), len(grams_b))
    contained = len(grams_a & grams_b) / shorter if shorter >= MIN_SHINGLES else 0.0
    aligned = aligned_share(a.body, b.body)
    if contained >= CONTAINED:
        return round(max(contained, aligned), 3)
    if aligned >= REWRITTEN and not _credit_differs(a.credited, b.credited):
        return round(aligned, 3)
    return None


def aligned_share(a: str, b: str) -> float:
    """The share of the shorter text's content words in sentences that the longer has reworded or
    not, in the same order (0 when the shorter has fewer than MIN_SENTENCES sentences)."""
    first, second = _sentences(a), _sentences(b)
    if sum(map(len, first)) > sum(map(len, second)):
        first, second = second, first
    total = sum(map(len, first))
    if len(first) < MIN_SENTENCES or not second or not total:
        return 0.0
    matched: list[tuple[int, int]] = []  # (position in the longer, weight) in the shorter's order
    for words in first:
        scores = [len(words & other) / len(words | other) for other in second]
        best = max(range(len(second)), key=scores.__getitem__)
        if scores[best] >= SAME_SENTENCE:
            matched.append((best, len(words)))
    return _heaviest_increasing(matched) / total


def _sentences(body: str) -> list[set[str]]:
    found = (content_words(s) for s in _SENTENCE.split(body) if len(_WORD.findall(s)) >= 5)
    return [words for words in found if words][:MAX_SENTENCES]


def _heaviest_increasing(pairs: list[tuple[int, int]]) -> int:
    """The largest total weight of a chain whose positions strictly increase (order kept)."""
    best: list[int] = []
    for k, (position, weight) in enumerate(pairs):
        before = [best[i] for i in range(k) if pairs[i][0] < position]
        best.append(weight + max(before, default=0))
    return max(best, default=0)


def _credit_differs(a: str | None, b: str | None) -> bool:
    """Both reports credit a source, and not the same one ("Yonhap" and "Yonhap news agency" agree)."""
    if not a or not b:
        return False
    fold_a, fold_b = (" ".join(_CREDIT_NOISE.sub(" ", x.casefold()).split()) for x in (a, b))
    return not (fold_a and fold_b and (fold_a in fold_b or fold_b in fold_a))


class NearDuplicateIndex:
    """Documents seen so far, by their LSH band keys, and which earlier document each one copies."""

    def __init__(self) -> None:
        self._bands: dict[int, set[str]] = defaultdict(set)
        self._signatures: dict[str, bytes] = {}
        self._texts: dict[str, Text] = {}
        self._copies: dict[str, str] = {}  # document id -> the first document of its story

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self._signatures

    def add(self, document_id: str, sig: bytes, text: Text, near_duplicate_of: str | None = None) -> None:
        if document_id in self._signatures:
            return
        for key in band_keys(sig):
            self._bands[key].add(document_id)
        self._signatures[document_id] = sig
        self._texts[document_id] = text
        if near_duplicate_of:
            self._copies[document_id] = self._copies.get(near_duplicate_of, near_duplicate_of)

    def remove(self, document_id: str) -> None:
        sig = self._signatures.pop(document_id, None)
        if sig is None:
            return
        for key in band_keys(sig):
            self._bands[key].discard(document_id)
            if not self._bands[key]:
                del self._bands[key]
        self._texts.pop(document_id, None)
        self._copies.pop(document_id, None)

    def find(self, sig: bytes, text: Text, exclude: Iterable[str] = ()) -> Match | None:
        """The first document of the story this text copies, with the closest copy's measure."""
        skip = set(exclude)
        candidates = {d for key in band_keys(sig) for d in self._bands.get(key, ())} - skip
        best: Match | None = None
        for candidate in sorted(candidates):
            if not worth_reading(sig, self._signatures[candidate]):
                continue
            measure = copy_measure(text, self._texts[candidate])
            if measure is not None and (best is None or measure > best.measure):
                best = Match(candidate, measure)
        if best is None:
            return None
        return Match(self._copies.get(best.document_id, best.document_id), best.measure)
