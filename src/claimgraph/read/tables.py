"""JSONL and CSV corpora: one article a row, read row by row.

A row has ``text`` or ``html``, and may have ``url``, ``title``, ``date``
(or ``published``) and ``outlet``. A bad row is rejected on its own, named
``FILE:LINE``; the rows around it go on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import IO

from claimgraph.errors import InputError
from claimgraph.read.options import ReadOptions
from claimgraph.records import RawInput, Rejection

FIELDS = ("text", "html", "url", "title", "date", "published", "outlet")


def row_input(row: Mapping[str, object], source: str, max_bytes: int) -> RawInput:
    """One row as a RawInput; raise InputError when it has no usable article."""
    values = {k.strip().lower(): v for k, v in row.items() if isinstance(k, str)}
    html, text = values.get("html"), values.get("text")
    body = html if _filled(html) else text
    if not _filled(body):
        raise InputError("no article: the row has no 'text' or 'html' field")
    if not isinstance(body, str):
        raise InputError(f"the row's {'html' if _filled(html) else 'text'} is not a string")
    content = body.encode("utf-8")
    if len(content) > max_bytes:
        raise InputError(f"too large: {len(content):,} bytes (limit {max_bytes:,})")
    return RawInput(
        source=source,
        content=content,
        media_type="text/html" if _filled(html) else "text/plain",
        title=_text(values.get("title")),
        outlet=_text(values.get("outlet")),
        published=_text(values.get("date")) or _text(values.get("published")),
        url=_text(values.get("url")),
    )


def _filled(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _text(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def iter_jsonl(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[RawInput | Rejection]:
    """Each line a JSON object; lines are read with a cap, so one huge line cannot fill memory."""
    number = 0
    while True:
        try:
            line = stream.readline(options.max_bytes + 1)
        except InputError as error:  # the container itself broke (a gzip bomb): stop here
            yield Rejection(f"{name}:{number + 1}", f"{error} (rows before it were read)")
            return
        if not line:
            return
        number += 1
        source = f"{name}:{number}"
        if len(line) > options.max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield Rejection(source, f"too large: the row is over {options.max_bytes:,} bytes")
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except UnicodeDecodeError as error:
            yield Rejection(source, f"undecodable: the row is not UTF-8 ({error.reason})")
            continue
        except json.JSONDecodeError as error:
            yield Rejection(source, f"not JSON: {error.msg} at column {error.colno}")
            continue
        if not isinstance(row, dict):
            yield Rejection(source, f"not an object: a JSON {type(row).__name__}")
            continue
        yield _row_or_rejection(row, source, options)


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def iter_csv(stream: IO[bytes], name: str, options: ReadOptions) -> Iterator[RawInput | Rejection]:
    """A header row, then one article a row. A row too big or bytes not UTF-8 stop the file there."""
    # The csv module's field limit is process-wide and defaults to 128 KB: an article may be larger.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", errors="strict")
    reader = csv.DictReader(text)
    try:
        header = reader.fieldnames or []
        if not {f.strip().lower() for f in header} & {"text", "html"}:
            yield Rejection(name, f"not an article table: no 'text' or 'html' column in {header!r}")
            return
        for row in reader:
            yield _row_or_rejection(row, f"{name}:{reader.line_num}", options)
    except UnicodeDecodeError as error:
        yield Rejection(
            f"{name}:{reader.line_num + 1}", f"undecodable: not UTF-8 ({error.reason}); file stopped"
        )
    except (csv.Error, InputError) as error:
        yield Rejection(f"{name}:{reader.line_num + 1}", f"{error}; file stopped (rows before it were read)")
    finally:
        text.detach()


def _row_or_rejection(row: Mapping[str, object], source: str, options: ReadOptions) -> RawInput | Rejection:
    try:
        return row_input(row, source, options.max_bytes)
    except InputError as error:
        return Rejection(source, str(error))
