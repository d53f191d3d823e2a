"""Score cleaning: body start and end, boilerplate gone, title, author, original source.

Each gold field is one check; a check passes or fails, so precision equals recall.
Failed checks go to ``missed``, except boilerplate left in the body, which is ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from claimgraph.evaluate.gold import Gold, GoldDocument
from claimgraph.evaluate.score_common import KindScore, Tally, by_file_name, clip, kind_score
from claimgraph.evaluate.score_names import GoldNames, name_key, normalise_text
from claimgraph.records import Analysis, Document

_URL_PREFIX = re.compile(r"^(?:[a-z]+://)?(?:www\.)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    passed: bool
    detail: str
    leftover: bool = False  # boilerplate still present: extra text rather than missing text


def has_cleaning_gold(doc: GoldDocument) -> bool:
    return any(True for _ in _gold_fields(doc))


def score_cleaning(gold: Gold, analyses: Mapping[str, Analysis]) -> KindScore:
    names = GoldNames(gold.entities)
    by_name = by_file_name(analyses)
    per_document: dict[str, Tally] = {}
    for doc in gold.documents:
        if not has_cleaning_gold(doc):
            continue
        analysis = by_name.get(doc.name)
        checks = list(check_document(doc, analysis.document if analysis else None, names))
        per_document[doc.name] = _tally(doc.name, checks)
    return kind_score(per_document)


def check_document(doc: GoldDocument, document: Document | None, names: GoldNames) -> Iterator[Check]:
    """One Check per gold field; a document that was never analysed fails them all."""
    for field, expected in _gold_fields(doc):
        if document is None:
            yield Check(field, False, "document not analysed")
        elif field == "boilerplate":
            present = _contains_verbatim(document.body, expected)
            yield Check(field, not present, f"still in body: {expected!r}", leftover=True)
        else:
            yield _check_field(field, expected, document, names)


def _gold_fields(doc: GoldDocument) -> Iterator[tuple[str, str]]:
    for field in ("body_starts_with", "body_ends_with", "title", "author", "original_source"):
        expected = getattr(doc, field)
        if expected:
            yield field, expected
    for text in doc.boilerplate:
        yield "boilerplate", text


def _check_field(field: str, expected: str, document: Document, names: GoldNames) -> Check:
    body = normalise_text(document.body)
    want = normalise_text(expected)
    got: str | None
    if field == "body_starts_with":
        got, passed = body[: len(want) + 20], body.startswith(want)
    elif field == "body_ends_with":
        got, passed = body[-len(want) - 20 :], body.endswith(want)
    elif field == "original_source":
        got = document.original_source
        passed = got is not None and same_source(got, expected, names)
    else:
        got = getattr(document, field)
        passed = got is not None and normalise_text(got) == want
    shown = "nothing" if got is None else repr(clip(got, 60))
    return Check(field, passed, f"{field} {clip(expected, 60)!r}, got {shown}")


def same_source(predicted: str, expected: str, names: GoldNames) -> bool:
    """Case-insensitive, or any alias of the gold entity ("www.twz.com" for "The War Zone")."""
    target = names.resolve(expected)
    forms = {expected} if target is None else {expected, target.name, *target.aliases}
    wanted = {name_key(form) for form in forms} | {name_key(_host(form)) for form in forms}
    if {name_key(predicted), name_key(_host(predicted))} & wanted:
        return True
    return target is not None and names.resolve(predicted) == target


def _host(text: str) -> str:
    """ "https://www.twz.com/news/x" -> "twz.com"; anything with a space is left alone."""
    text = text.strip()
    return text if " " in text else _URL_PREFIX.sub("", text).split("/")[0]


def _contains_verbatim(body: str, text: str) -> bool:
    # Case and word edges count: "Read More" is a button, "read more" may be prose,
    # and an author line "Marcus Li" must not be found inside "Marcus Lin".
    wanted = normalise_text(text, casefold=False)
    pattern = rf"(?<!\w){re.escape(wanted)}(?!\w)"
    return re.search(pattern, normalise_text(body, casefold=False)) is not None


def _tally(name: str, checks: list[Check]) -> Tally:
    passed = sum(check.passed for check in checks)
    failed = [check for check in checks if not check.passed]
    return Tally(
        found=passed,
        gold=len(checks),
        correct=passed,
        predicted=len(checks),
        missed=tuple(f"{name}: {c.detail}" for c in failed if not c.leftover),
        extra=tuple(f"{name}: {c.detail}" for c in failed if c.leftover),
    )
