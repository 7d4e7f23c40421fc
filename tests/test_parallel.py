"""Process-pool and Dask builds give byte-identical exports (every file: Turtle, TriG, JSON-LD,
GraphML, node-link JSON, HTML); the fast tokenizer is identical.

The corpus is hand-made: invented people and organisations, posts stated in title chains,
a person holding posts in two documents, a shared organisation and a byline.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graph.build.pipeline import BuildOptions, build_corpus
from graph.build.publish import EXPORT_FILES
from graph.types import Document

DOCS = {
    "a.txt": (
        "杭州市交通运输局召开安全生产会议\n\n"
        "本报讯 3月5日，杭州市交通运输局局长孙建平主持召开安全生产专题会议。"
        "杭州市交通运输局副局长周海燕通报了一季度情况。孙建平表示，要压实责任。\n\n"
        "记者 林晓东/摄\n"
    ),
    "b.txt": (
        "成都市教育局调研职业教育\n\n"
        "4月12日，成都市教育局党组书记、局长吴国强带队赴成都职业技术学院调研。"
        "成都职业技术学院院长郭玉兰介绍了学院产教融合的做法。"
        "杭州市交通运输局局长孙建平应邀参加交流。\n"
    ),
    "c.txt": (
        "南京市总工会开展劳动技能竞赛\n\n"
        "南京市总工会副主席马志远在启动仪式上说，竞赛将持续三个月。"
        "南京市玄武区总工会主席陈立新、南京市总工会女职工委员会主任黄春华出席。\n"
    ),
    "d.txt": "一篇没有职务的短文。天气很好，大家都很高兴。\n",
    "e.txt": (
        "武汉市卫生健康委员会主任何文斌、副主任杨晓燕到社区走访。"
        "武汉市江汉区人民政府副区长罗志强陪同。成都市教育局局长吴国强发来贺信。\n"
    ),
}


def write_corpus(folder: Path) -> Path:
    """The hand-made corpus as files under ``folder/seeds``."""
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for name, text in DOCS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def exports(out: Path) -> dict[str, bytes]:
    """The bytes of every export file of a build."""
    return {name: (out / name).read_bytes() for name in EXPORT_FILES}


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """The corpus and the export files of a one-process build."""
    tmp = tmp_path_factory.mktemp("single")
    seeds = write_corpus(tmp)
    report = build_corpus(seeds, tmp / "out", options=BuildOptions(force=True))
    assert not report.failures
    assert report.counts["posts"] >= 8  # the corpus really exercises the post rules
    return seeds, exports(tmp / "out")


def test_two_workers_same_turtle(single: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    seeds, expected = single
    report = build_corpus(seeds, tmp_path, options=BuildOptions(workers=2, force=True))
    assert not report.failures
    assert exports(tmp_path) == expected


def test_cli_workers_same_turtle(single: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph.cli import cli

    seeds, expected = single
    result = CliRunner().invoke(
        cli, ["build", str(seeds), "--out", str(tmp_path), "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    assert exports(tmp_path) == expected


def test_dask_local_cluster_threads_same_turtle(
    single: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    seeds, expected = single
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        options = BuildOptions(engine="dask", scheduler=cluster.scheduler_address, force=True)
        report = build_corpus(seeds, tmp_path, options=options)
    assert not report.failures
    assert exports(tmp_path) == expected


@pytest.mark.slow
def test_dask_local_cluster_processes_same_turtle(
    single: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    """``scheduler=None`` starts a LocalCluster of real worker processes."""
    pytest.importorskip("dask.distributed")
    seeds, expected = single
    report = build_corpus(seeds, tmp_path, options=BuildOptions(engine="dask", force=True))
    assert not report.failures
    assert exports(tmp_path) == expected


def test_extract_processes_reports_every_document() -> None:
    from graph.build.engines import extract_processes
    from graph.extract.document import ExtractionFailure, extract_document

    docs = [Document.from_text(name, text) for name, text in DOCS.items()]
    docs.append(Document("broken.txt", None, "0"))  # type: ignore[arg-type]
    results = list(extract_processes(docs, workers=2))
    assert sorted(
        r.doc_id if isinstance(r, ExtractionFailure) else r.doc.doc_id for r in results
    ) == (sorted(d.doc_id for d in docs))
    failures = [r for r in results if isinstance(r, ExtractionFailure)]
    assert [f.doc_id for f in failures] == ["broken.txt"]
    by_id = {r.doc.doc_id: r for r in results if not isinstance(r, ExtractionFailure)}
    assert by_id["a.txt"] == extract_document(docs[0])


def test_batches_cover_documents_in_order() -> None:
    from graph.build.engines import batches

    docs = [Document.from_text(f"{i}.txt", "字" * (100 + 37 * i)) for i in range(40)]
    parts = batches(docs, parts=6)
    assert [d for b in parts for d in b] == docs
    assert 4 <= len(parts) <= 7
    assert all(b for b in parts)
    assert [len(b) for b in batches(docs, parts=1000)] == [1] * 40


def _large_text(min_chars: int) -> str:
    """Real text from ../shared/data when present (every 7th line of each corpus, an equal share
    per corpus), topped up with generated sentences of dictionary words, numbers and ASCII."""
    data = Path(__file__).resolve().parents[2] / "shared" / "data"
    files = sorted(data.glob("*/*.jsonl"))
    parts: list[str] = []
    size = 0
    for path in files:
        share = 0
        with path.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % 7 == 0:
                    parts.append(json.loads(line)["text"])
                    share += len(parts[-1])
                    if share >= min_chars // len(files):
                        break
        size += share
    import random

    from graph.resources import load_ordered

    rng = random.Random(11)
    words = [w for name in ("roles", "regions", "org_suffixes") for w in load_ordered(name)]
    words += ["的", "是", "在", "和", "工作", "会议", "表示", "2018年", "A股", "3.5%", "f-22"]
    while size < min_chars:
        piece = "".join(rng.choice(words) for _ in range(rng.randint(3, 20))) + "。"
        parts.append(piece)
        size += len(piece)
    return "\n".join(parts)


@pytest.mark.slow
def test_fast_tokenizer_identical_on_large_text() -> None:
    """rjieba, loaded with the project dictionaries, cuts exactly like the project tokenizer."""
    from graph.text import segment

    fast = segment._fast_tokenize()
    if fast is None:
        pytest.skip("rjieba not installed (or ZHKG_TOKENIZER=jieba): the jieba path is used")
    text = _large_text(int(os.environ.get("ZHKG_TOKEN_TEST_CHARS", "600000")))
    jt = segment.tokenizer()
    lines = text.split("\n")
    for start in range(0, len(lines), 500):
        block = "\n".join(lines[start : start + 500])
        expected = list(jt.tokenize(block, HMM=True))
        got = list(fast(block))
        if got != expected:
            diff = next((a, b) for a, b in zip(expected, got, strict=False) if a != b)
            pytest.fail(
                f"tokens differ in lines {start}-{start + 500}: jieba {diff[0]}, fast {diff[1]}"
            )
