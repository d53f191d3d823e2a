"""Find the article in a plain-text scrape: body, title, author, outlet, dateline, credited source.

Each line is judged by its own features (length, closing punctuation, title
case, capitals, list shape, repetition, position, web-interface cues), never
by listing known strings of known sites. Lines are "prose", "heading" or
"junk"; the body runs from the first prose line to the last one before a
section that introduces other content. The lines above the body are read
for the page's metadata: a byline, a dateline, the outlet's name, the title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from claimgraph.clean.credits import credited_source, is_credit_line

# Words of web interfaces, not of news: a short line made only of them is page furniture.
_UI_WORDS = frozenset(
    [
        "comment", "comments", "post", "reply", "share", "shares", "tweet", "like", "likes", "follow",
        "subscribe", "newsletter", "sign", "login", "log", "register", "connect", "us", "read", "more",
        "original", "article", "here", "continue", "reading", "advertisement", "advert", "sponsored",
        "cookies", "cookie", "accept", "privacy", "policy", "terms", "menu", "home", "search", "skip",
        "content", "published", "updated", "print", "email", "whatsapp", "facebook", "twitter", "telegram",
        "linkedin", "copy", "link", "photo", "photos", "image", "video", "credit", "credits", "getty",
        "reuters/", "trending", "tendenza", "latest", "news", "related", "stories", "recommended",
        "popular", "most", "top", "headlines", "tags", "tag", "categories", "category", "global", "world",
        "on", "by", "the", "and", "of", "to", "you", "may", "also", "see", "all", "view", "min", "minute",
        "minutes", "ago", "scroll", "listen", "audio", "save", "bookmark", "gift", "download", "app",
        "click", "social",
    ]
)  # fmt: skip
# Nouns that name publications rather than people: "… Times", "… Herald", "… Dispatch".
_OUTLET_WORDS = frozenset(
    [
        "times", "news", "post", "herald", "journal", "review", "daily", "weekly", "wire", "monitor",
        "observer", "dispatch", "gazette", "tribune", "press", "media", "ledger", "brief", "chronicle",
        "telegraph", "express", "today", "agency", "network", "magazine", "bulletin", "courier", "insider",
        "digest", "examiner", "inquirer", "sentinel", "broadcasting", "newswire", "report",
    ]
)  # fmt: skip
# Labels that open a list of other content: the article has ended.
_SECTION_BREAK = re.compile(
    r"^(the\s+|\d[\d,.]*k?\s+)?(latest|related|recommended|trending|popular|most\s+(read|viewed|popular)|"
    r"more\s+(from|news|stories|on)|read\s+(more|next|also)|you\s+may\s+also|see\s+also|"
    r"comments?|leave\s+a\s+(comment|reply)|post\s+comment|di\s+tendenza)\b",
    re.IGNORECASE,
)
# "Read also: <another story's headline>": a link to other content set between paragraphs.
_PROMO = re.compile(
    r"^(read\s+(also|more|next)|also\s+read|see\s+also|related(\s+(article|story|stories))?|"
    r"watch|listen|more\s+on\s+this(\s+story)?|recommended)\s*:",
    re.IGNORECASE,
)
# The outlet asking for money or sign-ups: "Consider supporting …", "Become a member",
# "Subscribe to our Telegram channel", "Follow us on X for updates".
_APPEAL = re.compile(
    r"\b(consider|please)\s+(supporting|subscribing|donating|becoming)\b|"
    r"^(subscribe|sign\s+up|follow\s+us|join\s+us|join\s+our|download\s+our)\b.{0,60}"
    r"\b(channel|newsletter|updates|app|feed|page|account|alerts)\b|"
    r"\bsupport\s+(our|independent)\s+(journalism|reporting)\b|\bbecome\s+a\s+(member|subscriber|patron)\b",
    re.IGNORECASE,
)
# The newsroom speaking about the story, not reporting it: "Editor's note: …", "Correction: …".
_EDITORIAL = re.compile(r"^(editor['’]?s\s+note|correction|clarification)\s*[:—–-]", re.IGNORECASE)
# Who else worked on the story: "Reporting by …; Editing by …", "X in Seoul contributed to this report."
_CONTRIBUTORS = re.compile(
    r"^(?i:(additional\s+)?(reporting|writing|editing|research|contributing)\s*(by\b|:))\s*[A-Z]|"
    r"\b(?i:contributed\s+(reporting\s+)?(to\s+)?this\s+(report|story|article))\.?$"
)
# The writer's note closing an opinion piece: "X is a fellow at Y. The views expressed are her own."
_DISCLAIMER = re.compile(
    r"\b(views|opinions)\s+(expressed\s+)?(in\s+this\s+\w+\s+)?(are|is)\s+(solely\s+)?"
    r"(his|her|their|my|the\s+author['’]?s?|the\s+writer['’]?s?)\s+own\b",
    re.IGNORECASE,
)
# A picture's caption ending in its credit: "... in Kyiv. Photograph: A. Name/AFP/Getty Images".
_CAPTION_CREDIT = re.compile(r"\b(Photograph|Photo|Image|Picture|Illustration)(\s+by)?\s*:\s*[^.!?]{2,80}$")
# "Dan Sabbagh Defence and security editor": a name followed by the writer's job.
_ROLE = re.compile(
    r"\b(editor|correspondent|reporter|writer|journalist|columnist|contributor|analyst|staff|"
    r"producer|bureau\s+chief)\b",
    re.IGNORECASE,
)
# The name such a line opens with: its first two capitalised words (a job may start in capitals too).
_LEAD_NAME = re.compile(r"^([A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+)\b")
_COUNTER = re.compile(r"^\d[\d,.]*\s*(comments?|shares?|views?|likes?|reactions?|replies)$", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(r"^\(?\s*(photo|image|picture|video|credit|source image)\b.*[©:]", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:written\s+)?by\s*:?\s+(?P<rest>.+)$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][\w'’\-]+(?:\s+[A-Z]\.?)?(?:\s+(?:de|van|von|al|bin|da|di|[A-Z][\w'’\-]*)){1,3}$")
_SEPARATORS = re.compile(r"\s*(?:[|·•–—]|\s-\s|,\s)\s*")
_DATE_WORDS = re.compile(r"\b(published|updated|posted|on|at|last|modified)\b:?", re.IGNORECASE)
# A time stamp's other words: "4:31 AM UTC", "Updated 2 hours ago", "5 min read".
_STAMP = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b(am|pm|a\.m\.|p\.m\.|utc|gmt|bst|cet|cest|est|edt|et|pt|kst|msk)\b|"
    r"\b(\d+|an?)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b|\b\d+\s+min(ute)?s?\s+read\b",
    re.IGNORECASE,
)
# "SEOUL, Nov 12 (Reuters) - ", "KYIV, Ukraine (AP) — ": where and when a wire story was filed, and
# by which agency. No library reads datelines, hence by hand.
_WIRE_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’\- ]{1,30}(?:,[^\n()]{1,40}?)?\s*(?:\((?P<agency>[A-Z][\w&.’' ]{0,30})\))?"
    r"\s*(?:-{1,2}|–|—)\s"
)
# "MOSCOW, June 17. /TASS/. ": the agency between slashes.
_SLASHED_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’\- ]{1,30}(?:,[^\n/]{1,30}?)?\.?\s*/(?P<agency>[A-Z][\w&.’' -]{0,30}?)/\.?\s"
)
_AND = re.compile(r"\s+(?:and|&)\s+")
_TERMINAL = tuple('.!?"”’)»')
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@dataclass(frozen=True, slots=True)
class Scrape:
    """What a plain-text scrape holds once its furniture is taken off."""

    body: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    original_source: str | None = None
    head: tuple[str, ...] = ()  # the lines above the body, where a dateline is looked for


def clean_scrape(text: str) -> Scrape:
    """Split a scrape into its article body and metadata."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    repeated = {line for line, n in Counter(lines).items() if n > 1 and len(line) > 20}
    kinds = [_line_kind(line, line in repeated) for line in lines]
    prose = [i for i, kind in enumerate(kinds) if kind == "prose"]
    if not prose:
        return Scrape(body="\n".join(line for line, k in zip(lines, kinds, strict=True) if k != "junk"))
    first = _body_start(lines, kinds, prose)
    last = _body_end(lines, kinds, first)
    body = [lines[i] for i in range(first, last + 1) if kinds[i] != "junk"]
    head = lines[:first]
    names = read_head(head)
    return Scrape(
        body="\n".join(body),
        title=_title(head, kinds[:first], names),
        author=names.author,
        outlet=names.outlet or agency_of(body[0]),
        original_source=credited_source(lines[first : last + 1] + lines[last + 1 :]),
        head=tuple(head),
    )


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _line_kind(line: str, repeated: bool) -> str:
    words = _words(line)
    if repeated or _is_junk(line, words):
        return "junk"
    if _title_case_share(words) > 0.7 and len(words) < 25:
        return "heading"
    # A sentence ending in a colon leads into a list or a quotation: "The agency told lawmakers:".
    if (len(words) >= 6 and line.endswith((*_TERMINAL, ":"))) or len(words) >= 25:
        return "prose"
    return "heading"


