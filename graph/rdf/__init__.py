"""Where RDF is written: the vocabularies (``vocab``), every minted IRI (``iris``), and the
named graph of each document (``writer`` with ``docwriter``, ``facts``, ``entities``), as
N-Triples lines (``ntriples``) streamed into the export files by pyoxigraph (``exports``)."""
