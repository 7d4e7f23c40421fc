"""The vendored W3C SPARQL test suites and the code that runs them (see README.md)."""
