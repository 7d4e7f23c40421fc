"""Helpers for the endpoint tests: a store fixture, a `kg serve` subprocess, raw HTTP."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from graph.sparql.store import open_store, store_dir

FIXTURE = Path(__file__).parent / "fixtures" / "sparql_small.trig"
COUNT = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <http://www.w3.org/ns/org#Membership> }"
# every quad of the fixture (233) four times over: minutes of counting, no row before the end
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# three times over (12.6 million rows) and sorted: every row is held in memory at once
CROSS_ORDER = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1"


def make_store(folder: Path) -> Path:
    with open_store(store_dir(folder)) as store:
        store.load_dataset(FIXTURE.read_bytes())
    return folder


def get(
    url: str, headers: dict[str, str] | None = None, *, method: str = "GET", timeout: float = 30
) -> tuple[int, bytes, dict[str, str]]:
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read(), dict(resp.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


def query_url(base: str, sparql: str, **params: str) -> str:
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": sparql, **params})


class ServeProcess:
    """`kg serve` in a subprocess; ``url``, ``stderr`` (all of it so far), ``descendants()``."""

    def __init__(self, graph_dir: Path, *args: str) -> None:
        cmd = [sys.executable, "-m", "graph", "serve", "--graph", str(graph_dir), "--port", "0"]
        self.proc = subprocess.Popen(
            [*cmd, *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        self.lines: list[str] = []
        found = threading.Event()
        self.url = ""

        def read() -> None:
            assert self.proc.stderr is not None
            for line in self.proc.stderr:
                self.lines.append(line)
                m = re.search(r"(http://[\d.]+:\d+)/sparql", line)
                if m and not found.is_set():
                    self.url = m.group(1)
                    found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(30):
            self.stop()
            raise RuntimeError("kg serve did not start:\n" + self.stderr)

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    def descendants(self) -> list[int]:
        """Pids of every process below the server (forkserver, query workers)."""
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
        out, todo = [], [self.proc.pid]
        while todo:
            kids = children.get(todo.pop(), [])
            out += kids
            todo += kids
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(predicate: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return bool(predicate())  # type: ignore[operator]
