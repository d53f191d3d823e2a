"""Read files and folders: walk folders, read one document a file, within the size limit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.read.compressed import GZIP_MAGIC, gunzip_capped, read_capped
from claimgraph.read.options import MAX_BYTES
from claimgraph.records import RawInput

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under the given paths, folders walked recursively in name order."""
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and not _hidden(p, path))
        else:
            yield path


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def inner_suffix(path: Path) -> str:
    """The suffix that says the format: ".html" for "page.html.gz", ".gz" alone for "x.gz"."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".gz"] and len(suffixes) >= 2:
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> RawInput:
    """Read one document file (gzipped or not); raise InputError naming the problem."""
    try:
        size = path.stat().st_size
        packed = path.name.lower().endswith(".gz")
        if not packed and size > max_bytes:
            raise InputError(f"too large: {size:,} bytes (limit {max_bytes:,})")
        with path.open("rb") as stream:
            content = read_capped(stream, max_bytes)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from error
    if packed or content.startswith(GZIP_MAGIC):
        content = gunzip_capped(content, max_bytes)
    media_type = "text/html" if inner_suffix(path) in HTML_SUFFIXES else "text/plain"
    return RawInput(source=str(path), content=content, media_type=media_type)
