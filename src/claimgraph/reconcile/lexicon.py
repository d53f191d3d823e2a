"""Words reconciliation reads: act families (from the pack), loss words, increment cues, rate
periods, generic speakers (rate words before a flow noun are extract.rates.RATE_ADJECTIVES,
shared with extraction).

A family gathers the verbs (and their nouns) that report the same kind of act, so "sent",
"dispatched" and "deployment" are one proposition, while "produced" and "launched" are two.
Which verbs those are is a story's vocabulary: the families come from the domain pack (its
``acts``, over the base pack's), read through ``reading(pack)``, which reconcile's entry
points enter; code outside them reads the shipped pack's. The rest here is general English.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from claimgraph.domains import DomainPack
from claimgraph.domains.pack import default_vocabulary
from claimgraph.domains.vocabulary import ActFamily, Vocabulary

P = ParamSpec("P")
R = TypeVar("R")

# The family whose figures are losses of people: the base pack declares it; reconcile reads its
# figures' kind of loss (killed, wounded, casualties ...) from the words below.
LOSS_FAMILY = "kill"
# Nouns that count losses of people.
LOSS_UNITS = frozenset({"casualty", "death", "fatality", "loss"})
# Ranks: "500 officers and three generals" count a part of a force, never the force itself.
RANK_NOUNS = {
    "officer": "officer", "officers": "officer", "general": "general", "generals": "general",
    "commander": "commander", "commanders": "commander",
}  # fmt: skip
# What a loss figure counts, read from the words beside it; the longer phrase first, so that
# "killed or wounded" is casualties and not killed. Casualties are the killed and the wounded.
LOSS_PHRASES: tuple[tuple[str, str], ...] = tuple(
    (phrase, aspect)
    for aspect, phrases in (
        ("casualties", ("killed or wounded", "killed and wounded", "killed or injured", "killed and injured",
                        "dead or wounded", "dead and wounded", "dead and injured", "dead or injured",
                        "wounded or killed", "wounded and killed", "killed, wounded", "casualties",
                        "casualty", "losses", "lost", "lose", "loses", "suffered")),
        ("killed", ("death toll", "killed", "dead", "died", "deaths", "death", "fatalities", "kill")),
        ("wounded", ("wounded", "injured")),
        ("captured", ("captured", "prisoners", "prisoner", "taken prisoner")),
        ("missing", ("missing", "escaped", "deserted", "defected", "fled")),
    )
    for phrase in phrases
)  # fmt: skip

# Words before a figure's act that make it an intention, not a deed ("will send 1,000", "is to
# send"), besides the pack's plan and target cues ("is considering sending 25,000", "has decided to
# send 1,000"); and after it ("25,000 workers … are to be dispatched"). General English modals.
PLAN_MODALS = ("will", "would", "is to", "are to", "set to", "going to")
PLAN_AFTER = re.compile(r"\b(?:are|is) to be\b")
# Words that tell a meeting between sides ("Shoigu met Kim on June 4", "talks in Pyongyang"), and an
# arrival, which happens once ("Putin arrived in the evening of 18 June"). A meeting may last two
# days; an arrival has one date.
MEETING_WORDS = frozenset(
    {"meet", "met", "meets", "meeting", "meetings", "talks", "visit", "visits", "visited", "visiting",
     "trip", "travelled", "traveled", "summit", "hosted", "hosts"}
)  # fmt: skip
ARRIVAL_WORDS = frozenset({"arrive", "arrived", "arrives", "arrival", "landed"})
# Words right before or after a figure that make it an addition to an earlier one.
INCREMENT_BEFORE = frozenset({"additional", "another", "further", "extra", "new", "more"})
INCREMENT_AFTER = frozenset({"more", "additional", "new", "further", "extra"})
# Words before a figure's time that make it a running total since then, not the figure of that time:
# "15,000 sent since last year" holds now, when it is reported.
RUNNING_SINCE = frozenset({"since", "from"})

DAYS_PER = {
    "hour": 1 / 24,
    "day": 1.0,
    "night": 1.0,
    "week": 7.0,
    "month": 30.44,
    "quarter": 91.31,
    "year": 365.25,
}

# Speaker words that name no one in particular: the report's own unnamed sourcing.
GENERIC_SPEAKERS = frozenset(
    {
        "report", "reports", "estimate", "estimates", "official", "officials", "source", "sources",
        "analyst", "analysts", "expert", "experts", "observer", "observers", "media", "outlets",
        "diplomat", "diplomats", "insider", "insiders", "people", "data", "images", "imagery",
        "picture", "pictures", "documents", "it", "they",
    }
)  # fmt: skip
# Nouns that make a name a body's ("Ministry of Civil Protection", "Main Intelligence Agency").
BODY_NOUNS = frozenset(
    {"ministry", "agency", "directorate", "service", "office", "council", "command", "committee",
     "department", "intelligence", "staff", "government", "administration", "bureau", "army",
     "forces", "police", "parliament", "commission", "institute", "center", "centre", "embassy"}
)  # fmt: skip
# A definite description ("the agency", "the broadcaster") points back to a named speaker.
ANAPHORS = frozenset(
    {"agency", "broadcaster", "service", "ministry", "directorate", "outlet", "newspaper", "paper",
     "network", "office", "officer", "official", "spokesman", "spokeswoman", "spokesperson", "chief",
     "head", "minister", "intelligence", "command", "military", "government", "station"}
)  # fmt: skip

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _inflections(lemma: str) -> set[str]:
    """Regular forms of a verb or noun: -s, -ed, -ing, with the usual spelling changes."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    ies = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else None
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ied", ies or ""}
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", lemma):  # ship -> shipped, commit -> committing
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms - {""}


