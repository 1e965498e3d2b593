"""Ten-word shingles: the same normalisation for the source article and for the built site.

Words are lower-cased runs of letters and digits (an apostrophe inside a word is kept, typographic or
not), so punctuation, markup and spacing never hide a copied sentence.
"""

from __future__ import annotations

import hashlib
import re

SHINGLE_WORDS = 10
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")


def words(text: str) -> list[str]:
    return [word.replace("’", "'") for word in _WORD.findall(text.lower())]


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    tokens = words(text)
    return {
        hashlib.sha256(" ".join(tokens[i : i + size]).encode()).hexdigest()[:16] for i in range(len(tokens) - size + 1)
    }
