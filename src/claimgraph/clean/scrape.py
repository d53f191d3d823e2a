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
from collections.abc import Sequence
from dataclasses import dataclass

from claimgraph.clean.credits import (
    credit_in_line,
    dateline_credit,
    find_outlets,
    is_agency,
    is_known,
    lead_credits,
    ordered,
    original_source,
    picture_source,
)
from claimgraph.clean.dates import split_date_label
from claimgraph.clean.furniture import SECTION_BREAK, UI_WORDS, is_caption, is_junk, picture_credit_start
from claimgraph.clean.headline import choose_headline, ends_sentence, repeated_lines

# Nouns that name publications rather than people: "… Times", "… Herald", "… Dispatch".
_OUTLET_WORDS = frozenset(
    [
        "times", "news", "post", "herald", "journal", "review", "daily", "weekly", "wire", "monitor",
        "observer", "dispatch", "gazette", "tribune", "press", "media", "ledger", "brief", "chronicle",
        "telegraph", "express", "today", "agency", "network", "magazine", "bulletin", "courier", "insider",
        "digest", "examiner", "inquirer", "sentinel", "broadcasting", "newswire", "report",
    ]
)  # fmt: skip
# "Dan Sabbagh Defence and security editor": a name followed by the writer's job.
_ROLE = re.compile(
    r"\b(editor|correspondent|reporter|writer|journalist|columnist|contributor|analyst|staff|"
    r"producer|bureau\s+chief)\b",
    re.IGNORECASE,
)
# The name such a line opens with: its first two capitalised words (a job may start in capitals too).
_LEAD_NAME = re.compile(r"^([A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+)\b")
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
# "Kyiv, (APP - Pakistan Point News - 23rd Dec, 2024) ": a city, then the agency and date in brackets.
_BRACKETED_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’\- ]{1,30},\s*\((?P<agency>[A-Z][A-Za-z&.]{1,15})\s+(?:-|–|—)[^()\n]{0,80}"
    r"\b(?:19|20)\d\d\)\s"
)
_TOP_LINES = 60  # a headline and its echoes are at the top of the page
_STAMPED = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d{2}\b|\bby\s+[A-Z]")
_AND = re.compile(r"\s+(?:and|&)\s+")
_TERMINAL = tuple('.!?"”’)»')
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_CUT = ("...", "…")
_LIST_ITEM = re.compile(r"^[-•*–]\s+\S")
# The end of a sentence inside a line: a full stop, "!" or "?" (and a closing quote) before a capital.
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"”’')]?(?=\s+[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Scrape:
    """What a plain-text scrape holds once its furniture is taken off."""

    body: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    original_source: str | None = None
    head: tuple[str, ...] = ()  # the lines above the body, where a dateline is looked for
    credits: tuple[str, ...] = ()  # every source credited, the original source first
    published: str | None = None  # the date a date label gives ("date 2025-06-19")


def clean_scrape(text: str, outlets: Sequence[str] = ()) -> Scrape:
    """Split a scrape into its article body and metadata; ``outlets`` are names a credit may give."""
    lines, published = _unlabelled_lines(text)
    echoes = _echoes(lines[:_TOP_LINES])
    repeated = {line for line, n in Counter(lines).items() if n > 1 and len(line) > 20} | echoes
    kinds = [_line_kind(line, line in repeated, outlets) for line in lines]
    _read_list_items_as_prose(lines, kinds)
    _keep_what_a_cut_ending_finished(lines, kinds, repeated, outlets)
    prose = [i for i, kind in enumerate(kinds) if kind == "prose"]
    if not prose:
        body = "\n".join(line for line, k in zip(lines, kinds, strict=True) if k != "junk")
        return Scrape(body=body, published=published)
    first = _body_start(lines, kinds, prose)
    last, end = _body_end(lines, kinds, first)
    body = [lines[i] for i in range(first, last + 1) if kinds[i] != "junk"]
    head = lines[:first]
    names = read_head(head, outlets)
    credits = ordered(  # the wire a dateline tags first: its story, whoever carries it
        [c for c in [dateline_credit(body[0], outlets)] if c],
        names.credits,
        [name for line in lines[:end] for name in credit_in_line(line, outlets) or ()],
        lead_credits([line for line in body if not is_caption(line)], outlets),
    )
    return Scrape(
        body="\n".join(body),
        title=choose_headline(
            head, lambda line: _furniture(line, outlets), repeated_lines(lines) | echoes, names.used
        ),
        author=names.author,
        outlet=names.outlet or agency_of(body[0]),
        original_source=original_source(credits) or _picture_wire(lines[:end], outlets),
        head=tuple(head),
        credits=credits,
        published=published,
    )


