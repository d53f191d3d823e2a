"""Entity recognition scored on public gold sets: re3d (defence) and MEANTIME (business news).

How recognition holds beyond the seeds. The texts go through the same
annotate stage as any report (the entity ruler of the domain pack, spaCy's
NER and resolution); each mention's kind is mapped onto the dataset's types
as its README says, and spans are matched exactly and by overlap. Types the
annotate stage does not produce (re3d's MilitaryPlatform, Vehicle) count
against recall: that is the honest picture. Times, amounts and money are
other stages' work and are not scored here.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table
from spacy.language import Language

from claimgraph.annotate import NameResolver, resolve_mentions
from claimgraph.errors import ClaimgraphError
from claimgraph.evaluate.score_common import harmonic_mean, ratio

RE3D_TYPES = (
    "Person",
    "Organisation",
    "Location",
    "Nationality",
    "Weapon",
    "MilitaryPlatform",
    "Vehicle",
    "DocumentReference",
)
RE3D_KINDS = {
    "person": "Person",
    "organisation": "Organisation",
    "media outlet": "Organisation",
    "intelligence or military body": "Organisation",
    "country": "Location",
    "place": "Location",
    "facility": "Location",
    "weapon system": "Weapon",
    "treaty": "DocumentReference",
}
# MEANTIME's FIN (markets, indices, loans) has no counterpart in our kinds: left out, as its README allows.
MEANTIME_TYPES = ("PER", "ORG", "LOC", "PRO")
MEANTIME_KINDS = {
    "person": "PER",
    "organisation": "ORG",
    "media outlet": "ORG",
    "intelligence or military body": "ORG",
    "country": "LOC",
    "place": "LOC",
    "facility": "LOC",
    "weapon system": "PRO",
    "product": "PRO",
}
_DEMONYM_TAGS = frozenset({"JJ", "NNPS", "NNS"})  # "North Korean", "Syrians": a nationality


class DatasetError(ClaimgraphError, ValueError):
    """A folder that is not one of the NER gold sets this module reads."""


@dataclass(frozen=True, slots=True)
class GoldText:
    name: str
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, type)
    annotated_until: int | None = None  # MEANTIME annotates only an article's first sentences


@dataclass(slots=True)
class NerScore:
    """Span P/R/F1 on one dataset, exact and by overlap, micro over types and per type."""

    dataset: str
    documents: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=dict)  # match -> tp_pred/tp_gold/pred/gold

    def add(self, match: str, type_: str, key: str, n: int = 1) -> None:
        self.counts.setdefault(match, Counter())[f"{type_}|{key}"] += n

    def figures(self, match: str, type_: str | None = None) -> dict[str, float | int]:
        counts = self.counts.get(match, Counter())

        def total(key: str) -> int:
            return sum(
                n for k, n in counts.items() if k.split("|")[1] == key and type_ in (None, k.split("|")[0])
            )

        precision = ratio(total("right_predicted"), total("predicted"))
        recall = ratio(total("right_gold"), total("gold"))
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(harmonic_mean(precision, recall), 4),
            "gold": total("gold"),
            "predicted": total("predicted"),
        }

    def types(self) -> list[str]:
        seen = {k.split("|")[0] for c in self.counts.values() for k in c}
        return sorted(seen)

    def as_dict(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "documents": self.documents,
            **{
                match: {
                    "micro": self.figures(match),
                    "per_type": {t: self.figures(match, t) for t in self.types()},
                }
                for match in ("exact", "overlap")
            },
        }


def ner_table(score: NerScore) -> Table:
    """The scores as a table: a row per type and the micro average, exact and overlap."""
    table = Table(title=f"NER on {score.dataset} ({score.documents} documents)")
    table.add_column("type")
    for column in (
        "gold",
        "predicted",
        "P exact",
        "R exact",
        "F1 exact",
        "P overlap",
        "R overlap",
        "F1 overlap",
    ):
        table.add_column(column, justify="right")
    for type_ in [*score.types(), None]:
        exact, overlap = score.figures("exact", type_), score.figures("overlap", type_)
        table.add_row(
            type_ or "all (micro)",
            str(exact["gold"]),
            str(exact["predicted"]),
            *(f"{f[m]:.2f}" for f in (exact, overlap) for m in ("precision", "recall", "f1")),
        )
    return table


def score_ner_dataset(
    folder: Path, nlp: Language, resolver: NameResolver, limit: int | None = None
) -> NerScore:
    """Run annotate over a dataset's texts and score its entity spans (re3d or MEANTIME, by content)."""
    folder = Path(folder)
    if any(folder.glob("*/entities.json")):
        name, texts, kinds = "re3d", read_re3d(folder), RE3D_KINDS
    elif any(folder.glob("**/*.xml")):
        name, texts, kinds = "meantime", read_meantime(folder), MEANTIME_KINDS
    else:
        raise DatasetError(f"{folder}: neither re3d (*/entities.json) nor MEANTIME (*.xml)")
    score = NerScore(name)
    for n, gold in enumerate(texts):
        if limit is not None and n >= limit:
            break
        predicted = predicted_spans(gold.text, nlp, resolver, kinds)
        if gold.annotated_until is not None:
            predicted = [p for p in predicted if p[0] < gold.annotated_until]
        _tally(score, gold.spans, predicted)
        score.documents += 1
    return score


