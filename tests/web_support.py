"""Helpers for the web tests: an app over a store, and a real server on 127.0.0.1 for a browser."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from claimgraph.domains import default_pack_path, load_pack
from claimgraph.web import WebConfig, create_app

TOKEN = "test-token-7f3a"


def make_app(engine, context=None, token: str | None = TOKEN, max_body: int = 200_000):
    return create_app(
        engine,
        load_pack(default_pack_path()),
        WebConfig(token=token, max_body=max_body),
        make_context=(lambda: context),
    )


@contextmanager
def running(app) -> Iterator[str]:
    """The app served by uvicorn on a free port of 127.0.0.1 (never another address), in a thread."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