# Forms that are as often nouns or particles of another sense ("on the other hand", "back"): read
# as acts only when they are a claim's predicate lemma, never when scanning its words. A noun the
# pack counts ("navy ships") is one of them too.
_AMBIGUOUS_FORMS = frozenset(
    {"ship", "ships", "hand", "hands", "station", "stations", "work", "works", "back"}
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A pack's act families as reconcile reads them: every form of each, and what its figures are."""

    families: dict[str, ActFamily]
    lemmas: dict[str, str]  # verb lemma -> family
    forms: dict[str, str]  # any form or noun of the act -> family
    ambiguous: frozenset[str]  # forms read as acts only as a predicate
    people_units: frozenset[str]
    measured_as: dict[str, str]
    plan_before: re.Pattern[str]  # cue words before a figure that make it a plan


# Built once per vocabulary, keyed by identity: a vocabulary holds mappings and cannot be hashed,
# and packs are loaded once per run. The vocabulary is kept with its lexicon, so its id stays its own.
_BUILT: dict[int, tuple[Vocabulary, Lexicon]] = {}


def _lexicon(vocabulary: Vocabulary) -> Lexicon:
    built = _BUILT.get(id(vocabulary))
    if built is not None and built[0] is vocabulary:
        return built[1]
    if len(_BUILT) > 64:
        _BUILT.clear()
    lexicon = _build(vocabulary)
    _BUILT[id(vocabulary)] = (vocabulary, lexicon)
    return lexicon


def _build(vocabulary: Vocabulary) -> Lexicon:
    families = dict(vocabulary.families)
    # A verb is its pack's act where a pack and its base file it under two (vocabulary.acts says).
    lemmas = {name: name for name in families} | {
        verb: act for verb, act in vocabulary.acts.items() if act in families
    }
    forms: dict[str, str] = {}
    for verb, name in sorted(lemmas.items()):
        for form in sorted(_inflections(verb)):
            forms.setdefault(form, name)
    for name, family in sorted(families.items()):
        for form in sorted(family.forms):
            forms.setdefault(form, name)
    things = {u for u in vocabulary.units.values() if u not in vocabulary.measures}
    counted = {w for w, unit in vocabulary.units.items() if unit in things and " " not in w} | set(things)
    nouns = {f for word in counted for f in (word.lower(), word.lower() + "s")}
    return Lexicon(
        families,
        lemmas,
        forms,
        _AMBIGUOUS_FORMS | (nouns & set(forms)),
        vocabulary.people_units,
        dict(vocabulary.measured_as),
        _plan_cues(vocabulary.cue("planned") | vocabulary.cue("target")),
    )


def _plan_cues(lemmas: frozenset[str]) -> re.Pattern[str]:
    """Every form of the pack's plan cues before "to" ("decided to", "plans to"), its -ing forms
    alone ("is considering sending"), and the general modals, as one pattern."""
    phrases = set(PLAN_MODALS)
    for lemma in lemmas:
        for form in _inflections(lemma):
            phrases.add(f"{form} to")
            if form.endswith("ing"):
                phrases.add(form)
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


_CURRENT: ContextVar[Vocabulary | None] = ContextVar("claimgraph_reconcile_vocabulary", default=None)


def reading(pack: DomainPack | None) -> AbstractContextManager[None]:
    """Read act families from this pack (None: the shipped pack) until the block ends."""
    return reading_vocabulary(pack.vocabulary if pack is not None else None)


def in_its_pack(function: Callable[P, R]) -> Callable[P, R]:
    """Run a reconcile entry point with the words of the pack passed to it as ``pack`` (when one
    is: without, it reads whatever its caller reads)."""
    signature = inspect.signature(function)

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        pack = signature.bind(*args, **kwargs).arguments.get("pack")
        if pack is None:
            return function(*args, **kwargs)
        with reading(pack):
            return function(*args, **kwargs)

    return wrapper


@contextmanager
def reading_vocabulary(vocabulary: Vocabulary | None) -> Iterator[None]:
    """Read act families from a pack's vocabulary (None: the shipped pack's) until the block ends."""
    token = _CURRENT.set(vocabulary)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current() -> Lexicon:
    """The lexicon of the pack being reconciled; the shipped pack's outside ``reading``."""
    return _lexicon(_CURRENT.get() or default_vocabulary())


def family_of_lemma(lemma: str) -> str | None:
    """The family a predicate lemma reports, or None."""
    word = lemma.lower()
    lexicon = current()
    return lexicon.lemmas.get(word) or lexicon.forms.get(word)


def family_of_word(word: str) -> str | None:
    """The family a word of running text reports, or None; ambiguous forms are skipped."""
    word = word.lower()
    lexicon = current()
    return None if word in lexicon.ambiguous else lexicon.forms.get(word)


def counts(family: str | None) -> str | None:
    """What a family's figures can count (things, people, money), or None when anything."""
    found = current().families.get(family or "")
    return found.counts if found else None


def is_flow(family: str | None) -> bool:
    """Whether a family's figures are flows: a count over a named month is a monthly rate."""
    found = current().families.get(family or "")
    return bool(found and found.flow)


def is_distinct(family: str | None) -> bool:
    """Whether a family's counts stand apart from the same actor's other counts of a unit."""
    found = current().families.get(family or "")
    return bool(found and found.distinct)


def related_flows(a: str | None, b: str | None) -> bool:
    """Whether two families are flows of one chain (a factory's output and the launches it feeds)."""
    families = current().families
    x, y = families.get(a or ""), families.get(b or "")
    return bool(x and y and (b in x.related or a in y.related))


def dated_kinds(family: str | None) -> frozenset[str]:
    """The entity kinds a one-off act of this family dates (a treaty is signed once)."""
    found = current().families.get(family or "")
    return found.dates if found else frozenset()


def counts_people(unit: str) -> bool:
    """Whether a unit counts people (as extraction names units)."""
    return unit in current().people_units or unit in LOSS_UNITS


def measure_unit(unit: str) -> str:
    """The unit a figure's measure is filed under: its own, or the one the pack says it measures
    one thing with ("sites" struck and "locations" struck)."""
    return current().measured_as.get(unit, unit)


def plan_before(text: str) -> bool:
    """Whether words before a figure make it a plan: a cue of the pack's, or a general modal."""
    return bool(current().plan_before.search(text))


def plan_after(text: str) -> bool:
    """Whether words after a figure make it a plan: "are to be", "to be sent" (any act's form)."""
    if PLAN_AFTER.search(text):
        return True
    forms = current().forms
    return any(m.group(1) in forms for m in _TO_BE.finditer(text))


_TO_BE = re.compile(r"\bto be ([a-z]+)")


def words_with_offsets(text: str) -> list[tuple[str, int]]:
    """Lower-cased words of a text with their character offsets."""
    return [(m.group(), m.start()) for m in _WORD.finditer(text.lower())]
