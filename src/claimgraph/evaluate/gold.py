"""Read a gold file: what a careful analyst takes from a corpus, as typed records.

Every field is optional. A list the gold leaves out is ``None`` (not annotated)
rather than ``()`` (annotated as empty), because only an annotated document can
say a prediction is wrong. Bad gold raises GoldError naming the file and field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml

from claimgraph.errors import ClaimgraphError
from claimgraph.records import FindingKind

T = TypeVar("T")

SUPPORTED_VERSIONS = (1,)
# File key -> the Finding kind it is scored against; near duplicates are Document links.
CROSS_KINDS = {
    "contradictions": FindingKind.CONTRADICTION.value,
    "tensions": FindingKind.TENSION.value,
    "corroborations": FindingKind.CORROBORATION.value,
    "not_independent": FindingKind.REPEAT.value,
    "updates": FindingKind.UPDATE.value,
}
NEAR_DUPLICATE = "near_duplicate"

_ISO = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


class GoldError(ClaimgraphError, ValueError):
    """A gold file is malformed; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class GoldDate:
    """An ISO day, month or year (start == end), or a span between two of them."""

    start: str
    end: str

    @property
    def text(self) -> str:
        return self.start if self.start == self.end else f"{self.start}/{self.end}"


@dataclass(frozen=True, slots=True)
class GoldEntity:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    """A figure: a point ``value`` or a range ``min``..``max`` of ``unit`` (per ``per``)."""

    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    per: str | None = None  # None: a count, not a rate
    text: str | None = None
    about: str | None = None
    approx: bool | None = None
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    speaker: str | None = None
    via: str | None = None
    about: tuple[str, ...] = ()
    claim: str | None = None
    modality: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    what: str | None = None
    date: GoldDate | None = None
    participants: tuple[str, ...] = ()
    place: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str  # the file name the corpus holds it under
    title: str | None = None
    author: str | None = None
    original_source: str | None = None
    body_starts_with: str | None = None
    body_ends_with: str | None = None
    boilerplate: tuple[str, ...] = ()
    published_window: GoldDate | None = None
    quantities: tuple[GoldQuantity, ...] | None = None
    attributions: tuple[GoldAttribution, ...] | None = None
    events: tuple[GoldEvent, ...] | None = None
    opinion_not_claims: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class GoldCrossItem:
    """A cross-document fact: its kind (a FindingKind value or "near_duplicate") and docs."""

    kind: str
    docs: tuple[str, ...]
    topic: str | None = None
    values: tuple[str, ...] = ()
    note: str | None = None
    original_source: str | None = None


@dataclass(frozen=True, slots=True)
class GoldCrossDocument:
    contradictions: tuple[GoldCrossItem, ...] | None = None
    tensions: tuple[GoldCrossItem, ...] | None = None
    corroborations: tuple[GoldCrossItem, ...] | None = None
    not_independent: tuple[GoldCrossItem, ...] | None = None
    updates: tuple[GoldCrossItem, ...] | None = None
    near_duplicates: tuple[GoldCrossItem, ...] | None = None

    def annotated(self) -> dict[str, tuple[GoldCrossItem, ...]]:
        """The lists the gold gives, keyed by item kind (even when empty)."""
        lists = {kind: getattr(self, key) for key, kind in CROSS_KINDS.items()}
        lists[NEAR_DUPLICATE] = self.near_duplicates
        return {kind: items for kind, items in lists.items() if items is not None}


@dataclass(frozen=True, slots=True)
class Gold:
    source: str
    version: int | None = None
    entities: tuple[GoldEntity, ...] = ()
    documents: tuple[GoldDocument, ...] = ()
    cross_document: GoldCrossDocument = GoldCrossDocument()

    def document(self, name: str) -> GoldDocument | None:
        return next((doc for doc in self.documents if doc.name == name), None)


