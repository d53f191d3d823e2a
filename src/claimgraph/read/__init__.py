"""Read: turn paths into RawInput records, streaming, one at a time."""

from claimgraph.read.files import iter_files, read_file

__all__ = ["iter_files", "read_file"]
