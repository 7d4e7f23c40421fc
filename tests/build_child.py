"""A warm process to fork ``kg build`` from (tests/test_store_sync.py's rebuild sweep).

Imported by a ``forkserver`` (``multiprocessing.set_forkserver_preload``): the server imports
the command line and builds the tokenizers once, and every build it forks starts at once, so
that a kill lands in the build rather than in Python's start-up.  The server holds no store or
thread of the test process, so forking it is safe.
"""

from __future__ import annotations

import os
import sys

from graph.build.engines import warm_up
from graph.cli import main

warm_up()


def cli_build(seeds: str, out: str) -> None:
    """``kg build SEEDS --out OUT --no-progress``, its output discarded."""
    devnull = open(os.devnull, "w")  # noqa: SIM115 (the process ends with the build)
    sys.stdout = sys.stderr = devnull
    main(["build", seeds, "--out", out, "--no-progress"])
