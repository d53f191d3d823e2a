"""Read: every kind of input, streamed, with each bad one refused by name and reason."""

from __future__ import annotations

import gzip
import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.read import Reader, ReadOptions, iter_inputs, make_client, single_documents
from claimgraph.records import RawInput, Rejection
from tests.postgres import store_location

STORY = (
    "Officials in Seoul said on Monday that the shipment of artillery shells had reached the port. "
    "The defence ministry added that more deliveries were expected before the end of the month."
)
PAGE = f"<html><head><title>Port news</title></head><body><article><p>{STORY}</p></article></body></html>"


def read_all(*sources, **reader) -> list[RawInput | Rejection]:
    return list(Reader(**reader).inputs(sources))


def documents(items) -> list[RawInput]:
    return [i for i in items if isinstance(i, RawInput)]


def rejections(items) -> dict[str, str]:
    return {i.source: i.reason for i in items if isinstance(i, Rejection)}


def test_folders_are_walked_recursively_skipping_hidden_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(STORY)
    (tmp_path / "a" / "two.html").write_text(PAGE)
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text(STORY)
    (tmp_path / ".hidden.txt").write_text(STORY)
    items = read_all(tmp_path, tmp_path / "missing.txt")
    assert [(d.source.split("/")[-1], d.media_type) for d in documents(items)] == [
        ("one.txt", "text/plain"),
        ("two.html", "text/html"),
    ]
    assert "not found" in rejections(items)[str(tmp_path / "missing.txt")]
    assert single_documents([tmp_path, tmp_path / "missing.txt"]) == 3


def test_gzipped_page_is_unpacked(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    [item] = read_all(tmp_path / "page.html.gz")
    assert isinstance(item, RawInput) and item.content == PAGE.encode() and item.media_type == "text/html"


def test_gzip_bomb_is_refused_by_its_expansion(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 3_000_000))
    [item] = read_all(tmp_path / "bomb.txt.gz", options=ReadOptions(max_bytes=1_000_000))
    assert isinstance(item, Rejection) and item.reason.startswith("gzip bomb")


def test_jsonl_rows_carry_their_metadata_and_bad_rows_are_named_by_line(tmp_path):
    rows = [
        {
            "text": STORY,
            "url": "https://news.example/a",
            "title": "Shells",
            "date": "2025-03-02",
            "outlet": "X",
        },
        "not json {",
        {"title": "no body"},
        {"html": PAGE},
        {"text": "x" * 2000},
    ]
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = read_all(path, options=ReadOptions(max_bytes=1500))
    first, second = documents(items)
    assert (first.url, first.title, first.published, first.outlet) == (
        "https://news.example/a",
        "Shells",
        "2025-03-02",
        "X",
    )
    assert first.source == f"{path}:1" and second.media_type == "text/html" and second.source == f"{path}:4"
    refused = rejections(items)
    assert "not JSON" in refused[f"{path}:2"]
    assert "no 'text' or 'html'" in refused[f"{path}:3"]
    assert "too large" in refused[f"{path}:5"]


