"""The ``kg mentions`` contract: JSONL ``{"id", "text"}`` in, ``{"id", "mentions"}`` out.

No record is lost: a line that cannot be read (bad JSON, missing fields, bytes that are not
UTF-8) gets an error line ``{"id", "line", "error"}`` in its place and the others go on; the
caller learns of the bad lines from the ``BadInput`` raised once everything is written.  Text
with lone surrogates (JSON escapes such as ``"\\ud800"``) is tagged and written back with the
same escapes, so every output line is valid UTF-8 JSON.

>>> import io
>>> out = io.StringIO()
>>> annotate_jsonl(io.StringIO('{"id": "x", "text": ""}\\n\\n'), out)
1
>>> out.getvalue()
'{"id": "x", "mentions": []}\\n'
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import TextIO

from graph.errors import ConfigError
from graph.ner.layer import tag_texts

log = logging.getLogger(__name__)

BATCH_RECORDS = 500  # records tagged together (the model is faster on batches)


class BadInput(ConfigError):
    """Some input lines could not be tagged (each has an error line in the output)."""

    def __init__(self, errors: list[str], total: int) -> None:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(
            f"{len(errors)} of {total} input lines not tagged: {errors[0]}{more}; "
            "each has an error line in the output"
        )
        self.errors = errors


@dataclass(frozen=True, slots=True)
class _Item:
    line: int
    doc_id: str | None
    text: str | None  # None: a bad line
    error: str = ""


def _has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (checked by the codec, not a Python loop)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _item(line: str, number: int) -> _Item:
    if _has_surrogate(line):  # undecodable bytes, read with surrogateescape
        return _Item(number, None, None, f"input line {number}: not valid UTF-8")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return _Item(number, None, None, f"input line {number}: not valid JSON ({e.msg})")
    if not isinstance(obj, dict):
        return _Item(
            number, None, None, f"input line {number}: expected a JSON object with 'id' and 'text'"
        )
    doc_id, text = obj.get("id"), obj.get("text")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not isinstance(text, str):
        known = doc_id if isinstance(doc_id, str) else None
        reason = f"input line {number}: needs 'id' (string) and 'text' (string)"
        return _Item(number, known, None, reason)
    return _Item(number, doc_id, text)


def annotate_jsonl(src: TextIO, dst: TextIO, *, batch: int = BATCH_RECORDS) -> int:
    """Tag every record of ``src`` and write one output line per record; return the count.

    Records are read and tagged ``batch`` at a time (the output of a batch is flushed).  Bad
    lines get error lines in place; ``BadInput`` (a ``ConfigError``) is raised at the end when
    there were any.
    """
    count = 0
    errors: list[str] = []
    pending: list[_Item] = []
    try:
        for number, line in enumerate(src, 1):
            if not line.strip():
                continue
            item = _item(line, number)
            pending.append(item)
            if item.text is None:
                errors.append(item.error)
            if len(pending) >= batch:
                count += _write(pending, dst)
                pending = []
    finally:
        count += _write(pending, dst)
    log.debug("tagged %d records, %d bad lines", count, len(errors))
    if errors:
        raise BadInput(errors, count + len(errors))
    return count


def _dump(obj: dict[str, object]) -> str:
    """One JSON line: UTF-8 as it is, or ``\\u`` escapes when a lone surrogate is in it."""
    text = json.dumps(obj, ensure_ascii=False)
    if _has_surrogate(text):
        text = json.dumps(obj, ensure_ascii=True)
    return text + "\n"


def _write(items: list[_Item], dst: TextIO) -> int:
    good = [i for i in items if i.text is not None]
    tagged = iter(tag_texts([i.text for i in good if i.text is not None]))
    for item in items:
        if item.text is None:
            dst.write(_dump({"id": item.doc_id, "line": item.line, "error": item.error}))
            continue
        fields = [
            {"start": m.start, "end": m.end, "type": m.type, "text": m.text, "score": m.score}
            for m in next(tagged)
        ]
        dst.write(_dump({"id": item.doc_id, "mentions": fields}))
    dst.flush()
    return len(good)
