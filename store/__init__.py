"""mfg-explore's library, and its façade: articles → extract → persist → query → export.

Callers (the Textual app, the CLI, scripts) import only from here. The layers below are
`store.articles` (files → Document records), `store.extract` (one subpackage per extractor),
`store.persist` (the TinyDB file), `store.query` (the in-memory Store, search, views) and
`store.export` (Markdown and JSON). Nothing in `store` imports Textual.

Names load on first use (PEP 562), so `import store` costs nothing until something is asked for.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# public name → the module that defines it
_EXPORTS = {
    # errors
    "MfgError": "store.errors", "StoreFileError": "store.errors", "InputError": "store.errors",
    "ExportError": "store.errors", "ExportExists": "store.errors", "NotFound": "store.errors",
    # records
    "Document": "store.models", "Passage": "store.models", "Region": "store.models",
    "Company": "store.models", "Mention": "store.models", "Figure": "store.models",
    "CATEGORIES": "store.models", "KINDS": "store.models", "STATUSES": "store.models",
    # building and opening
    "build": "store.persist.build", "ingest": "store.persist.build",
    "BuildReport": "store.persist.build", "default_store_path": "store.persist.locations",
    "Store": "store.query.api", "PassageView": "store.query.api",
    # queries
    "Row": "store.query.views", "counts": "store.query.views", "entity_rows": "store.query.views",
    "result_rows": "store.query.views", "region_rows": "store.query.views",
    "subregions": "store.query.views", "region_companies": "store.query.views",
    "region_figures": "store.query.views", "value_text": "store.query.views",
    "figure_sentence": "store.query.views", "figures_grouped": "store.query.views",
    "sort_rows": "store.query.views",
    "Comparison": "store.query.compare", "compare": "store.query.compare",
    "toggle_empty_rows": "store.query.compare", "figure_summary": "store.query.compare",
    "format_quantity": "store.query.compare",
    "Ranking": "store.query.ranking", "rank": "store.query.ranking",
    "units_for": "store.query.ranking", "resolve_category": "store.query.ranking",
    "kinds_for": "store.query.ranking", "resolve_kind": "store.query.ranking",
    "describe_links": "store.query.corroboration", "format_value": "store.query.index",
    "resolve_entity": "store.query.resolve", "search_tokens": "store.query.search",
    "find": "store.query.find", "same_facts": "store.query.views", "company_rows": "store.query.views",
    "value_as_read": "store.query.views",
    "Filters": "store.query.filters", "Narrowing": "store.query.filters", "Chip": "store.query.filters",
    "FacetValue": "store.query.filters", "facet_values": "store.query.filters",
    "parse_period": "store.query.filters",
    # export
    "comparison_markdown": "store.export.views", "entity_markdown": "store.export.views",
    "ranking_markdown": "store.export.views", "region_markdown": "store.export.views",
    "search_markdown": "store.export.views", "default_export_name": "store.export.files",
    "write_markdown": "store.export.files", "dump_store": "store.export.dump",
    "rows_markdown": "store.export.views", "row_record": "store.export.records",
    "rows_csv": "store.export.records", "entity_record": "store.export.records",
    "comparison_record": "store.export.records", "figure_record": "store.export.records",
    "write_atomic": "store.persist.storage",
    "citation": "store.export.citation", "page_of": "store.export.citation",
    # documents: list them, take them out
    "document_rows": "store.query.documents", "resolve_documents": "store.query.documents",
    "RemovalPlan": "store.persist.remove", "plan_removal": "store.persist.remove",
    "remove_documents": "store.persist.remove",
    # the user's own state: decisions and saved comparisons (state.json), repair of a broken store
    "merge_companies": "store.query.decide", "split_company": "store.query.decide",
    "correct_figure": "store.query.decide", "KEEP_SUBJECT": "store.query.decide",
    "figure_by_id": "store.query.decide", "decision_rows": "store.query.decide",
    "undo_decision": "store.query.decide", "DecisionRow": "store.query.decide",
    "SavedComparison": "store.query.saved", "save_comparison": "store.query.saved",
    "saved_comparisons": "store.query.saved", "saved_comparison": "store.query.saved",
    "delete_saved": "store.query.saved", "StoreBusy": "store.errors",
    "RepairPlan": "store.persist.repair", "plan_repair": "store.persist.repair",
    "repair": "store.persist.repair", "read_state": "store.persist.state",
    "update_state": "store.persist.state", "state_path": "store.persist.state",
    "on_disk": "store.persist.state", "update_state_file": "store.persist.state",
    # terminal safety
    "visible": "store.safe_text", "one_line": "store.safe_text", "safe_json": "store.safe_text",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    """Load a public name from its module the first time it is asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    """The public names, for completion and help()."""
    return __all__


if TYPE_CHECKING:  # static tools see every name as a plain import
    from .errors import (
        ExportError,
        ExportExists,
        InputError,
        MfgError,
        NotFound,
        StoreBusy,
        StoreFileError,
    )
    from .export.citation import citation, page_of
    from .export.dump import dump_store
    from .export.files import default_export_name, write_markdown
    from .export.records import (
        comparison_record,
        entity_record,
        figure_record,
        row_record,
        rows_csv,
    )
    from .export.views import (
        comparison_markdown,
        entity_markdown,
        ranking_markdown,
        region_markdown,
        rows_markdown,
        search_markdown,
    )
    from .models import (
        CATEGORIES,
        KINDS,
        STATUSES,
        Company,
        Document,
        Figure,
        Mention,
        Passage,
        Region,
    )
    from .persist.build import BuildReport, build, ingest
    from .persist.locations import default_store_path
    from .persist.remove import RemovalPlan, plan_removal, remove_documents
    from .persist.repair import RepairPlan, plan_repair, repair
    from .persist.state import on_disk, read_state, state_path, update_state, update_state_file
    from .persist.storage import write_atomic
    from .query.api import PassageView, Store
    from .query.compare import (
        Comparison,
        compare,
        figure_summary,
        format_quantity,
        toggle_empty_rows,
    )
    from .query.corroboration import describe_links
    from .query.decide import (
        KEEP_SUBJECT,
        DecisionRow,
        correct_figure,
        decision_rows,
        figure_by_id,
        merge_companies,
        split_company,
        undo_decision,
    )
    from .query.documents import document_rows, resolve_documents
    from .query.filters import Chip, FacetValue, Filters, Narrowing, facet_values, parse_period
    from .query.find import find
    from .query.index import format_value
    from .query.ranking import (
        Ranking,
        kinds_for,
        rank,
        resolve_category,
        resolve_kind,
        units_for,
    )
    from .query.resolve import resolve_entity
    from .query.saved import (
        SavedComparison,
        delete_saved,
        save_comparison,
        saved_comparison,
        saved_comparisons,
    )
    from .query.search import search_tokens
    from .query.views import (
        Row,
        company_rows,
        counts,
        entity_rows,
        figure_sentence,
        figures_grouped,
        region_companies,
        region_figures,
        region_rows,
        result_rows,
        same_facts,
        sort_rows,
        subregions,
        value_as_read,
        value_text,
    )
    from .safe_text import one_line, safe_json, visible
