"""Ingest: find source files and decode them into ``Document`` records.

Reads ``.txt``, ``.md`` and ``.html`` (markup removed: offsets refer to the stored text) in
UTF-8, UTF-16, GB18030/GBK or Big5 (charset detection is :mod:`graph.io.encoding`).  Labels keep
the original script: nothing is converted.  A file that cannot be read raises ``IngestError``
naming the file and the reason; callers go on with the others.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "a.txt").write_bytes("上海市总工会".encode("gb18030"))
>>> doc = read_document(root / "a.txt", root)
>>> (doc.doc_id, doc.text, doc.encoding)
('a.txt', '上海市总工会', 'gb18030')
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from graph.errors import ConfigError, IngestError
from graph.io.repair import decode_repairing
from graph.types import Document

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
"""Default size limit of one source file (``kg build --max-document-size``, or the environment
variable ``ZHKG_MAX_DOCUMENT_BYTES``): a larger file is refused with a message naming it."""
MAX_DOCUMENT_ENV = "ZHKG_MAX_DOCUMENT_BYTES"


def iter_sources(root: Path) -> Iterator[Path]:
    """Source files under ``root`` (recursively, sorted, hidden files skipped).

    A single file is its own source list.  Broken symbolic links are yielded so that reading
    them reports the problem; folders are walked, never read, whatever their name.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.md", "a.txt", ".hidden.txt", "c.pdf"):
    ...     _ = (root / name).write_text("文")
    >>> [p.name for p in iter_sources(root)]
    ['a.txt', 'b.md']
    """
    if root.is_file():
        yield root
        return
    if not root.is_dir():
        raise IngestError(str(root), "no such folder or file")
    found: list[Path] = []

    def unreadable(e: OSError) -> None:  # named by read_document, never skipped silently
        if e.filename:
            found.append(Path(e.filename))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(folder) / name
            if not name.startswith(".") and path.suffix.lower() in SUFFIXES:
                found.append(path)
    yield from sorted(found)


def max_document_bytes(value: int | None = None) -> int:
    """The per-document size limit: ``value``, else ``$ZHKG_MAX_DOCUMENT_BYTES``, else 8 MiB.

    >>> max_document_bytes(), max_document_bytes(1024)
    (8388608, 1024)
    """
    if value is None:
        env = os.environ.get(MAX_DOCUMENT_ENV, "").strip()
        value = parse_size(env, name=MAX_DOCUMENT_ENV) if env else MAX_DOCUMENT_BYTES
    if value < 1:
        raise ConfigError(f"document size limit must be positive, not {value}")
    return value


_SIZE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)\s*$")
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str, *, name: str = "size") -> int:
    """Bytes of a size written as ``8388608``, ``8MiB``, ``512k`` or ``1.5G`` (powers of 1024).

    >>> parse_size("8MiB"), parse_size("512k"), parse_size("100")
    (8388608, 524288, 100)
    >>> parse_size("lots")
    Traceback (most recent call last):
    ...
    graph.errors.ConfigError: size: 'lots' is not a size (like 8388608, 512KiB, 8MiB, 1GiB)
    """
    m = _SIZE.match(text)
    if m is None:
        raise ConfigError(f"{name}: {text!r} is not a size (like 8388608, 512KiB, 8MiB, 1GiB)")
    return int(float(m.group(1)) * _UNITS[m.group(2)[:1].lower()])


def read_document(path: Path, root: Path, *, max_bytes: int | None = None) -> Document:
    """Read and decode one file into a Document whose id is its path relative to ``root``.

    Bytes that no encoding reads are dropped and listed in ``Document.dropped``
    (:mod:`graph.io.repair`); a file larger than ``max_bytes`` (see
    :func:`max_document_bytes`) is refused.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "empty.txt").write_bytes(b"")
    >>> read_document(root / "empty.txt", root)
    Traceback (most recent call last):
    ...
    graph.errors.IngestError: .../empty.txt: empty file
    >>> _ = (root / "big.txt").write_text("文" * 400)
    >>> read_document(root / "big.txt", root, max_bytes=1000)
    Traceback (most recent call last):
    ...
    graph.errors.IngestError: .../big.txt: too large for one document (1200 bytes, limit 1000): split it, or raise the limit (kg build --max-document-size, ZHKG_MAX_DOCUMENT_BYTES)
    """
    doc_id = path.name if root == path else path.relative_to(root).as_posix()
    data = _read_bytes(path, max_document_bytes(max_bytes))
    text, encoding, dropped = decode_repairing(data, name=str(path))
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    elif suffix == ".md":
        text = markdown_to_text(text)
    if not text.strip():
        raise IngestError(str(path), "empty document (no text)")
    return Document.from_text(doc_id, text, str(path), encoding, dropped)


def _read_bytes(path: Path, limit: int) -> bytes:
    name = str(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            os.listdir(path)  # an unreadable folder raises PermissionError here
            raise IngestError(name, "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(name, "not a regular file")
        if st.st_size > limit:
            raise IngestError(name, _too_large(st.st_size, limit))
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:  # grew since stat
            raise IngestError(name, _too_large(len(data), limit))
        return data
    except FileNotFoundError as e:
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        raise IngestError(name, f"cannot read: {reason}") from e
    except PermissionError as e:
        what = "folder" if path.is_dir() else "file"
        raise IngestError(name, f"cannot read {what}: permission denied") from e
    except IsADirectoryError as e:
        raise IngestError(name, "is a directory, not a file") from e
    except OSError as e:
        raise IngestError(name, f"cannot read: {e.strerror or e}") from e


def _too_large(size: int, limit: int) -> str:
    return (
        f"too large for one document ({size} bytes, limit {limit}): split it, or raise the "
        "limit (kg build --max-document-size, ZHKG_MAX_DOCUMENT_BYTES)"
    )


class _TextExtractor(HTMLParser):
    _BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "title",
            "section",
            "article",
            "blockquote",
            "pre",
            "table",
            "ul",
            "ol",
            "header",
            "footer",
            "figcaption",
        }
    )
    _SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block per line (the <title> is kept as first line).

    >>> html_to_text("<p>第一段</p><script>x()</script><p>第二段&amp;三</p>")
    '第一段\\n第二段&三'
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{2,}", "\n", text).strip("\n")


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?m)^\s*```.*$|^\s*~~~.*$"), ""),  # code fences (the code is kept)
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"(?m)^ {0,3}#{1,6}\s+|\s+#+\s*$"), ""),  # ATX headings
    (re.compile(r"(?m)^ {0,3}(?:[-*_]\s*){3,}$"), ""),  # rules
    (re.compile(r"(?m)^ {0,3}(?:=+|-+)\s*$"), ""),  # setext underlines
    (re.compile(r"(?m)^ {0,3}>\s?"), ""),  # block quotes
    (re.compile(r"(?m)^(\s*)(?:[-*+]|\d+[.)])\s+"), r"\1"),  # list markers
    (re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong, strike
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)"), r"\1"),  # emphasis
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
)


def markdown_to_text(md: str) -> str:
    """Text of a Markdown document: markup removed, paragraphs and line breaks kept.

    >>> markdown_to_text("# 标题\\n\\n某局**局长**[张某](http://x.cn)表示。\\n\\n- 第一条")
    '标题\\n\\n某局局长张某表示。\\n\\n第一条'
    """
    text = md
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
