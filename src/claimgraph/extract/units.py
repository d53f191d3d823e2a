"""Units: currencies before an amount, measure symbols after it, and what a counted noun counts.

A currency is told by Unicode's currency-symbol class ("$", "€", "₽", "US$", "AU$") or an
ISO 4217 code ("EUR", "RUB"); a measure symbol ("km", "°C", "kWh", "MW") by an SI prefix
on a base unit, so that "300 m" reads as metres while "€300 m" is money.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Token

from claimgraph.domains.vocabulary import Vocabulary

_SYMBOLS = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₩": "KRW",
    "₴": "UAH", "₺": "TRY", "₪": "ILS", "﷼": "IRR",
}  # fmt: skip
# Dollars of other countries: the letters before "$" name the country.
_DOLLAR_PREFIXES = {
    "us": "USD", "u.s.": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "can": "CAD",
    "hk": "HKD", "nz": "NZD", "s": "SGD", "r": "BRL", "nt": "TWD",
}  # fmt: skip
ISO_CODES = frozenset([
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "INR", "KRW", "KPW", "UAH", "TRY", "ILS", "IRR",
    "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "BRL", "SAR", "AED",
])  # fmt: skip
# Currency names after an amount ("3 billion roubles"), as their codes.
CURRENCY_NAMES = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rouble": "RUB", "ruble": "RUB", "rupee": "INR", "hryvnia": "UAH",
    "hryvnias": "UAH", "rial": "IRR", "lira": "TRY", "shekel": "ILS", "franc": "CHF",
}  # fmt: skip

_SI_PREFIXES = ("", "k", "M", "G", "T", "m", "μ", "µ", "n", "c")
_SI_BASES = ("m", "g", "W", "Wh", "V", "Hz", "eV", "Pa", "bar", "J", "L", "mol")
# Single letters are too often something else ("Plan B", "Group A") to be units alone.
MEASURE_SYMBOLS = frozenset(
    {p + b for p in _SI_PREFIXES for b in _SI_BASES if len(p + b) > 1}
    | {"m", "g", "K", "°", "°C", "°F", "‰", "kt", "mph", "km/h", "kph", "ha", "nm"}
)


def currency(text: str) -> str | None:
    """The ISO code of a currency written before an amount: "$" -> USD, "AU$" -> AUD."""
    lowered = text.lower()
    if text in ISO_CODES or lowered in ("usd", "eur"):
        return text.upper()
    if not text or unicodedata.category(text[-1]) != "Sc":
        return None
    if len(text) == 1:
        return _SYMBOLS.get(text, text)
    if text.endswith("$"):
        return _DOLLAR_PREFIXES.get(lowered[:-1])
    return None


def measure_symbol(text: str) -> str | None:
    """The unit a symbol after an amount names ("km", "°C", "MW"), or None."""
    return text if text in MEASURE_SYMBOLS else None


# Currency words after an amount, under their codes; what else a noun counts is the pack's.
_CURRENCY_UNITS = {"$": "USD", "usd": "USD", "€": "EUR", "£": "GBP"} | CURRENCY_NAMES
# Nouns that say what is counted only with the noun before them: "artillery systems".
_GENERIC_UNITS = frozenset(["system", "unit", "piece", "platform", "complex", "launcher"])
_NAMING = ("NOUN", "PROPN")


def normalise_unit(token: Token, vocabulary: Vocabulary) -> str:
    """What a counted noun counts, under the name the vocabulary gives its synonyms and phrases
    ("troops" -> soldier and "unmanned aerial vehicles" -> drone, when a pack says so)."""
    lemma = token.lemma_.lower() if token.pos_ == "NOUN" else token.lower_
    for left in token.lefts:  # "combat engineers", "unmanned vehicles": a modifier and the noun
        phrase = vocabulary.unit(f"{left.lower_} {lemma}")
        if phrase is not None:
            return phrase
    as_written = vocabulary.unit(token.lower_) or _CURRENCY_UNITS.get(token.lower_)
    if as_written is not None:
        return as_written
    if lemma == "point" and token.i > 0 and token.nbor(-1).lower_ == "percentage":
        return "percentage point"
    if lemma in _GENERIC_UNITS:  # "artillery systems" and "air defence systems" are not one measure
        kind = [w.lower_ for t in token.lefts if t.dep_ == "compound" for w in t.subtree if w.pos_ in _NAMING]
        return " ".join([*kind, lemma])
    return vocabulary.unit(lemma) or _CURRENCY_UNITS.get(lemma, lemma)


_HARMS = frozenset(["wound", "injure", "maim"])
_LOSSES = frozenset(["casualty", "loss"])
_HURT_WORDS = frozenset(["wounded", "injured"])
_MISSING_OR_TAKEN = frozenset(["missing", "captured"])
_LIST_REACH = 12
_OWN_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
# Verbs that report a state of the people rather than act on them: "4,000 are believed to have
# been killed or wounded" counts the killed and wounded.
_RAISING = frozenset(["believe", "think", "say", "estimate", "report", "assess", "expect", "fear", "know"])


def counts_casualties(counted: Token) -> bool:
    """People counted as killed and wounded together, or as losses: "soldiers killed or wounded",
    "4,000 are believed killed or wounded", "lost 4,700 soldiers", "reported as casualties". The
    dead alone are not casualties."""
    head = counted.head
    heads = [head, *(c for c in head.children if c.dep_ == "xcomp" and head.lemma_.lower() in _RAISING)]
    verbs = [*heads, *(c for h in heads for c in h.children if c.dep_ == "conj" and _shares_people(c))]
    if head.dep_ == "conj" and _shares_people(head, counted):
        verbs.append(head.head)
    lemmas = {v.lemma_.lower() for v in verbs}
    if "kill" in lemmas and lemmas & _HARMS:
        return True
    if _hurt_missing_or_taken(counted):
        return True
    if head.lemma_.lower() in ("lose", "suffer") and counted.dep_ == "dobj":
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in _LOSSES for g in c.children)
        for c in head.children
    )


def _hurt_missing_or_taken(counted: Token) -> bool:
    """ "3,000 troops believed wounded, missing or captured": the hurt listed with the missing or
    the captured are casualties, as the military counts them. Read from the words of the list
    after the noun, as parsers split such lists unevenly."""
    after = counted.doc[counted.i + 1 : min(counted.sent.end, counted.i + _LIST_REACH)]
    words = {t.lower_ for t in after}
    return bool(words & _HURT_WORDS) and bool(words & _MISSING_OR_TAKEN)


def _shares_people(verb: Token, counted: Token | None = None) -> bool:
    """A verb joined to another shares its people unless it names its own: a subject, or an object
    with a figure ("killing 12 people and injuring 90 others"). "killed or wounded fighting" shares."""
    for child in verb.children:
        if child is counted:
            continue
        if child.dep_ in _OWN_SUBJECTS:
            return False
        if child.dep_ == "dobj" and any(g.like_num for g in child.children):
            return False
    return True


_COMPARATIVES = frozenset(["more", "less", "fewer", "as", "over"])


def compares(noun: Token) -> bool:
    """ "nine times more", "12 times higher": the count of times compares two amounts."""
    following = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    return following is not None and (following.lower_ in _COMPARATIVES or following.tag_ in ("JJR", "RBR"))
