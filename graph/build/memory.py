"""The memory budget of a build (``kg build --max-memory``).

The build streams what grows with the corpus through files: each named graph is written to the
spools as soon as it is serialised, the exports are serialised from the spools, and the store's
bulk loader, whose buffers grow with the quads it is given (about 0.7 GB for a million), is fed
the N-Quads spool in pieces sized from the budget; the analytic network (GraphML, node-link JSON,
HTML) is an SQLite file whose page cache is sized from it too.  A lower budget means smaller pieces (slower
loading, same store).

>>> parse_size("1G"), parse_size("512m"), parse_size("2000000")
(1073741824, 536870912, 2000000)
>>> bulk_chunk_bytes(parse_size("1G")) // 2**20, network_cache_bytes(parse_size("1G")) // 2**20
(8, 64)
"""

from __future__ import annotations

from graph.errors import ConfigError
from graph.io.ingest import parse_size as parse_bytes

DEFAULT_MAX_MEMORY = 1 << 30

# the bulk loader's peak is about 7 times the N-Quads text it is given at once (64 MB: 480 MB)
_BULK_SHARE = 128  # the loader runs alongside the exports (8 MB pieces load as fast as 32 MB)
_MIN_CHUNK = 64 << 10
_NETWORK_SHARE = 16  # the analytic network's page cache


def parse_size(text: str) -> int:
    """Bytes of a memory budget such as ``1G``, ``512M``, ``800MB`` (powers of 1024), never 0."""
    size = parse_bytes(text, name="--max-memory")
    if size <= 0:
        raise ConfigError(f"--max-memory must be positive, not {text!r}")
    return size


def network_cache_bytes(max_memory: int) -> int:
    """SQLite page cache of the build's network file (``graph.network.ondisk``) under a
    budget of ``max_memory``: 64 MB at the default budget."""
    return max(max_memory // _NETWORK_SHARE, 1 << 20)


def bulk_chunk_bytes(max_memory: int) -> int:
    """N-Quads bytes given to the store's bulk loader per call under a budget of ``max_memory``."""
    return max(max_memory // _BULK_SHARE, _MIN_CHUNK)
