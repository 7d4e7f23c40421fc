"""Acceptance: a folder of mixed encodings and bad files builds, names the bad ones, exits 1.

Runs ``kg build`` as a subprocess (the real console entry point, no test runner in between).
"""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF, RDFS

FOAF = Namespace("http://xmlns.com/foaf/0.1/")

# Invented people and organisations; each document states a post like 某市某局局长某某表示…
DOCUMENTS: dict[str, tuple[str, bytes]] = {
    "01_gbk.txt": (
        "周立群",
        (
            "南湖市召开交通工作会议\n\n"
            "南湖市交通运输局局长周立群表示，今年将新开公交线路十二条，方便市民出行。"
        ).encode("gbk"),
    ),
    "02_big5.txt": (
        "林志明",
        (
            "中央社電\n\n南湖市文化局主任林志明表示，本市圖書館將於下月對市民開放，歡迎各界參觀。"
        ).encode("big5"),
    ),
    "03_utf16.txt": (
        "吴国栋",
        "东城区民政局局长吴国栋表示，将进一步完善社区养老服务。".encode("utf-16"),
    ),
    "04_utf8bom.txt": (
        "孙海涛",
        codecs.BOM_UTF8 + "北岭区水利局副局长孙海涛表示，汛期前将完成全部堤防检查。".encode(),
    ),
}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 8


def _kg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _people(ttl: Path) -> set[str]:
    g = Graph(bind_namespaces="none")
    g.parse(ttl, format="turtle")
    return {
        str(label) for p in g.subjects(RDF.type, FOAF.Person) for label in g.objects(p, RDFS.label)
    }


@pytest.fixture(scope="module")
def mixed_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = tmp_path_factory.mktemp("bad_input")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, (_, data) in DOCUMENTS.items():
        (seeds / name).write_bytes(data)
    (seeds / "05_empty.txt").write_bytes(b"")
    (seeds / "06_binary.txt").write_bytes(PNG)
    out = root / "exports"
    return out, _kg("build", str(seeds), "--out", str(out), "--no-progress", cwd=root)


def test_acceptance_people_of_every_encoding(
    mixed_build: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, proc = mixed_build
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "05_empty.txt" in proc.stderr and "06_binary.txt" in proc.stderr
    people = _people(out / "graph.ttl")
    assert {person for person, _ in DOCUMENTS.values()} <= people, (people, proc.stderr)


def test_each_failure_is_one_line(
    mixed_build: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _, proc = mixed_build
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 2, proc.stderr
    assert all(line.startswith("kg: ") for line in lines)
    assert any("05_empty.txt" in line and "empty" in line for line in lines)
    assert any("06_binary.txt" in line and "binary" in line for line in lines)
    assert "4 documents" in proc.stdout and "2 failed" in proc.stdout


def test_labels_keep_original_script(
    mixed_build: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, _ = mixed_build
    text = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "南湖市文化局" in text
    assert "圖書館將於下月" in text  # the Big5 document's text, in traditional script


def test_more_bad_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    name, (person, data) = next(iter(DOCUMENTS.items()))
    (seeds / name).write_bytes(data)
    (seeds / "dir.txt").mkdir()
    (seeds / "dir.txt" / "inner.md").write_text(
        "# 标题\n\n北岭区水利局副局长孙海涛表示，今年汛期平稳。\n"
    )
    (seeds / "gone.txt").symlink_to(seeds / "missing.txt")
    (seeds / "blank.md").write_text("\n\n   \n", encoding="utf-8")
    out = tmp_path / "exports"
    proc = _kg("build", str(seeds), "--out", str(out), "--no-progress", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "gone.txt: cannot read: broken symbolic link" in proc.stderr
    assert "blank.md: empty document" in proc.stderr
    assert {person, "孙海涛"} <= _people(out / "graph.ttl")


def test_all_good_exits_zero(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    name, (person, data) = list(DOCUMENTS.items())[2]
    (seeds / name).write_bytes(data)
    proc = _kg("build", str(seeds), "--out", str(tmp_path / "out"), "--no-progress", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert person in _people(tmp_path / "out" / "graph.ttl")
