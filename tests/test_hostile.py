"""Hostile and broken inputs: each becomes a rejection with the reason that names its real cause,
and the good inputs beside it are stored; store problems end in one clear line and exit status 2."""

from __future__ import annotations

import codecs
import dataclasses
import gzip
import io
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.cli import app
from claimgraph.pipeline import ingest
from claimgraph.read import Reader, ReadOptions
from claimgraph.records import Analysis, Document, Entity, Mention
from claimgraph.store import open_engine, read, save_analysis
from tests.postgres import scratch_schema, store_location

# Written for these tests.
STORY = (
    "The harbour master in Varna said on Tuesday that four cargo ships carrying grain had left the port. "
    "He added that two more ships were expected to sail before the end of the week, weather permitting. "
    "Shipping agents said the convoy would be escorted by coast guard vessels until it cleared the bay."
)
OTHER = (
    "The mayor of Burgas said on Friday that the city would open three new shelters before winter. "
    "Officials told reporters that about 1,200 people had asked for places since the start of the month. "
    "A spokesman for the regional council said funding for the shelters had been approved in June."
)
PAGE = (
    "<html><head><title>Ships leave Varna</title></head>"
    f"<body><article><p>{STORY}</p></article></body></html>"
)


def reasons(report) -> dict[str, str]:
    return {Path(r.source).name if "://" not in r.source else r.source: r.reason for r in report.rejected}


def stored_names(engine) -> set[str]:
    return {Path(d.source).name if "://" not in d.source else d.source for d in read.documents(engine)}


# WARC archives ---------------------------------------------------------------------------------


def warc(records: list[tuple[str | None, bytes]], packed: bool = False) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=packed)
    for url, body in records:
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            url or "", "response", payload=io.BytesIO(body), http_headers=headers
        )
        if url is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return out.getvalue()


def test_a_warc_response_without_target_uri_is_rejected_and_the_rest_stored(tmp_path, store_engine, context):
    other = PAGE.replace(STORY, OTHER).encode()
    (tmp_path / "crawl.warc").write_bytes(
        warc(
            [
                ("https://news.example/ships", PAGE.encode()),
                (None, b"<html>x</html>"),
                ("https://news.example/shelters", other),
            ]
        )
    )
    report = ingest([tmp_path / "crawl.warc"], store_engine, context)
    [(source, reason)] = [(r.source, r.reason) for r in report.rejected]
    assert source.startswith(f"{tmp_path / 'crawl.warc'}@<urn:uuid:")
    assert reason == "no target URI: a response record without WARC-Target-URI"
    assert stored_names(store_engine) == {"https://news.example/ships", "https://news.example/shelters"}


@pytest.mark.parametrize("packed", [False, True])
def test_a_truncated_warc_record_is_rejected_as_truncated(tmp_path, store_engine, context, packed):
    whole = warc(
        [
            ("https://news.example/ships", PAGE.encode()),
            ("https://news.example/cut", PAGE.replace(STORY, OTHER).encode()),
        ],
        packed,
    )
    path = tmp_path / ("crawl.warc.gz" if packed else "crawl.warc")
    path.write_bytes(whole[:-60])  # the second record's end is lost
    report = ingest([path], store_engine, context)
    [rejection] = report.rejected
    assert rejection.reason.startswith("truncated: the archive ends")
    assert rejection.source in {"https://news.example/cut", str(path)}
    assert stored_names(store_engine) == {"https://news.example/ships"}  # the cut article is not stored


# URLs ----------------------------------------------------------------------------------------


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/trickle":  # a byte at a time, each well within the read timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(1000):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)
            return
        if self.path == "/ships":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_invalid_url_is_rejected_and_the_files_beside_it_stored(tmp_path, store_engine, context):
    (tmp_path / "ships.txt").write_text(STORY)
    report = ingest(["http://[::1:bad/", tmp_path / "ships.txt"], store_engine, context)
    assert reasons(report)["http://[::1:bad/"].startswith("invalid URL:")
    assert stored_names(store_engine) == {"ships.txt"}


def test_a_trickling_server_is_cut_off_by_the_wall_clock_limit(site, tmp_path, store_engine, context):
    (tmp_path / "ships.txt").write_text(STORY)
    reader = Reader(ReadOptions(timeout=5, max_seconds=0.5))
    started = time.monotonic()
    report = ingest([f"http://{site}/trickle", tmp_path / "ships.txt"], store_engine, context, reader=reader)
    assert time.monotonic() - started < 30  # not the 100 s the server would take
    assert reasons(report)[f"http://{site}/trickle"] == (
        "timed out: the download took over 0.5 s (the limit for one page)"
    )
    assert stored_names(store_engine) == {"ships.txt"}


