"""The public API: every record of the contract is exported, and everything exported exists."""

from __future__ import annotations

import dataclasses
import enum
import inspect

import claimgraph
from claimgraph import records


def test_all_names_exist():
    for name in claimgraph.__all__:
        assert hasattr(claimgraph, name), name


def test_every_record_and_enum_is_exported():
    public = {
        name
        for name, value in vars(records).items()
        if inspect.isclass(value)
        and value.__module__ == records.__name__
        and (dataclasses.is_dataclass(value) or issubclass(value, enum.Enum))
    }
    assert public <= set(claimgraph.__all__), public - set(claimgraph.__all__)


def test_records_are_frozen():
    for name in claimgraph.__all__:
        value = getattr(claimgraph, name)
        if dataclasses.is_dataclass(value):
            assert value.__dataclass_params__.frozen, name
