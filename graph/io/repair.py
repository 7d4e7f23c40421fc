"""Partly damaged text: decode what can be decoded, and say which bytes were dropped.

:func:`graph.io.encoding.decode` reads a file in one encoding or not at all.  A file that is
mostly text but not valid in any one encoding (NUL bytes in UTF-8, half GBK and half UTF-8, a
few corrupt bytes) comes here: it is cut into pieces at bytes that end a character in every
supported encoding (line breaks, ASCII punctuation and NUL runs), each piece is decoded in the
encoding that reads it best, and the bytes no encoding reads are dropped and reported as
:class:`~graph.types.DroppedBytes` (byte range in the file, character offset in the text).

A file in which too much is unreadable is still binary (``IngestError``): see
:func:`repair`.

>>> text, enc, dropped = repair("局长表示".encode() + b"\\x00\\x00" + "同意".encode("gbk"), name="a")
>>> text, enc
('局长表示同意', 'utf-8+gb18030')
>>> dropped
(DroppedBytes(start=12, end=14, at=4, reason='NUL bytes'),)
"""

from __future__ import annotations

import codecs
import logging
import re
import threading
from collections.abc import Iterator

from graph.errors import IngestError
from graph.io.encoding import decode, looks_like_text, plausibility
from graph.types import DroppedBytes

log = logging.getLogger(__name__)

# pieces are lines and runs of control bytes (NUL and the C0 controls other than \t\n\v\f\r,
# which are never part of a multi-byte character in UTF-8, GBK, GB18030 or Big5); a line
# longer than PIECE_BYTES is cut after a byte below 0x30 (never part of one either), else
# anywhere
PIECE_BYTES = 64 * 1024
_CONTROL = rb"\x00-\x08\x0e-\x1f"
_PIECES = re.compile(
    rb"[%s]+|[^%s\n]{0,%d}(?:\n|(?=[%s])|\Z)|[^%s\n]{1,%d}[\x09-\x2f]|[^%s\n]{1,%d}"
    % (_CONTROL, _CONTROL, PIECE_BYTES, _CONTROL, _CONTROL, PIECE_BYTES, _CONTROL, PIECE_BYTES),
)
_READINGS = ("utf-8", "gb18030", "big5")
# at most this share of the (non-NUL) bytes may be dropped for the file to count as text
MAX_DROPPED_SHARE = 0.1
_INVALID = "invalid bytes"


def repair(data: bytes, *, name: str) -> tuple[str, str, tuple[DroppedBytes, ...]]:
    """``(text, encodings, dropped)`` of mostly-text bytes; IngestError when it is not text.

    ``encodings`` names the encodings used, joined by ``+``.  NUL bytes are always dropped;
    stray control characters and other unreadable bytes may be at most a tenth of the rest, and the text must read as
    prose (:func:`graph.io.encoding.plausibility`), else the file is binary.

    >>> repair(bytes(range(256)) * 4, name="x.bin")
    Traceback (most recent call last):
    ...
    graph.errors.IngestError: x.bin: binary content, not text in UTF-8, UTF-16, GB18030/GBK or Big5
    """
    parts: list[str] = []
    dropped: list[DroppedBytes] = []
    used: list[str] = []
    at = 0
    bad = nul = 0
    for start, piece in _pieces(data):
        if piece.strip(b"\x00") == b"":
            _drop(dropped, start, start + len(piece), at, "NUL bytes")
            nul += len(piece)
            continue
        if piece[0] < 0x20 and piece[0] not in b"\t\n\v\f\r":
            _drop(dropped, start, start + len(piece), at, "control characters")
            bad += len(piece)
            continue
        text, encs, holes = _decode_piece(piece)
        for a, b, offset in holes:
            _drop(dropped, start + a, start + b, at + offset, _INVALID)
            bad += b - a
        used += (enc for enc in dict.fromkeys(encs) if enc not in used)
        parts.append(text)
        at += len(text)
    text = "".join(parts)
    if not _is_text(text, bad, len(data) - nul):
        raise IngestError(name, "binary content, not text in UTF-8, UTF-16, GB18030/GBK or Big5")
    log.debug("%s: %d bytes dropped in %d ranges", name, bad + nul, len(dropped))
    return text, "+".join(used), tuple(dropped)


def _is_text(text: str, bad: int, size: int) -> bool:
    if not text.strip() or bad > MAX_DROPPED_SHARE * size:
        return False
    return looks_like_text(text) and plausibility(text[:65536]) >= 0.5


def _pieces(data: bytes) -> Iterator[tuple[int, bytes]]:
    """``(offset, bytes)`` pieces that tile ``data``: NUL runs, and text ending at a boundary.

    >>> list(_pieces(b"ab\\x00\\x00cd\\nef\\x17g"))
    [(0, b'ab'), (2, b'\\x00\\x00'), (4, b'cd\\n'), (7, b'ef'), (9, b'\\x17'), (10, b'g')]
    """
    for m in _PIECES.finditer(data):
        if m.end() > m.start():
            yield m.start(), m.group()


