"""The graph as a network for people: networkx (``convert``), GraphML and node-link JSON for
other tools, and the offline interactive HTML view (``html``, ``page``, ``view``)."""
