"""The per-document stages in a pool of processes on this machine."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from claimgraph.errors import RunnerError
from claimgraph.pipeline import Context
from claimgraph.scale.work import Input, Result, analyse_chunk, in_order

_context: Context | None = None  # a worker process's own copy, set once when it starts


def _start_worker(ctx: Context) -> None:
    global _context
    _context = ctx


def _analyse_in_worker(chunk: list[Input]) -> list[Result]:
    assert _context is not None, "worker started without a context"
    return analyse_chunk(chunk, _context)


class PoolRunner:
    """Analyse inputs in `workers` processes; results come back in input order.

    Each worker gets the caller's context (language model and domain pack) once, pickled,
    so it runs exactly the pipeline this process would. Workers are spawned, not forked:
    the caller may hold threads (a progress bar, a database pool) that a fork would copy mid-use.
    """

    def __init__(self, ctx: Context, workers: int, chunk_size: int = 4) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.chunk_size = chunk_size
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(ctx,),
        )

    def analyse(self, inputs: Iterable[Input]) -> Iterator[Result]:
        try:
            yield from in_order(
                lambda chunk: self._pool.submit(_analyse_in_worker, chunk),
                inputs,
                self.chunk_size,
                in_flight=2 * self.workers,  # one running and one queued per worker
            )
        except BrokenProcessPool as error:
            raise RunnerError(
                f"a worker process died (out of memory?): {error}; batches stored before it are kept"
            ) from error

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> PoolRunner:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
