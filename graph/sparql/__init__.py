"""The graph as a SPARQL dataset: the on-disk store (``store``), queries and result formats
(``query``, ``terms``, the named queries in ``queries/``), SHACL validation (``validate``) and the
SPARQL 1.1 Protocol endpoint (``server``)."""
