"""Relations: facts (posts, sub-organisations, events, statements) built on linked entities."""
