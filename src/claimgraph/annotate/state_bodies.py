"""A state's body in any of its wordings: "China's Foreign Ministry", "the Russian Ministry of
Foreign Affairs", "Ministry of Foreign Affairs of China" are one body, filed under one name.

A form is read as a state (a country the pack knows, by name or demonym) and an office made
only of office words. The pack's own bodies are indexed by (state, office) so any wording of
one finds it; an office the pack does not know gets the canonical name "<Office> of <State>".
Hand-written because it is a rule of English naming, not something a library knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimgraph.domains import slugify
from claimgraph.records import Entity

COUNTRY = "country"
# The nouns an office's name is built on: "Foreign Ministry", "Security Council".
OFFICE_HEADS = frozenset(
    ["ministry", "department", "office", "council", "committee", "commission", "service", "agency",
     "directorate", "embassy"]
)  # fmt: skip
# Words that make up the names of a state's offices; a name of nothing else is generic.
OFFICE_WORDS = OFFICE_HEADS | frozenset(
    ["staff", "foreign", "affairs", "defence", "defense", "security", "intelligence", "interior", "finance",
     "justice", "emergency", "emergencies", "situations", "civil", "protection", "statistics", "state",
     "general", "main", "federal", "national", "of", "the", "for", "and"]
)  # fmt: skip
# Words that do not tell one office from another ("Ministry of Foreign Affairs" = "Foreign Ministry").
_FILLER = frozenset(["of", "the", "for", "and", "affairs", "main", "federal", "national"])
_SPELLINGS = {"defense": "defence", "emergencies": "emergency"}
# How an office the pack does not know is filed: the usual English name of that kind of office.
_CANONICAL = {
    "foreign ministry": "Ministry of Foreign Affairs",
    "defence ministry": "Ministry of Defence",
    "interior ministry": "Ministry of Internal Affairs",
    "council security": "Security Council",
}
_POSSESSIVE = re.compile(r"['’]s$")
_EMBASSY_IN = re.compile(
    r"^(?P<embassy>.+\bembassy)\s+in\s+(?P<host>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)$", re.IGNORECASE
)
_OF_STATE = re.compile(r"^(?P<office>.+) of (?:the )?(?P<state>[^,]+)$", re.IGNORECASE)


def office_key(name: str) -> str | None:
    """ "Ministry of Foreign Affairs" -> "foreign ministry"; None when the name holds other words."""
    words = re.findall(r"[a-z]+", name.casefold())
    if not words or any(w not in OFFICE_WORDS for w in words):
        return None
    kept = sorted({_SPELLINGS.get(w, w) for w in words if w not in _FILLER})
    return " ".join(kept) or None


def _is_office(name: str) -> bool:
    key = office_key(name)
    return key is not None and any(w in OFFICE_HEADS for w in key.split())


def state_and_office(form: str, resolve: Callable[[str], Entity | None]) -> tuple[Entity, str] | None:
    """The state and office key a form names ("Russia's Security Council" -> Russia, "council
    security"); None when it is not a state's office in so many words."""
    text = re.sub(r"^the\s+", "", " ".join(form.split()), flags=re.IGNORECASE)
    text = re.sub(r"\bMoD\b", "Ministry of Defence", text)  # "UK MoD"
    if (posted := _EMBASSY_IN.match(text)) is not None:  # one state's embassy in each host state
        found = state_and_office(posted["embassy"], resolve)
        host = resolve(posted["host"])
        if found is None or host is None or host.kind != COUNTRY:
            return None
        return found[0], f"{found[1]} in {host.id}"
    words = text.split()
    readings = []
    if (match := _OF_STATE.match(text)) is not None:  # "Ministry of Foreign Affairs of China"
        readings.append((match["state"], match["office"]))
    for n in (1, 2):  # "UK Ministry of Defence", "South Korea's Foreign Ministry"
        if len(words) > n:
            readings.append((_POSSESSIVE.sub("", " ".join(words[:n])), " ".join(words[n:])))
    for state_name, office in readings:
        if not _is_office(office):
            continue
        state = resolve(state_name)
        if state is not None and state.kind == COUNTRY:
            return state, office_key(office) or ""
    return None


def body_id(state: Entity, key: str) -> str:
    return slugify(f"{state.id} {key}")


def new_body(state: Entity, key: str, written: str = "", kind: str = "organisation") -> Entity:
    """A state's office the pack does not know: under the name a report wrote it by ("the
    Ukrainian foreign ministry" -> "Ukrainian foreign ministry"), else under the usual English
    name of such an office ("Ministry of Foreign Affairs of China")."""
    written = re.sub(r"^the\s+", "", " ".join(written.split()), flags=re.IGNORECASE)
    if written:
        return Entity(id=body_id(state, key), name=written, kind=kind)
    office = _CANONICAL.get(key) or " ".join(w.title() for w in key.split() if w not in OFFICE_HEADS)
    if key not in _CANONICAL:
        head = next(w for w in key.split() if w in OFFICE_HEADS)
        office = f"{head.title()} of {office}" if office else head.title()
    return Entity(id=body_id(state, key), name=f"{office} of {state.name}", kind=kind)
