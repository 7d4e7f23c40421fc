"""The memory budget of a build (``kg build --max-memory``).

The build streams what grows with the corpus through files: each named graph is written to the
spools as soon as it is serialised, the exports are serialised from the spools, and the store's
bulk loader, whose buffers grow with the quads it is given (about 0.7 GB for a million), is fed
the N-Quads spool in pieces sized from the budget; the entity descriptions and the analytic
network (GraphML, node-link JSON, HTML) are SQLite files whose page caches are sized from it too.  A lower budget means smaller pieces (slower
loading, same store).

>>> parse_size("1G"), parse_size("512m"), parse_size("2000000")
(1073741824, 536870912, 2000000)
>>> bulk_chunk_bytes(parse_size("1G")) // 2**20, sqlite_cache_bytes(parse_size("1G")) // 2**20
(8, 32)
"""

from __future__ import annotations

from graph.errors import ConfigError
from graph.io.ingest import parse_size as parse_bytes

DEFAULT_MAX_MEMORY = 1 << 30

# the bulk loader's peak is about 7 times the N-Quads text it is given at once (64 MB: 480 MB)
_BULK_SHARE = 128  # the loader runs alongside the exports (8 MB pieces load as fast as 32 MB)
_MIN_CHUNK = 64 << 10
_SQLITE_SHARE = 32  # the page cache of the entity index's file, and of the network's


def parse_size(text: str) -> int:
    """Bytes of a memory budget such as ``1G``, ``512M``, ``800MB`` (powers of 1024), never 0."""
    size = parse_bytes(text, name="--max-memory")
    if size <= 0:
        raise ConfigError(f"--max-memory must be positive, not {text!r}")
    return size


def sqlite_cache_bytes(max_memory: int) -> int:
    """SQLite page cache of each of the build's two database files under a budget of
    ``max_memory`` (the entity index, ``graph.build.streammerge``, and the analytic network,
    ``graph.network.ondisk``): 32 MB at the default budget."""
    return max(max_memory // _SQLITE_SHARE, 1 << 20)


def bulk_chunk_bytes(max_memory: int) -> int:
    """N-Quads bytes given to the store's bulk loader per call under a budget of ``max_memory``."""
    return max(max_memory // _BULK_SHARE, _MIN_CHUNK)
