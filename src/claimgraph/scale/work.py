"""The unit of work every runner ships: a chunk of inputs through the pipeline's own stage functions."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Protocol, TypeVar

from claimgraph.checkpoints import reached
from claimgraph.errors import InputError
from claimgraph.pipeline import Context, analyse_or_reject, analyse_path
from claimgraph.read import read_file
from claimgraph.records import Analysis, Known, RawInput, Rejection

# A file to read where the work runs, bytes already read, an input already refused while reading,
# or one recognised as stored already (passed through, never analysed).
Input = Path | RawInput | Rejection | Known
Result = Analysis | Rejection | Known
T = TypeVar("T")


class Pending(Protocol):
    """A result still being computed: concurrent.futures and Dask futures both fit."""

    def result(self) -> list[Result]: ...


def analyse_input(item: Input, ctx: Context) -> Result:
    """One input through the same stages, with the same rejections, as a single-process ingest."""
    if isinstance(item, Rejection | Known):
        return item
    if isinstance(item, RawInput):
        return analyse_or_reject(item, ctx)
    return analyse_path(item, ctx)


def analyse_chunk(items: Sequence[Input], ctx: Context) -> list[Result]:
    results = [analyse_input(item, ctx) for item in items]
    reached("chunk-analysed")
    return results


def read_here(item: Input) -> Input:
    """A path's bytes read on this machine, so workers elsewhere need not see its file system."""
    if not isinstance(item, Path):
        return item
    try:
        return read_file(item)
    except InputError as error:
        return Rejection(source=str(item), reason=str(error))


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_order(
    submit: Callable[[list[Input]], Pending], inputs: Iterable[Input], chunk_size: int, in_flight: int
) -> Iterator[Result]:
    """Submit chunks of inputs, at most `in_flight` at a time, and yield their results in input order.

    The bound is what keeps memory flat: inputs are pulled only as results are taken.
    """
    pending: deque[Pending] = deque()
    for chunk in chunked(inputs, chunk_size):
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
