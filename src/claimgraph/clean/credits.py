"""The sources a report credits: whose story it is.

A page credits the wire or outlet it took a story from in a few set places:
a credit line ("Source: Yonhap", "Via: NHK", "SOURCE:AA", "— AFP", a bare
"Yonhap" closing the article, "(With inputs from agencies.)"), the dateline
("SEOUL, Nov 12 (Reuters) -", "Jan. 11 (UPI) --"), the byline ("By AFP",
"By Jane Doe Washington Post") and the opening paragraphs ("Reuters
reported", "told Reuters", "according to the Associated Press", "a report
by The Economist", "citing Yonhap", "via Xinhua"). Further down, a name
sources one fact, not the report. A credit line is page furniture, so it
leaves the body. The names are kept in this order: the wire a dateline tags
(its story, whoever carries it), the byline's, the credit lines', the opening
paragraphs'; the first is the report's original source.

Outlets are known by name from the domain pack (``outlets``); without a
known name only the shape says a word is an outlet: a credit line, an
agency's acronym in a dateline or byline, or a name after "newspaper",
"news agency" and the like. Written by hand: no library reads credits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

AGENCIES = "agencies"  # an unnamed-wires credit ("with agencies"): kept, but no origin of its own

_CREDIT_LINE = re.compile(
    r"^[(\[]?\s*(?:original\s+source|sources?|via|citing|h/t|courtesy(?:\s+of)?|"
    r"originally\s+(?:published|appeared)\s+(?:by|at|on|in)|"
    r"this\s+(?:article|story|report)\s+(?:was\s+)?(?:first\s+|originally\s+)?"
    r"(?:appeared|published)\s+(?:on|in|at|by))(?:\s*:\s*|\s+)(?P<source>[^()\[\]]{2,120}?)"
    r"\s*[)\]]?\s*\.?$",
    re.IGNORECASE,
)
_AGENCIES_LINE = re.compile(
    r"^[(\[]?\s*(?:[-–—]\s*)?(?:with\s+(?:inputs?\s+from\s+)?|compiled\s+from\s+|from\s+)"
    r"(?:(?:news\s+)?agenc(?:y|ies)|wires?|wire\s+(?:services|reports))\s*\.?\s*[)\]]?\.?$",
    re.IGNORECASE,
)
# "— AFP", "- NHK", "(AFP)", "[Reuters]": a name alone on its line, set off as a credit.
_SET_OFF = re.compile(r"^(?:[-–—]+\s*(?P<dashed>[^-–—].{1,40}?)|[(\[]\s*(?P<bracketed>.{2,40}?)\s*[)\]])\.?$")
# "SEOUL, Nov 12 (Reuters) - ", "Jan. 11 (UPI) -- ", "Kyiv, (APP - …) ": a place or date, the
# agency in brackets, then the story.
_TAGGED_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*,?\s+){0,6}(?:\d{1,2}\.?,?\s+)?(?:(?<=,\s)\((?P<opening>[^()\n]{1,80})\)\s|"
    r"\((?P<tagged>[^()\n]{1,40})\)\s*(?:-{1,2}|–|—)\s)"
)
# "MOSCOW, June 17. /TASS/. ": the agency between slashes.
_SLASHED_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’ -]{1,40}?(?:,[^\n/]{1,30}?)?\.?\s*/(?P<inside>[A-Z][\w&.’' -]{0,30}?)/"
)
_DESCRIPTOR = (
    r"(?:news\s+agency|press\s+agency|wire\s+service|news\s+outlet|media\s+outlet|newspaper|daily|"
    r"broadcaster|television(?:\s+channel)?|tv\s+channel|magazine|news\s+site|publication)"
)
# "the South Korean newspaper Dong-A Ilbo", "state news agency KCNA": the name after its description.
_DESCRIBED = re.compile(rf"\b{_DESCRIPTOR},?\s+(?P<name>(?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){{0,3}})")
# "The Economist", "The Korea Herald", "The New York Times": a publication's title, known or not.
_TITLED = re.compile(
    r"\bThe\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:Economist|Independent|Guardian|Observer|Times|Post|Herald|"
    r"Telegraph|Journal|Tribune|Gazette|Chronicle|Monitor|Standard|Express|Mirror|Atlantic|Spectator|"
    r"Diplomat|Insider|Review|Daily|News|Press|Wire|Dispatch|Inquirer|Bulletin)\b(?!['’]?\s*[A-Z&])"
)
# The words around a name that make it the source of what the report says.
_CUE_BEFORE = re.compile(
    r"(?:according\s+to|citing|cited\s+by|\bvia|reported\s+by|reports?\s+(?:by|from|in)|seen\s+by|"
    r"obtained\s+by|reviewed\s+by|\btold|shared\s+with|interview\s+with|quoted\s+by|confirmed\s+to|"
    r"wrote\s+(?:in|for))\s+(?:(?:the|a|an)\s+)?(?:(?!(?:that|which|who|when|and|but|while|as)\s)[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"^(?:['’]s?)?,?\s*(?:(?:news\s+agency|newspaper|reporters?)\s+)?(?:has\s+|had\s+|also\s+)?"
    r"(?:reported|reports|quoted|cited|learned|wrote|published|revealed|said\s+in\s+(?:a|its)\s+report)\b",
    re.IGNORECASE,
)
# Credits of the story itself, wherever they stand in the lead: "This was reported by NHK",
# "It was first reported by …", "…, Ukrinform reports.", "NHK reported the news".
_STORY_BEFORE = re.compile(
    r"\b(?:this|it|that|the\s+news)\s+(?:was|is|has\s+been|had\s+been)\s+(?:first\s+)?"
    r"(?:reported|announced|published|revealed)\s+by\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)
_STORY_AFTER = re.compile(
    r"^\s*(?:(?:has\s+)?(?:first\s+)?reported\s+(?:this|it|the\s+news)\b|reports?\s*[.;]|reported\s*[.;])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(])")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_CAPITALISED = re.compile(r"^[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}$")
_FEED_WORDS = frozenset({"RSS", "ATOM", "XML", "FEED", "API", "WEB"})
_SPLIT_NAMES = re.compile(r"\s*(?:/|,|;|\s&\s|\band\b|\|)\s*")
_MAX_WORDS = 12  # longer lines are sentences of the article that happen to start "Source"
LEAD_PARAGRAPHS = 3  # lede and nut graf: where a report names its source


def credit_in_line(line: str, outlets: Sequence[str] = ()) -> list[str] | None:
    """The sources a credit line names, or None when the line is no credit line.

    "Source: South Korean Yonhap news agency" -> ["Yonhap news agency"] (with Yonhap known),
    "Source: RSS/AFP" -> ["AFP"], "(With inputs from agencies.)" -> [AGENCIES].
    """
    line = " ".join(line.split())
    if not line or len(line.split()) > _MAX_WORDS:
        return None
    if _AGENCIES_LINE.match(line):
        return [AGENCIES]
    match = _CREDIT_LINE.match(line)
    if match:
        return source_names(match.group("source"), outlets)
    set_off = _SET_OFF.match(line)
    if set_off:
        name = (set_off.group("dashed") or set_off.group("bracketed") or "").strip(" .")
        return [name] if is_known(name, outlets) or is_agency(name) else None
    name = line.strip(" .")
    return [name] if is_known(name, outlets) else None  # "Yonhap" alone, closing the article


def is_credit_line(line: str, outlets: Sequence[str] = ()) -> bool:
    """A line that only credits a source: page furniture, never the article's text."""
    return credit_in_line(line, outlets) is not None