def test_a_url_password_is_never_stored_or_shown(site, store_engine, context):
    report = ingest(
        [f"http://reader:s3cret@{site}/ships", f"https://reader:s3cret@{site.split(':')[0]}:1/x"],
        store_engine,
        context,
    )
    assert stored_names(store_engine) == {f"http://{site}/ships"}
    assert [r.source for r in report.rejected] == [f"https://{site.split(':')[0]}:1/x"]
    everything = repr(read.documents(store_engine)) + repr(read.rejections(store_engine)) + repr(report)
    assert "s3cret" not in everything and "reader:" not in everything


# Files and folders ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_text_with_a_byte_order_mark_is_read(tmp_path, store_engine, context, encoding):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding) or {
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[encoding]
    (inbox / "ships.txt").write_bytes(mark + STORY.encode(encoding))
    (inbox / "broken.txt").write_bytes(codecs.BOM_UTF16_LE + STORY.encode("utf-16-le")[:-1] + b"\x00\xd8")
    report = ingest([inbox], store_engine, context)
    assert reasons(report) == {"broken.txt": reasons(report)["broken.txt"]}
    assert reasons(report)["broken.txt"].startswith("undecodable: marked UTF-16 by its byte-order mark")
    [document] = read.documents(store_engine)
    assert document.body.startswith("The harbour master in Varna")