def load_gold(path: Path) -> Gold:
    """Read a gold YAML file; raise GoldError naming the file and field when it is bad."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read gold file: {error}") from error
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise GoldError(f"{path}: not valid YAML: {error}") from error
    return parse_gold(data, str(path))


def parse_gold(data: object, source: str = "<gold>") -> Gold:
    """Build a Gold from already-parsed YAML data (None reads as an empty gold)."""
    return _Parser(source).gold(data)


class _Parser:
    """Turns YAML data into Gold records; every check names the field it is about."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> GoldError:
        return GoldError(f"{self.source}: {where}: {problem}")

    def gold(self, data: object) -> Gold:
        top = self.mapping(data, "top level")
        version = top.get("version")
        if version is not None and (not isinstance(version, int) or version not in SUPPORTED_VERSIONS):
            raise self.fail("version", f"unsupported version {version!r} (known: 1)")
        documents = self.mapping(top.get("documents"), "documents")
        return Gold(
            source=self.source,
            version=version,
            entities=self.entities(top.get("entities")),
            documents=tuple(
                self.document(self.text(name, "documents") or "", spec) for name, spec in documents.items()
            ),
            cross_document=self.cross_document(top.get("cross_document")),
        )

    def entities(self, data: object) -> tuple[GoldEntity, ...]:
        if isinstance(data, list):  # a plain list of names, without aliases
            data = {name: None for name in self.texts(data, "entities")}
        entities = self.mapping(data, "entities")
        return tuple(
            GoldEntity(
                name=self.required_text(name, "entities"),
                aliases=self.texts(aliases, f"entities.{name}"),
            )
            for name, aliases in entities.items()
        )

    def document(self, name: str, data: object) -> GoldDocument:
        where = f"documents.{name}"
        if not name:
            raise self.fail("documents", "a document needs a file name as its key")
        spec = self.mapping(data, where)

        def field(key: str) -> str | None:
            return self.text(spec.get(key), f"{where}.{key}")

        return GoldDocument(
            name=name,
            title=field("title"),
            author=field("author"),
            original_source=field("original_source"),
            body_starts_with=field("body_starts_with"),
            body_ends_with=field("body_ends_with"),
            boilerplate=self.texts(spec.get("boilerplate"), f"{where}.boilerplate"),
            published_window=self.window(spec.get("published_window"), f"{where}.published_window"),
            quantities=self.items(spec, "quantities", where, self.quantity),
            attributions=self.items(spec, "attributions", where, self.attribution),
            events=self.items(spec, "events", where, self.event),
            opinion_not_claims=self.items(spec, "opinion_not_claims", where, self.required_text),
        )

    def items(
        self, spec: dict[object, object], key: str, where: str, read: Callable[[object, str], T]
    ) -> tuple[T, ...] | None:
        if key not in spec:
            return None
        data = spec[key]
        if data is None:
            return ()
        if not isinstance(data, list):
            raise self.fail(f"{where}.{key}", f"expected a list, got {_shown(data)}")
        return tuple(read(item, f"{where}.{key}[{index}]") for index, item in enumerate(data))

    def quantity(self, data: object, where: str) -> GoldQuantity:
        spec = self.mapping(data, where)
        low = self.number(spec.get("min"), f"{where}.min")
        high = self.number(spec.get("max"), f"{where}.max")
        if low is not None and high is not None and low > high:
            raise self.fail(f"{where}.min", f"min {low:g} is above max {high:g}")
        approx = spec.get("approx")
        if approx is not None and not isinstance(approx, bool):
            raise self.fail(f"{where}.approx", f"expected true or false, got {_shown(approx)}")
        return GoldQuantity(
            value=self.number(spec.get("value"), f"{where}.value"),
            min=low,
            max=high,
            unit=self.text(spec.get("unit"), f"{where}.unit"),
            per=self.text(spec.get("per"), f"{where}.per"),
            text=self.text(spec.get("text"), f"{where}.text"),
            about=self.text(spec.get("about"), f"{where}.about"),
            approx=approx,
            modality=self.text(spec.get("modality"), f"{where}.modality"),
        )

    def attribution(self, data: object, where: str) -> GoldAttribution:
        spec = self.mapping(data, where)
        return GoldAttribution(
            speaker=self.text(spec.get("speaker"), f"{where}.speaker"),
            via=self.text(spec.get("via"), f"{where}.via"),
            about=self.texts(spec.get("about"), f"{where}.about"),
            claim=self.text(spec.get("claim"), f"{where}.claim"),
            modality=self.text(spec.get("modality"), f"{where}.modality"),
        )

    def event(self, data: object, where: str) -> GoldEvent:
        spec = self.mapping(data, where)
        return GoldEvent(
            what=self.text(spec.get("what"), f"{where}.what"),
            date=self.date(spec.get("date"), f"{where}.date"),
            participants=self.texts(spec.get("participants"), f"{where}.participants"),
            place=self.text(spec.get("place"), f"{where}.place"),
        )

    def cross_document(self, data: object) -> GoldCrossDocument:
        spec = self.mapping(data, "cross_document")
        lists = {
            key: self.items(spec, key, "cross_document", self.cross_reader(kind))
            for key, kind in CROSS_KINDS.items()
        }
        near = self.items(spec, "near_duplicates", "cross_document", self.cross_reader(NEAR_DUPLICATE))
        for index, item in enumerate(near or ()):
            if len(item.docs) < 2:
                where = f"cross_document.near_duplicates[{index}]"
                raise self.fail(where, "a near duplicate needs at least two file names")
        return GoldCrossDocument(near_duplicates=near, **lists)

    def cross_reader(self, kind: str) -> Callable[[object, str], GoldCrossItem]:
        def read(data: object, where: str) -> GoldCrossItem:
            if isinstance(data, list):  # a bare list of file names
                return GoldCrossItem(kind=kind, docs=self.texts(data, where))
            spec = self.mapping(data, where)
            return GoldCrossItem(
                kind=kind,
                docs=self.texts(spec.get("docs"), f"{where}.docs"),
                topic=self.text(spec.get("topic"), f"{where}.topic"),
                values=self.texts(spec.get("values"), f"{where}.values"),
                note=self.text(spec.get("note"), f"{where}.note"),
                original_source=self.text(spec.get("original_source"), f"{where}.original_source"),
            )

        return read

    def window(self, data: object, where: str) -> GoldDate | None:
        if not isinstance(data, list):
            return self.date(data, where)
        if len(data) not in (1, 2):
            raise self.fail(where, f"expected [start, end], got {len(data)} items")
        first = self.date(data[0], f"{where}[0]")
        last = self.date(data[-1], f"{where}[{len(data) - 1}]")
        if first is None or last is None:
            raise self.fail(where, "both ends of a window need a date")
        return self.span(first.start, last.end, where)

    def date(self, data: object, where: str) -> GoldDate | None:
        if data is None:
            return None
        if isinstance(data, dt.datetime):
            data = data.date()
        if isinstance(data, dt.date):
            return GoldDate(data.isoformat(), data.isoformat())
        if isinstance(data, int) and not isinstance(data, bool):
            data = str(data)
        if not isinstance(data, str):
            raise self.fail(where, f"expected an ISO date, got {_shown(data)}")
        start, _, end = data.strip().partition("/")
        return self.span(self.iso(start, where), self.iso(end or start, where), where)

    def span(self, start: str, end: str, where: str) -> GoldDate:
        size = min(len(start), len(end))
        if start[:size] > end[:size]:
            raise self.fail(where, f"span starts ({start}) after it ends ({end})")
        return GoldDate(start, end)

    def iso(self, text: str, where: str) -> str:
        text = text.strip()
        valid = _ISO.fullmatch(text) is not None
        if valid and len(text) == 10:
            try:
                dt.date.fromisoformat(text)
            except ValueError:
                valid = False
        if not valid:
            raise self.fail(
                where,
                f"expected an ISO day, month or year (2025-06-04, 2024-06, 2024) "
                f"or a span START/END, got {text!r}",
            )
        return text

    def number(self, data: object, where: str) -> float | None:
        if data is None:
            return None
        value: float | None = None
        if isinstance(data, int | float) and not isinstance(data, bool):
            value = float(data)
        elif isinstance(data, str):
            try:
                value = float(data.strip().replace(",", "").replace("_", ""))
            except ValueError:
                value = None
        if value is None or math.isnan(value):
            raise self.fail(where, f"expected a number, got {_shown(data)}")
        return value

    def mapping(self, data: object, where: str) -> dict[object, object]:
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise self.fail(where, f"expected a mapping, got {_shown(data)}")
        return data

    def texts(self, data: object, where: str) -> tuple[str, ...]:
        if data is None:
            return ()
        if not isinstance(data, list):
            data = [data]
        return tuple(self.required_text(item, f"{where}[{i}]") for i, item in enumerate(data))

    def required_text(self, data: object, where: str) -> str:
        text = self.text(data, where)
        if not text:
            raise self.fail(where, "expected text, got nothing")
        return text

    def text(self, data: object, where: str) -> str | None:
        if data is None:
            return None
        # YAML reads some bare words as numbers or dates; their text is what was meant.
        if isinstance(data, str | int | float | dt.date) and not isinstance(data, bool):
            return str(data).strip()
        raise self.fail(where, f"expected text, got {_shown(data)}")


def _shown(data: object) -> str:
    text = repr(data)
    return f"{type(data).__name__} {text[:60]}{'…' if len(text) > 60 else ''}"