# well-formed UTF-8 characters of more than one byte; CJK characters and punctuation
_MB = (
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_CJK = rb"(?:[\xe3-\xe9][\x80-\xbf]{2}|\xef[\xbc-\xbf][\x80-\xbf])"
# a run of UTF-8 text: valid UTF-8 from a CJK character to another; GBK, Big5 and damage form
# such runs by chance too, but then they do not read as prose and are not taken
_UTF8_RUN = re.compile(_CJK + rb"(?:[\x00-\x7f]|" + _MB + rb")*" + _CJK)


def _utf8_runs(piece: bytes) -> Iterator[tuple[int, int]]:
    """Byte spans of the UTF-8 runs of a piece that read as prose, without unlikely ends."""
    for m in _UTF8_RUN.finditer(piece):
        text = m.group().decode("utf-8")
        lead = next((i for i, ch in enumerate(text) if _likely(ch)), len(text))
        tail = len(text)
        while tail > lead and not _likely(text[tail - 1]):
            tail -= 1
        if tail - lead >= 2 and plausibility(text[lead:tail]) >= 0.5:
            a = m.start() + len(text[:lead].encode())
            yield a, a + len(text[lead:tail].encode())


def _likely(ch: str) -> bool:
    """A character that may end a UTF-8 run: a Han character or a likely one."""
    return "\u3400" <= ch <= "\u9fff" or plausibility(ch) >= 0.5


def _decode_piece(piece: bytes) -> tuple[str, list[str], list[tuple[int, int, int]]]:
    """The best reading of one piece: ``(text, encodings, holes)``.

    Holes are ``(byte start, byte end, character offset)`` of dropped bytes in the piece.
    Valid UTF-8 is read as UTF-8; otherwise the runs of UTF-8 text are, and the bytes between
    them in the legacy encoding that reads them best (:func:`_decode_legacy`).

    >>> text, encs, holes = _decode_piece("甲乙".encode("gbk") + "丙丁".encode())
    >>> text, encs, holes
    ('甲乙丙丁', ['gb18030', 'utf-8'], [])
    """
    try:
        return piece.decode("utf-8"), ["utf-8"], []
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    encs: list[str] = []
    holes: list[tuple[int, int, int]] = []
    chars = pos = 0
    for a, b in [*_utf8_runs(piece), (len(piece), len(piece))]:
        if a > pos:
            text, enc, gaps = _decode_legacy(piece[pos:a])
            holes += [(pos + x, pos + y, chars + at) for x, y, at in gaps]
            parts.append(text)
            chars += len(text)
            encs.append(enc)
        if b > a:
            parts.append(piece[a:b].decode("utf-8"))
            chars += len(parts[-1])
            encs.append("utf-8")
        pos = b
    return "".join(parts), encs, holes


def _decode_legacy(seg: bytes) -> tuple[str, str, list[tuple[int, int, int]]]:
    """Bytes that are not UTF-8: the strict GB18030 or Big5 reading that looks most like
    prose, else the lenient reading that drops the fewest bytes."""
    best: tuple[float, str, str] | None = None
    for enc in _READINGS[1:]:
        try:
            text = seg.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text) + (0.1 if enc == "gb18030" else 0.0)  # the likelier one
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is not None and (best[0] >= 0.5 or len(seg) < 16):
        return best[1], best[2], []
    readings = [_lenient(seg, enc) for enc in _READINGS]
    text, holes, enc = min(readings, key=lambda r: (sum(b - a for a, b, _ in r[1]), -_weight(r)))
    return text, enc, holes


def _weight(reading: tuple[str, list[tuple[int, int, int]], str]) -> float:
    return plausibility(reading[0][:4096])


_MARK = "\ud800"  # a lone surrogate: no strict decoder of these encodings ever yields one
_holes = threading.local()


def _mark(e: UnicodeError) -> tuple[str, int]:
    if not isinstance(e, UnicodeDecodeError):
        raise e
    _holes.spans.append((e.start, e.end))
    return _MARK, e.end


codecs.register_error("zhkg-mark", _mark)


def _lenient(piece: bytes, enc: str) -> tuple[str, list[tuple[int, int, int]], str]:
    """Decode ``piece`` in ``enc``, dropping the bytes that do not decode (in linear time).

    >>> _lenient(b"ab\\xffcd\\xfe\\xff", "utf-8")
    ('abcd', [(2, 3, 2), (5, 7, 4)], 'utf-8')
    """
    spans: list[tuple[int, int]] = []
    _holes.spans = spans
    parts = piece.decode(enc, errors="zhkg-mark").split(_MARK)
    holes: list[tuple[int, int, int]] = []
    chars = 0
    for part, (a, b) in zip(parts, spans, strict=False):
        chars += len(part)
        if holes and holes[-1][1] == a:
            holes[-1] = (holes[-1][0], b, holes[-1][2])
        else:
            holes.append((a, b, chars))
    return "".join(parts), holes, enc


def _drop(dropped: list[DroppedBytes], start: int, end: int, at: int, reason: str) -> None:
    """Record a dropped range, merged with the previous one when they touch."""
    last = dropped[-1] if dropped else None
    if last is not None and last.end == start and last.at == at and last.reason == reason:
        dropped[-1] = DroppedBytes(last.start, end, at, reason)
    else:
        dropped.append(DroppedBytes(start, end, at, reason))


def decode_repairing(data: bytes, *, name: str) -> tuple[str, str, tuple[DroppedBytes, ...]]:
    """``(text, encoding, dropped)``: the strict reading of :func:`graph.io.encoding.decode`
    when there is one, else the repaired reading of :func:`repair` (or its IngestError).

    >>> decode_repairing("正文".encode("gbk"), name="a.txt")
    ('正文', 'gb18030', ())
    >>> decode_repairing(b"\\xef\\xbb\\xbf" + "正文".encode() * 4 + b"\\xff", name="b.txt")[2]
    (DroppedBytes(start=27, end=28, at=8, reason='invalid bytes'),)
    """
    try:
        text, encoding = decode(data, name=name)
    except IngestError as e:
        if not e.reason.startswith(("binary content", "invalid")):
            raise
        skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            text, encoding, dropped = repair(data[skip:], name=name)
        except IngestError:
            raise e from None
        return (
            text,
            encoding,
            tuple(DroppedBytes(d.start + skip, d.end + skip, d.at, d.reason) for d in dropped),
        )
    return text, encoding, ()
