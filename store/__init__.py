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

# module → the public names it defines (loaded from there on first use)
_MODULES = {
    "store.errors": ("ExportError", "ExportExists", "InputError", "MfgError", "NotFound", "StoreBusy",
                     "StoreFileError"),
    "store.export.citation": ("citation", "page_of"),
    "store.export.dump": ("dump_store",),
    "store.export.files": ("default_export_name", "write_markdown"),
    "store.export.records": ("comparison_record", "entity_record", "figure_record", "row_record", "rows_csv"),
    "store.export.views": ("comparison_markdown", "entity_markdown", "ranking_markdown", "region_markdown",
                           "rows_markdown", "search_markdown"),
    "store.models": ("CATEGORIES", "Company", "Document", "Figure", "KINDS", "Mention", "Passage", "Region",
                     "STATUSES"),
    "store.persist.build": ("BuildReport", "build", "ingest"),
    "store.persist.locations": ("default_store_path",),
    "store.persist.remove": ("RemovalPlan", "plan_removal", "remove_documents"),
    "store.persist.repair": ("RepairPlan", "plan_repair", "repair"),
    "store.persist.state": ("on_disk", "read_state", "state_path", "update_state", "update_state_file"),
    "store.persist.storage": ("write_atomic",),
    "store.query.api": ("PassageView", "Store"),
    "store.query.compare": ("Comparison", "compare", "figure_summary", "format_quantity", "toggle_empty_rows"),
    "store.query.corroboration": ("describe_links",),
    "store.query.decide": ("DecisionRow", "KEEP_SUBJECT", "correct_figure", "decision_rows", "figure_by_id",
                           "merge_companies", "split_company", "undo_decision"),
    "store.query.documents": ("document_rows", "resolve_documents"),
    "store.query.filters": ("Chip", "FacetValue", "Filters", "Narrowing", "facet_values", "parse_period"),
    "store.query.find": ("find",),
    "store.query.index": ("format_value",),
    "store.query.ranking": ("Ranking", "kinds_for", "rank", "resolve_category", "resolve_kind", "units_for"),
    "store.query.resolve": ("resolve_entity",),
    "store.query.saved": ("SavedComparison", "delete_saved", "save_comparison", "saved_comparison",
                          "saved_comparisons"),
    "store.query.search": ("search_tokens",),
    "store.query.views": ("Row", "company_rows", "counts", "entity_rows", "figure_sentence", "figures_grouped",
                          "region_companies", "region_figures", "region_rows", "result_rows", "same_facts",
                          "sort_rows", "subregions", "value_as_read", "value_text"),
    "store.safe_text": ("one_line", "safe_json", "visible"),
}
_EXPORTS = {name: module for module, names in _MODULES.items() for name in names}
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
