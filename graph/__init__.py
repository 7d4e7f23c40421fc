"""zhkg: build knowledge graphs of people, organisations, posts, events and statements from
Chinese text, with every fact traceable to the span it came from.

The package is a one-way pipeline; each stage is a subpackage named for what flows through it.
``STAGES`` lists them from the bottom up: a module may import from its own stage or a lower
one, never upward, and no import cycle is allowed anywhere (``tests/test_layering.py``)::

    io        files in: encodings, ingest -> Document; atomic writes
    text      Document -> tokens and sentences (jieba), scripts, dates
    ner       text -> typed mentions (the shipped character CRF; training in ner.training)
    extract   Document -> Extraction: rules, linking, posts, events, statements
    rdf       facts -> RDF: vocabularies, IRIs, named graph per document
    sparql    the on-disk store, queries, SHACL validation, the endpoint
    network   networkx graph, GraphML, node-link JSON, the HTML view
    build     a corpus: engines, cache, merge, publish (exports + store)
    cli       the ``kg`` command, a thin skin over the functions above
"""

__all__ = ["STAGES", "__version__"]
__version__ = "0.1.0"

# bottom-up; names on one line share a level (records and dictionaries are used everywhere)
STAGES: tuple[tuple[str, ...], ...] = (
    ("errors", "types", "resources"),
    ("io",),
    ("text",),
    ("ner",),
    ("extract",),
    ("rdf",),
    ("sparql",),
    ("network",),
    ("build",),
    ("console",),
    ("cli", "__main__"),
)
