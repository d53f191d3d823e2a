"""Fuzzing every reader: random bytes and mutated valid inputs must each end as a document or a
rejection with a reason, never an exception.

For each reader (text, HTML, JSONL, CSV, RSS/Atom feeds, WARC, gzip) hypothesis draws inputs of
two kinds: plain random bytes, and valid inputs of that format (built from drawn text) with bytes
flipped, cut, duplicated, deleted or control characters put in. Each input goes through the reader
and each RawInput it yields through cleaning, as an ingest does before the language model: the
reader may yield RawInput or Rejection, and reading or cleaning may raise InputError (how a single
input is rejected); anything else is a bug. Runs are derandomized, so CI sees the same examples
every time, and bounded: EXAMPLES per reader, small inputs, no deadline per example.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.clean import clean
from claimgraph.errors import InputError
from claimgraph.read.compressed import gunzip_capped
from claimgraph.read.feeds import iter_feed
from claimgraph.read.files import read_file
from claimgraph.read.options import ReadOptions
from claimgraph.read.tables import iter_csv, iter_jsonl
from claimgraph.read.warc import iter_warc
from claimgraph.records import Document, RawInput, Rejection
from tests.postgres import on_postgresql

EXAMPLES = int(os.environ.get("CLAIMGRAPH_FUZZ_EXAMPLES", "2000"))
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(on_postgresql(), reason="no store involved: fuzzed in the SQLite run of the suite"),
]
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
OPTIONS = ReadOptions(max_bytes=20_000, max_feed_bytes=40_000)  # small limits: the size checks run too
TODAY = date(2025, 6, 1)

# Words that make cleaning go past decoding and into the article finder and language check.
WORDS = st.sampled_from(
    (
        "the",
        "ministry",
        "said",
        "on",
        "Monday",
        "that",
        "troops",
        "had",
        "arrived",
        "in",
        "port",
        "according",
        "to",
        "officials",
        "drones",
        "shells",
        "3,000",
        "about",
        "per",
        "month",
        "Kim",
        "Jong",
        "Un",
        "Russia",
        "Seoul",
        "\u00c7elik",
        "\u00f6",
        "\u2014",
        "\u201c",
        "\u201d",
        "<b>",
        "</p>",
        "&",
        "\x1b[2J",
        "\x00",
        "\ufeff",
    )
)
PROSE = st.lists(WORDS, min_size=0, max_size=80).map(" ".join)
SHORT = st.text(max_size=40)


@st.composite
def mutated(draw: st.DrawFn, valid: st.SearchStrategy[bytes]) -> bytes:
    """A valid input with a few bytes flipped, cut, duplicated, deleted or control bytes put in."""
    data = bytearray(draw(valid))
    for _ in range(draw(st.integers(0, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        operation = draw(st.sampled_from(["flip", "cut", "dup", "delete", "insert"]))
        if operation == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif operation == "cut":
            del data[at:]
        elif operation == "dup":
            data[at:at] = data[at : at + draw(st.integers(1, 64))]
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            data[at:at] = draw(
                st.sampled_from([b"\x00", b"\x1b[", b"\xff\xfe", b"\x1f\x8b", b"\r\n\r\n", b"<"])
            )
    return bytes(data)


def inputs(valid: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=4096), mutated(valid), valid)


def ends_well(items: Iterable[RawInput | Rejection]) -> None:
    """Every item a RawInput or a Rejection with a reason; every RawInput cleaned to a Document or
    refused with InputError."""
    for item in items:
        if isinstance(item, Rejection):
            assert item.reason and isinstance(item.reason, str)
            continue
        assert isinstance(item, RawInput), item
        try:
            assert isinstance(clean(item, today=TODAY), Document)
        except InputError as error:
            assert str(error)


def read_one(path: Path) -> list[RawInput | Rejection]:
    try:
        return [read_file(path, OPTIONS.max_bytes)]
    except InputError as error:
        return [Rejection(str(path), str(error))]


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory(prefix="claimgraph-fuzz-") as made:
        yield Path(made)


# Valid inputs of each format ---------------------------------------------------------------------

TEXTS = PROSE.map(lambda t: t.encode("utf-8", "surrogatepass"))
HTML = st.builds(
    lambda title, body, meta: (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head>"
        f"<body><nav>Home</nav><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    ).encode("utf-8", "surrogatepass"),
    SHORT,
    PROSE,
    st.sampled_from(
        ["", '<meta charset="latin-1">', '<meta property="article:published_time" content="2025-03-02">']
    ),
)
ROWS = st.lists(
    st.fixed_dictionaries(
        {"text": PROSE},
        optional={"html": PROSE, "url": SHORT, "title": SHORT, "date": SHORT, "outlet": SHORT},
    ),
    max_size=5,
)
JSONL = ROWS.map(lambda rows: "\n".join(json.dumps(r) for r in rows).encode())


def _csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, ["text", "html", "url", "title", "date", "outlet"])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


CSV = ROWS.map(_csv)
FEEDS = st.builds(
    lambda title, entries, atom: (
        (
            f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            + "".join(
                f"<entry><title>t</title><link href='{link}'/><content>{text}</content></entry>"
                for link, text in entries
            )
            + "</feed>"
        )
        if atom
        else (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            + "".join(
                f"<item><link>{link}</link><description>{text}</description></item>" for link, text in entries
            )
            + "</channel></rss>"
        )
    ).encode("utf-8", "surrogatepass"),
    SHORT,
    st.lists(st.tuples(SHORT, PROSE), max_size=4),
    st.booleans(),
)


def _warc(pages: list[tuple[str, str, str, bytes]], packed: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=packed)
    for n, (url, status, media_type, body) in enumerate(pages):
        headers = StatusAndHeaders(
            f"{status} OK",
            [("Content-Type", media_type), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        fixed = {  # the same bytes every run: hypothesis replays what it drew
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
            "WARC-Date": "2025-03-02T10:00:00Z",
        }
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict=fixed
        )
        writer.write_record(record)
    return out.getvalue()


WARCS = st.builds(
    _warc,
    st.lists(
        st.tuples(
            st.sampled_from(["https://news.example/a", "http://x.example/b?c=d", "dns:x", "ftp://f/g"]),
            st.sampled_from(["200", "404", "301"]),
            st.sampled_from(["text/html", "text/plain; charset=utf-8", "image/png", ""]),
            st.one_of(HTML, TEXTS),
        ),
        max_size=3,
    ),
    st.booleans(),
)
GZIPPED = st.one_of(TEXTS, HTML).map(lambda data: gzip.compress(data, mtime=0))


# One test per reader -------------------------------------------------------------------------------


@FUZZ
@pytest.mark.parametrize("name, strategy", [("fuzz.txt", TEXTS), ("fuzz.html", HTML)])
@given(data=st.data())
def test_files(folder, name, strategy, data):
    path = folder / name
    path.write_bytes(data.draw(inputs(strategy)))
    ends_well(read_one(path))


@FUZZ
@pytest.mark.parametrize(
    "name, strategy, reader",
    [("fuzz.jsonl", JSONL, iter_jsonl), ("fuzz.csv", CSV, iter_csv), ("fuzz.warc", WARCS, iter_warc)],
)
@given(data=st.data())
def test_corpus_streams(name, strategy, reader, data):
    stream = io.BufferedReader(io.BytesIO(data.draw(inputs(strategy))))
    ends_well(reader(stream, name, OPTIONS))


@FUZZ
@given(content=inputs(FEEDS))
def test_feeds(content):
    ends_well(iter_feed(content, "fuzz.xml"))


@FUZZ
@given(content=inputs(GZIPPED))
def test_gzipped_files(folder, content):
    path = folder / "fuzz.txt.gz"
    path.write_bytes(content)
    ends_well(read_one(path))
    try:
        gunzip_capped(content, OPTIONS.max_bytes)
    except InputError as error:
        assert str(error)
