"""Quantities in a parsed document: amount, qualifier, what is counted, and rate.

Numbers in digits or words, ranges ("10,000 to 12,000"), vague amounts read
as ranges ("tens of thousands"), qualifiers ("at least"), the counted noun
normalised ("troops" -> soldier), currencies and shares, and rates normalised
to day, week, month or year ("170 daily", "2,000 per month", "a month").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimgraph.domains.pack import default_vocabulary
from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.extract.lexicons import SPEAKER_ROLES
from claimgraph.extract.numbers import (
    ALL_SCALES,
    FRACTIONS,
    MONEY_SCALE_WORDS,
    SCALE_WORDS,
    SCALES,
    SIGNS,
    is_number_word,
    leading_sign,
    parse_digits,
    parse_range,
    parse_words,
    scale_of,
    vague_amounts,
)
from claimgraph.extract.rates import PERIODS, flow_unit, rate_after, rate_before
from claimgraph.extract.times import MONTHS
from claimgraph.extract.units import compares, counts_casualties, currency, measure_symbol, normalise_unit
from claimgraph.records import Quantity

QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "up to", "as many as", "as much as",
    "as few as", "as little as", "in excess of", "upwards of", "close to", "an estimated",
    "approximately", "around", "about", "roughly", "nearly", "almost", "over", "some", "under",
    "estimated", "below", "above",
)  # fmt: skip
_LABEL_MARKS = frozenset(["—", "–", ":"])
_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}  # written onto the number: "1.5m shells"
# Qualifiers that are also prepositions of place or time ("over 11 regions", "children under 5").
_ALSO_PLACES = frozenset({"over", "under", "above", "below", "around"})
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM"})
# Words after an amount that only restate its currency: "$249 USD", "$5 billion dollars".
_CURRENCY_AFTER = ("usd", "dollars", "dollar", "us dollars")
_RANGE_WORDS = ("to", "-", "–", "and")
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
# A number inside a name ("Flight 447", "Chapter 11", "the iPhone 4") names, it does not count.
_NAME_ENTS = {"ORG", "PRODUCT", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PERSON", "GPE", "LOC", "NORP"}
_IDENTIFIER = re.compile(r"^\d+([–-]\d+)?$")
# Nouns that count parts of a sentence's framing, not a measure anyone tracks.
_NOT_MEASURES = frozenset(
    [
        "nation",
        "country",
        "continent",
        "side",
        "part",
        "time",
        "way",
        "thing",
        "step",
        "phase",
        "case",
        "reason",
        "point",
        "aspect",
        "option",
        "area",
        "member",
        "party",
    ]
)


def extract_quantities(doc: Doc, vocabulary: Vocabulary | None = None) -> tuple[Quantity, ...]:
    """Every figure in the doc. The pack's ``vocabulary`` (default: the shipped pack's) says what a
    counted noun counts ("troops" are soldiers) and what a count of a named thing counts ("40
    Shaheds" are 40 drones)."""
    words = vocabulary or default_vocabulary()
    found: list[Quantity] = []
    for sent in doc.sents:
        found.extend(_sentence_quantities(sent, words))
    return tuple(found)


def _sentence_quantities(sent: Span, vocabulary: Vocabulary) -> list[Quantity]:
    doc = sent.doc
    found: list[Quantity] = []
    taken: set[int] = set()
    for start, end, low, high in vague_amounts(sent.text):
        span = doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is None or taken & set(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        found.append(_finish(span, low, high, None, found, vocabulary)[0])
    i = sent.start
    while i < sent.end:
        amount = None if i in taken else _amount_at(doc, i, sent.end)
        if amount is None:
            i += 1
            continue
        span, low, high, unit = amount
        quantity, last = _finish(span, low, high, unit, found, vocabulary)
        taken.update(range(span.start, last))
        found.append(quantity)
        i = last
    found = _changes(sorted(found, key=lambda q: q.start), sent)
    # "the two sides", "three points", "one lawmaker told": framing; "27 countries", "678 points": a measure.
    found = [q for q in found if q.unit and (q.unit not in _NOT_MEASURES | SPEAKER_ROLES or abs(q.low) >= 10)]
    return sorted(found, key=lambda q: q.start)


def _changes(found: list[Quantity], sent: Span) -> list[Quantity]:
    """ "from 5,000 to 12,000 drones": the first figure counts what the second does."""
    text, offset = sent.doc.text, sent.start_char
    for k in range(len(found) - 2, -1, -1):
        first, second = found[k], found[k + 1]
        if not first.unit and second.unit and text[first.end : second.start].strip().lower() == "to":
            before = text[max(offset, first.start - 5) : first.start].strip().lower()
            if before.endswith("from"):
                scale = scale_of(second.text) if scale_of(first.text) == 1 else 1  # "from 2 to 3 million"
                low, high = (first.low * scale, first.high * scale) if first.low * scale <= second.low else (
                    first.low, first.high)  # fmt: skip
                found[k] = replace(first, low=low, high=high, unit=second.unit, per=second.per)
    return found


def _amount_at(doc: Doc, i: int, end: int) -> tuple[Span, float, float, str | None] | None:
    token = doc[i]
    if token.ent_id_:
        return None
    fraction = _fraction_at(doc, i, end)
    if token.ent_type_ in _SKIP_ENTS and not _counts_things(doc, i):  # "three quarters of the shells"
        k = fraction[0].end if fraction is not None else end
        whole = doc[k + 2] if k + 2 < end and doc[k + 1].lower_ == "the" else doc[min(k + 1, end - 1)]
        of = k < end and doc[k].lower_ == "of" and whole.ent_type_ not in _SKIP_ENTS
        return fraction if of else None
    if fraction is not None:
        return fraction
    money = currency(doc[i - 1].text) if i > 0 else None
    number = _number_at(doc, i, end, money is not None)
    if number is None or _is_identifier(doc, i) or _ends_a_day_range(doc, i):
        return None
    j, low, high = number
    if low == 1 and j + 1 < end and doc[j].lower_ == "of" and doc[i].lower_ == "one":
        return None  # "one of the largest": a member picked out, not a count
    if j + 1 < end and doc[j].lower_ in _RANGE_WORDS:
        k = j + 2 if money and currency(doc[j + 1].text) else j + 1  # "$12 million to $20 million"
        second = _number_at(doc, k, end, money is not None)
        first = i - 1 if money else i
        after = doc[first - 1].lower_ if first > 0 else ""
        # "from $55 billion to $110 billion" is a change, not a range
        if second and after != "from" and (doc[j].lower_ != "and" or after == "between"):
            j, high = second[0], second[2]  # "10,000 to 12,000", "between 10,000 and 12,000"
            scale = ALL_SCALES.get(doc[j - 1].lower_, 1)
            low = low * scale if low * scale <= high and low < scale else low  # "10 and 12 thousand"
    unit = None
    per_cent = j + 1 < end and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent"
    if j < end and (doc[j].lower_ in ("%", "percent") or per_cent):
        j += 2 if per_cent else 1
        low, high, unit = low / 100, high / 100, "share"
    if money:
        return doc[i - 1 : _currency_restated(doc, j, end)], low, high, money
    scale = _SUFFIX_SCALES.get(doc[j].lower_) if j + 1 < end and not doc[j - 1].whitespace_ else None
    if unit is None and scale and doc[j + 1].tag_ in ("NNS", "NNPS"):
        low, high, j = low * scale, high * scale, j + 1  # "1.5m shells": millions, not metres
    if unit is None and j < end:
        unit, j = _measure_at(doc, j, end)
    if _looks_like_year(doc, i, j, low, high) or (j < end and doc[j].text in ("-", "–") and unit is None):
        return None  # a year, or a compound adjective: "two-story", "three-year-long"
    return doc[i:j], low, high, unit


def _counts_things(doc: Doc, i: int) -> bool:
    """ "Between 10 and 12 thousand soldiers", which spaCy may read as a date: only numbers, then
    the plural noun they count."""
    j = i
    while j < len(doc) and doc[j].ent_type_ in _SKIP_ENTS:
        if not (doc[j].like_num or doc[j].lower_ in ("and", "to", "-", "–", "between")):
            return False
        j += 1
    return j < len(doc) and doc[j].tag_ == "NNS"


def _ends_a_day_range(doc: Doc, i: int) -> bool:
    """ "between October 8 and 13": the 13 is a day of October, not a count."""
    if i < 3 or doc[i - 1].lower_ not in ("and", "to", "-", "–") or not doc[i - 2].like_num:
        return False
    return doc[i - 3].text.rstrip(".").lower() in MONTHS and doc[i].text.isdigit() and int(doc[i].text) <= 31


def _fraction_at(doc: Doc, i: int, end: int) -> tuple[Span, float, float, str | None] | None:
    """ "half", "two thirds", "three-quarters" as shares; "half a percent" as 0.005."""
    if i > 0 and doc[i - 1].lower_ in ("a", "one"):
        return None  # "two and a half", "a half": read with what comes before
    width = next((w for w in (3, 2, 1) if i + w <= end and doc[i : i + w].text.lower() in FRACTIONS), 0)
    if not width:
        return None
    value = FRACTIONS[doc[i : i + width].text.lower()]
    j = i + width
    if width == 1 and j + 1 < end and doc[j].text in ("-", "‐") and doc[j + 1].is_alpha:
        return None  # "half-measures", "half-hearted": a word, not a share
    if j + 1 < end and doc[j].lower_ == "a" and doc[j + 1].lower_ in ("percent", "%"):
        return doc[i : j + 2], value / 100, value / 100, "share"
    return doc[i:j], value, value, "share"


def _number_at(doc: Doc, i: int, end: int, money: bool = False) -> tuple[int, float, float] | None:
    """Where a number starting at token i ends, and its value (a range when written "15–35")."""
    scales = SCALES | (MONEY_SCALE_WORDS if money else SCALE_WORDS)
    value = parse_digits(doc[i].text)
    if value is None:
        span = parse_range(doc[i].text)
        if span is not None:
            return i + 1, span[0], span[1]
    if value is not None:
        j, value = _spaced_thousands(doc, i, end, value)
        while j < end and doc[j].lower_ in scales:
            value *= scales[doc[j].lower_]
            j += 1
        return _and_a_half(doc, j, end, value)
    j, words = i, list[str]()
    while j < end and _continues_number_words(doc, j, end, words):
        words.append(doc[j].text)
        j += 1
    value = parse_words(words) if words else None
    return _and_a_half(doc, j, end, value) if value is not None else None


_GROUP = re.compile(r"^\d{3}$")
_THIN_SPACES = frozenset(["\u00a0", "\u202f", "\u2009"])
_MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"]
)  # fmt: skip


def _spaced_thousands(doc: Doc, i: int, end: int, value: float) -> tuple[int, float]:
    """ "25 000" and "4\u00a0700" (thousands set apart by a space, as much of Europe writes them)
    are one number; "May 25 100 soldiers" is a day and a count."""
    if not re.fullmatch(r"\d{1,3}", doc[i].text) or (i > 0 and doc[i - 1].lower_.rstrip(".") in _MONTHS):
        return i + 1, value
    j = i
    while True:
        gap = j + 1
        if doc[j].whitespace_ == "" and gap < end and doc[gap].text in _THIN_SPACES:
            gap += 1  # a no-break space is a token of its own
        elif doc[j].whitespace_ != " ":
            break
        if gap >= end or not _GROUP.match(doc[gap].text):
            break
        value, j = value * 1000 + float(doc[gap].text), gap
    return j + 1, value


def _and_a_half(doc: Doc, j: int, end: int, value: float) -> tuple[int, float, float]:
    """ "two and a half" -> 2.5; "1.5" stays as it is."""
    if j + 2 < end and [t.lower_ for t in doc[j : j + 3]] == ["and", "a", "half"]:
        return j + 3, value + 0.5, value + 0.5
    return j, value, value


def _currency_restated(doc: Doc, j: int, end: int) -> int:
    """The end of "$249 USD" or "$5 billion US dollars": the currency said twice is one figure."""
    for words in (2, 1):
        if j + words <= end and doc[j : j + words].text.lower() in _CURRENCY_AFTER:
            return j + words
    return j


def _measure_at(doc: Doc, j: int, end: int) -> tuple[str | None, int]:
    """A measure written as a symbol after the amount: "40 km", "−57 °C", "3 MW"."""
    text = doc[j].text
    if text == "°" and j + 1 < end and doc[j + 1].text in ("C", "F") and not doc[j].whitespace_:
        return f"°{doc[j + 1].text}", j + 2
    unit = measure_symbol(text)
    return (unit, j + 1) if unit else (None, j)


def _is_identifier(doc: Doc, i: int) -> bool:
    """ "Flight 447", "Chapter 11", "iPhone 4", "No. 1": a number that is part of a name."""
    token = doc[i]
    if not _IDENTIFIER.match(token.text):
        return False
    if token.ent_iob_ == "I" and token.ent_type_ in _NAME_ENTS:
        return True
    before = doc[i - 1] if i > token.sent.start else None
    if before is not None and before.lower_ in ("no.", "number", "#"):
        return True
    if before is None or before.pos_ != "PROPN" or currency(before.text):
        return False
    return (
        token.head == before
        or before.head == token
        or (before.head == token.head and before.dep_ in ("compound", "nmod"))
    )


def _continues_number_words(doc: Doc, j: int, end: int, words: list[str]) -> bool:
    """ "a hundred", "one hundred and five": joining words count only before a number."""
    word = doc[j].lower_
    if is_number_word(word):
        return True
    following = doc[j + 1].lower_ if j + 1 < end else ""
    if word in ("a", "an") and not words:
        return following in SCALES
    return word == "and" and bool(words) and is_number_word(following)


def _looks_like_year(doc: Doc, i: int, j: int, low: float, high: float) -> bool:
    return j == i + 1 and 1900 <= low <= high <= 2100 and "," not in doc[i].text


def _finish(
    span: Span,
    low: float,
    high: float,
    unit: str | None,
    before: list[Quantity],
    vocabulary: Vocabulary,
) -> tuple[Quantity, int]:
    """The figure with its qualifier, counted noun and rate, and the token after it."""
    doc = span.doc
    qualifier, start = _qualifier(doc, span.start)
    noun = None if unit else _counted_noun(doc, span.end, span.sent.end, vocabulary.counted_as)
    per = rate_after(doc, (noun.i + 1) if noun is not None else span.end, span.sent.end)
    per = per or rate_before(span[-1], span.sent)
    if unit is None and noun is not None:
        unit = vocabulary.counted_as.get(noun.ent_id_) or normalise_unit(noun, vocabulary)
    if unit == "time" and noun is not None and compares(noun):
        unit = "ratio"  # "nine times more than", "12 times higher": a ratio, not a count
    if unit in vocabulary.casualty_units and noun is not None and counts_casualties(noun):
        unit = "casualty"  # "3,000 people killed or wounded": casualties, not a count of the dead
    if unit == "other" and before:  # "killing 12 people and injuring 90 others"
        unit = before[-1].unit
    if unit is None and noun is None:
        unit = flow_unit(span[-1], vocabulary)  # "raise Shahed production to 6,000 a month"
    if unit is None and noun is None and start >= 2 and doc[start - 1].text in _LABEL_MARKS:
        label = doc[start - 2]  # "tanks — 11,050", "UAVs: 49,800": a tally's label before the figure
        unit = normalise_unit(label, vocabulary) if label.pos_ == "NOUN" else None
    # "2,000 drones a month, aiming for 5,000": the same measure; a bare number after a
    # percentage is rarely one ("fell 7 % to 9,000").
    if unit is None and before and before[-1].unit != "share":
        unit, per = before[-1].unit, per or before[-1].per
    last = max(span.end, noun.i + 1 if noun is not None else span.end)
    if noun is not None and any(t.like_num for t in doc[span.end : noun.i]):
        last = span.end  # "51 of the 64 drones": the 64 is a figure of its own
    text_span = doc[start:last]
    quantity = Quantity(
        low=low,
        high=high,
        unit=unit or "",
        text=text_span.text,
        start=text_span.start_char,
        end=text_span.end_char,
        qualifier=qualifier,
        per=per,
    )
    return quantity, last


def _qualifier(doc: Doc, start: int) -> tuple[str | None, int]:
    sign = leading_sign(doc[start].text)
    if sign:  # "~20", "<5"
        return sign, start
    if start > 0 and doc[start - 1].text in SIGNS:  # "~ 20", "≤ 5"
        return SIGNS[doc[start - 1].text], start - 1
    before = doc[max(0, start - 3) : start]
    words = [t.lower_ for t in before]
    for phrase in QUALIFIERS:
        size = len(phrase.split())
        if words[-size:] == phrase.split():
            if phrase in _ALSO_PLACES and start - size > 0 and doc[start - size - 1].pos_ in _NOMINAL:
                return None, start  # "81 drones over 11 regions": a preposition after a noun, no qualifier
            return phrase, start - size
    return None, start


def _counted_noun(doc: Doc, i: int, end: int, counted_as: Mapping[str, str]) -> Token | None:
    """The noun a number counts: "2,000 Shahed drones", "170 of these drones", "4,000 dead";
    or the last word of a thing's name, "40 Shaheds", when no noun of its own follows."""
    j = i
    while j < end and j < i + 6:
        token = doc[j]
        lowered = token.lower_
        if token.ent_id_ in counted_as and (j + 1 >= end or doc[j + 1].ent_id_ != token.ent_id_):
            following = doc[j + 1] if j + 1 < end else None
            if following is None or following.pos_ not in ("NOUN", "PROPN"):
                return token
        if token.pos_ in ("NOUN",) and lowered not in PERIODS and not _is_modifier(doc, j, end):
            return token
        if lowered in ("dead", "wounded", "killed", "injured"):
            return token
        if lowered == "," and j + 1 < end and doc[j + 1].lower_ == "of":  # "tens of thousands, of drones"
            j += 1
            continue
        if (
            lowered in ("of", "these", "those", "the", "its", "their", "-", "type", "”", '"', "’", "'s")
            or token.pos_ in ("ADJ", "PROPN")
            or token.ent_id_  # a known name tagged as anything, "200 Fath-360 missiles"
            or (token.like_num and doc[j - 1].lower_ in ("of", "the"))  # "51 of the 64 drones"
            or (token.like_num and _is_identifier(doc, j))  # "five Boeing 737 jets"
            or token.dep_ in ("compound", "amod")
        ):
            j += 1
            continue
        return None
    return None


def _is_modifier(doc: Doc, j: int, end: int) -> bool:
    """ "attack drones": "attack" is a noun modifying the counted noun."""
    return token_is_compound(doc[j]) and j + 1 < end and doc[j + 1].pos_ in ("NOUN", "PROPN")


def token_is_compound(token: Token) -> bool:
    return token.dep_ == "compound"
