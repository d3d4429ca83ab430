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
from dataclasses import MISSING, fields, replace
from functools import cache
from pathlib import Path

from ..errors import StoreFileError
from ..extract.figures.sane import sane_figure, sane_value
from ..models import Company, CompanyHit, Document, Figure, FigureHit, Mention, Passage, Region, RegionHit
from .storage import REPAIR_HINT

ROW_TYPES = {"documents": Document, "passages": Passage, "regions": Region,
             "companies": Company, "mentions": Mention, "figures": Figure}
SPANS = ("passages", "mentions", "figures")  # rows whose [start, end) index a document
CACHE_TABLE = "extractions"
CACHE_HITS = {"region_hits": RegionHit, "regions": Region, "company_hits": CompanyHit,
              "figure_hits": FigureHit}


def sane_figures(figures: list[Figure]) -> list[Figure]:
    """The figures worth storing: sane values (-0 made 0), a conversion with a bad value dropped,
    and no link to a figure left out."""
    kept = [fig for fig in map(sane_figure, figures) if fig is not None]
    if len(kept) < len(figures):
        ids = {f.id for f in kept}
        kept = [replace(f, corroborated_by=[i for i in f.corroborated_by if i in ids],
                        conflicts_with=[i for i in f.conflicts_with if i in ids]) for f in kept]
    return kept


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


def _span_problem(row: dict, texts: dict[str, str]) -> str | None:
    """Why a passage, mention or figure does not index its document, or None."""
    text = texts.get(row["doc_id"])
    if text is None:
        return "belongs to no stored document"
    if not 0 <= row["start"] <= row["end"] <= len(text):
        return f"has offsets {row['start']}–{row['end']} outside its document"
    if "text" in row and text[row["start"]:row["end"]] != row["text"]:
        return "has a text that is not its document's text at its offsets"
    return None


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


def usable_tables(tables: dict[str, list], path: Path | None) -> tuple[dict[str, list], list[str]]:
    """The tables without the rows a view cannot use, and one line saying what was left out."""
    out = dict(tables)
    bad: dict[str, int] = {}
    first: str | None = None
    texts: dict[str, str] = {}
    for table, cls in ROW_TYPES.items():
        kept = []
        for row in tables.get(table, []):
            problem = row_problem(row, cls)
            if problem is None and table in SPANS:
                problem = _span_problem(row, texts)
            if problem is None and table == "figures":
                problem = _figure_problem(row)
            if problem is None:
                kept.append(row)
                if table == "documents":
                    texts[row["id"]] = row["text"]
                continue
            bad[table] = bad.get(table, 0) + 1
            first = first or f"{table} row {_label(row)} {problem}"
        out[table] = kept
    if not bad:
        return out, []
    counts = ", ".join(f"{n} {t}" for t, n in bad.items())
    return out, [f"{path or 'store'}: left out damaged rows ({counts}; e.g. {first}); {REPAIR_HINT}"]


def require_sound(tables: dict[str, list], path: Path) -> dict[str, list]:
    """The tables, when every row is usable; StoreFileError naming the damage otherwise (a store
    with damaged rows is not written over: `mfg-explore repair` is how the user agrees to it)."""
    _, warnings = usable_tables(tables, path)
    if warnings:
        raise StoreFileError(warnings[0])
    if CACHE_TABLE in tables:  # a damaged cached extraction is only extracted again
        tables = {**tables, CACHE_TABLE: [r for r in tables[CACHE_TABLE] if _cache_row_ok(r)]}
    return tables


def _cache_row_ok(row) -> bool:
    """True when an extraction-cache row can be turned back into an Extraction."""
    if not isinstance(row, dict) or not isinstance(row.get("doc_id"), str):
        return False
    for name, cls in CACHE_HITS.items():
        hits = row.get(name)
        if not isinstance(hits, list) or any(row_problem(h, cls) for h in hits):
            return False
    return True


def sound_documents(rows: list, path: Path) -> list[dict]:
    """The documents rows, all usable; StoreFileError when one is damaged (nothing is dropped silently)."""
    for row in rows:
        problem = row_problem(row, Document)
        if problem:
            raise StoreFileError(f"{path}: documents row {_label(row)} {problem}; {REPAIR_HINT}")
    return rows