def predicted_spans(
    text: str, nlp: Language, resolver: NameResolver, kinds: dict[str, str]
) -> list[tuple[int, int, str]]:
    """The annotate stage's mentions as (start, end, dataset type)."""
    doc = nlp(text)
    entities, mentions = resolve_mentions(doc, resolver)
    kind_of = {e.id: e.kind for e in entities}
    spans = []
    for mention in mentions:
        type_ = kinds.get(kind_of[mention.entity_id])
        if type_ == "Location" and kind_of[mention.entity_id] == "country":
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span[-1].tag_ in _DEMONYM_TAGS:
                type_ = "Nationality"
        if type_ is not None:
            spans.append((mention.start, mention.end, type_))
    return spans


def _tally(
    score: NerScore, gold: tuple[tuple[int, int, str], ...], predicted: list[tuple[int, int, str]]
) -> None:
    for match in ("exact", "overlap"):
        same = _exact if match == "exact" else _overlap
        for g in gold:
            score.add(match, g[2], "gold")
            score.add(match, g[2], "right_gold", int(any(same(g, p) for p in predicted)))
        for p in predicted:
            score.add(match, p[2], "predicted")
            score.add(match, p[2], "right_predicted", int(any(same(g, p) for g in gold)))


def _exact(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a == b


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def read_re3d(folder: Path) -> Iterator[GoldText]:
    """re3d's documents with their entity spans (confidence >= 0.5, entity types only)."""
    for subset in sorted(p for p in folder.iterdir() if (p / "entities.json").is_file()):
        spans: dict[str, set[tuple[int, int, str]]] = {}
        for row in _json_lines(subset / "entities.json"):
            if row.get("confidence", 0) >= 0.5 and row.get("type") in RE3D_TYPES:
                spans.setdefault(row["documentId"], set()).add((row["begin"], row["end"], row["type"]))
        for row in _json_lines(subset / "documents.json"):
            yield GoldText(
                f"{subset.name}/{row['_id']}", row["text"], tuple(sorted(spans.get(row["_id"], ())))
            )


def _json_lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "!", "?", ")", "'s", "n't", "%", "'"})


def read_meantime(folder: Path) -> Iterator[GoldText]:
    """MEANTIME's articles, tokens joined into text, with named mentions (NAM, PRE.NAM) and their type."""
    root = folder / "intra-doc_annotation" if (folder / "intra-doc_annotation").is_dir() else folder
    for path in sorted(root.glob("**/*.xml")):
        tree = ET.parse(path).getroot()
        text, offsets = _meantime_text(tree)
        type_of = {e.get("m_id"): e.get("ent_type") for e in tree.iter("ENTITY")}
        refers = {
            s.get("m_id"): type_of.get(r.find("target").get("m_id"))  # type: ignore[union-attr]
            for r in tree.iter("REFERS_TO")
            if r.find("target") is not None
            for s in r.findall("source")
        }
        markables = tree.find("Markables")
        annotated = [
            offsets[a.get("t_id")][1]
            for markable in (list(markables) if markables is not None else [])
            for a in markable.findall("token_anchor")
            if a.get("t_id") in offsets
        ]
        spans = set()
        for mention in tree.iter("ENTITY_MENTION"):
            type_ = refers.get(mention.get("m_id"))
            anchors = [
                offsets[a.get("t_id")] for a in mention.findall("token_anchor") if a.get("t_id") in offsets
            ]
            if mention.get("syntactic_type") in {"NAM", "PRE.NAM"} and type_ in MEANTIME_TYPES and anchors:
                spans.add((min(a[0] for a in anchors), max(a[1] for a in anchors), type_))
        yield GoldText(path.stem, text, tuple(sorted(spans)), _sentence_end(text, max(annotated, default=0)))


def _meantime_text(tree: ET.Element) -> tuple[str, dict[str | None, tuple[int, int]]]:
    """The article's text (a line per sentence) and each token's character span in it."""
    parts: list[str] = []
    offsets: dict[str | None, tuple[int, int]] = {}
    length, sentence, previous = 0, None, ""
    for token in tree.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            parts.append("\n")
            length += 1
        elif parts and word not in _NO_SPACE_BEFORE and previous not in {"(", "$"}:
            parts.append(" ")
            length += 1
        offsets[token.get("t_id")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        sentence, previous = token.get("sentence"), word
    return "".join(parts), offsets


def _sentence_end(text: str, offset: int) -> int:
    """The end of the line (sentence) holding ``offset``: annotation covers whole sentences."""
    end = text.find("\n", offset)
    return len(text) if end < 0 else end
