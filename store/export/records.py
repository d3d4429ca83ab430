"""Plain dicts for scripts and spreadsheets: `--json` output and `export --format csv|json`."""
from __future__ import annotations

import csv
import io

from ..query.compare import Comparison
from ..query.views import Row, same_facts

# The columns of a result row in CSV, in order (figures fill them all; companies and regions some).
ROW_FIELDS = ("kind", "id", "label", "value", "unit", "qualifier", "metric", "category", "status",
              "period", "subject", "subject_id", "document", "doc_id", "text", "sources")


def figure_record(store, fig) -> dict:
    """A figure with what a reader needs beside the number: unit, subject, category, period, document."""
    doc = store.documents.get(fig.doc_id)
    return {"id": fig.id, "text": fig.text, "value": fig.value, "unit": fig.unit, "qualifier": fig.qualifier,
            "metric": fig.metric, "category": fig.category, "kind": fig.kind, "status": fig.status,
            "period": fig.period, "period_text": fig.period_text,
            "subject": store.name_of(fig.subject_id), "subject_id": fig.subject_id,
            "document": doc.file if doc else None, "doc_id": fig.doc_id,
            "sentence": store.sentence_of(fig)}


def row_record(store, row: Row, score: float | None = None) -> dict:
    """A results row as a flat dict (same keys for every kind; figures carry their facts)."""
    record = dict.fromkeys(ROW_FIELDS)
    record.update(kind=row.kind, id=row.id, label=row.label, subject=row.subject or None)
    fig = store.figures.get(row.id) if row.kind == "figure" else None
    if fig is not None:
        facts = figure_record(store, fig)
        record.update({k: facts[k] for k in ROW_FIELDS if k in facts and k not in ("id", "kind")})
        [(_, sources)] = same_facts(store, [fig])
        record["sources"] = [store.documents[s.doc_id].file for s in sources]
    if score is not None:
        record["score"] = score
    return record


def rows_csv(records: list[dict]) -> str:
    """Row records as CSV with a header (lists joined with '; ')."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ROW_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in rec.items()})
    return buffer.getvalue()


def entity_record(store, entity_id: str) -> dict:
    """A company's or region's card: names, place, figures (each with its sentence), mention count."""
    ent, kind = store.entity(entity_id), store.kind_of(entity_id)
    place_id = ent.region_id if kind == "company" else ent.parent_id
    chain = [store.regions[place_id], *store.ancestors(place_id)] if place_id in store.regions else []
    record = {"id": entity_id, "kind": kind, "name": ent.name, "aliases": list(ent.aliases),
              "in": [r.name for r in chain]}
    if kind == "region":
        record["level"] = ent.level
    record["mentions"] = len(store.mentions_of(entity_id))
    record["figures"] = [figure_record(store, f) for f in store.figures_of(entity_id)]
    return record


def comparison_record(store, comparison: Comparison) -> dict:
    """The comparison: its columns, and per row (category × kind, plans apart) the facts of each
    cell, each fact once with the files of every source that states it."""
    def cell(figs) -> list[dict]:
        return [{**figure_record(store, fig),
                 "sources": [store.documents[s.doc_id].file for s in comparison.sources_of(fig)]}
                for fig in figs]
    return {"columns": [{"id": c.entity_id, "name": c.name, "kind": c.kind} for c in comparison.columns],
            "rows": [{"measure": row.label, "category": row.category, "kind": row.kind, "plan": row.plan,
                      "cells": [cell(figs) for figs in row.cells]} for row in comparison.rows]}
