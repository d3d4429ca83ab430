"""What a row must hold to be stored or used: fields of the right types, sane values, grounded offsets.

Writing: `sane_figures` leaves out figures whose value is not finite (a 400-digit amount
overflows to infinity, which JSON cannot hold: orjson writes `null`) or absurd. Reading:
`usable_tables` leaves out rows that would break a view (a figure without a value, a mention
whose offsets do not index its document) and says so in one line, so one damaged row never
takes the whole store down; `sound_documents` refuses to rewrite a store whose articles are
damaged, so nothing is dropped without the user's say (`mfg-explore repair`).
"""
from __future__ import annotations

import math
import types
import typing
from dataclasses import MISSING, fields
from functools import cache
from pathlib import Path

from ..errors import StoreFileError
from ..models import Company, CompanyHit, Document, Figure, FigureHit, Mention, Passage, Region, RegionHit
from .storage import REPAIR_HINT

ROW_TYPES = {"documents": Document, "passages": Passage, "regions": Region,
             "companies": Company, "mentions": Mention, "figures": Figure}
SPANS = ("passages", "mentions", "figures")  # rows whose [start, end) index a document
MAIN_TABLES = ("documents", "regions", "companies")  # in the store file, under its digest
CACHE_HITS = {"region_hits": RegionHit, "regions": Region, "company_hits": CompanyHit,
              "figure_hits": FigureHit}


def sane_value(value, category: str = "other", kind: str = "level", unit: str = "") -> bool:
    """The extractor's value rule (store/extract/figures/sane.py), applied again to stored rows."""
    # Imported on first use: the figures package loads the whole figure extractor (a third of a
    # second), which opening an intact store never needs.
    from ..extract.figures.sane import sane_value as rule
    return rule(value, category, kind, unit)


def sane_figures(figures: list[Figure]) -> list[Figure]:
    """The figures worth storing: sane values (-0 made 0), a conversion with a bad value dropped
    (links are not stored: they are worked out from the figures kept)."""
    from ..extract.figures.sane import sane_figure  # loaded when something is written (see sane_value)
    return [fig for fig in map(sane_figure, figures) if fig is not None]


def sane_hits(hits: list[dict]) -> list[dict]:
    """Figure hits (as extraction-cache rows) with a sane value, so a cached extraction is clean too."""
    return [h for h in hits if sane_value(h.get("value"), h.get("category", "other"),
                                          h.get("kind", "level"), h.get("unit", ""))]


def _check(hint) -> typing.Callable[[object], bool]:
    """A predicate for one field's type hint: str, int, float, bool, dict, list[X], X | None."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        parts = [_check(a) for a in args]
        return lambda v: any(p(v) for p in parts)
    if origin is list:
        item = _check(args[0]) if args else (lambda v: True)
        return lambda v: isinstance(v, list) and all(item(x) for x in v)
    if hint is type(None):
        return lambda v: v is None
    if hint is float:
        return lambda v: (isinstance(v, (int, float)) and not isinstance(v, bool)
                          and math.isfinite(v))
    if hint is int:
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    return lambda v: isinstance(v, origin or hint)


@cache
def _schema(cls) -> tuple[tuple[str, bool, typing.Callable], ...]:
    """(field, required, predicate) for every field of a record type."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, f.default is MISSING and f.default_factory is MISSING, _check(hints[f.name]))
                 for f in fields(cls))


def row_problem(row, cls) -> str | None:
    """Why a stored row cannot become a `cls` record, or None when it can."""
    if not isinstance(row, dict):
        return "is not an object"
    for name, required, fits in _schema(cls):
        if name not in row:
            if required:
                return f"has no {name}"
        elif not fits(row[name]):
            return f"has an invalid {name} ({str(row[name])[:20]!r})"
    return None


def _span_problem(row: dict, texts: dict[str, tuple[int, str | None]]) -> str | None:
    """Why a passage, mention or figure does not index its document, or None.

    `texts` maps a document id to its length and, when it is in memory, its text.
    """
    known = texts.get(row["doc_id"])
    if known is None:
        return "belongs to no stored document"
    length, text = known
    if not 0 <= row["start"] <= row["end"] <= length:
        return f"has offsets {row['start']}–{row['end']} outside its document"
    if text is not None and "text" in row and text[row["start"]:row["end"]] != row["text"]:
        return "has a text that is not its document's text at its offsets"
    return None


def document_problem(row, present: set[str] | None) -> str | None:
    """Why a documents row is unusable: a bad field, or (its text kept beside the store) no
    text length or no text file; `present` holds the ids whose text file is there."""
    if isinstance(row, dict) and "text" not in row and "chars" in row:
        if not isinstance(row["chars"], int) or isinstance(row["chars"], bool) or row["chars"] < 0:
            return f"has an invalid chars ({str(row['chars'])[:20]!r})"
        problem = row_problem({**row, "text": ""}, Document)
        if problem is None and present is not None and row["id"] not in present:
            return f"has no text file (texts/{row['id'][:40]}.txt is missing)"
        return problem
    return row_problem(row, Document)


