"""Words reconciliation reads: predicate families, increment cues, rate periods, generic speakers
(rate words before a flow noun are extract.rates.RATE_ADJECTIVES, shared with extraction).

General English, not any one topic's: a family gathers the verbs (and their
nouns) that report the same kind of act, so "sent", "dispatched" and
"deployment" are one proposition, while "produced" and "launched" are two.
"""

from __future__ import annotations

import re

# Family -> lemmas. A lemma belongs to one family only.
FAMILIES: dict[str, tuple[str, ...]] = {
    "produce": ("produce", "manufacture", "make", "build", "assemble", "fabricate", "output"),
    "launch": ("launch", "fire", "unleash"),
    "intercept": ("intercept", "destroy", "down", "neutralise", "neutralize", "shoot"),
    "send": (
        "send", "dispatch", "deploy", "contribute", "transfer", "station", "commit",
        "deliver", "ship", "supply", "export", "hand", "arrive", "redeploy",
    ),
    "help": ("help", "assist", "aid", "support", "bolster", "enhance", "facilitate"),
    "agree": ("agree", "pledge", "promise"),
    "sign": ("sign", "conclude", "ink"),
    "ratify": ("ratify",),
    "fight": ("fight", "battle", "engage"),
    "kill": ("kill", "wound", "die", "lose", "suffer", "capture", "injure", "desert", "defect", "escape"),
    "pay": ("pay", "spend", "fund", "finance", "invest", "earn"),
    "train": ("train", "drill"),
    "begin": ("begin", "start", "commence"),
    "employ": ("employ", "hire", "recruit", "work"),
}  # fmt: skip

# Irregular forms and nouns of the act, which suffix rules below do not reach.
_EXTRA_FORMS: dict[str, tuple[str, ...]] = {
    "produce": ("production", "producer", "made", "built", "manufacturing", "assembly", "outputs"),
    "launch": ("fired", "launches"),
    "intercept": ("shot", "interception", "interceptions", "downed"),
    "send": ("sent", "handed", "stationed", "committed", "deployment", "deployments", "shipment",
             "shipments", "delivery", "deliveries", "supplies", "arrival", "arrivals", "contribution",
             "transfers", "dispatches"),
    "help": ("assistance", "aid", "support", "help"),
    "agree": ("agreement", "agreements", "agreed"),
    "sign": ("signed", "signing", "concluded", "inked"),
    "ratify": ("ratified", "ratification"),
    "fight": ("fought", "fighting", "combat"),
    "kill": ("killed", "wounded", "died", "dead", "lost", "losses", "casualties", "casualty", "deaths",
             "death", "fatalities", "missing", "prisoners"),
    "pay": ("paid", "spent", "payment", "payments", "funding", "earned"),
    "train": ("training", "trained"),
    "begin": ("began", "begun", "started", "start"),
    "employ": ("employment", "hired", "recruited", "worked", "working"),
}  # fmt: skip

# Families whose figures are flows: a count over a named month is a monthly rate.
FLOW_FAMILIES = frozenset({"produce", "launch", "pay"})
# Flows of one thing through one chain: a factory's output and the launches it feeds are set side by side.
RELATED_FLOWS = frozenset({"produce", "launch"})
# Counts keep these acts apart; any other act ("sent", "training", "fighting") counts one contingent.
DISTINCT_COUNT_FAMILIES = frozenset({"produce", "launch", "intercept", "pay", "kill"})
# Acts only things undergo ("produced", "launched"), and acts only people undergo ("killed"): a
# family read near a figure that cannot count what the figure counts is not its act.
THING_FAMILIES = frozenset({"produce", "launch", "intercept"})
PEOPLE_FAMILIES = frozenset({"kill"})
MONEY_FAMILIES = frozenset({"pay"})
# Nouns that count people (as extraction names units), and those that count losses of people.
PEOPLE_UNITS = frozenset(
    {"soldier", "worker", "person", "engineer", "officer", "general", "casualty", "death", "man",
     "woman", "individual", "citizen", "civilian", "prisoner", "labourer", "specialist", "instructor",
     "student", "child", "refugee", "migrant", "crew", "pilot", "sailor", "recruit", "volunteer"}
)  # fmt: skip
LOSS_UNITS = frozenset({"casualty", "death", "fatality", "loss"})
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

# Families of one-off acts that date a unique thing (a treaty is signed once).
DATED_ACTS = {"sign": frozenset({"treaty"}), "ratify": frozenset({"treaty"}), "begin": frozenset({"event"})}

# Words before a figure's act that make it an intention, not a deed ("is considering sending
# 25,000", "has decided to send 1,000"), and after it ("25,000 workers … are to be dispatched").
PLAN_CUES_BEFORE = (
    "considering", "consider", "considers", "decided to", "decides to", "plans to", "planning to",
    "planned to", "plan to", "intends to", "intend to", "will", "would", "is to", "are to",
    "preparing to", "prepares to", "expected to", "expects to", "pledged to", "pledges to",
    "promised to", "promises to", "agreed to", "aims to", "aiming to", "set to", "going to",
)  # fmt: skip
PLAN_CUES_AFTER = ("are to be", "is to be", "to be sent", "to be dispatched", "to be deployed")
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


# Forms that are as often nouns or particles of another sense ("navy ships", "on the other hand"):
# read as acts only when they are a claim's predicate lemma, never when scanning its words.
_AMBIGUOUS_FORMS = frozenset(
    {"ship", "ships", "hand", "hands", "station", "stations", "work", "works", "back"}
)


def _form_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for family, lemmas in FAMILIES.items():
        for lemma in lemmas:
            for form in _inflections(lemma):
                table.setdefault(form, family)
        for form in _EXTRA_FORMS.get(family, ()):
            table.setdefault(form, family)
    return table


FORMS = _form_table()
LEMMAS = {lemma: family for family, lemmas in FAMILIES.items() for lemma in lemmas}


def family_of_lemma(lemma: str) -> str | None:
    """The family a predicate lemma reports, or None."""
    word = lemma.lower()
    return LEMMAS.get(word) or FORMS.get(word)


def family_of_word(word: str) -> str | None:
    """The family a word of running text reports, or None; ambiguous forms are skipped."""
    word = word.lower()
    return None if word in _AMBIGUOUS_FORMS else FORMS.get(word)


def words_with_offsets(text: str) -> list[tuple[str, int]]:
    """Lower-cased words of a text with their character offsets."""
    return [(m.group(), m.start()) for m in _WORD.finditer(text.lower())]
