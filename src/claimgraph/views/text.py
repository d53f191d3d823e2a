"""Shared pieces of the terminal views. Article text is never read as markup."""

from __future__ import annotations

from pathlib import PurePath

from rich.text import Text

from claimgraph.figures import format_figure, format_number, format_range
from claimgraph.records import Document, Quantity

__all__ = ["format_number", "format_quantity", "format_range", "highlight", "plain", "source_label"]


def plain(value: object, style: str = "") -> Text:
    """Text from an article or a user, shown as it is: rich markup in it is not interpreted."""
    return Text("" if value is None else str(value), style=style)


def source_label(document: Document) -> str:
    name = PurePath(document.source).name or document.source
    return f"{document.outlet} ({name})" if document.outlet else name


def format_quantity(quantity: Quantity) -> str:
    return format_figure(quantity.low, quantity.high, quantity.unit, quantity.qualifier, quantity.per)


def highlight(sentence: str, offset: int, spans: list[tuple[int, int, str]]) -> Text:
    """The sentence with the given body spans styled; offsets are body offsets."""
    text = Text(sentence)
    for start, end, style in spans:
        if offset <= start and end <= offset + len(sentence):
            text.stylize(style, start - offset, end - offset)
    return text