def test_a_2_gb_gzip_bomb_is_called_a_bomb(tmp_path, store_engine, context):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    member = gzip.compress(b" " * (16 << 20), compresslevel=9)  # 16 MiB of spaces in 16 KB
    (inbox / "bomb.txt.gz").write_bytes(member * 128)  # 2 GiB unpacked, 2 MB packed
    (inbox / "ships.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    report = ingest([inbox], store_engine, context)
    assert reasons(report)["bomb.txt.gz"].startswith("gzip bomb:")
    assert stored_names(store_engine) == {"ships.txt.gz"}


def test_an_unreadable_folder_is_reported_and_the_rest_read(tmp_path, store_engine, context, monkeypatch):
    locked = tmp_path / "inbox" / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden.txt").write_text(OTHER)
    (tmp_path / "inbox" / "ships.txt").write_text(STORY)
    if os.geteuid() == 0:  # root reads any folder: make this one refuse to be listed instead
        real = os.scandir

        def scandir(path):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        report = ingest([tmp_path / "inbox"], store_engine, context)
    finally:
        locked.chmod(0o755)
    assert reasons(report) == {"locked": "cannot read folder: Permission denied"}
    assert stored_names(store_engine) == {"ships.txt"}


def test_a_reader_failing_on_hostile_bytes_rejects_that_input_alone(
    tmp_path, store_engine, context, monkeypatch
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    from claimgraph.read import sources

    (inbox / "a.jsonl").write_text('{"text": "x"}\n')
    (inbox / "ships.txt").write_text(STORY)

    def broken(*args, **kwargs):
        raise RuntimeError("the parser fell over")
        yield  # pragma: no cover (a generator)

    monkeypatch.setattr(sources, "iter_jsonl", broken)
    report = ingest([inbox], store_engine, context)
    assert reasons(report) == {"a.jsonl": "cannot read: RuntimeError: the parser fell over"}
    assert stored_names(store_engine) == {"ships.txt"}


def test_an_analysis_failing_on_one_input_rejects_it_alone(tmp_path, store_engine, context, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    from claimgraph import pipeline

    (inbox / "ships.txt").write_text(STORY)
    (inbox / "shelters.txt").write_text(OTHER)
    real = pipeline.analyse_document

    def fragile(document, ctx, tag_lines=()):
        if "Burgas" in document.body:
            raise IndexError("span out of range")
        return real(document, ctx, tag_lines)

    monkeypatch.setattr(pipeline, "analyse_document", fragile)
    report = ingest([inbox], store_engine, context)
    assert reasons(report) == {"shelters.txt": "cannot analyse: IndexError: span out of range"}
    assert stored_names(store_engine) == {"ships.txt"}


# Re-ingesting --------------------------------------------------------------------------------


def test_rejections_are_recorded_once_per_input(tmp_path, store_engine, context):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "blank.txt").write_bytes(b"")
    (inbox / "ships.txt").write_text(STORY)
    for _ in range(3):
        report = ingest([inbox], store_engine, context)
        assert reasons(report) == {"blank.txt": "empty: no text in the file"}  # still told each time
    assert [Path(r.source).name for r in read.rejections(store_engine)] == ["blank.txt"]


def test_stored_inputs_are_recognised_before_the_language_model_runs(tmp_path, store_engine, context):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    calls: list[str] = []

    def counting(body):
        calls.append(body)
        return context.nlp(body)

    counted = dataclasses.replace(context, nlp=counting)
    (inbox / "ships.txt").write_text(STORY)
    (inbox / "shelters.txt").write_text(OTHER)
    first = ingest([inbox], store_engine, counted)
    assert len(first.ingested) == 2 and len(calls) == 2
    (inbox / "copy_of_ships.txt").write_text(STORY)  # the same bytes under another name
    again = ingest([inbox], store_engine, counted)
    assert len(calls) == 2  # nothing analysed again
    assert sorted(Path(s).name for s in again.duplicates) == [
        "copy_of_ships.txt",
        "shelters.txt",
        "ships.txt",
    ]
    assert len(read.documents(store_engine)) == 2


# Names and terminals ---------------------------------------------------------------------------


def _stored_entity(engine, name: str, mention: str | None = None) -> None:
    body = f"{mention or name} met the harbour master in Varna on Tuesday to discuss the grain convoy."
    document = Document(id=f"doc-{abs(hash(name))}", source="names.txt", body=body)
    entity = Entity("omer-celik" if "Ö" in name else "odd-name", name, "person")
    words = mention or name
    save_analysis(engine, Analysis(document, (entity,), (Mention(entity.id, words, 0, len(words)),)))


@pytest.mark.parametrize("asked", ["Ömer Çelik", "ömer çelik", "ÖMER ÇELIK", " Ömer çelik "])
def test_a_name_is_found_whatever_its_case_in_any_script(engine, asked):
    _stored_entity(engine, "Ömer Çelik")
    found = read.find_entity(engine, asked)
    assert found is not None and found.name == "Ömer Çelik"


def test_a_mention_is_found_whatever_its_case_in_any_script(engine):
    _stored_entity(engine, "Omer Celik", mention="Ömer Çelik")
    assert read.find_entity(engine, "ÖMER ÇELIK").name == "Omer Celik"


ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x9b31m"


def test_escape_sequences_from_inputs_are_shown_not_obeyed(tmp_path, monkeypatch):
    from rich.console import Console

    from claimgraph import cli

    monkeypatch.setattr(cli, "console", Console(width=200))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # long enough that four control characters do not make it binary
    body = STORY.replace("four cargo ships", f"four cargo ships{ESCAPES}") + "\n\n" + OTHER + "\n\n" + STORY
    (inbox / f"ships{ESCAPES}.txt").write_text(body)
    db = store_location(tmp_path, "x.db")
    runner = CliRunner()
    result = runner.invoke(app, ["--db", db, "ingest", str(inbox)])
    assert result.exit_code == 0, result.output
    _stored_entity(open_engine(db), f"Ivan{ESCAPES} Petrov")
    outputs = {
        args[0]: runner.invoke(app, ["--db", db, *args]).output
        for args in (["docs"], ["claims"], ["entities"], ["entity", f"Ivan{ESCAPES} Petrov"])
    }
    for command, output in outputs.items():
        assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output, command
    assert "␛[2J␛]0;pwned␇" in outputs["docs"] + outputs["claims"]
    assert "Ivan␛[2J␛]0;pwned␇�31m Petrov" in outputs["entity"] and "Ivan␛" in outputs["entities"]


# The store -------------------------------------------------------------------------------------


def test_a_store_of_an_unknown_schema_revision_is_refused_with_exit_2(tmp_path):
    db = store_location(tmp_path, "new.db")
    engine = open_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    result = CliRunner().invoke(app, ["--db", db, "docs"])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "revision 0999, which this claimgraph does not know" in message and "newer version" in message
    assert "Traceback" not in result.output


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_read_only_store_is_read_and_refuses_writes_with_exit_2(tmp_path, backend):
    (tmp_path / "ships.txt").write_text(STORY)
    with _read_only_store(tmp_path, backend) as (db, read_only):
        ingest_args = ["ingest", str(tmp_path / "ships.txt")]
        assert CliRunner().invoke(app, ["--db", db, *ingest_args]).exit_code == 0
        (tmp_path / "shelters.txt").write_text(OTHER)
        listed = CliRunner().invoke(app, ["--db", read_only, "docs"])
        assert listed.exit_code == 0 and "ships.txt" in listed.output
        refused = CliRunner().invoke(app, ["--db", read_only, "ingest", str(tmp_path / "shelters.txt")])
        assert refused.exit_code == 2, refused.output
        assert "it is read-only" in " ".join(refused.output.split()) and "Traceback" not in refused.output


class _read_only_store:
    """A store, and a URL that opens it read-only: SQLite's mode=ro, or a PostgreSQL session whose
    transactions are read-only."""

    def __init__(self, folder: Path, backend: str) -> None:
        self.folder, self.backend, self._schema = folder, backend, None

    def __enter__(self) -> tuple[str, str]:
        if self.backend == "sqlite":
            path = self.folder / "store.db"
            return str(path), f"sqlite:///file:{path}?mode=ro&uri=true"
        self._schema = scratch_schema()
        url = make_url(self._schema.__enter__())
        options = f"{url.query['options']} -cdefault_transaction_read_only=on"
        read_only = url.update_query_dict({"options": options})
        return url.render_as_string(hide_password=False), read_only.render_as_string(hide_password=False)

    def __exit__(self, *exc: object) -> None:
        if self._schema is not None:
            self._schema.__exit__(*exc)