def _is_junk(line: str, words: list[str]) -> bool:
    lowered = [w.lower() for w in words]
    if not words:
        return True
    if _COUNTER.match(line) or _PHOTO_CREDIT.match(line) or is_credit_line(line):
        return True
    if _PROMO.match(line) or _EDITORIAL.match(line) or _CAPTION_CREDIT.search(line):
        return True
    if (_CONTRIBUTORS.search(line) or _DISCLAIMER.search(line)) and len(words) <= 40:
        return True
    if _APPEAL.search(line) and len(words) <= 60:
        return True
    if line.endswith(("...", "…")):  # a teaser cut short
        return True
    if _is_tag_list(line):
        return True
    if len(words) <= 8 and sum(w in _UI_WORDS for w in lowered) >= 0.75 * len(words):
        return True
    if len(words) <= 2 and line[0].islower():
        return True
    return bool(_SECTION_BREAK.match(line) and len(words) <= 6)


def _is_tag_list(line: str) -> bool:
    """A run of comma-separated labels, mostly in capitals: a page's tags."""
    items = [item.strip() for item in line.split(",") if item.strip()]
    if len(items) < 4:
        return False
    upper = sum(1 for item in items if item.upper() == item)
    short = sum(1 for item in items if len(item.split()) <= 4)
    return upper >= 0.7 * len(items) and short >= 0.8 * len(items)


