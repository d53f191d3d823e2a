"""Page furniture: the lines of a scrape that are never the article's text.

Interface labels, counters, photo credits, links to other stories, appeals for
money, editors' and contributors' notes, disclaimers, tag lines, image metadata,
read-aloud notices, image alt text and credit lines. Each is told by its shape
and by general words of web pages, never by the strings of a known site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimgraph.clean.credits import credit_in_line

# Words of web interfaces, not of news: a short line made only of them is page furniture.
UI_WORDS = frozenset(
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
# Labels that open a list of other content: the article has ended.
SECTION_BREAK = re.compile(
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
# "Subscribe to our Telegram channel", "Follow us on X for updates", "Help us reach 5,000 members".
_APPEAL = re.compile(
    r"\b(consider|please)\s+(supporting|subscribing|donating|becoming)\b|"
    r"^(subscribe|sign\s+up|follow\s+us|join\s+us|join\s+our|download\s+our|try\s+our)\b.{0,60}"
    r"\b(channel|newsletter|updates|app|feed|page|account|alerts|features?|tools?)\b|"
    r"\bsupport\s+(our|independent)\s+(journalism|reporting)\b|\bbecome\s+a\s+(member|subscriber|patron)\b|"
    r"\bcan\s+do\s+for\s+you\s*[:!?.]?$|"
    r"\bhelp\s+us\s+(reach|get\s+to|hit|grow|find)\b.{0,40}\b(members|subscribers|supporters|readers|donors)\b|"
    r"\b(quality|independent|good)\s+journalism\s+(takes|costs|needs|requires|depends)\b",
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
# A photo's caption closing with its credit: "… on Monday. [AFP]", "(Jane Roe/Pool/AFP via Getty
# Images)", "… / Photo: Reuters Archive". It stays in the body (it names who is pictured), but the
# agency credited for a picture is not the story's source.
_CAPTION_TAIL = re.compile(
    r"(?:\[[A-Z][A-Z0-9 .&/-]{1,30}\]|\([^()]*(?:\b(?:[Pp]hoto|[Pp]ool|Getty|Images|[Ff]ile)\b|"
    r"\w/\w)[^()]*\)|/\s*(?:Photo|Image|Picture)s?\s*(?:by|:)[^/]{1,60})\.?$"
)
# A caption's closing credit with no brackets: "… on April 28. Jane Roe/AP", "Photo: EPA-EFE / KCNA".
_SLASH_CREDIT = re.compile(
    r"(?:^|(?<=[.!?]\s))[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s?/\s?[A-Z][\w/&. -]{1,40}$"
)
# The bytes of a picture's metadata set as text: "CREATOR: gd-jpeg v1.0 (using IJG JPEG v62), quality = 75".
_IMAGE_METADATA = re.compile(
    r"^[A-Z][A-Z_ ]{2,20}:\s*\S+\s+v?\d+(?:\.\d+)+|\b(?:jpe?g|png|exif|jfif|icc)\b.*\b(?:quality|v\d)|"
    r"\w\s*=\s*\d+\s*$",
    re.IGNORECASE,
)
# A page's note on its read-aloud audio: "This audio is created with AI assistance", "Listen to this article".
_AUDIO_NOTICE = re.compile(
    r"\b(?:audio|narration|voiced?|read\s+aloud|text[- ]to[- ]speech)\b.{0,60}\b(?:ai|generated|created|"
    r"automated|synthesi[sz]ed|assistance)\b|^listen\s+to\s+(?:this\s+|the\s+)?(?:article|story)\b",
    re.IGNORECASE,
)
# An image's alternative text standing in for it: "Site icon Harbour Daily", "Logo of …".
_IMAGE_ALT = re.compile(
    r"^(?:site\s+)?(?:icon|logo|avatar|favicon)\b|\bsite\s+(?:icon|logo)\b", re.IGNORECASE
)
_COUNTER = re.compile(
    r"^\d[\d,.]*\s*(comments?|shares?|views?|likes?|reactions?|replies)$|^\d[\d,.]*\s+(out\s+)?of\s+\d[\d,.]*$",
    re.IGNORECASE,
)  # "0 out of 25,000": a fund-raiser's progress bar
_PHOTO_CREDIT = re.compile(r"^\(?\s*(photo|image|picture|video|credit|source image)\b.*[©:]", re.IGNORECASE)


def is_junk(line: str, words: list[str], outlets: Sequence[str] = ()) -> bool:
    lowered = [w.lower() for w in words]
    if not words:
        return True
    if _COUNTER.match(line) or _PHOTO_CREDIT.match(line) or credit_in_line(line, outlets) is not None:
        return True
    if _IMAGE_METADATA.search(line):
        return True
    if len(words) <= 15 and (_AUDIO_NOTICE.search(line) or _IMAGE_ALT.search(line)):
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
    if len(words) <= 8 and sum(w in UI_WORDS for w in lowered) >= 0.75 * len(words):
        return True
    if len(words) <= 2 and line[0].islower():
        return True
    return bool(SECTION_BREAK.match(line) and len(words) <= 6)


def is_caption(line: str) -> bool:
    """A photo's caption, told by the credit closing it."""
    return bool(_CAPTION_TAIL.search(line))


def picture_credit_start(line: str) -> int | None:
    """Where the credit closing a photo's caption begins ("(Jane Roe/Pool/AFP via Getty Images)",
    "Ahn Young-joon/AP"): the names there credit a picture, they are not in the story."""
    match = _CAPTION_TAIL.search(line) or _SLASH_CREDIT.search(line)
    return match.start() if match else None


def _is_tag_list(line: str) -> bool:
    """A run of comma-separated labels, mostly in capitals: a page's tags."""
    items = [item.strip() for item in line.split(",") if item.strip()]
    if len(items) < 4:
        return False
    upper = sum(1 for item in items if item.upper() == item)
    short = sum(1 for item in items if len(item.split()) <= 4)
    return upper >= 0.7 * len(items) and short >= 0.8 * len(items)
