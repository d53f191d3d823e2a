"""Read files and folders into RawInput records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.records import RawInput

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MAX_BYTES = 5_000_000  # a news report is far smaller; larger inputs are rejected, not read


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under the given paths, folders walked recursively in name order."""
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and not _hidden(p))
        else:
            yield path


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") for part in path.parts[-1:])


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> RawInput:
    """Read one file; raise InputError naming the problem when it cannot be used."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from error
    if size > max_bytes:
        raise InputError(f"too large: {size:,} bytes (limit {max_bytes:,})")
    try:
        content = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from error
    media_type = "text/html" if path.suffix.lower() in HTML_SUFFIXES else "text/plain"
    return RawInput(source=str(path), content=content, media_type=media_type)
