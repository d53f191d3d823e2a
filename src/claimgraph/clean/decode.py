"""Decode raw bytes to text, rejecting what is not text."""

from __future__ import annotations

import re
import unicodedata

from claimgraph.errors import InputError

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CONTROL_OK = frozenset("\n\r\t\f")


def decode_bytes(content: bytes, html: bool = False) -> str:
    """UTF-8 (or an HTML page's declared charset); raise InputError when not text."""
    if not content.strip():
        raise InputError("empty: no text in the file")
    if b"\x00" in content[:8192]:
        raise InputError("binary: NUL bytes, not a text file")
    text = _decode(content, html)
    controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in _CONTROL_OK)
    if controls > 0.01 * min(len(text), 8192):
        raise InputError("binary: control characters, not a text file")
    return text.lstrip("\ufeff")


def _decode(content: bytes, html: bool) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = _CHARSET.search(content[:4096]) if html else None
        if declared:
            try:
                return content.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise InputError(
            f"undecodable: not UTF-8 (byte 0x{content[error.start]:02x} at offset {error.start})"
        ) from error