def _title_case_share(words: list[str]) -> float:
    longer = [w for w in words if len(w) > 3]
    if not longer:
        return 0.0
    return sum(1 for w in longer if w[0].isupper()) / len(longer)


def _body_start(lines: list[str], kinds: list[str], prose: list[int]) -> int:
    """The first prose line, unless it is a standfirst: a summary above the byline or dateline."""
    if len(prose) < 2 or prose[0] > 12:
        return prose[0]
    between = lines[prose[0] + 1 : prose[1]]
    return prose[1] if any(_is_dateish(line) or _is_byline(line) for line in between) else prose[0]


def _is_byline(line: str) -> bool:
    return bool(_BYLINE.match(line)) and len(_words(line)) <= 12


def _body_end(lines: list[str], kinds: list[str], first: int) -> int:
    last = first
    for i in range(first, len(lines)):
        words = _words(lines[i])
        if i > first and _SECTION_BREAK.match(lines[i]) and len(words) <= 6:
            break
        if kinds[i] == "prose":
            last = i
    return last


@dataclass(frozen=True, slots=True)
class HeadNames:
    """Who wrote the report and who published it, as the lines above the body say."""

    author: str | None = None
    outlet: str | None = None
    used: frozenset[str] = frozenset()  # the lines that gave them: never the title