def _picture_wire(lines: Sequence[str], outlets: Sequence[str]) -> str | None:
    """The wire the page's photos come through, as the report's source when its text credits none:
    a site that takes a wire's pictures ("… Pool Photo via AP") runs that wire's copy."""
    for line in lines:
        start = picture_credit_start(line)
        source = picture_source(line[start:], outlets) if start is not None else None
        if source:
            return source
    return None


def _keep_what_a_cut_ending_finished(
    lines: list[str], kinds: list[str], repeated: set[str], outlets: Sequence[str]
) -> None:
    """A paragraph cut off with "…" at the end of the article keeps its finished sentences.

    A scrape often stops mid-sentence ("… the owners had been told and were…"): the unfinished
    sentence leaves the body and the sentences before it stay, so the article is not lost with it.
    Only the line right after the last prose line (or the first line of a page with no prose) is
    the article's end; a cut line further down is a teaser for another story and stays junk.
    """
    prose = [i for i, kind in enumerate(kinds) if kind == "prose"]
    candidates = [prose[-1] + 1] if prose else range(len(lines))
    for i in candidates:
        if i >= len(lines) or not lines[i].endswith(_CUT) or lines[i] in repeated:
            continue
        finished = _finished_sentences(lines[i])
        if finished and _line_kind(finished, False, outlets) == "prose":
            lines[i], kinds[i] = finished, "prose"
            return


def _read_list_items_as_prose(lines: list[str], kinds: list[str]) -> None:
    """ "- On June 12, the ministry said it knew of no transfer": a sentence set as a list item
    often drops its full stop. An item of a list the body runs into (after a line of prose) that
    is worded as a sentence (eight words or more, not a title) is prose like the item before it."""
    for i in range(1, len(lines)):
        item = _LIST_ITEM.match(lines[i])
        words = _words(lines[i])
        if item and kinds[i] == "heading" and kinds[i - 1] == "prose" and len(words) >= 8:
            kinds[i] = "prose"


def _finished_sentences(line: str) -> str:
    """The line up to its last finished sentence: "A did this. B said they were…" -> "A did this."."""
    ends = list(_SENTENCE_END.finditer(line.rstrip("….").rstrip()))
    return line[: ends[-1].end()].rstrip() if ends else ""


def _echoes(lines: list[str]) -> set[str]:
    """A headline printed again: an unpunctuated line another line opens with (the lead repeating
    it), and a line that opens with an earlier one and runs on into a time stamp or byline."""
    echoes: set[str] = set()
    for at, line in enumerate(lines):
        if len(line) <= 20:
            continue
        for other in lines[at + 1 :]:
            if other == line or not other.startswith(line):
                continue
            if not ends_sentence(line) and not line.endswith(("!", "?")):
                echoes.add(line)
            rest = other[len(line) :]
            if _STAMPED.search(rest) and len(_words(rest)) <= 15:
                echoes.add(other)
    return echoes


def _unlabelled_lines(text: str) -> tuple[list[str], str | None]:
    """The page's non-blank lines, white space folded and date labels taken off, and the first
    labelled date."""
    lines: list[str] = []
    published: str | None = None
    for raw in text.splitlines():
        labelled, line = split_date_label(" ".join(raw.split()))
        published = published or labelled
        if line:
            lines.append(line)
    return lines, published


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _line_kind(line: str, repeated: bool, outlets: Sequence[str] = ()) -> str:
    words = _words(line)
    if repeated or is_junk(line, words, outlets):
        return "junk"
    # A sentence full of names ("Head of Russian Security Council Sergei Shoigu met …") is still one.
    if _title_case_share(words) > 0.7 and len(words) < 25 and not (len(words) >= 8 and ends_sentence(line)):
        return "heading"
    # A sentence ending in a colon leads into a list or a quotation: "The agency told lawmakers:".
    if (len(words) >= 6 and line.endswith((*_TERMINAL, ":"))) or len(words) >= 25:
        return "prose"
    return "heading"


def _furniture(line: str, outlets: Sequence[str]) -> bool:
    """Lines around a headline that are never one: junk, bylines, datelines, bare names."""
    words = _words(line)
    return is_junk(line, words, outlets) or _is_byline(line) or _is_name(line) or _is_dateish(line)


def _title_case_share(words: list[str]) -> float:
    longer = [w for w in words if len(w) > 3]
    if not longer:
        return 0.0
    return sum(1 for w in longer if w[0].isupper()) / len(longer)


def _body_start(lines: list[str], kinds: list[str], prose: list[int]) -> int:
    """The first prose line, unless it is a standfirst: a summary above the byline or dateline,
    or above the paragraph a wire's dateline opens ("Jan. 11 (UPI) -- …")."""
    if len(prose) < 2 or prose[0] > 12:
        return prose[0]
    filed = next((i for i in prose[1:3] if i <= 12 and dateline_credit(lines[i])), None)
    if filed is not None:
        return filed
    between = lines[prose[0] + 1 : prose[1]]
    return prose[1] if any(_is_dateish(line) or _is_byline(line) for line in between) else prose[0]


