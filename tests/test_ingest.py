"""Ingest: encodings, formats and bad files (tiny hand-made fixtures, no jieba)."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import pytest

from graph.errors import IngestError
from graph.io.encoding import decode, plausibility
from graph.io.ingest import html_to_text, iter_sources, markdown_to_text, read_document

# Realistic short news sentences (invented people and organisations).
SIMPLIFIED = (
    "新华社电 某某市交通运输局局长周立群表示，今年将新开公交线路十二条。",
    "市卫生健康委员会主任韩晓梅在会上指出，要加强基层医疗服务。",
    "据报道，该公司第三季度利润增长百分之十五。",
    "教育局副局长钱志远说，学校将于九月一日开学。",
    "今天天气很好。",
    "中国",
    "银行",
    "市长说：好的。",
)
TRADITIONAL = (
    "中央社電 某某市交通局局長周立群表示，今年將新開公車路線十二條。",
    "市衛生局局長韓曉梅在會上指出，要加強基層醫療服務。",
    "據報導，該公司第三季獲利成長百分之十五。",
    "教育局副局長錢志遠說，學校將於九月一日開學。",
    "今天天氣很好。",
    "臺灣",
    "銀行",
    "會議",
)


@pytest.mark.parametrize("text", SIMPLIFIED)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_short_simplified(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == (text, "gb18030")


@pytest.mark.parametrize("text", TRADITIONAL)
def test_big5_short_traditional(text: str) -> None:
    assert decode(text.encode("big5")) == (text, "big5")


@pytest.mark.parametrize("text", SIMPLIFIED[:4] + TRADITIONAL[:4])
@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # with BOM
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_unicode_encodings(text: str, encoding: str, expected: str) -> None:
    assert decode(text.encode(encoding)) == (text, expected)


def test_bomless_utf16_with_ascii() -> None:
    text = "Reuters 路透社 2024年5月 报道"
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode(text.encode("utf-16-be")) == (text, "utf-16-be")


def test_labels_keep_script(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_bytes(TRADITIONAL[0].encode("big5"))
    doc = read_document(tmp_path / "t.txt", tmp_path)
    assert "局長" in doc.text and doc.encoding == "big5"


def test_plausibility_separates_readings() -> None:
    data = SIMPLIFIED[0].encode("gbk")
    assert plausibility(data.decode("gb18030")) > 0.9
    assert plausibility(data.decode("big5", errors="replace")) < 0.5


def test_html_extraction(tmp_path: Path) -> None:
    page = (
        "<html><head><title>某局通报</title><style>p{color:red}</style></head>"
        "<body><h1>标题</h1><p>某某县水利局局长孙海涛&nbsp;表示&lt;好&gt;。</p>"
        "<script>var x = '不要';</script><div>第二段</div></body></html>"
    )
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    doc = read_document(tmp_path / "a.html", tmp_path)
    assert doc.text.splitlines() == [
        "某局通报",
        "标题",
        "某某县水利局局长孙海涛\xa0表示<好>。",
        "第二段",
    ]
    assert "不要" not in doc.text and "color" not in doc.text
    i = doc.text.index("孙海涛")
    assert doc.text[i : i + 3] == "孙海涛"


def test_html_in_gbk(tmp_path: Path) -> None:
    (tmp_path / "g.htm").write_bytes("<p>某市局长刘晓东说。</p>".encode("gbk"))
    assert read_document(tmp_path / "g.htm", tmp_path).text == "某市局长刘晓东说。"


def test_markdown_extraction(tmp_path: Path) -> None:
    md = "# 新闻标题\n\n某市**环保局**局长[赵文斌](http://example.org)表示：\n\n> 引用\n\n- 一\n- 二\n"
    (tmp_path / "a.md").write_text(md, encoding="utf-8")
    doc = read_document(tmp_path / "a.md", tmp_path)
    assert doc.text == "新闻标题\n\n某市环保局局长赵文斌表示：\n\n引用\n\n一\n二"
    assert markdown_to_text("`代码` 和 *强调*") == "代码 和 强调"
    assert html_to_text("<p>a</p>\n\n\n<p>b</p>") == "a\nb"


def _assert_names(path: Path, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        read_document(path, path.parent)
    assert str(path) in str(info.value)
    assert reason in info.value.reason
    assert info.value.path == str(path)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    _assert_names(tmp_path / "e.txt", "empty")


def test_whitespace_only(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_text(" \n\t\n", encoding="utf-8")
    _assert_names(tmp_path / "w.txt", "empty")


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    (tmp_path / "b.txt").write_bytes(png)
    _assert_names(tmp_path / "b.txt", "binary")


def test_random_bytes(tmp_path: Path) -> None:
    import random

    rng = random.Random(8)
    (tmp_path / "r.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    _assert_names(tmp_path / "r.txt", "binary")


def test_invalid_after_bom(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfa ok")
    _assert_names(tmp_path / "u.txt", "invalid utf-8-sig")


def test_directory_named_txt(tmp_path: Path) -> None:
    (tmp_path / "d.txt").mkdir()
    _assert_names(tmp_path / "d.txt", "directory")
    assert list(iter_sources(tmp_path)) == []


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "l.txt").symlink_to(tmp_path / "missing.txt")
    assert list(iter_sources(tmp_path)) == [tmp_path / "l.txt"]
    _assert_names(tmp_path / "l.txt", "broken symbolic link")


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable(tmp_path: Path) -> None:
    p = tmp_path / "p.txt"
    p.write_text("某局", encoding="utf-8")
    p.chmod(0)
    try:
        _assert_names(p, "permission denied")
    finally:
        p.chmod(0o644)


def test_unreadable_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "p.txt"
    p.write_text("某局", encoding="utf-8")

    def deny(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    _assert_names(p, "permission denied")


def test_missing_root() -> None:
    with pytest.raises(IngestError, match="no such folder"):
        list(iter_sources(Path("/nonexistent/seeds")))


def test_doc_id_and_offsets(tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    text = "标题\r\n正文：某某区民政局局长吴国栋表示。"
    (sub / "x.txt").write_bytes(text.encode("gbk"))
    doc = read_document(sub / "x.txt", tmp_path)
    assert doc.doc_id == "sub/x.txt" and doc.text == text and doc.title == "标题"


def test_html_without_closing_head() -> None:
    page = "<html><head><title>标题</title><meta charset=gbk><body><p>正文一</p>正文二"
    assert html_to_text(page) == "标题\n正文一\n正文二"
    assert html_to_text("<p>未闭合<script>bad()") == "未闭合"


def test_cp950_extensions() -> None:
    text = "中央社電 某公司董事長表示，營收成長€五成。"
    assert decode(text.encode("cp950")) == (text, "cp950")


@pytest.fixture
def seeds_with_locked_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A seeds folder whose sub-folder ``locked`` cannot be listed (as without read permission;
    patched so that the test also holds when run as root), next to one readable document."""
    seeds = tmp_path / "seeds"
    (seeds / "locked").mkdir(parents=True)
    (seeds / "locked" / "a.txt").write_text("南湖市民政局局长周立群主持会议。", encoding="utf-8")
    (seeds / "b.txt").write_text("西山县统计局局长林志明讲话。", encoding="utf-8")
    locked = str(seeds / "locked")
    real_scandir, real_listdir = os.scandir, os.listdir

    def refuse(path: object) -> None:
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", locked)

    def deny(path: object = ".") -> object:
        refuse(path)
        return real_scandir(path)  # type: ignore[call-overload]

    def deny_list(path: object = ".") -> list[str]:
        refuse(path)
        return real_listdir(path)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(os, "scandir", deny)
    monkeypatch.setattr(os, "listdir", deny_list)
    return seeds, locked


def test_an_unreadable_folder_is_named_not_skipped(
    tmp_path: Path, seeds_with_locked_folder: tuple[Path, str]
) -> None:
    from graph.build.pipeline import build_corpus

    seeds, locked = seeds_with_locked_folder
    assert Path(locked) in list(iter_sources(seeds))
    report = build_corpus(seeds, tmp_path / "out")
    assert report.failures == (f"{locked}: cannot read folder: permission denied",)
    assert report.documents == 1  # the readable document is built


def test_the_cli_names_an_unreadable_folder_and_exits_non_zero(
    tmp_path: Path,
    seeds_with_locked_folder: tuple[Path, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from graph.cli import main

    seeds, locked = seeds_with_locked_folder
    with pytest.raises(SystemExit) as done:
        main(["build", str(seeds), "--out", str(tmp_path / "out"), "--no-progress"])
    assert done.value.code == 1
    captured = capsys.readouterr()
    assert f"kg: {locked}: cannot read folder: permission denied" in captured.err
    assert "1 documents" in captured.out and "1 failed" in captured.out