def document_lengths(rows: list[dict]) -> dict[str, tuple[int, str | None]]:
    """Document id → (length, text if the row holds it) for usable documents rows."""
    return {r["id"]: (len(r["text"]), r["text"]) if "text" in r else (r["chars"], None) for r in rows}


def _figure_problem(row: dict) -> str | None:
    """Why a figure's value is unusable, or None."""
    if sane_value(row["value"], row["category"], row.get("kind", "level"), row["unit"]):
        return None
    return f"has a value that is not a sane number ({row['value']!r})"


def _label(row) -> str:
    """How a bad row is named in a message: its id, else its position."""
    if isinstance(row, dict):
        key = row.get("id") or row.get("entity_id")
        if isinstance(key, str):
            return repr(key[:40])
    return "(no id)"


def _checked(table: str, rows: list, texts: dict, present: set[str] | None, trusted: bool):
    """The usable rows of one table, how many were left out, and the first problem found."""
    if trusted:  # exactly as written: the rows were checked before they were stored
        return rows, 0, None
    cls = ROW_TYPES[table]
    kept, bad, first = [], 0, None
    for row in rows:
        problem = document_problem(row, present) if table == "documents" else row_problem(row, cls)
        if problem is None and table in SPANS:
            problem = _span_problem(row, texts)
        if problem is None and table == "figures":
            problem = _figure_problem(row)
        if problem is None:
            kept.append(row)
            continue
        bad += 1
        first = first or f"{table} row {_label(row)} {problem}"
    return kept, bad, first


def damage_line(path: Path | None, bad: dict[str, int], first: str) -> str:
    """One line saying which damaged rows were left out, and what to do."""
    counts = ", ".join(f"{n} {t}" for t, n in bad.items())
    return f"{path or 'store'}: left out damaged rows ({counts}; e.g. {first}); {REPAIR_HINT}"


def _present_texts(tables: dict, path: Path | None) -> set[str] | None:
    """Ids of the articles whose text file is beside the store (None when texts are in the rows)."""
    if path is None or not any(isinstance(r, dict) and "text" not in r for r in tables.get("documents", [])):
        return None
    from .texts import stored_text_ids
    return stored_text_ids(path)


def usable_tables(tables: dict[str, list], path: Path | None) -> tuple[dict[str, list], list[str]]:
    """The tables without the rows a view cannot use, and one line saying what was left out.

    Tables not read yet (figures and mentions kept in their own files) are checked when read
    (`usable_rows`); the store file's own tables are not checked row by row when their digest
    says they are exactly as written, but every article's text file must be there.
    """
    out = dict(tables)
    bad: dict[str, int] = {}
    first: str | None = None
    meta = tables.get("meta") or [{}]
    intact = isinstance(meta[0], dict) and meta[0].get("intact") is True
    parts_intact = meta[0].get("intact_parts", ()) if isinstance(meta[0], dict) else ()
    present = _present_texts(tables, path)
    texts: dict[str, tuple[int, str | None]] = {}
    for table in ROW_TYPES:
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            continue  # read on first use, and checked then
        trusted = intact and table in MAIN_TABLES and (table != "documents" or present is None
                                                      or all(r["id"] in present for r in rows))
        if table in parts_intact and not bad.get("documents"):
            trusted = True  # its file's hash is its name: the rows written with these documents
        kept, n, problem = _checked(table, rows, texts, present, trusted)
        out[table] = kept
        if table == "documents":
            texts = document_lengths(kept)
        if n:
            bad[table] = n
            first = first or problem
    return out, ([damage_line(path, bad, first)] if bad else [])


def usable_rows(table: str, rows: list[dict], texts: dict, path: Path | None) -> tuple[list[dict], str | None]:
    """The usable rows of a table read after opening, and the line saying what was left out."""
    kept, n, first = _checked(table, rows, texts, None, False)
    return kept, (damage_line(path, {table: n}, first) if n else None)


def require_sound(tables: dict[str, list], path: Path) -> dict[str, list]:
    """The tables, when every row is usable; StoreFileError naming the damage otherwise (a store
    with damaged rows is not written over: `mfg-explore repair` is how the user agrees to it)."""
    _, warnings = usable_tables(tables, path)
    if warnings:
        raise StoreFileError(warnings[0])
    return tables


def cache_row_ok(row) -> bool:
    """True when a stored extraction can be turned back into an Extraction (else it is redone)."""
    if not isinstance(row, dict) or not isinstance(row.get("doc_id"), str):
        return False
    if not isinstance(row.get("passages"), list) or any(row_problem(p, Passage) for p in row["passages"]):
        return False
    for name, cls in CACHE_HITS.items():
        hits = row.get(name)
        if not isinstance(hits, list) or any(row_problem(h, cls) for h in hits):
            return False
    return True


def sound_documents(rows: list, path: Path) -> list[dict]:
    """The documents rows, all usable; StoreFileError when one is damaged (nothing is dropped silently)."""
    for row in rows:
        problem = document_problem(row, None)
        if problem:
            raise StoreFileError(f"{path}: documents row {_label(row)} {problem}; {REPAIR_HINT}")
    return rows
