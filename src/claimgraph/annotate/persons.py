"""People's names as reports write them: cut short by the tagger, or by surname alone later.

spaCy marks "Sung Lac" of "Wi Sung Lac", and "Lawmaker Lee" or "Shagivaleev" (as a product)
after the full name: each is the one person the document names in full, not a new one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from claimgraph.annotate.names import is_office, plain_letters
from claimgraph.records import Entity

PERSON = "person"
# Kinds spaCy gives a surname it does not know for one: "noted Shagivaleev" read as a product.
_SURNAME_KINDS = frozenset({PERSON, "product"})
_HYPHENS = frozenset({"-", "‐"})
# Titles only a person bears (unlike "General" or "State", which also begin bodies' names).
_PERSONAL_TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "lawmaker", "legislator", "senator", "president", "prosecutor", "envoy"]
)


def led_by_personal_title(text: str) -> bool:
    """ "Lawmaker Park", "Mr Wi": a title only a person bears, then one or two capitalised words."""
    words = text.replace(".", " ").split()
    return (
        len(words) in (2, 3) and words[0].casefold() in _PERSONAL_TITLES
        and all(w[:1].isupper() for w in words[1:])
    )  # fmt: skip


def whole_name(span: Span) -> Span:
    """A person's span widened over the name words spaCy left out: "Wi" before "Sung Lac",
    "-kee" after "Kim Byung"."""
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and _name_word(doc[start - 1]) and not doc[start].is_sent_start:
        start -= 1
    while end + 1 < len(doc) and _joined(doc[end - 1], doc[end]) and _joined(doc[end], doc[end + 1]):
        end += 2  # "Byung" "-" "kee": a hyphenated given name
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


def _name_word(token: Token) -> bool:
    return (
        token.pos_ == "PROPN" and token.is_alpha and token.is_title
        and not token.ent_type_ and not is_office(token.text)
    )  # fmt: skip


def _joined(left: Token, right: Token) -> bool:
    """Written with no space between, one of them a hyphen and the other a word."""
    return not left.whitespace_ and (left.text in _HYPHENS) != (right.text in _HYPHENS)


def surname_owners(entities: dict[str, Entity]) -> Callable[[Entity], Entity | None]:
    """A function giving, for a one-word name, the one person of the document named in full with
    that word first or last ("Lee" -> "Lee Seong-kweun", "Kostin" -> "Andriy Kostin")."""
    owners: dict[str, set[str]] = {}
    for entity in entities.values():
        words = entity.name.replace("-", " ").split()
        if entity.kind == PERSON and len(words) >= 2:
            for word in {words[0], words[-1]}:
                owners.setdefault(plain_letters(word), set()).add(entity.id)

    def owner(entity: Entity) -> Entity | None:
        if entity.kind not in _SURNAME_KINDS or len(entity.name.split()) != 1:
            return None
        ids = owners.get(plain_letters(entity.name), set()) - {entity.id}
        return entities[next(iter(ids))] if len(ids) == 1 else None

    return owner


def full_name_before(doc: Doc, surname: str) -> Span | None:
    """Where the text gives a lone surname its given name, unmarked by the tagger ("Ambassador to
    Russia Kazem Jalali said"): the two words as a span; None if nowhere."""
    for token in doc:
        if token.text != surname or token.i == 0:
            continue
        given = doc[token.i - 1]
        before = doc[token.i - 2] if token.i >= 2 else None
        if _name_word(given) and not (before is not None and _name_word(before)):
            return Span(doc, token.i - 1, token.i + 1, label="PERSON")
    return None


# Labels spaCy gives a lone surname it misreads: "According to Jalali" as a nationality.
_MISREAD_SURNAME = frozenset({"", "NORP", "PRODUCT", "WORK_OF_ART"})


def surnames_unmarked(doc: Doc, entities: dict[str, Entity], taken: set[int]) -> list[tuple[Span, Entity]]:
    """A person's surname standing alone where the tagger missed it or read it as something
    else ("According to Jalali" after "Kazem Jalali"): a span for the one person named in full
    with that word. ``taken`` holds the start offsets of existing mentions."""
    owner = surname_owners(entities)
    found = []
    for token in doc:
        if token.idx in taken or token.ent_type_ not in _MISREAD_SURNAME or not _name_like(token):
            continue
        in_a_longer_name = any(_name_like(doc[i]) for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc))
        person = None if in_a_longer_name else owner(Entity(id="", name=token.text, kind=PERSON))
        if person is not None:
            found.append((doc[token.i : token.i + 1], person))
    return found


def _name_like(token: Token) -> bool:
    return token.is_title and token.pos_ == "PROPN"
