"""The documents in a store: one row each for `docs`, and the documents a user's words name."""
from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from ..errors import MfgError, NotFound

MIN_ID_PREFIX = 4  # shorter id prefixes would match by chance


def document_rows(store) -> list[dict]:
    """id, title, publisher, date, format, file and figure count of every document, in store order."""
    figures = Counter(f.doc_id for f in store.figures.values())
    return [{"id": d.id, "title": d.title, "publisher": d.publisher, "date": d.date,
             "format": d.format, "file": d.file, "figures": figures[d.id]}
            for d in store.documents.values()]


def _matches(store, ref: str) -> list[str]:
    """Ids of the documents `ref` names: an id, a unique id prefix, or a file name."""
    if ref in store.documents:
        return [ref]
    by_file = [d.id for d in store.documents.values() if d.file == ref]
    if by_file:
        return by_file
    if len(ref) >= MIN_ID_PREFIX:
        return [i for i in store.documents if i.startswith(ref.lower())]
    return []


def resolve_documents(store, refs: list[str]) -> list[str]:
    """The document ids that `refs` name, in order and once each; NotFound or MfgError otherwise."""
    ids: list[str] = []
    for ref in refs:
        found = _matches(store, ref)
        if not found:
            names = [d.file for d in store.documents.values()]
            close = [n for n, _, _ in process.extract(ref, names, scorer=fuzz.WRatio, limit=3,
                                                      score_cutoff=60)]
            raise NotFound(ref, close, "document", "give an id or file name from `mfg-explore docs`")
        if len(found) > 1:
            raise MfgError(f"{ref!r} names {len(found)} documents ({', '.join(found)}); "
                           "give one of these ids instead")
        ids.extend(i for i in found if i not in ids)
    return ids
