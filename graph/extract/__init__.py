"""Where facts are made: one document's mentions, entities and facts (an ``Extraction``).

``document.extract_document`` is the entry point.  It runs, in order: title chains and bylines
(``rules``, ``names``, ``orgs``, ``appositive``, ``orgcheck``), linking within the document
(``linking``, ``elision``, ``orgkeys``, ``chaindepts``), then facts: posts (``posts``), events (``events``), statements and
concepts (``statements``, ``concepts``, gathered by ``facts``).  ``windows`` streams long
documents; ``traditional`` analyses traditional-script text in simplified form."""
