"""Read files and folders: walk folders, read one document a file, within the size limit."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.read.compressed import GZIP_MAGIC, gunzip_capped, read_capped
from claimgraph.read.encoding import as_utf8
from claimgraph.read.options import MAX_BYTES
from claimgraph.records import RawInput, Rejection

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under the given paths, folders walked recursively in name order."""
    for path in paths:
        yield from (p for p in walk(path) if isinstance(p, Path))


def walk(path: Path) -> Iterator[Path | Rejection]:
    """The file, or every file under the folder in name order (hidden ones and folder links skipped);
    a folder that cannot be listed is a Rejection naming it, and the walk goes on."""
    if not path.is_dir():
        yield path
        return
    try:
        with os.scandir(path) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as error:
        yield Rejection(str(path), f"cannot read folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
            is_file = not is_folder and entry.is_file()
        except OSError as error:
            yield Rejection(entry.path, f"cannot read: {error.strerror or error}")
            continue
        if is_folder:
            yield from walk(Path(entry.path))
        elif is_file:
            yield Path(entry.path)


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
    content = as_utf8(content)
    media_type = "text/html" if inner_suffix(path) in HTML_SUFFIXES else "text/plain"
    return RawInput(source=str(path), content=content, media_type=media_type)