def read_head(head: list[str]) -> HeadNames:
    """Byline, outlet and dateline lines above the body.

    A "By …" byline names the author. Without one, the first bare name that
    does not read as a publication is the author. The outlet is a name on a
    dateline ("Baltic Wire | March 18, 2025"), a name made of publication
    nouns ("… Times"), or a bare name beside the byline.
    """
    author: str | None = None
    outlet: str | None = None
    bare: list[str] = []
    used: set[str] = set()
    for line in head:
        if len(_words(line)) > 12:
            continue
        byline = _BYLINE.match(line)
        parts = [p for p in _SEPARATORS.split(byline.group("rest") if byline else line) if p]
        names = [p for p in parts if _is_name(p) or (byline and _are_names(p))]
        has_date = any(not _is_name(p) and _is_dateish(p) for p in parts)
        if byline and names and author is None:
            author, used = names[0], used | {line}
            outlet = outlet or next((n for n in names[1:] if _is_outlet(n)), None)
        elif has_date and names and outlet is None:
            outlet, used = names[0], used | {line}
        elif len(parts) == 1 and names:
            bare.append(names[0])
            used.add(line)
        elif author is None and _ROLE.search(line) and (lead := _LEAD_NAME.match(line)):
            author, used = lead.group(1), used | {line}
    for name in bare:
        if outlet is None and (_is_outlet(name) or author is not None):
            outlet = name
        elif author is None and not _is_outlet(name):
            author = name
    return HeadNames(author=author, outlet=outlet, used=frozenset(used))


def _is_name(text: str) -> bool:
    text = text.strip(" .")
    return bool(_NAME.match(text)) and not any(w.lower() in _UI_WORDS for w in _words(text))


def _are_names(text: str) -> bool:
    """ "Hyonhee Shin and Josh Smith": a byline's several authors, kept as written."""
    people = _AND.split(text.strip(" ."))
    return len(people) > 1 and all(_is_name(p) for p in people)


def _is_outlet(name: str) -> bool:
    return any(w.lower() in _OUTLET_WORDS for w in _words(name))


def _is_dateish(text: str) -> bool:
    """A part of a line that is a date with, at most, words like "Published" or "on" around it."""
    rest = _STAMP.sub(" ", _DATE_WORDS.sub(" ", text))
    return bool(re.search(r"\b(19|20)\d\d\b", rest)) and len(_words(rest)) <= 3


def agency_of(body: str) -> str | None:
    """The agency a wire story's dateline names: "SEOUL, Nov 12 (Reuters) - …" -> "Reuters"."""
    match = wire_dateline(body)
    return match.group("agency").strip() if match and match.group("agency") else None


def wire_dateline(text: str) -> re.Match[str] | None:
    """The wire dateline a text opens with, its agency in group "agency" when it names one."""
    return _WIRE_DATELINE.match(text) or _SLASHED_DATELINE.match(text)


def _title(head: list[str], kinds: list[str], names: HeadNames) -> str | None:
    """The last heading of four or more words above the body that is not a byline or dateline;
    the one before it when that is shorter and right above it (the last is then a standfirst)."""
    found: list[tuple[int, str]] = []
    for at, (line, kind) in enumerate(zip(head, kinds, strict=True)):
        if kind != "heading" or line in names.used or len(_words(line)) < 4:
            continue
        if _is_name(line) or _is_dateish(line):
            continue
        found.append((at, line))
    if not found:
        return None
    (at, line), before = found[-1], found[-2] if len(found) > 1 else None
    if before is not None and before[0] == at - 1 and len(_words(before[1])) < len(_words(line)):
        return before[1]
    return line
