"""The exception tree. Every error names the input it is about.

ClaimgraphError
├── InputError        an input (file, page, feed row) cannot be used: it is rejected, the batch goes on
├── PackError         a domain pack is malformed (also a ValueError)
├── GoldError         a gold file is malformed (also a ValueError)
├── StoreError        the store cannot be opened or written
├── RunnerError       a process pool or Dask cluster cannot be started or reached
└── ViewError         a report or export cannot be made as asked: an unknown entity, format or date
                      (also a ValueError)
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""


class InputError(ClaimgraphError):
    """An input that cannot be used; the message is the reason stored with it."""


class StoreError(ClaimgraphError):
    """The store cannot be opened or written."""


class RunnerError(ClaimgraphError):
    """A process pool or Dask cluster cannot be started or reached."""


class ViewError(ClaimgraphError, ValueError):
    """A report or export asked for something the store or the options cannot give; the message says what."""
