"""Shared pieces of the terminal views. Article text is never read as markup."""

from __future__ import annotations

from pathlib import PurePath

from rich.text import Text

from claimgraph.figures import format_figure, format_number, format_range
from claimgraph.records import Document, Quantity

__all__ = ["format_number", "format_quantity", "format_range", "highlight", "plain", "source_label"]
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


def format_quantity(quantity: Quantity) -> str:
    return format_figure(quantity.low, quantity.high, quantity.unit, quantity.qualifier, quantity.per)


def highlight(sentence: str, offset: int, spans: list[tuple[int, int, str]]) -> Text:
    """The sentence with the given body spans styled; offsets are body offsets."""
    text = Text(terminal_safe(sentence))
    for start, end, style in spans:
        if offset <= start and end <= offset + len(sentence):
            text.stylize(style, start - offset, end - offset)
    return text
