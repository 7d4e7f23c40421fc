"""A corpus build: read every document, extract the changed ones on an engine (``engines``),
reuse the rest from the cache (``cache``, ``fingerprint``), merge and resolve entities across
documents (``merge``, ``resolve``), then write the exports and the store (``publish``).
``pipeline.build_corpus`` drives it."""
