"""Read: turn paths, URLs, feeds, tables, archives and stdin into RawInput records, streaming."""

from claimgraph.read.files import iter_files, read_file
from claimgraph.read.options import ReadOptions
from claimgraph.read.sources import STDIN, Reader, iter_inputs, single_documents
from claimgraph.read.web import make_client

__all__ = [
    "STDIN",
    "ReadOptions",
    "Reader",
    "iter_files",
    "iter_inputs",
    "make_client",
    "read_file",
    "single_documents",
]
