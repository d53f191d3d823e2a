"""Scale: the same per-document stage functions in a process pool or on a Dask cluster.

A runner turns a stream of inputs into a stream of results in input order, with a
bounded number of chunks in flight; `pipeline.ingest(..., runner=runner)` stores
them in batches exactly as a single process would.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from claimgraph.errors import RunnerError
from claimgraph.pipeline import Context, Runner
from claimgraph.scale.cluster import LOCAL, DaskRunner
from claimgraph.scale.pool import PoolRunner
from claimgraph.scale.work import Input, analyse_chunk, analyse_input

__all__ = ["LOCAL", "DaskRunner", "Input", "PoolRunner", "analyse_chunk", "analyse_input", "open_runner"]


@contextmanager
def open_runner(ctx: Context, workers: int = 1, dask: str | None = None) -> Iterator[Runner | None]:
    """The runner the options ask for, closed afterwards; None means: analyse in this process."""
    if workers < 1:
        raise RunnerError(f"--workers must be at least 1, not {workers}")
    if dask is not None and dask != LOCAL and workers > 1:
        raise RunnerError("--workers sizes a local Dask cluster; a remote one has the workers it has")
    if dask is not None:
        with DaskRunner(ctx, dask, workers if workers > 1 else None) as runner:
            yield runner
    elif workers > 1:
        with PoolRunner(ctx, workers) as pool:
            yield pool
    else:
        yield None
