"""zhkg: build knowledge graphs of people, organisations, posts, events and statements from
Chinese text, with every fact traceable to the span it came from.

The package is a one-way pipeline (see ``graph.pipeline``)::

    ingest -> segment -> mentions -> linking -> relations -> model -> export / store
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