def source_names(text: str, outlets: Sequence[str] = ()) -> list[str]:
    """Credited names as written, cut to the names: the known outlets in the text, else each part
    less its description ("RSS/AFP" -> ["AFP"], "the broadcaster Harbour TV" -> ["Harbour TV"])."""
    text = " ".join(text.split()).strip(" .,:;")
    known = [name for _, name in find_outlets(text, outlets)]
    if known:
        return list(dict.fromkeys(known))
    parts = [p for p in _SPLIT_NAMES.split(text) if p and p.upper() not in _FEED_WORDS]
    if not parts:
        return [text]
    names = []
    for part in parts:
        described = _DESCRIBED.search(part)
        names.append(described.group("name") if described else part)
    return names


def dateline_credit(line: str, outlets: Sequence[str] = ()) -> str | None:
    """The agency a story's dateline tags: "SEOUL, Nov 12 (Reuters) - …" -> "Reuters"."""
    match = _TAGGED_DATELINE.match(line) or _SLASHED_DATELINE.match(line)
    if not match:
        return None
    groups = match.groupdict()
    inside = (groups.get("opening") or groups.get("tagged") or groups.get("inside") or "").strip()
    first = re.split(r"\s+[-–—]\s+|/|,", inside)[0].strip(" .")
    if is_known(first, outlets) or is_agency(first):
        return first
    return first if first == inside and _CAPITALISED.match(first) else None


def lead_credits(paragraphs: Sequence[str], outlets: Sequence[str] = ()) -> list[str]:
    """Outlets the opening paragraphs give as the story's source.

    A credit counts in the first sentence of one of the first paragraphs ("…, documents seen by
    Reuters", "Budanov told The Economist", "(AFP)"), or anywhere there when it credits the story
    itself ("This was reported by NHK", "…, Ukrinform reports."). Elsewhere "The Economist reports
    that …" sources one fact, not the report.
    """
    found: list[tuple[int, int, str]] = []
    for number, paragraph in enumerate(paragraphs[:LEAD_PARAGRAPHS]):
        first_sentence_end = _first_sentence_end(paragraph)
        for start, name in _names(paragraph, outlets):
            before, after = paragraph[:start], paragraph[start + len(name) :]
            cued = bool(_CUE_BEFORE.search(before) or _CUE_AFTER.match(after) or _is_tag(before, after))
            if (
                (cued and start < first_sentence_end)
                or _STORY_BEFORE.search(before)
                or _STORY_AFTER.match(after)
            ):
                found.append((number, start, name))
    return [name for _, _, name in sorted(found)]


