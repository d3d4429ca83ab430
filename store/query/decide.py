"""The user's corrections, checked against an open Store and kept in state.json.

Each function checks what the user asks against the store as it is now, records it (the
store file itself is never changed: decisions are applied whenever a store is opened, so they
survive rebuilds), and returns one line saying what was done. Open the store again to see it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import MfgError
from ..models import CATEGORIES
from ..persist import state
from ..persist.decisions import name_key, unique_names

KEEP_SUBJECT = object()  # `correct_figure(subject=KEEP_SUBJECT)`: leave the subject as it is


def _store_path(store):
    """The store's file; decisions need one (a store built in memory has nowhere to keep them)."""
    if store.path is None:
        raise MfgError("this store has no file, so there is nowhere to keep decisions")
    return store.path


def merge_companies(store, keep_id: str, other_id: str) -> str:
    """Record that company `other_id` is the same firm as `keep_id`."""
    keep, other = store.companies.get(keep_id), store.companies.get(other_id)
    if keep is None or other is None:
        raise MfgError("merge joins two companies; regions cannot be merged")
    if keep_id == other_id:
        raise MfgError(f"{keep.name!r} and {other.name!r} are already one company")
    state.add_decision(_store_path(store), {"op": "merge", "into": keep_id, "company": other_id,
                                            "names": [keep.name, other.name]})
    return f"merged {other.name!r} into {keep.name!r}"


def split_company(store, company_id: str, name: str) -> str:
    """Record that `name`, one of a company's names, is a firm of its own (or undo a merge)."""
    firm = store.companies.get(company_id)
    if firm is None:
        raise MfgError("split takes a company and one of its names")
    names = unique_names([firm.name, *firm.aliases])
    key = name_key(name)
    if key not in {name_key(n) for n in names}:
        raise MfgError(f"{name!r} is not a name of {firm.name!r} (its names: {'; '.join(names)})")
    if len(names) < 2:
        raise MfgError(f"{firm.name!r} has only one name; there is nothing to split")
    path = _store_path(store)
    undone = state.remove_decisions(path, lambda d: not (
        d.get("op") == "merge" and d.get("into") == company_id
        and key in {name_key(n) for n in d.get("names", [])[1:]}))
    if undone:
        return f"undid your merge: {name!r} is a company of its own again"
    state.add_decision(path, {"op": "split", "company": company_id, "name": name})
    return f"split {name!r} from {firm.name!r}: it is a company of its own now"


def figure_by_id(store, figure_id: str):
    """The figure with this id (ids are in `search --json` and `dump`); NotFound otherwise."""
    fig = store.figures.get(figure_id)
    if fig is None:
        raise MfgError(f"no figure with id {figure_id!r}; figure ids are in "
                       "`mfg-explore search QUERY --kind figure --json`")
    return fig


def correct_figure(store, figure_id: str, subject=KEEP_SUBJECT, category: str | None = None) -> str:
    """Record a figure's right subject (an entity id, or None for none) and/or category."""
    fig = figure_by_id(store, figure_id)
    decision: dict = {"op": "figure", "figure": figure_id, "text": fig.text}
    said = []
    if subject is not KEEP_SUBJECT:
        if subject is not None and store.entity(subject) is None:
            raise MfgError(f"no company or region with id {subject!r}")
        decision["subject"], decision["subject_name"] = subject, store.name_of(subject)
        said.append(f"subject {store.name_of(subject) or 'none'!r}")
    if category is not None:
        if category not in CATEGORIES:
            raise MfgError(f"no category {category!r}; categories: {', '.join(CATEGORIES)}")
        decision["category"] = category
        said.append(f"category {category!r}")
    if not said:
        raise MfgError("say what to correct: a subject, no subject, or a category")
    state.add_decision(_store_path(store), decision)
    return f"{fig.text!r}: " + " and ".join(said)


@dataclass(frozen=True)
class DecisionRow:
    """One recorded decision as the user reads it."""

    number: int
    text: str
    applied: bool
    at: str


def describe(decision: dict) -> str:
    """A decision in words."""
    op = decision.get("op")
    if op == "merge":
        names = [*decision.get("names", []), "?", "?"]
        return f"merge {names[1]!r} into {names[0]!r}"
    if op == "split":
        return f"split {decision.get('name')!r} from company {decision.get('company')!r}"
    if op == "figure":
        parts = []
        if "subject" in decision:
            subject = decision.get("subject_name") or decision["subject"] or "none"
            parts.append(f"subject {subject!r}")
        if "category" in decision:
            parts.append(f"category {decision['category']!r}")
        return f"figure {decision.get('text')!r} ({decision.get('figure')}): " + " and ".join(parts)
    return f"unknown decision {op!r} (kept as it is)"


def decision_rows(store) -> list[DecisionRow]:
    """Every recorded decision, numbered, with whether it applies to this store."""
    return [DecisionRow(i + 1, describe(d), applied, str(d.get("at", "")))
            for i, (d, applied) in enumerate(store.decisions)]


def undo_decision(store, number: int) -> str:
    """Forget decision `number` (as `decision_rows` numbers them)."""
    if not 1 <= number <= len(store.decisions):
        raise MfgError(f"no decision {number}; there are {len(store.decisions)} "
                       "(list them with `mfg-explore decisions`)")
    target = store.decisions[number - 1][0]
    state.remove_decisions(_store_path(store), lambda d: d != target)
    return f"undid: {describe(target)}"