def test_gzipped_jsonl_is_streamed(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(
        gzip.compress(b"".join(json.dumps({"text": f"{STORY} {n}"}).encode() + b"\n" for n in range(3)))
    )
    assert len(documents(read_all(path))) == 3


def test_csv_rows_with_a_header(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(f'title,text,date\n"Shells","{STORY}",2025-03-02\n"Empty","",\n', encoding="utf-8")
    items = read_all(path)
    [doc] = documents(items)
    assert doc.title == "Shells" and doc.published == "2025-03-02" and doc.source == f"{path}:2"
    assert "no 'text' or 'html'" in rejections(items)[f"{path}:3"]


def test_csv_without_an_article_column_is_refused(tmp_path):
    path = tmp_path / "prices.csv"
    path.write_text("name,price\napple,3\n")
    assert "no 'text' or 'html' column" in rejections(read_all(path))[str(path)]


def test_inputs_are_streamed_one_at_a_time():
    """A reader pulls only what the next record needs: a huge corpus never sits in memory."""

    class Counting(io.BytesIO):
        consumed = 0

        def read(self, size=-1):
            data = super().read(size)
            Counting.consumed += len(data)
            return data

        def readline(self, size=-1):
            data = super().readline(size)
            Counting.consumed += len(data)
            return data

    corpus = b"".join(json.dumps({"text": f"{STORY} {n}"}).encode() + b"\n" for n in range(5000))
    inputs = iter_inputs(["-"], stdin=Counting(corpus))
    first = next(inputs)
    assert isinstance(first, RawInput) and first.source == "stdin:1"
    assert Counting.consumed < len(corpus) / 10


def test_stdin_holds_one_document_or_a_corpus():
    [page] = list(iter_inputs(["-"], stdin=io.BytesIO(PAGE.encode())))
    assert isinstance(page, RawInput) and page.source == "stdin"
    packed = gzip.compress(json.dumps({"text": STORY}).encode() + b"\n")
    [row] = list(iter_inputs(["-"], stdin=io.BytesIO(packed)))
    assert isinstance(row, RawInput) and row.source == "stdin:1"


def warc_bytes(records: list[tuple[str, int, str, bytes]], packed: bool) -> bytes:
    """A WARC in the CC-NEWS layout: a response record with HTTP headers per page."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=packed)
    for url, status, media_type, body in records:
        headers = StatusAndHeaders(
            f"{status} OK",
            [("Content-Type", media_type), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        )
        writer.write_record(
            writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        )
    return out.getvalue()


@pytest.mark.parametrize("packed", [False, True])
def test_warc_response_records_are_pages(tmp_path, packed):
    records = [
        ("https://news.example/2025/03/02/shells", 200, "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://news.example/gone", 404, "text/html", b"<html>not found</html>"),
        ("https://news.example/notes.txt", 200, "text/plain", STORY.encode()),
    ]
    path = tmp_path / ("crawl.warc.gz" if packed else "crawl.warc")
    path.write_bytes(warc_bytes(records, packed))
    items = read_all(path)
    assert [(d.url, d.media_type) for d in documents(items)] == [
        ("https://news.example/2025/03/02/shells", "text/html"),
        ("https://news.example/notes.txt", "text/plain"),
    ]
    assert documents(items)[0].content == PAGE.encode() and not rejections(items)


def test_a_truncated_warc_keeps_the_records_before_the_break(tmp_path):
    pages = [(f"https://news.example/{n}", 200, "text/html", PAGE.encode()) for n in range(2)]
    whole = warc_bytes(pages, packed=False)
    cut = whole.rindex(PAGE.encode()) + 40  # inside the second page
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:cut])
    items = read_all(path)
    assert [d.url for d in documents(items)] == ["https://news.example/0"]
    assert rejections(items)["https://news.example/1"].startswith("truncated")


def test_a_file_that_is_not_a_warc_is_refused(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive at all\n" * 3)
    assert rejections(read_all(path))[str(path)].startswith("not a WARC archive")


RSS = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Shells reach the port</title><link>https://wire.example/shells</link>
<pubDate>Sun, 02 Mar 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
<item><title>Gone</title><link>https://wire.example/gone</link></item>
</channel></rss>"""


def test_feed_entries_are_inputs_with_feed_metadata(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    items = read_all(path)
    [entry] = documents(items)
    assert (entry.title, entry.outlet, entry.published, entry.url) == (
        "Shells reach the port",
        "Harbour Wire",
        "2025-03-02",
        "https://wire.example/shells",
    )
    assert STORY in entry.content.decode() and entry.media_type == "text/html"
    assert "no text" in rejections(items)["https://wire.example/gone"]


def test_atom_entries_use_their_full_content(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Wire</title>
<entry><title>Shells reach the port</title><link href="https://wire.example/shells"/>
<updated>2025-03-02T10:00:00Z</updated><summary>Short teaser.</summary>
<content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "wire.atom"
    path.write_text(atom)
    [entry] = documents(read_all(path))
    assert STORY in entry.content.decode() and "teaser" not in entry.content.decode()
    assert (entry.outlet, entry.published) == ("Harbour Wire", "2025-03-02")


def test_xml_that_is_not_a_feed_is_refused(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    assert rejections(read_all(path))[str(path)] == "not a feed: an XML file that is not RSS or Atom"


def mock_client(routes: dict[str, httpx.Response], options: ReadOptions | None = None) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        return routes.get(str(request.url), httpx.Response(404))

    return make_client(options or ReadOptions(), transport=httpx.MockTransport(handler))


def test_feed_url_followed_to_each_entry_page():
    routes = {
        "https://wire.example/feed": httpx.Response(
            200, headers={"Content-Type": "application/rss+xml"}, text=RSS
        ),
        "https://wire.example/shells": httpx.Response(200, headers={"Content-Type": "text/html"}, text=PAGE),
    }
    client = mock_client(routes)
    items = read_all("https://wire.example/feed", options=ReadOptions(follow=True), client=client)
    [page] = documents(items)
    assert page.content == PAGE.encode() and page.outlet == "Harbour Wire" and page.published == "2025-03-02"
    assert rejections(items) == {"https://wire.example/gone": "HTTP 404 Not Found"}


def test_url_errors_are_reasons():
    big = "x" * 5000
    routes = {
        "https://n.example/big": httpx.Response(200, headers={"Content-Type": "text/html"}, text=big),
        "https://n.example/pdf": httpx.Response(
            200, headers={"Content-Type": "application/pdf"}, content=b"%PDF"
        ),
        "https://n.example/bomb": httpx.Response(
            200,
            headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
            content=gzip.compress(b" " * 200_000),
        ),
        "https://n.example/latin": httpx.Response(
            200, headers={"Content-Type": "text/plain; charset=iso-8859-1"}, content="Café".encode("latin-1")
        ),
    }
    options = ReadOptions(max_bytes=4000, max_feed_bytes=4000)
    items = read_all(*routes, options=options, client=mock_client(routes, options))
    refused = rejections(items)
    assert refused["https://n.example/big"].startswith("too large")
    assert refused["https://n.example/pdf"] == "unsupported content type: application/pdf"
    assert refused["https://n.example/bomb"].startswith("gzip bomb")
    [latin] = documents(items)
    assert latin.content.decode("utf-8") == "Café"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.startswith("/loop"):
            step = int(self.path.removeprefix("/loop/") or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop/{step + 1}")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.0)
            self._page()
        else:
            self._page()

    def _page(self):
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def local_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_pages_from_a_local_server_with_bounded_redirects_and_a_timeout(local_site):
    options = ReadOptions(timeout=0.3, max_redirects=3)
    items = read_all(f"{local_site}/story", f"{local_site}/loop/0", f"{local_site}/slow", options=options)
    [page] = documents(items)
    assert page.content == PAGE.encode() and page.url == f"{local_site}/story"
    refused = rejections(items)
    assert refused[f"{local_site}/loop/0"] == "too many redirects (limit 3)"
    assert refused[f"{local_site}/slow"].startswith("timed out after 0.3 s")


def test_cli_ingests_standard_input(tmp_path):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    corpus = "\n".join(
        json.dumps({"text": f"{STORY} {extra}", "outlet": "Harbour Wire", "date": "2025-03-02"})
        for extra in ("The port said little else.", "Dock workers were not told why.")
    )
    db = store_location(tmp_path, "s.db")
    result = CliRunner().invoke(app, ["--db", db, "ingest", "-"], input=corpus + "\n{broken\n")
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "ingested │ 2" in output or "ingested 2" in output
    assert "rejected stdin:3: not JSON" in output
