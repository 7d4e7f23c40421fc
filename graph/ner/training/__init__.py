"""Training the shipped mention CRF (python-crfsuite, the ``[train]`` extra); never imported
when tagging."""
