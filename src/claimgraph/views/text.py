"""Shared pieces of the terminal views. Article text is never read as markup."""

from __future__ import annotations

from pathlib import PurePath

from rich.text import Text

from claimgraph.records import Document, Quantity

# Control characters shown as their Unicode pictures (ESC as ␛, BEL as ␇, CR as ␍), one character
# for one, so offsets into the text still hold: an escape sequence in an article or a file name
# cannot clear the screen, retitle the terminal or hide what follows. C1 controls (some terminals
# obey 0x9B as ESC [) have no pictures and show as �. Line feeds and tabs are layout, kept.
_SHOWN = str.maketrans(
    {
        **{code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\n\t"},
        0x7F: "\u2421",
        **{code: "\ufffd" for code in range(0x80, 0xA0)},
    }
)


def terminal_safe(text: str) -> str:
    """The text with every control character shown, not obeyed, by a terminal."""
    return text.translate(_SHOWN)


def plain(value: object, style: str = "") -> Text:
    """Text from an article or a user, shown as it is: rich markup in it is not interpreted, and
    control characters are shown, not obeyed (terminal_safe)."""
    return Text("" if value is None else terminal_safe(str(value)), style=style)


def source_label(document: Document) -> str:
    name = PurePath(document.source).name or document.source
    return f"{document.outlet} ({name})" if document.outlet else name


def format_number(value: float) -> str:
    if value < 1 and value > 0:
        return f"{value:.0%}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def format_quantity(quantity: Quantity) -> str:
    if quantity.low == quantity.high:
        amount = format_number(quantity.low)
    else:
        amount = f"{format_number(quantity.low)}–{format_number(quantity.high)}"
    qualifier = f"{quantity.qualifier} " if quantity.qualifier else ""
    unit = "" if quantity.unit == "share" else f" {quantity.unit}"
    rate = f" per {quantity.per}" if quantity.per else ""
    return f"{qualifier}{amount}{unit}{rate}"


def highlight(sentence: str, offset: int, spans: list[tuple[int, int, str]]) -> Text:
    """The sentence with the given body spans styled; offsets are body offsets."""
    text = Text(terminal_safe(sentence))
    for start, end, style in spans:
        if offset <= start and end <= offset + len(sentence):
            text.stylize(style, start - offset, end - offset)
    return text
