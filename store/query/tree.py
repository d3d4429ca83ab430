"""The region tree: province → prefecture → county → town/zone, each with its companies."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Company, Region


@dataclass
class TreeNode:
    """A region in the tree with its sub-regions, its companies and its counts (subtree totals)."""

    region: Region
    children: list[TreeNode] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    company_count: int = 0
    figure_count: int = 0


def build_tree(store) -> list[TreeNode]:
    """Roots of the region tree, children sorted by name, counts summed over each subtree."""
    nodes = {rid: TreeNode(region) for rid, region in store.regions.items()}
    roots = []
    for rid, node in nodes.items():
        parent = nodes.get(node.region.parent_id or "")
        (parent.children if parent else roots).append(node)
    for company in store.companies.values():
        if company.region_id in nodes:
            nodes[company.region_id].companies.append(company)
    for node in roots:
        _finish(node, store)
    return sorted(roots, key=lambda n: n.region.name)


def _finish(node: TreeNode, store) -> None:
    """Sort children and companies; total the counts of the subtree."""
    node.children.sort(key=lambda n: n.region.name)
    node.companies.sort(key=lambda c: c.name)
    node.company_count = len(node.companies)
    node.figure_count = store.figure_count(node.region.id) + sum(
        store.figure_count(c.id) for c in node.companies)
    for child in node.children:
        _finish(child, store)
        node.company_count += child.company_count
        node.figure_count += child.figure_count


def unplaced_companies(store) -> list[Company]:
    """Companies the text puts in no known place, by name (the tree shows them under "Unplaced")."""
    return sorted((c for c in store.companies.values() if c.region_id not in store.regions),
                  key=lambda c: c.name.lower())
