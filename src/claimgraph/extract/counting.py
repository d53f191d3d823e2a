"""What a figure counts: the noun after the number ("2,000 Shahed drones", "4,000 dead"), or the
name of a thing the pack says is counted ("40 Shaheds")."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.extract.number_tokens import is_identifier
from claimgraph.extract.rates import PERIODS
from claimgraph.extract.units import counts_casualties, measure_symbol

_SHORT_OF = frozenset(["shy", "short"])
# Words that may stand between a number and what it counts: "170 of these drones", "600 of them dead".
_BETWEEN_NUMBER_AND_NOUN = frozenset(
    ["of", "these", "those", "the", "its", "their", "them", "-", "type", "”", '"', "’", "'s"]
)


def counted_noun(doc: Doc, i: int, end: int, counted_as: Mapping[str, str]) -> Token | None:
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
        if is_nationality_plural(token) and not _noun_follows(doc, j, end):
            return token  # "8,000 Iranians": a people named by their nationality
        if lowered in _SHORT_OF and j + 1 < end and doc[j + 1].lower_ == "of":
            return None  # "100,000 shy of the target": a difference, in the unit of the figure before
        if lowered == "," and j + 1 < end and doc[j + 1].lower_ == "of":  # "tens of thousands, of drones"
            j += 1
            continue
        if token.like_num and j + 1 < end and measure_symbol(doc[j + 1].text):  # "9,000 155mm rounds"
            j += 2
            continue
        if (
            lowered in _BETWEEN_NUMBER_AND_NOUN
            or token.pos_ in ("ADJ", "PROPN")
            or token.ent_id_  # a known name tagged as anything, "200 Fath-360 missiles"
            or (token.like_num and doc[j - 1].lower_ in ("of", "the"))  # "51 of the 64 drones"
            or (token.like_num and is_identifier(doc, j))  # "five Boeing 737 jets"
            or (token.like_num and _hyphened(doc, j + 1))  # "3 million 152-mm shells": a calibre
            or token.dep_ in ("compound", "amod")
        ):
            j += 1
            continue
        return None
    return None


# Entity labels under which a plural proper noun names a people: spaCy's NORP, or a country the
# pack knows whose demonym ("Iranians") it resolves to the country.
_NATION_LABELS = frozenset(["NORP", "GPE", "COUNTRY"])
_PLURAL_DEMONYM_ENDINGS = ("ans", "is", "ese")


def is_nationality_plural(token: Token) -> bool:
    """ "Iranians", "North Koreans", "Israelis": a plural proper noun naming a nation's people,
    which counts persons as "citizens" does."""
    return (
        token.tag_ == "NNPS"
        and token.ent_type_ in _NATION_LABELS
        and token.lower_.endswith(_PLURAL_DEMONYM_ENDINGS)
    )


def _noun_follows(doc: Doc, j: int, end: int) -> bool:
    return j + 1 < end and doc[j + 1].pos_ in ("NOUN", "PROPN")


def _is_modifier(doc: Doc, j: int, end: int) -> bool:
    """ "attack drones": "attack" is a noun modifying the counted noun; so is the last word of a
    hyphened adjective before more words ("short-range ballistic missiles", "152-millimetre shells")."""
    if j + 1 >= end:
        return False
    if j > 0 and _hyphened(doc, j - 1) and doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
        return True
    return token_is_compound(doc[j]) and doc[j + 1].pos_ in ("NOUN", "PROPN")


def _hyphened(doc: Doc, j: int) -> bool:
    """A hyphen glued to the words either side of it: "short-range"."""
    glued = 0 < j < len(doc) - 1 and not doc[j - 1].whitespace_ and not doc[j].whitespace_
    return glued and doc[j].text in ("-", "‐")


def token_is_compound(token: Token) -> bool:
    return token.dep_ == "compound"


# Words that count the dead or the hurt alone; who they are is said elsewhere ("600 dead").
_DEAD_OR_HURT = frozenset(
    ["dead", "death", "killed", "kill", "injured", "injure", "wounded", "wound", "fatality"]
)
_HARMED_VERBS = frozenset(["kill", "die", "wound", "injure"])
_PEOPLE_WORDS = frozenset(["people", "person", "individual"])
_SENTENCES_BACK = 3


def people_meant(noun: Token, unit: str | None, vocabulary: Vocabulary) -> str | None:
    """Who a count of people counts when its noun does not say: "600 dead", "at least 100 killed"
    and "12 thousand people" count the soldiers (or workers) the text is about, named by a noun
    earlier in the sentence or, for the dead and hurt, in the sentences before."""
    lemma = noun.lemma_.lower()
    if lemma in _DEAD_OR_HURT or noun.lower_ in _DEAD_OR_HURT:
        if _dead_and_hurt(noun):
            return "casualty"  # "4,000 dead and wounded"
        named = _people_named_before(noun, vocabulary, _SENTENCES_BACK)
        return named or unit
    if is_nationality_plural(noun):
        return _nationals_meant(noun, unit, vocabulary)
    if noun.lower_ in _PEOPLE_WORDS:
        named = _people_named_before(noun, vocabulary, 0)
        return named or unit
    return unit


def _nationals_meant(noun: Token, unit: str | None, vocabulary: Vocabulary) -> str | None:
    """Who "8,000 North Koreans" are: the dead among them ("600 Iranians were killed") count what
    the dead count in the sentences before, as "600 dead" do; others count the group of the same
    nation the paragraph named before ("Iranian instructors ... 8,000 Iranians" are instructors);
    else persons."""
    if noun.head.lemma_.lower() in ("kill", "die") and noun.dep_ in ("nsubj", "nsubjpass"):
        return _people_named_before(noun, vocabulary, _SENTENCES_BACK) or unit
    return _same_nation_named_before(noun, vocabulary) or unit


_NATION_REACH = 4  # how far before a noun its nation may be named: "North Korean and Ukrainian forces"


def _same_nation_named_before(noun: Token, vocabulary: Vocabulary) -> str | None:
    """The unit of the nearest plural people noun before ``noun`` in its paragraph that is named
    with the same nation ("North Korean forces"), other than persons."""
    doc = noun.doc
    for j in range(noun.i - 1, -1, -1):
        token = doc[j]
        if "\n" in token.text or "\n" in token.whitespace_:
            return None  # a paragraph names its own group; the one before may be another
        if token.tag_ != "NNS":
            continue
        unit = vocabulary.unit(token.lemma_.lower()) or vocabulary.unit(token.lower_)
        if unit is None or unit == "person" or unit not in vocabulary.people_units:
            continue
        if _named_with_nation(doc[max(0, j - _NATION_REACH) : j], noun.ent_id_):
            return unit
    return None


def _named_with_nation(words: Span, nation: str) -> bool:
    """Whether the words right before a noun name the nation among its modifiers: "North Korean
    and Ukrainian", not "North Korean instructors train the"."""
    for token in reversed(words):
        if token.ent_id_ and token.ent_id_ == nation:
            return True
        if token.pos_ in ("NOUN", "VERB", "AUX", "DET", "ADP"):
            return False
    return False


