"""Exports of the networkx graph: HTML view (pyvis), GraphML (Gephi) and JSON node-link."""
