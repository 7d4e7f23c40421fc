"""Ingest: find source files and decode them into ``Document`` records.

Decodes UTF-8 (with or without BOM), UTF-16 (BOM), GB18030/GBK and Big5; reads ``.txt``, ``.md``
and ``.html`` (text extracted; offsets refer to the stored text).  A file that cannot be read
raises ``IngestError`` naming the file and the reason; callers go on with the other files.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "a.txt").write_bytes("北京市总工会".encode("gb18030"))
>>> doc = read_document(root / "a.txt", root)
>>> (doc.doc_id, doc.text, doc.encoding)
('a.txt', '北京市总工会', 'gb18030')
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from graph.errors import IngestError
from graph.types import Document

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 200 * 1024 * 1024
_CANDIDATES = ("gb18030", "big5", "utf_16")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def iter_sources(root: Path) -> Iterator[Path]:
    """Source files under ``root`` (recursively, sorted, hidden files skipped).

    A single file is its own source list.  Broken symbolic links are yielded so that reading
    them reports the problem.
    """
    if root.is_file():
        yield root
        return
    if not root.is_dir():
        raise IngestError(str(root), "no such folder or file")
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() in SUFFIXES and (path.is_file() or path.is_symlink()):
            yield path


def read_document(path: Path, root: Path) -> Document:
    """Read and decode one file into a Document whose id is its path relative to ``root``."""
    doc_id = path.name if root == path else path.relative_to(root).as_posix()
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(str(path), f"too large ({size} bytes; limit {MAX_BYTES})")
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise IngestError(str(path), "cannot read: no such file (broken link?)") from e
    except PermissionError as e:
        raise IngestError(str(path), "cannot read: permission denied") from e
    except IsADirectoryError as e:
        raise IngestError(str(path), "is a directory") from e
    except OSError as e:
        raise IngestError(str(path), f"cannot read: {e.strerror or e}") from e
    text, encoding = decode(data, str(path))
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    if not text.strip():
        raise IngestError(str(path), "empty document (no text)")
    return Document.from_text(doc_id, text, source=str(path), encoding=encoding)


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes, returning ``(text, encoding)``; raise IngestError when it is not text.

    >>> decode("中文".encode("big5"))
    ('中文', 'big5')
    >>> decode(codecs.BOM_UTF8 + "中文".encode())
    ('中文', 'utf-8-sig')
    """
    if not data:
        raise IngestError(name, "empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, enc, name), enc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _check_text(text, name), "utf-8"
    for enc in _CANDIDATES:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text) and enc == _best_guess(data, enc):
            return text, enc
    guess = from_bytes(data).best()
    if guess is not None and _looks_like_text(str(guess)):
        return str(guess), guess.encoding
    raise IngestError(name, "not text in UTF-8, UTF-16, GB18030/GBK or Big5 (binary file?)")


def _best_guess(data: bytes, fallback: str) -> str:
    """GB18030 decodes almost anything: prefer Big5 when the detector says so."""
    if fallback != "gb18030":
        return fallback
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        return "gb18030"
    guess = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if guess is not None and guess.encoding == "big5" and _looks_like_text(big5):
        return "big5"
    return "gb18030"


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return _check_text(data.decode(encoding), name)
    except UnicodeDecodeError as e:
        raise IngestError(name, f"invalid {encoding} at byte {e.start}") from e


def _check_text(text: str, name: str) -> str:
    if not _looks_like_text(text):
        raise IngestError(name, "binary content (control characters), not a text document")
    return text


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" not in text and controls / len(text) < 0.01


class _TextExtractor(HTMLParser):
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "title"})
    _SKIP = frozenset({"script", "style", "noscript"})

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
    """Visible text of an HTML page, one block per line.

    >>> html_to_text("<p>第一段</p><script>x()</script><p>第二段</p>")
    '第一段\\n第二段'
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n\s*\n+", "\n", text).strip("\n")