def _is_byline(line: str) -> bool:
    return bool(_BYLINE.match(line)) and len(_words(line)) <= 12


def _body_end(lines: list[str], kinds: list[str], first: int) -> tuple[int, int]:
    """The last line of the body, and where the article ends: the section after it holds
    other content (other stories' headlines, their credits, readers' comments)."""
    last = first
    for i in range(first, len(lines)):
        words = _words(lines[i])
        if i > first and SECTION_BREAK.match(lines[i]) and len(words) <= 6:
            if not _inline_link(lines, i):
                return last, i
            kinds[i] = kinds[i + 1] = "junk"  # "RELATED:" and the one headline it links to
        if kinds[i] == "prose":
            last = i
    return last, len(lines)


def _inline_link(lines: list[str], i: int) -> bool:
    """ "RELATED:" over one other story's headline, with the article going on below: a link set
    between paragraphs, not the end of the article."""
    if not lines[i].rstrip().endswith(":") or i + 2 >= len(lines) or len(_words(lines[i + 1])) > 20:
        return False
    return any(len(_words(line)) >= 25 for line in lines[i + 2 : i + 4])


@dataclass(frozen=True, slots=True)
class HeadNames:
    """Who wrote the report and who published it, as the lines above the body say."""

    author: str | None = None
    outlet: str | None = None
    used: frozenset[str] = frozenset()  # the lines that gave them: never the title
    credits: tuple[str, ...] = ()  # wires or outlets a byline names: "By AFP", "By Jo Kim Harbour Post"


def read_head(head: list[str], outlets: Sequence[str] = ()) -> HeadNames:
    """Byline, outlet and dateline lines above the body.

    A "By …" byline names the author, and the wire or outlet it names is
    credited. Without a byline, the first bare name that does not read as a
    publication is the author. The outlet is a name on a dateline ("Baltic
    Wire | March 18, 2025"), a name made of publication nouns ("… Times"), or
    a bare name beside the byline.
    """
    author: str | None = None
    outlet: str | None = None
    bare: list[str] = []
    used: set[str] = set()
    credits: list[str] = []
    for line in head:
        if len(_words(line)) > 12:
            continue
        byline = _BYLINE.match(line)
        parts = [p for p in _SEPARATORS.split(byline.group("rest") if byline else line) if p]
        if byline:
            people, credited = _byline_parts(parts, outlets)
            credits.extend(credited)
            used.update([line] if credited else [])
            if people and author is None:
                author, used = people[0], used | {line}
                outlet = outlet or next((n for n in people[1:] if _is_outlet(n)), None)
            continue
        names = [p for p in parts if _is_name(p)]
        has_date = any(not _is_name(p) and _is_dateish(p) for p in parts)
        if has_date and names and outlet is None:
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
    return HeadNames(author=author, outlet=outlet, used=frozenset(used), credits=tuple(credits))


def _byline_parts(parts: list[str], outlets: Sequence[str]) -> tuple[list[str], list[str]]:
    """A byline's people and the wires or outlets it credits: "AFP" | "Jo Kim Harbour Post"."""
    people: list[str] = []
    credited: list[str] = []
    for part in (p.strip(" .") for p in parts):
        split = _person_then_outlet(part, outlets)
        if is_known(part, outlets) or is_agency(part):
            credited.append(part)
        elif split is not None:
            people.append(split[0])
            credited.append(split[1])
        elif _is_name(part) or _are_names(part):
            people.append(part)
    return people, credited


def _person_then_outlet(part: str, outlets: Sequence[str]) -> tuple[str, str] | None:
    """ "David L. Roe Washington Post": a byline's name run on into the outlet it writes for."""
    found = find_outlets(part, outlets)
    if found and found[-1][0] > 0 and found[-1][0] + len(found[-1][1]) == len(part):
        person = part[: found[-1][0]].strip(" ,")
        return (person, found[-1][1]) if _is_name(person) or _are_names(person) else None
    words = part.split()
    if len(words) < 4 or words[-1].lower() not in _OUTLET_WORDS:
        return None
    size = 3 if re.fullmatch(r"[A-Z]\.?", words[1]) else 2  # first name, an initial, surname
    person, outlet = " ".join(words[:size]), " ".join(words[size:])
    if _is_name(person) and all(w[0].isupper() for w in words[size:]):
        return person, outlet
    return None


def _is_name(text: str) -> bool:
    text = text.strip(" .")
    return bool(_NAME.match(text)) and not any(w.lower() in UI_WORDS for w in _words(text))


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
    return _WIRE_DATELINE.match(text) or _SLASHED_DATELINE.match(text) or _BRACKETED_DATELINE.match(text)
