"""A document's id: the hash of its stored text (a module of its own, so checking a stored
text's id loads no article reader or header rule)."""
from __future__ import annotations

import hashlib


def document_id(text: str) -> str:
    """Stable id of a document: a hash of its stored text, so a renamed file keeps its id."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
