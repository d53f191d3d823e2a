"""Score cleaning: body start and end, boilerplate gone, title, author, original source.

Each gold field is one check that passes or fails, so precision equals recall. Texts
compare with only white space folded (case counts); the original source compares by
entity. A boilerplate string the raw input does not hold is a gold error: reported
under ``gold_errors``, not counted. Failed checks go to ``missed``, except boilerplate
left in the body, which is ``extra``; each is filed under its field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from claimgraph.evaluate.gold import Gold, GoldDocument
from claimgraph.evaluate.score_common import KindScore, Slip, Tally, by_file_name, clip, kind_score
from claimgraph.evaluate.score_names import GoldNames, fold_name, fold_space
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


def score_cleaning(
    gold: Gold, analyses: Mapping[str, Analysis], raw_texts: Mapping[str, str] | None = None
) -> KindScore:
    """``raw_texts`` (file name -> the input as read) lets boilerplate gold errors be told apart."""
    names = GoldNames(gold.entities)
    by_name = by_file_name(analyses)
    per_document: dict[str, Tally] = {}
    gold_errors: list[str] = []
    for doc in gold.documents:
        if not has_cleaning_gold(doc):
            continue
        raw = (raw_texts or {}).get(doc.name)
        wrong = [text for text in doc.boilerplate if raw is not None and not _contains_verbatim(raw, text)]
        gold_errors.extend(f"{doc.name}: boilerplate {text!r} is not in the raw input" for text in wrong)
        analysis = by_name.get(doc.name)
        checks = list(check_document(doc, analysis.document if analysis else None, names, skip=wrong))
        per_document[doc.name] = _tally(doc.name, checks)
    return kind_score(per_document, notes={"gold_errors": gold_errors} if gold_errors else None)


def check_document(
    doc: GoldDocument, document: Document | None, names: GoldNames, skip: Sequence[str] = ()
) -> Iterator[Check]:
    """One Check per gold field; a document that was never analysed fails them all."""
    for field, expected in _gold_fields(doc):
        if field == "boilerplate" and expected in skip:
            continue
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
    body = fold_space(document.body)
    want = fold_space(expected)
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
        passed = got is not None and fold_space(got) == want
    shown = "nothing" if got is None else repr(clip(got, 60))
    return Check(field, passed, f"{field} {clip(expected, 60)!r}, got {shown}")


def same_source(predicted: str, expected: str, names: GoldNames) -> bool:
    """The same gold entity by any of its names or web addresses ("www.twz.com" for "The War Zone")."""
    target = names.resolve(expected)
    forms = {expected} if target is None else {expected, target.name, *target.aliases}
    wanted = {fold_name(form) for form in forms} | {fold_name(_host(form)) for form in forms}
    return bool({fold_name(predicted), fold_name(_host(predicted))} & wanted)


def _host(text: str) -> str:
    """ "https://www.twz.com/news/x" -> "twz.com"; anything with a space is left alone."""
    text = text.strip()
    return text if " " in text else _URL_PREFIX.sub("", text).split("/")[0]


def _contains_verbatim(body: str, text: str) -> bool:
    # Case and word edges count: "Read More" is a button, "read more" may be prose,
    # and an author line "Marcus Li" must not be found inside "Marcus Lin".
    wanted = fold_space(text)
    pattern = rf"(?<!\w){re.escape(wanted)}(?!\w)"
    return re.search(pattern, fold_space(body)) is not None


def _tally(name: str, checks: list[Check]) -> Tally:
    passed = sum(check.passed for check in checks)
    failed = [check for check in checks if not check.passed]
    return Tally(
        found=passed,
        gold=len(checks),
        correct=passed,
        predicted=len(checks),
        missed=tuple(Slip(c.name, f"{name}: {c.detail}") for c in failed if not c.leftover),
        extra=tuple(Slip(c.name, f"{name}: {c.detail}") for c in failed if c.leftover),
    )
