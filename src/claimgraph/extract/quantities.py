"""Quantities in a parsed document: amount, qualifier, what is counted, and rate.

Numbers in digits or words, ranges ("10,000 to 12,000"), vague amounts read
as ranges ("tens of thousands"), qualifiers ("at least"), the counted noun
normalised ("troops" -> soldier), currencies and shares, and rates normalised
to day, week, month or year ("170 daily", "2,000 per month", "a month").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from claimgraph.domains.pack import default_vocabulary
from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.extract.counting import (
    counted_noun,
    counted_of_them,
    harmed_people,
    is_nationality_plural,
    killed_and_wounded,
    people_meant,
    tallied_noun,
    whole_of_casualties,
)
from claimgraph.extract.lexicons import SPEAKER_ROLES
from claimgraph.extract.number_tokens import (
    currency_restated,
    fraction_at,
    is_identifier,
    looks_like_year,
    measure_at,
    number_at,
)
from claimgraph.extract.numbers import ALL_SCALES, SIGNS, leading_sign, scale_of, vague_amounts
from claimgraph.extract.rates import flow_unit, rate_after, rate_before, rate_of_a_year
from claimgraph.extract.times import MONTHS
from claimgraph.extract.units import compares, counts_casualties, currency, normalise_unit
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
_RANGE_WORDS = ("to", "-", "–", "and", "or")
_SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_DEFINITE = frozenset(["the", "these", "those"])
_LATER_ORDINALS = frozenset(
    ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
)
_LIKELIHOODS = frozenset(["probability", "likelihood", "chance", "certainty", "confidence"])
_MULTIPLE_VERBS = {"double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
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
        "occasion",  # "on three occasions"
        "leader",  # "the two leaders met"
        "regime",
        "dictatorship",
        "government",
        "region",  # "attacked six regions": where, not how much
        "province",
        "oblast",
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
    found.extend(_multiples(sent, taken))
    found = _changes(sorted(found, key=lambda q: q.start), sent)
    # "the two sides", "three points", "one lawmaker told": framing; "27 countries", "678 points": a measure.
    found = [q for q in found if q.unit and (q.unit not in _NOT_MEASURES | SPEAKER_ROLES or abs(q.low) >= 10)]
    found = [q for q in found if not _is_calibre(q, sent) and not _points_back(q, sent, vocabulary)]
    found = [q for q in found if not _spaces_occasions(q, sent) and not _is_a_likelihood(q, sent)]
    return sorted(found, key=lambda q: q.start)


def _spaces_occasions(quantity: Quantity, sent: Span) -> bool:
    """ "his second visit in just over two months", "for the third time in nearly three months":
    the span says how often something recurs, framing the visit; it is no figure in a claim.
    (After "the first time in 30 years" it dates a break, and stays.)"""
    if quantity.unit not in _TIME_UNITS:
        return False
    span = sent.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    within = span.root if span is not None else None
    if within is None or within.dep_ != "pobj" or within.head.lower_ != "in":
        return False
    occasion = within.head.head  # "visit" in "second visit in …", or the verb of "for the third time"
    times = [g for c in occasion.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    nouns = [occasion, *times]
    return any(c.dep_ == "amod" and c.lower_ in _LATER_ORDINALS for noun in nouns for c in noun.children)


def _is_a_likelihood(quantity: Quantity, sent: Span) -> bool:
    """ "a probability of 80 to 90 percent", "95 percent likelihood": a percentage that grades how
    sure someone is measures their confidence, not a share of anything claimed."""
    if quantity.unit != "share":
        return False
    span = sent.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None:
        return False
    last = span[-1]
    following = last.doc[last.i + 1] if last.i + 1 < sent.end else None
    graded = following is not None and following.lemma_.lower() in _LIKELIHOODS
    of_a_likelihood = (
        last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lemma_.lower() in _LIKELIHOODS
    )
    return graded or of_a_likelihood


def _multiples(sent: Span, taken: set[int]) -> list[Quantity]:
    """ "output has tripled", "more than doubled": a growth said as a verb of multiplying is a
    ratio, like "grew three times". ("Twice as fast" compares; it reports no figure.)"""
    found = []
    for token in sent:
        factor = _MULTIPLE_VERBS.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if factor is None or token.i in taken:
            continue
        qualifier, start = _qualifier(sent.doc, token.i)
        text = sent.doc[start : token.i + 1]
        found.append(Quantity(factor, factor, "ratio", text.text, text.start_char, text.end_char, qualifier))
    return found


def _points_back(quantity: Quantity, sent: Span, vocabulary: Vocabulary) -> bool:
    """ "these two men", "a mix of the two": a small number written out after a definite
    determiner, alone or counting people, names again whom or what the text has named; it counts
    nothing new. (Things so counted stay: "the two samples" is how a study reports its design.)"""
    span = sent.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or span.start == 0 or not span[0].is_alpha or abs(quantity.high) >= 10:
        return False
    alone_or_people = len(span) == 1 or quantity.unit in vocabulary.people_units
    return span.doc[span.start - 1].lower_ in _DEFINITE and alone_or_people


def _is_calibre(quantity: Quantity, sent: Span) -> bool:
    """ "122mm shells", "a 152-mm gun": a calibre names a kind of weapon, it measures nothing claimed."""
    if quantity.unit != "mm":
        return False
    after = sent.doc.char_span(quantity.end, sent.end_char, alignment_mode="expand") or []
    following = next((t for t in after if not t.is_space and t.text not in ("-", "‐")), None)
    attributive = following is not None and following.pos_ == "ADJ" and following.dep_ == "amod"
    return following is not None and (following.pos_ in ("NOUN", "PROPN") or attributive)


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
    fraction = fraction_at(doc, i, end)
    skipped = token.ent_type_ in _SKIP_ENTS and not _is_a_length(doc, i, end)
    if skipped and not _counts_things(doc, i):  # "three quarters of the shells"
        k = fraction[0].end if fraction is not None else end
        whole = doc[k + 2] if k + 2 < end and doc[k + 1].lower_ == "the" else doc[min(k + 1, end - 1)]
        of = k < end and doc[k].lower_ == "of" and whole.ent_type_ not in _SKIP_ENTS
        return fraction if of else None
    if fraction is not None:
        return fraction
    money = currency(doc[i - 1].text) if i > 0 else None
    number = number_at(doc, i, end, money is not None)
    if number is None or is_identifier(doc, i) or _ends_a_day_range(doc, i):
        return None
    j, low, high = number
    if low == 1 and j + 1 < end and doc[j].lower_ == "of" and doc[i].lower_ == "one":
        return None  # "one of the largest": a member picked out, not a count
    if j + 1 < end and doc[j].lower_ in _RANGE_WORDS:
        k = j + 2 if money and currency(doc[j + 1].text) else j + 1  # "$12 million to $20 million"
        second = number_at(doc, k, end, money is not None)
        first = i - 1 if money else i
        after = doc[first - 1].lower_ if first > 0 else ""
        # "from $55 billion to $110 billion" is a change, not a range
        # "four or five coffins": an uncertain count, a range when it rises
        either = doc[j].lower_ == "or" and second is not None and second[1] > high
        joined = doc[j].lower_ not in ("and", "or") or after == "between" or either
        if second and after != "from" and joined:
            j, high = second[0], second[2]  # "10,000 to 12,000", "between 10,000 and 12,000"
            scale = ALL_SCALES.get(doc[j - 1].lower_, 1)
            low = low * scale if low * scale <= high and low < scale else low  # "10 and 12 thousand"
    unit = None
    per_cent = j + 1 < end and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent"
    if j < end and (doc[j].lower_ in ("%", "percent") or per_cent):
        j += 2 if per_cent else 1
        low, high, unit = low / 100, high / 100, "share"
    if money:
        return doc[i - 1 : currency_restated(doc, j, end)], low, high, money
    scale = _SUFFIX_SCALES.get(doc[j].lower_) if j + 1 < end and not doc[j - 1].whitespace_ else None
    if unit is None and scale and doc[j + 1].tag_ in ("NNS", "NNPS"):
        low, high, j = low * scale, high * scale, j + 1  # "1.5m shells": millions, not metres
    if unit is None and j < end:
        unit, j = measure_at(doc, j, end)
    if looks_like_year(doc, i, j, low, high) or (j < end and doc[j].text in ("-", "–") and unit is None):
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


# A length of time is a measure ("talks lasted more than two hours", "valid for 20 years"); a
# point in time is not ("two years ago", "three days later", "a 30-year-old").
_TIME_UNITS = frozenset(["hour", "day", "week", "month", "year", "minute"])
_LENGTH_BEFORE = frozenset(["for", "than", "least", "over", "nearly", "almost", "about", "some", "roughly"])
_POINT_AFTER = frozenset(["ago", "later", "earlier", "old", "before", "after", "from", "into", "of"])


def _is_a_length(doc: Doc, i: int, end: int) -> bool:
    """ "more than two hours", "for 20 years": a number of time units said as a length."""
    number = number_at(doc, i, end)
    if number is None or i == 0 or doc[i - 1].lower_ not in _LENGTH_BEFORE:
        return False
    j = number[0]
    if j >= end or doc[j].lemma_.lower() not in _TIME_UNITS or doc[j].tag_ != "NNS":
        return False
    return j + 1 >= end or doc[j + 1].lower_ not in _POINT_AFTER


def _ends_a_day_range(doc: Doc, i: int) -> bool:
    """ "between October 8 and 13": the 13 is a day of October, not a count."""
    if i < 3 or doc[i - 1].lower_ not in ("and", "to", "-", "–") or not doc[i - 2].like_num:
        return False
    return doc[i - 3].text.rstrip(".").lower() in MONTHS and doc[i].text.isdigit() and int(doc[i].text) <= 31


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
    noun = None if unit else counted_noun(doc, span.end, span.sent.end, vocabulary.counted_as)
    per = rate_after(doc, (noun.i + 1) if noun is not None else span.end, span.sent.end)
    per = per or rate_before(span[-1], span.sent) or rate_of_a_year(span[-1], vocabulary)
    if per is None and before and _restates(doc, before[-1], start):
        per = before[-1].per  # "$800 (£645) a month": the same sum in another currency
    if unit is None and noun is not None and is_nationality_plural(noun):
        unit = vocabulary.unit("people")  # "8,000 Iranians" are persons, as "citizens" are
    if unit is None and noun is not None:
        unit = vocabulary.counted_as.get(noun.ent_id_) or normalise_unit(noun, vocabulary)
    if unit == "time" and noun is not None and compares(noun):
        unit = "ratio"  # "nine times more than", "12 times higher": a ratio, not a count
    if noun is not None:
        unit = people_meant(noun, unit, vocabulary)  # "600 dead" are soldiers in a story of soldiers
    if unit == "other" and before:  # "killing 12 people and injuring 90 others"
        unit = before[-1].unit
    if unit is None and noun is None:
        unit = flow_unit(span[-1], vocabulary)  # "raise Shahed production to 6,000 a month"
    tally = tallied_noun(span[-1]) if unit is None and noun is None else None
    if tally is not None:  # "put the number of soldiers killed at 3,000"
        unit = people_meant(tally, normalise_unit(tally, vocabulary), vocabulary)
        unit = "casualty" if killed_and_wounded(tally, span[-1]) else unit
    if unit is None and noun is None:
        unit = counted_of_them(span[-1], vocabulary)  # "7,887 of them": the group named before
    if unit is None and noun is None and not before:
        unit = harmed_people(span[-1], vocabulary)  # "as many as 30 have been killed or wounded"
    if unit is None and noun is None and start >= 2 and doc[start - 1].text in _LABEL_MARKS:
        label = doc[start - 2]  # "tanks — 11,050", "UAVs: 49,800": a tally's label before the figure
        unit = normalise_unit(label, vocabulary) if label.pos_ == "NOUN" else None
    # "2,000 drones a month, aiming for 5,000": the same measure; a bare number after a
    # percentage is rarely one ("fell 7 % to 9,000").
    if unit is None and noun is None and before and before[-1].unit == "casualty":
        unit = whole_of_casualties(span[0], vocabulary)
    if unit is None and before and before[-1].unit != "share":
        unit, per = before[-1].unit, per or before[-1].per
    if unit in vocabulary.casualty_units and counts_casualties(noun if noun is not None else span[-1]):
        unit = "casualty"  # "3,000 people killed or wounded": casualties, not a count of the dead
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


def _restates(doc: Doc, previous: Quantity, start: int) -> bool:
    """A figure in brackets right after another restates it: "$800 (£645)"."""
    return doc.text[previous.end : doc[start].idx].strip() == "("


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