def _names(paragraph: str, outlets: Sequence[str]) -> list[tuple[int, str]]:
    """Known outlets, then names described or titled as publications, none overlapping another."""
    names = find_outlets(paragraph, outlets)
    spans = [(start, start + len(name)) for start, name in names]
    unknown = [(m.start("name"), m.group("name").rstrip(".")) for m in _DESCRIBED.finditer(paragraph)]
    unknown += [(m.start(), m.group(0)) for m in _TITLED.finditer(paragraph)]
    for start, name in unknown:
        if not any(s <= start < e for s, e in spans):
            names.append((start, name))
            spans.append((start, start + len(name)))
    return names


def _first_sentence_end(paragraph: str) -> int:
    match = _SENTENCE_END.search(paragraph)
    return match.start() if match else len(paragraph)


def ordered(*groups: Iterable[str]) -> tuple[str, ...]:
    """Every credit once (case aside), in the order of the groups and within each."""
    seen: dict[str, str] = {}
    for group in groups:
        for name in group:
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


# "… Pool Photo via AP", "(AP Photo/Jane Roe)", "Jane Roe/AFP via Getty Images": who sent the picture.
_PICTURE_VIA = re.compile(r"\bvia\s+(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})")
# A wire's own photo ("AP Photo/…"); "SOPA Images/…" names a picture house, no wire.
_PICTURE_PREFIX = re.compile(r"\b(?P<name>[A-Z][A-Za-z&]{1,5})\s+Photo\s*/")
_PICTURE_SLASH = re.compile(r"/\s*(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\s*(?:via\b|[)\]]|$)")
_STOCK_HOUSES = frozenset({"getty", "getty images", "shutterstock", "alamy", "pool", "file"})


def picture_source(credit: str, outlets: Sequence[str] = ()) -> str | None:
    """The wire a photo's credit says the picture came through, when it names one.

    The wire's feed comes first ("… Pool Photo via AP" -> "AP"), then a wire's own photo
    ("AP Photo/Jane Roe" -> "AP"), then the agency after a photographer's name ("Jane Roe/AFP via
    Getty Images" -> "AFP"); stock houses (Getty, Shutterstock) are no wires.
    """
    for pattern in (_PICTURE_VIA, _PICTURE_PREFIX, _PICTURE_SLASH):
        for match in pattern.finditer(credit):
            name = match.group("name").strip(" .")
            if name.casefold() not in _STOCK_HOUSES and (is_known(name, outlets) or is_agency(name)):
                return name
    return None


def original_source(credits: Sequence[str]) -> str | None:
    """The report's original source: its first named credit ("with agencies" names none)."""
    return next((c for c in credits if c != AGENCIES), None)


def split_credits(lines: list[str], outlets: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """The lines without their credit lines, and the sources those lines credit, in order."""
    kept: list[str] = []
    credited: list[str] = []
    for line in lines:
        names = credit_in_line(line, outlets)
        if names is None:
            kept.append(line)
        else:
            credited.extend(names)
    return kept, credited


def is_known(name: str, outlets: Sequence[str]) -> bool:
    """Whether a name is, as a whole, one of the known outlets' names."""
    found = find_outlets(name, outlets)
    return bool(found) and found[0][1] == " ".join(name.split())


def find_outlets(text: str, outlets: Sequence[str]) -> list[tuple[int, str]]:
    """Known outlets named in the text, as (offset, name as written), left to right."""
    pattern = _outlet_pattern(tuple(outlets))
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)] if pattern else []


@lru_cache(maxsize=8)
def _outlet_pattern(outlets: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every name, longest first; acronyms only as written ("AP", not "ap")."""
    names = sorted({" ".join(n.split()) for n in outlets if n.strip()}, key=len, reverse=True)
    if not names:
        return None
    alternatives = [
        re.escape(n) if _ACRONYM.match(n) else "(?i:" + re.escape(n).replace(r"\ ", r"\s+") + ")"
        for n in names
    ]
    return re.compile(r"(?<![\w@/.-])(?:" + "|".join(alternatives) + r")(?![\w-]|\.\w)")


def is_agency(name: str) -> bool:
    return bool(_ACRONYM.match(name)) and name not in _FEED_WORDS


def _is_tag(before: str, after: str) -> bool:
    """ "(AFP)" set in a sentence, as a wire tags the copy it files."""
    return before.rstrip().endswith("(") and after.lstrip().startswith(")")
