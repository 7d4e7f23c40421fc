"""Where RDF is written: the vocabularies (``vocab``), every minted IRI (``iris``), and the
named graph of each document (``writer`` with ``docwriter``, ``facts``, ``entities``), serialised
into the export files by ``fragments``."""