def whole_of_casualties(number: Token, vocabulary: Vocabulary) -> str | None:
    """ "4,000 casualties out of the 11,000 sent": the whole the casualties were taken from counts
    the people named before it (soldiers), not casualties."""
    doc, i = number.doc, number.i
    while i > 0 and doc[i - 1].like_num:
        i -= 1  # the first word of the number
    if i < 2 or doc[i - 1].lower_ != "the" or doc[i - 2].lower_ != "of":
        return None
    return _people_named_before(doc[i], vocabulary, 0)


def harmed_people(number: Token, vocabulary: Vocabulary) -> str | None:
    """ "As many as 30 have been killed or wounded": a bare number that is the subject of killing
    or hurting counts casualties, or, killed alone, the people named before it."""
    head = number.head
    if number.dep_ not in ("nsubj", "nsubjpass") or head.lemma_.lower() not in _HARMED_VERBS:
        return None
    if counts_casualties(number):
        return "casualty"
    if head.lemma_.lower() in ("kill", "die"):
        return _people_named_before(number, vocabulary, _SENTENCES_BACK)
    return None


def _dead_and_hurt(noun: Token) -> bool:
    """ "dead and wounded", "killed or injured": the dead and the hurt counted together."""
    doc, i = noun.doc, noun.i
    joined = i + 2 < len(doc) and doc[i + 1].lower_ in ("and", "or")
    return joined and (doc[i + 2].lemma_.lower() in _DEAD_OR_HURT or doc[i + 2].lower_ in _DEAD_OR_HURT)


