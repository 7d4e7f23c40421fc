"""Mixed or partly damaged text: what can be decoded is built, the dropped bytes are named.

Real files, a real build, the real CLI; true binary files are still refused.
"""

from __future__ import annotations

import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from rdflib import XSD, Dataset, Literal

from graph.build.pipeline import build_corpus
from graph.errors import IngestError
from graph.io.ingest import read_document
from graph.io.repair import decode_repairing
from graph.rdf.vocab import KGO

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_f2b27bd5661e0ee8.txt").read_text()
HALF = len(SEED) // 2
NAMES = ("何丽娟", "北京市总工会")


def _doc(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_nul_bytes_in_utf8_are_dropped_and_reported(tmp_path: Path) -> None:
    head = SEED[:HALF].encode()
    path = _doc(tmp_path, "n.txt", head + b"\x00" * 40 + SEED[HALF:].encode())
    doc = read_document(path, tmp_path)
    assert doc.text == SEED
    (d,) = doc.dropped
    assert (d.start, d.end, d.at, d.reason) == (len(head), len(head) + 40, HALF, "NUL bytes")


@pytest.mark.parametrize("damage", [b"\x17", b'\xae"\x17', b"\x01\x1b\x7f"])
def test_stray_control_bytes_in_a_short_text_are_dropped_not_fatal(
    tmp_path: Path, damage: bytes
) -> None:
    """A short document (where one control byte is over 1 % of the text) with a control
    byte in it is still text: the control bytes are dropped and named, the rest is read."""
    head, tail = "某某市总工会主席王五表示同意。\n", "某某区民政局局长吴国栋讲话。\n"
    path = _doc(tmp_path, "c.txt", head.encode() + damage + tail.encode())
    doc = read_document(path, tmp_path)
    assert doc.text.startswith(head) and doc.text.endswith(tail)
    assert not any(ch < " " and ch not in "\t\n\v\f\r" for ch in doc.text)
    assert "control characters" in {d.reason for d in doc.dropped}
    assert sum(d.end - d.start for d in doc.dropped) <= len(damage)


@pytest.mark.parametrize("first", ["gbk", "utf-8"])
def test_half_gbk_half_utf8_is_read_whole(tmp_path: Path, first: str) -> None:
    second = "utf-8" if first == "gbk" else "gbk"
    cut = SEED.index("\n", HALF) + 1  # a file glued from two files, at a line
    data = SEED[:cut].encode(first) + SEED[cut:].encode(second)
    text, encoding, dropped = decode_repairing(data, name="m.txt")
    assert text == SEED and dropped == ()
    assert set(encoding.split("+")) == {"utf-8", "gb18030"}


def test_a_switch_of_encoding_inside_one_line(tmp_path: Path) -> None:
    line = SEED.replace("\n", "")
    half = len(line) // 2
    text, _, _ = decode_repairing(line[:half].encode("gbk") + line[half:].encode(), name="l.txt")
    assert text == line


def test_a_few_bad_bytes_are_dropped_with_their_offsets(tmp_path: Path) -> None:
    head = SEED[:300].encode()
    data = head + b"\xff\xfe" + SEED[300:].encode() + b"\x80"
    text, _, dropped = decode_repairing(data, name="b.txt")
    assert text == SEED
    assert [(d.start, d.end, d.at) for d in dropped] == [
        (len(head), len(head) + 2, 300),
        (len(data) - 1, len(data), len(SEED)),
    ]


@pytest.mark.parametrize(
    "data",
    [
        zlib.compress(SEED.encode() * 4),
        b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 16,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        SEED[:200].encode() + bytes(range(128, 256)) * 8,  # text, then mostly garbage
    ],
    ids=["zlib", "elf", "png", "mostly-garbage"],
)
def test_true_binary_is_still_refused(tmp_path: Path, data: bytes) -> None:
    path = _doc(tmp_path, "x.txt", data)
    with pytest.raises(IngestError, match="binary content") as e:
        read_document(path, tmp_path)
    assert str(path) in str(e.value)


def _damaged_corpus(root: Path) -> tuple[Path, int]:
    root.mkdir()
    head = SEED[:HALF].encode()
    (root / "damaged.txt").write_bytes(head + b"\x00\x00\xff" + SEED[HALF:].encode("gbk"))
    (root / "good.txt").write_text("西山县统计局局长林志明表示，今年将加强基层服务。\n")
    return root, len(head)


def test_a_damaged_file_is_built_and_says_what_was_dropped(tmp_path: Path) -> None:
    seeds, at = _damaged_corpus(tmp_path / "seeds")
    out = tmp_path / "out"
    report = build_corpus(seeds, out)
    assert report.failures == () and report.documents == 2
    (warning,) = report.warnings
    assert str(seeds / "damaged.txt") in warning
    assert f"bytes {at}-{at + 2} (NUL bytes)" in warning
    assert f"bytes {at + 2}-{at + 3} (invalid bytes)" in warning
    ds = Dataset(default_union=True)
    ds.parse(out / "graph.trig", format="trig")
    doc_nodes = set(ds.subjects(KGO.droppedByteCount, None))
    assert len(doc_nodes) == 1
    (node,) = doc_nodes
    assert ds.value(node, KGO.droppedByteCount) == Literal(3, datatype=XSD.nonNegativeInteger)
    ranges = {str(o) for o in ds.objects(node, KGO.droppedBytes)}
    assert ranges == {
        f"{at}-{at + 2} (NUL bytes) dropped before character {HALF}",
        f"{at + 2}-{at + 3} (invalid bytes) dropped before character {HALF}",
    }
    turtle = (out / "graph.ttl").read_text()
    assert all(name in turtle for name in NAMES)  # the text on both sides of the damage


def test_the_cli_shows_the_dropped_bytes_and_exits_zero(tmp_path: Path) -> None:
    seeds, at = _damaged_corpus(tmp_path / "seeds")
    proc = subprocess.run(
        [sys.executable, "-m", "graph", "build", str(seeds), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"kg: warning: {seeds / 'damaged.txt'}: 3 bytes could not be decoded" in proc.stderr
    assert f"bytes {at}-{at + 2} (NUL bytes)" in proc.stderr
    assert "with undecodable bytes dropped" in proc.stdout
