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
from graph.mentions.layer import tag_text

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


def annotate_jsonl(src: TextIO, dst: TextIO) -> int:
    """Tag every record of ``src`` and write one output line per record; return the count."""
    count = 0
    for number, line in enumerate(src, 1):
        if not line.strip():
            continue
        doc_id, text = _record(line, number)
        mentions = [
            {"start": m.start, "end": m.end, "type": m.type, "text": m.text, "score": m.score}
            for m in tag_text(text)
        ]
        dst.write(json.dumps({"id": doc_id, "mentions": mentions}, ensure_ascii=False) + "\n")
        count += 1
    log.debug("tagged %d records", count)
    return count
