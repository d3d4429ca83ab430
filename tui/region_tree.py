"""The region tree: province → prefecture → county → town/zone, each region's companies as leaves."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode as UINode

from .highlight import plain
from .state import Selection


def node_label(name: str, companies: int, figures: int) -> Text:
    """A region's label: its name, then dim company and figure counts."""
    return Text.assemble(plain(name), (f" · {companies} co · {figures} fig", "dim"))


class RegionTree(Tree[Selection]):
    """Regions and their companies; moving the cursor reports what is under it."""

    @dataclass
    class Picked(Message):
        """The cursor is on a node (`chosen` when enter or a click selected it)."""

        selection: Selection
        chosen: bool = False

    def __init__(self, store, **kwargs) -> None:
        super().__init__("regions", **kwargs)
        self.store = store
        self.show_root = False
        self.guide_depth = 2

    def on_mount(self) -> None:
        """Fill the tree from the store's region hierarchy."""
        for node in self.store.region_tree():
            self._add(self.root, node)
        self.root.expand()
        for child in self.root.children:
            child.expand()

    def _add(self, parent: UINode, node) -> None:
        """Add one region, its sub-regions and its companies under `parent`."""
        label = node_label(node.region.name, node.company_count, node.figure_count)
        ui = parent.add(label, Selection("region", node.region.id))
        for child in node.children:
            self._add(ui, child)
        for company in node.companies:
            figures = len(self.store.figures_of(company.id))
            ui.add_leaf(Text.assemble(plain(company.name, "italic"), (f" · {figures} fig", "dim")),
                        Selection("company", company.id))

    def find(self, selection: Selection) -> UINode | None:
        """The node holding `selection`, if the tree has one."""
        todo = list(self.root.children)
        while todo:
            node = todo.pop()
            if node.data == selection:
                return node
            todo.extend(node.children)
        return None

    def reveal(self, selection: Selection) -> None:
        """Expand the path to `selection` and put the cursor on it (no-op if absent)."""
        node = self.find(selection)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.call_after_refresh(self.move_cursor, node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        """The detail pane follows the cursor."""
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Picked(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        """Enter or a click chooses a node."""
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Picked(event.node.data, chosen=True))
