"""Names as text: how a mention is tidied, keyed and compared before it is resolved."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import OSA

from claimgraph.domains.vocabulary import base_vocabulary


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Ranks, offices and honorifics written before a name; stripped so "Lt. Gen. Kyrylo
# Budanov" and "Kyrylo Budanov" are one person. Offices, not names: never a whole name.
_TITLES = re.compile(
    r"^((the|president|vice|prime|minister|deputy|foreign|defen[cs]e|secretary|general|gen\.?|"
    r"lieutenant|lt\.?|colonel|col\.?|major|maj\.?|admiral|adm\.?|captain|capt\.?|sergeant|sgt\.?|"
    r"brigadier|brig\.?|marshal|commander|cmdr\.?|dr\.?|mr\.?|mrs\.?|ms\.?|sir|leader|chief|"
    r"scholar|spokesman|spokeswoman|spokesperson|ambassador|senator|sen\.?|rep\.?|gov\.?|"
    r"governor|chairman|chairwoman|king|queen|prince|ayatollah|supreme|lawmaker|legislator|prosecutor|"
    r"envoy|congressman|congresswoman)\s+)+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"[’']s?$")
_EDGE_PUNCTUATION = " ,.;:\"“”'’‘()[]-–—"

# Continents and the compass words that carve them up: a name made only of these is a
# generic region ("Europe", "East Asia", "the West"), not an actor anyone follows.
_CONTINENTS = _words("europe asia africa america americas oceania antarctica eurasia australasia arctic")
_COMPASS = _words(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest north-east north-west south-east south-west far near middle the "
    "sub-saharan continental"
)

# Nouns a weapon's name is written before ("ATACMS missiles", "Storm Shadow cruise missiles"):
# the name is the part before them.
_WEAPON_HEADS = base_vocabulary().heads.get("weapon system", frozenset())  # base.yaml's kind heads
_WEAPON_MODIFIERS = _words(
    "cruise ballistic hypersonic attack kamikaze loitering anti-ship air-defence air-defense"
)
# A military designation: letters, a hyphen, a number, maybe a suffix ("Su-34", "S-400", "Tu-95MS", "KN-23").
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,5}-\d{1,4}[A-Za-z]{0,3}(-\d{1,3})?")

# Romanisations of one name differ in a few letter groups (Sergei/Sergey, Zelenskyy/
# Zelenskiy, Shoigu/Shoygu, Khamenei/Hamenei); folding them gives one key per name.
_TRANSLIT = (("kh", "h"), ("y", "i"), ("j", "i"), ("w", "v"), ("ph", "f"), ("ck", "k"))


def normalise_name(text: str) -> str:
    """A name as it would be filed: titles and possessives off, white space folded."""
    name = " ".join(text.split()).strip(_EDGE_PUNCTUATION)
    name = _POSSESSIVE.sub("", name) if name.endswith(("'s", "’s", "s'", "s’")) else name
    return _TITLES.sub("", name).strip(_EDGE_PUNCTUATION)


def plain_letters(text: str) -> str:
    """Lower case, accents off, only letters and digits: "Kim Jong-un" -> "kimjongun"."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]", "", ascii_text)


def translit_key(name: str) -> str:
    """One key for the romanisations of a name: spacing, hyphens and common letter swaps folded."""
    key = plain_letters(name)
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)  # doubled letters: Zelenskii / Zelenski


def inverted(form: str) -> str | None:
    """A listing form turned round: "KOREA, NORTH" -> "NORTH KOREA"; None if not one."""
    parts = [p.strip() for p in form.split(",")]
    if len(parts) != 2 or not all(parts):
        return None
    return f"{parts[1]} {parts[0]}"


