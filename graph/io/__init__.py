"""Files in and out: source files become ``Document`` records (``ingest``, ``encoding``);
every file the project writes is written atomically (``atomic``)."""
