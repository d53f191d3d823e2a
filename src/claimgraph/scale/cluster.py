"""The per-document stages on a Dask distributed cluster: a scheduler's address, or one made here."""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from claimgraph.errors import RunnerError
from claimgraph.pipeline import Context
from claimgraph.scale.work import Input, Result, analyse_chunk, in_order, read_here

LOCAL = "local"
WAIT_SECONDS = 30.0  # how long a cluster may have no worker before the ingest stops and says so
_POLL_SECONDS = 1.0

# On a worker: the context of each run it serves, by the name of the plugin that brought it.
_contexts: dict[str, Context] = {}

try:  # Dask is optional: without it this module still imports, and DaskRunner says what is missing
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover (dask is in the dev extra)
    _WorkerPlugin = object  # type: ignore[misc,assignment]


class ContextPlugin(_WorkerPlugin):
    """Gives the run's context to every worker as it joins: those there now, and any that
    replaces a lost one (data scattered to a worker dies with it)."""

    def __init__(self, ctx: Context, name: str) -> None:
        self.ctx, self.name = ctx, name

    def setup(self, worker: object) -> None:
        _contexts[self.name] = self.ctx

    def teardown(self, worker: object) -> None:
        _contexts.pop(self.name, None)


def _analyse_on_worker(chunk: list[Input], name: str) -> list[Result]:
    ctx = _contexts.get(name)
    if ctx is None:
        raise RunnerError(f"this Dask worker never received the context of run {name}")
    return analyse_chunk(chunk, ctx)


class DaskRunner:
    """Analyse inputs on Dask workers; results come back in input order.

    `address` is a scheduler's ("tcp://host:8786"), or "local" for a LocalCluster of
    `workers` processes on this machine. Files are read here and sent as bytes, so
    remote workers need claimgraph installed but not the files. The context goes to each
    worker once, by a worker plugin, so a worker that replaces a lost one gets it too.

    A cluster left without workers for `wait` seconds (the only one lost, or none ever started)
    stops the run with a RunnerError saying so; the ingest stores and files what came back
    before, and running it again goes on from there.
    """

    def __init__(
        self,
        ctx: Context,
        address: str,
        workers: int | None = None,
        chunk_size: int = 4,
        wait: float = WAIT_SECONDS,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise RunnerError("Dask is not installed: pip install 'claimgraph[dask]'") from error
        self.chunk_size = chunk_size
        self.address = address
        self.wait = wait
        self._cluster = None
        self._plugin = f"claimgraph-context-{uuid.uuid4().hex[:12]}"
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
        try:
            self._client.wait_for_workers(1, timeout=wait)
        except TimeoutError as error:
            self.close()
            raise RunnerError(
                f"the Dask scheduler at {address} has no workers (waited {wait:g} s): "
                f"start one with `dask worker {address}`"
            ) from error
        self._client.register_plugin(ContextPlugin(ctx, self._plugin), name=self._plugin)
        self.workers = max(1, len(self._client.nthreads()))

    def analyse(self, inputs: Iterable[Input]) -> Iterator[Result]:
        yield from in_order(
            lambda chunk: _Waiting(self, self._submit([read_here(item) for item in chunk])),
            inputs,
            self.chunk_size,
            in_flight=2 * self.workers,
        )

    def _submit(self, chunk: list[Input]) -> Any:
        return self._client.submit(_analyse_on_worker, chunk, self._plugin, pure=False)

    def result(self, future: Any) -> list[Result]:
        """A chunk's results; a clear RunnerError when the cluster cannot give them."""
        from distributed import KilledWorker

        alone_since: float | None = None
        while True:
            try:
                results: list[Result] = future.result(timeout=_POLL_SECONDS)
                return results
            except TimeoutError:
                pass
            except KilledWorker as error:
                raise RunnerError(
                    f"Dask workers kept dying on one chunk of inputs (out of memory?): {error}"
                ) from error
            except RunnerError:
                raise
            except Exception as error:  # cancelled, lost scheduler: whatever Dask raises, said plainly
                raise RunnerError(
                    f"the Dask cluster at {self.address} failed: {type(error).__name__}: {error}"
                ) from error
            alone_since = None if self._has_workers() else (alone_since or time.monotonic())
            if alone_since is not None and time.monotonic() - alone_since > self.wait:
                raise RunnerError(
                    f"the Dask cluster at {self.address} has had no workers for {self.wait:g} s "
                    "(its last worker was lost)"
                )

    def _has_workers(self) -> bool:
        try:
            return bool(self._client.nthreads())
        except (OSError, TimeoutError) as error:
            raise RunnerError(f"lost the Dask scheduler at {self.address}: {error}") from error

    def close(self) -> None:
        client = getattr(self, "_client", None)
        if client is not None:
            try:
                if client.status == "running":
                    client.unregister_worker_plugin(self._plugin)
            except Exception:  # closing: a cluster already gone keeps nothing of ours to drop
                pass
            client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


class _Waiting:
    """A Dask future whose result() waits as the runner does (see DaskRunner.result)."""

    def __init__(self, runner: DaskRunner, future: Any) -> None:
        self._runner, self._future = runner, future

    def result(self) -> list[Result]:
        return self._runner.result(self._future)
