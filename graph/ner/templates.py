"""The feature templates of the mention CRF, defined once.

An attribute is a template code (its first character) followed by its value.  Three modules
read these definitions: ``graph.ner.features`` writes attributes as strings (what crfsuite
trains on), ``graph.ner.encode`` computes the same attributes as rows of the compiled tables,
and ``graph.ner.training.compile`` lays a trained model's weights out in those tables.

Character templates look at the analysis text padded with two ``PAD_LEFT`` and two
``PAD_RIGHT`` characters; word templates look at the jieba token a character belongs to.

>>> [(code, offset) for code, offset in UNIGRAMS if offset <= 0]
[('a', -2), ('b', -1), ('c', 0)]
>>> check_attribute("kB2"), check_attribute("n^|R")
(None, None)
"""

from __future__ import annotations

from graph.errors import ModelError

# character templates: code, then the offset(s) of the character(s) from the current one
UNIGRAMS: tuple[tuple[str, int], ...] = (("a", -2), ("b", -1), ("c", 0), ("d", 1), ("e", 2))
BIGRAMS: tuple[tuple[str, int, int], ...] = (
    ("f", -1, 0),
    ("g", 0, 1),
    ("h", -2, -1),
    ("i", 1, 2),
    ("j", -1, 1),
)
UNIGRAM_CODES = "".join(code for code, _ in UNIGRAMS)
BIGRAM_CODES = "".join(code for code, _, _ in BIGRAMS)
CHAR_TYPES = "t"  # types of the previous, current and next character ("^" / "$" at the ends)

# word templates: the first character of the value is the character's position in its word
WORD_LENGTH = "k"  # position + word length, capped at MAX_WORD_TAG
WORD = "l"  # position + the word itself
WORD_CLASS = "m"  # position + dictionary class or POS tag of the word
CONTEXT = "n"  # classes of the previous and next word, "|"-separated ("^" / "$" at the ends)
SURNAME = "s"  # position of a surname character at a word edge (or inside it), else NOT_SURNAME

POSITIONS = "BMES"  # begin, middle, end of a word; a single-character word
NOT_SURNAME = "-"
TYPES = "HDLWP^$"  # character types (see ``features.char_type``), then sentence start / end
SENTENCE_START, SENTENCE_END = "^", "$"
MAX_WORD_TAG = 5

PAD = 2  # padding characters on each side of a sentence
PAD_LEFT, PAD_RIGHT = "\x02", "\x03"


def check_attribute(attr: str) -> None:
    """Raise ``ModelError`` naming ``attr`` unless it is an attribute of a known template.

    >>> check_attribute("zzz")
    Traceback (most recent call last):
    ...
    graph.errors.ModelError: the model has a feature of no known template: 'zzz'
    """
    kind, rest = attr[:1], attr[1:]
    ok = (
        (kind in UNIGRAM_CODES and len(rest) == 1)
        or (kind in BIGRAM_CODES and len(rest) == 2)
        or (kind == WORD_LENGTH and len(rest) == 2 and rest[0] in POSITIONS)
        or (kind in (WORD, WORD_CLASS) and len(rest) >= 2 and rest[0] in POSITIONS)
        or (kind == CONTEXT and "|" in rest)
        or (kind == SURNAME and len(rest) == 1 and rest in POSITIONS + NOT_SURNAME)
        or (kind == CHAR_TYPES and len(rest) == 3 and all(c in TYPES for c in rest))
    )
    if not ok:
        raise ModelError(f"the model has a feature of no known template: {attr!r}")