def _people_named_before(noun: Token, vocabulary: Vocabulary, sentences_back: int) -> str | None:
    """The nearest people unit other than "person" named before the noun: in its sentence, then in
    up to ``sentences_back`` sentences before it."""
    doc, sent = noun.doc, noun.sent
    spans: list[Span] = [doc[sent.start : noun.i]]
    while len(spans) <= sentences_back and spans[-1].start > 0:
        spans.append(doc[spans[-1].start - 1].sent)
    for span in spans:
        for token in reversed(span):
            if token.pos_ not in ("NOUN", "PROPN"):  # a title's "Troops" may be tagged a name
                continue
            unit = vocabulary.unit(token.lemma_.lower()) or vocabulary.unit(token.lower_)
            if unit in vocabulary.casualty_units and unit != "person":
                return unit
    return None


_PARTITIVE_PRONOUNS = frozenset(["them", "those", "these"])


def counted_of_them(number: Token, vocabulary: Vocabulary) -> str | None:
    """ "7,887 of them": a part of a group of people named before counts what that group counts,
    the nearest people noun in the sentence or up to ``_SENTENCES_BACK`` sentences before it."""
    doc, i = number.doc, number.i
    if i + 2 >= len(doc) or doc[i + 1].lower_ != "of" or doc[i + 2].lower_ not in _PARTITIVE_PRONOUNS:
        return None
    spans: list[Span] = [doc[number.sent.start : i]]
    while len(spans) <= _SENTENCES_BACK and spans[-1].start > 0:
        spans.append(doc[spans[-1].start - 1].sent)
    for span in spans:
        for token in reversed(span):
            if is_nationality_plural(token):
                return vocabulary.unit("people")
            if token.pos_ != "NOUN" or token.tag_ != "NNS":
                continue
            unit = vocabulary.unit(token.lemma_.lower()) or vocabulary.unit(token.lower_)
            if unit in vocabulary.people_units:
                return unit
    return None


# Nouns that name a count of something: "the number of soldiers killed", "the death toll".
_TALLIES = frozenset(["number", "toll", "tally", "count", "total"])
_HURT = frozenset(["injured", "injure", "wounded", "wound"])


def tallied_noun(number: Token) -> Token | None:
    """What a bare figure counts when the sentence names the tally it gives before it: "put the
    number of soldiers killed at 3,000" (soldiers), "the death toll stood at 1,000" (the dead).
    Read from the words, as parsers often attach "killed" or "dead" wrongly here."""
    sent = number.sent
    named = (t for t in sent if t.i < number.i and t.pos_ == "NOUN" and t.lemma_.lower() in _TALLIES)
    tally = next(named, None)
    if tally is None:
        return None
    if tally.i + 1 < number.i and tally.nbor(1).lower_ == "of":
        words = [t for t in number.doc[tally.i + 2 : number.i] if t.pos_ in ("NOUN", "ADJ", "VERB")]
        dead = next((t for t in words if t.lower_ in _DEAD_OR_HURT), None)
        nouns = [t for t in words if t.pos_ == "NOUN"]
        return dead or (nouns[0] if nouns else None)
    named = [c for c in tally.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ")]
    return named[-1] if named else None


def killed_and_wounded(tally: Token, number: Token) -> bool:
    """ "the number of soldiers killed and wounded ... 3,000": the tally counts casualties."""
    words = {t.lower_ for t in tally.doc[tally.i : number.i]} if tally.i < number.i else set()
    return "killed" in words and bool(words & _HURT)
