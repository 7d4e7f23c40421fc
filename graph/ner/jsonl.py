"""The ``kg mentions`` contract: JSONL ``{"id", "text"}`` in, ``{"id", "mentions"}`` out.

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
from typing import TextIO

from graph.errors import ConfigError
from graph.ner.layer import tag_texts

log = logging.getLogger(__name__)


def _record(line: str, number: int) -> tuple[str, str]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ConfigError(f"input line {number}: not valid JSON ({e.msg})") from e
    if not isinstance(obj, dict):
        raise ConfigError(f"input line {number}: expected a JSON object with 'id' and 'text'")
    doc_id, text = obj.get("id"), obj.get("text")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not isinstance(text, str):
        raise ConfigError(f"input line {number}: needs 'id' (string) and 'text' (string)")
    return doc_id, text


BATCH_RECORDS = 500  # records tagged together (the model is faster on batches)


def annotate_jsonl(src: TextIO, dst: TextIO, *, batch: int = BATCH_RECORDS) -> int:
    """Tag every record of ``src`` and write one output line per record; return the count.

    Records are read and tagged ``batch`` at a time (the output of a batch is flushed); the
    records before a bad line are written before its ``ConfigError`` is raised.
    """
    count = 0
    pending: list[tuple[str, str]] = []
    try:
        for number, line in enumerate(src, 1):
            if not line.strip():
                continue
            pending.append(_record(line, number))
            if len(pending) >= batch:
                count += _write(pending, dst)
                pending = []
    finally:
        count += _write(pending, dst)
    log.debug("tagged %d records", count)
    return count


def _write(batch: list[tuple[str, str]], dst: TextIO) -> int:
    if not batch:
        return 0
    tagged = tag_texts([text for _, text in batch])
    for (doc_id, _), mentions in zip(batch, tagged, strict=True):
        fields = [
            {"start": m.start, "end": m.end, "type": m.type, "text": m.text, "score": m.score}
            for m in mentions
        ]
        dst.write(json.dumps({"id": doc_id, "mentions": fields}, ensure_ascii=False) + "\n")
    dst.flush()
    return len(batch)