def is_acronym(token: str) -> bool:
    """A short word written in capitals (US, GUR, NHK): compared only as written."""
    letters = [c for c in token if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


def is_plural_acronym(text: str) -> bool:
    """ "UAVs", "ICBMs": a common noun written as an acronym, not a name."""
    return bool(re.fullmatch(r"[A-Z]{2,}s", text))


def is_office(name: str) -> bool:
    """A name made only of office words ("Defence" of "Defence Minister Belousov"): no one's name."""
    return not _TITLES.sub("", f"{name} ").strip()


def is_generic_region(name: str) -> bool:
    """A continent or a compass part of one, or a bare compass point: "Asia", "Eastern Europe",
    "the West", "the North" (which country it stands for, the text does not say)."""
    words = [w for w in re.split(r"[\s/]+", name.casefold()) if w]
    if not words:
        return False
    return all(w in _CONTINENTS or w in _COMPASS for w in words)


def spelling_distance(a: str, b: str) -> int:
    """Edits between two spellings, a swap of neighbours counting one (NKH -> NHK is 1)."""
    return int(OSA.distance(a.casefold(), b.casefold()))


def near_spelling(form: str, name: str) -> bool:
    """Whether ``form`` is a slip of ``name``: same first letter, one edit (two when longer)."""
    if len(form) < 3 or form[:1].casefold() != name[:1].casefold() or form.casefold() == name.casefold():
        return False
    allowed = 1 if len(name) <= 5 else 2
    return abs(len(form) - len(name)) <= allowed and spelling_distance(form, name) <= allowed


def weapon_name(name: str) -> str | None:
    """The weapon a name ending in a weapon noun names ("ATACMS missiles" -> "ATACMS"); None if none."""
    words = name.split()
    # Written in lower case: "Kalashnikov Missiles" is a company's name, not a weapon's.
    if len(words) < 2 or not words[-1].islower() or words[-1] not in _WEAPON_HEADS:
        return None
    words = words[:-1]
    while words and words[-1] in _WEAPON_MODIFIERS:
        words = words[:-1]
    return " ".join(words) or None


def is_designation(name: str) -> bool:
    """A name shaped like a military designation: "Su-34", "S-400", "Kh-101", "MiG-31K"."""
    return bool(_DESIGNATION.fullmatch(name))


def weapon_noun_at(following: list[str]) -> int | None:
    """Where among the words after a name its weapon noun stands ("cruise missiles" -> 1)."""
    for at, word in enumerate(following):
        if word not in _WEAPON_MODIFIERS:
            return at if word in _WEAPON_HEADS else None
    return None


# Words naming a signed instrument, used for one another in a treaty's name: the "Comprehensive
# Strategic Partnership Agreement" is the "... Treaty" of other reports.
_INSTRUMENTS = ("Treaty", "Agreement", "Pact", "Accord")


def other_instrument_words(name: str) -> list[str]:
    """A treaty's name with its last word swapped for each other word for a signed instrument."""
    return _last_word_swapped(name, _INSTRUMENTS, min_words=3)


# Words for a state's first-level region, used for one another: "Kursk region" is Kursk Oblast.
_REGIONS = ("Oblast", "Krai", "Region", "Province")


def other_region_words(name: str) -> list[str]:
    """A region's name with its last word swapped for each other word for such a region."""
    return _last_word_swapped(name, _REGIONS, min_words=2)


def _last_word_swapped(name: str, synonyms: tuple[str, ...], min_words: int) -> list[str]:
    words = name.split()
    if len(words) < min_words or words[-1].title() not in synonyms:
        return []
    return [" ".join([*words[:-1], other]) for other in synonyms if other != words[-1].title()]


def same_person_spelt_otherwise(a: str, b: str) -> bool:
    """ "Lee Seong-kweun" and "Lee Seong-kwon": every part the same but the last, and that one a
    slip of the other (two edits at most, both at least four letters: "Jong-un" is not "Jong-il")."""
    left, right = (translit_key(part) for part in (a, b))
    parts_a, parts_b = a.replace("-", " ").split(), b.replace("-", " ").split()
    if len(parts_a) != len(parts_b) or len(parts_a) < 3 or left == right:
        return False
    if [plain_letters(p) for p in parts_a[:-1]] != [plain_letters(p) for p in parts_b[:-1]]:
        return False
    last_a, last_b = parts_a[-1], parts_b[-1]
    return min(len(last_a), len(last_b)) >= 4 and spelling_distance(last_a, last_b) <= 2
