"""The user's entity decisions, applied to a store's tables every time the store is opened.

The store is derived (articles + extractor) and may be rebuilt at any time; the decisions live
in state.json (state.py) and are applied again to whatever the store holds, oldest first:

- merge: `company` is the same firm as `into`: its names, mentions and figures go to `into`;
- split: `name` is not `company`: it becomes a company of its own, with the mentions that use
  it and the figures of the articles that name the firm only by it;
- figure: a figure's `subject` (a company or region id, or None) or `category` is corrected.

A decision whose ids the store no longer has (a rebuild changed them) is kept but does nothing;
`applied` says which decisions took effect.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


def name_key(name: str) -> str:
    """A name compared without case, punctuation or spacing ("Weihua  Group" = "weihua group")."""
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


@dataclass
class _Tables:
    """The rows decisions change, by id, copied before they are changed."""

    companies: dict[str, dict]
    entities: set[str]
    mentions: list[dict]
    figures: dict[str, dict]
    applied: list[bool] = field(default_factory=list)


def _merge(t: _Tables, d: dict) -> bool:
    """Company `d["company"]` becomes part of `d["into"]`."""
    keep, gone = t.companies.get(d.get("into")), t.companies.get(d.get("company"))
    if keep is None or gone is None or keep is gone:
        return False
    keep["aliases"] = unique_names([*keep["aliases"], gone["name"], *gone["aliases"]],
                              seen={name_key(keep["name"])})
    keep["region_id"] = keep["region_id"] or gone["region_id"]
    del t.companies[gone["id"]]
    _move(t, lambda m: m["entity_id"] == gone["id"], keep["id"])
    for fid, fig in t.figures.items():
        if fig["subject_id"] == gone["id"]:
            t.figures[fid] = {**fig, "subject_id": keep["id"]}
    return True


def unique_names(names: list[str], seen: set[str] | None = None) -> list[str]:
    """`names` without repeats (compared by `name_key`) and without those already `seen`."""
    seen = set(seen or ())
    return [n for n in names if not (name_key(n) in seen or seen.add(name_key(n)))]


def _move(t: _Tables, which, entity_id: str) -> set[str]:
    """Point the mentions `which` picks at `entity_id`; the documents they are in."""
    docs = set()
    for i, m in enumerate(t.mentions):
        if which(m):
            t.mentions[i] = {**m, "entity_id": entity_id}
            docs.add(m["doc_id"])
    return docs


def _split(t: _Tables, d: dict) -> bool:
    """The name `d["name"]` of company `d["company"]` becomes a company of its own."""
    from ..extract.companies.merge import company_id  # the extractor's own id scheme
    firm, key = t.companies.get(d.get("company")), name_key(str(d.get("name", "")))
    names = unique_names([firm["name"], *firm["aliases"]]) if firm else []
    if not key or key not in {name_key(n) for n in names} or len(names) < 2:
        return False
    rest = [n for n in names if name_key(n) != key]
    if not rest:
        return False
    written = next(n for n in names if name_key(n) == key)
    new_id = company_id(written)
    if new_id == firm["id"]:  # the firm's own name goes: the rest keeps the old id
        new_id = f"{new_id}-split"
    firm.update(name=rest[0], aliases=rest[1:])
    other = t.companies.setdefault(new_id, {"id": new_id, "name": written, "aliases": [], "region_id": None})
    t.entities.add(new_id)
    moved = _move(t, lambda m: m["entity_id"] == firm["id"] and name_key(m["text"]) == key, new_id)
    still = {m["doc_id"] for m in t.mentions if m["entity_id"] == firm["id"]}
    for fid, fig in t.figures.items():  # an article that names the firm only by this name
        if fig["subject_id"] == firm["id"] and fig["doc_id"] in moved - still:
            t.figures[fid] = {**fig, "subject_id": other["id"]}
    return True


def _fix_figure(t: _Tables, d: dict) -> bool:
    """A figure's subject or category, as the user corrected it."""
    fig = t.figures.get(d.get("figure"))
    if fig is None:
        return False
    changes = {}
    if "subject" in d:
        if d["subject"] is not None and d["subject"] not in t.entities:
            return False
        changes["subject_id"] = d["subject"]
    if isinstance(d.get("category"), str):
        changes["category"] = d["category"]
    t.figures[fig["id"]] = {**fig, **changes}
    return bool(changes)


APPLY = {"merge": _merge, "split": _split, "figure": _fix_figure}


def apply_decisions(tables: dict[str, list], decisions: list[dict]) -> tuple[dict[str, list], list[bool]]:
    """The tables with the decisions applied (the input is left as it was); which took effect."""
    if not decisions:
        return tables, []
    t = _Tables(companies={r["id"]: dict(r) for r in tables["companies"]},
                entities={r["id"] for r in tables["regions"]} | {r["id"] for r in tables["companies"]},
                mentions=list(tables["mentions"]),
                figures={r["id"]: r for r in tables["figures"]})
    for decision in decisions:
        step = APPLY.get(decision.get("op"))
        t.applied.append(bool(step and step(t, decision)))
    # Links are worked out from the figures when asked, so the moved figures need nothing more.
    return {**tables, "companies": list(t.companies.values()), "mentions": t.mentions,
            "figures": list(t.figures.values())}, t.applied
