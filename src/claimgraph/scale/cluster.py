"""The per-document stages on a Dask distributed cluster: a scheduler's address, or one made here."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from types import TracebackType

from claimgraph.errors import RunnerError
from claimgraph.pipeline import Context
from claimgraph.scale.work import Input, Result, analyse_chunk, in_order, read_here

LOCAL = "local"


class DaskRunner:
    """Analyse inputs on Dask workers; results come back in input order.

    `address` is a scheduler's ("tcp://host:8786"), or "local" for a LocalCluster of
    `workers` processes on this machine. Files are read here and sent as bytes, so
    remote workers need claimgraph installed but not the files. The context is sent
    to every worker once (scattered) and reused by each task.
    """

    def __init__(self, ctx: Context, address: str, workers: int | None = None, chunk_size: int = 4) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise RunnerError("Dask is not installed: pip install 'claimgraph[dask]'") from error
        self.chunk_size = chunk_size
        self._cluster = None
        try:
            if address == LOCAL:
                self._cluster = LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,  # spaCy holds the GIL: one task per process
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(address, timeout="20s")
        except (OSError, ValueError) as error:  # refused, timed out, or not an address at all
            self.close()
            raise RunnerError(f"cannot reach the Dask scheduler at {address}: {error}") from error
        self._context = self._client.scatter(ctx, broadcast=True, hash=False)
        self.workers = max(1, len(self._client.scheduler_info()["workers"]))

    def analyse(self, inputs: Iterable[Input]) -> Iterator[Result]:
        from distributed import KilledWorker

        try:
            yield from in_order(
                lambda chunk: self._client.submit(
                    analyse_chunk, [read_here(item) for item in chunk], self._context, pure=False
                ),
                inputs,
                self.chunk_size,
                in_flight=2 * self.workers,
            )
        except KilledWorker as error:
            raise RunnerError(f"Dask workers kept dying on one chunk of inputs: {error}") from error

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
