"""Text in UTF-16 or UTF-32 marked by a byte-order mark is re-encoded as UTF-8 where it is read.

Cleaning reads UTF-8 (or an HTML page's declared charset); a UTF-16 file is full of NUL bytes
and would be taken for binary. Its byte-order mark says what it is, so the reader converts it.
"""

from __future__ import annotations

import codecs

from claimgraph.errors import InputError

# UTF-32 first: its little-endian mark begins with UTF-16's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def as_utf8(content: bytes) -> bytes:
    """The bytes as UTF-8 when a UTF-16/32 byte-order mark starts them; others unchanged."""
    for mark, encoding in _MARKS:
        if content.startswith(mark):
            try:
                return content.decode(encoding).encode("utf-8")
            except UnicodeError as error:
                name = encoding.upper()
                raise InputError(
                    f"undecodable: marked {name} by its byte-order mark, but {error.reason}"
                ) from error
    return content
