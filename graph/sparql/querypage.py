"""The query page that ``kg serve`` answers at ``/query``: a SPARQL editor in the browser.

The editor is YASGUI (npm ``@zazuko/yasgui`` 4.6.2, MIT licence; its built ``yasgui.min.js``
and ``yasgui.min.css`` are vendored in ``graph/sparql/assets/``, see ``YASGUI.txt`` there) and
is in-lined into the one page, which therefore works with no network: SPARQL highlighting and
syntax check, prefix and variable completion (the completers that would ask
``lov.linkeddata.es`` are switched off), results as a sortable, filterable table with CSV
download, and the raw response (JSON) for download.  The named queries of
:func:`graph.sparql.query.named_queries` are the examples, their parameter defaults written in
as constants (as ``kg query`` binds them); an entity IRI in a result links to the graph view (``graph.html``)
opened on that entity (``#entity=<IRI>``).

>>> page = query_page().decode("utf-8")
>>> "yasgui" in page.lower() and '"name": "q1_union_chairs"' in page
True
>>> "</script" in page.split('id="kg-query-data">')[1].split("</script>")[0]
False
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from graph.rdf.iris import DEFAULT_BASE
from graph.rdf.vocab import PREFIXES
from graph.sparql.inline import inline_bindings
from graph.sparql.query import NamedQuery, named_queries
from graph.sparql.terms import parse_term

__all__ = ["example_text", "query_page"]

ENDPOINT = "/sparql"
VIEW = "/graph.html"
_SLOT = re.compile(r"\{\{([A-Z_]+)\}\}")


def example_text(query: NamedQuery) -> str:
    """The named query as it runs with its defaults, written in as constants the way
    ``kg query`` binds them (:mod:`graph.sparql.inline`; a parameter without a default stays
    unbound).  A trailing ``VALUES`` clause would give the same rows, but the engine joins it
    after evaluating the whole pattern: ``q1_union_chairs`` took 30 s so at 1M quads, 0.7 s
    with the constants written in.

    >>> print(example_text(named_queries()["q1_union_chairs"]).splitlines()[-1])
    ORDER BY DESC(?confidence) ?person
    >>> '("主席"@zh AS ?role)' in example_text(named_queries()["q1_union_chairs"])
    True
    """
    bound = {name: parse_term(value) for name, value in query.defaults.items()}
    if not bound:
        return query.text
    written = inline_bindings(query.text_for(bound), bound)
    if written is not None:
        return written
    names = " ".join(f"?{name}" for name in bound)
    values = " ".join(term.n3() for term in bound.values())
    return query.text.rstrip() + f"\nVALUES ({names}) {{ ({values}) }}\n"


def _json_for_script(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return (resources.files("graph.sparql") / "assets" / name).read_text(encoding="utf-8")


@cache
def query_page() -> bytes:
    """The page's bytes (UTF-8), built once per process."""
    data = {
        "endpoint": ENDPOINT,
        "view": VIEW,
        "entityBase": DEFAULT_BASE,
        "prefixes": dict(PREFIXES),
        "examples": [
            {"name": q.name, "description": q.description, "text": example_text(q)}
            for q in named_queries().values()
        ],
    }
    slots = {
        "YASGUI_CSS": _asset("yasgui.min.css"),
        "YASGUI_JS": _asset("yasgui.min.js"),
        "APP_JS": _asset("query.js"),
        "DATA": _json_for_script(data),
    }
    page = _SLOT.sub(lambda m: slots[m[1]], _asset("query.html"))
    return page.encode("utf-8")
