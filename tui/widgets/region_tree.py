"""The region tree: province → prefecture → county → town/zone, each region's companies as leaves."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode as UINode

from ..highlight import plain
from ..marks import MARKER, MarkRequested
from ..state import Selection


def node_label(name: str, companies: int, figures: int) -> Text:
    """A region's label: its name, then dim company and figure counts."""
    return Text.assemble(plain(name), (f" · {companies} co · {figures} fig", "dim"))


class RegionTree(Tree[Selection]):
    """Regions and their companies; moving the cursor reports what is under it."""

    # space marks for comparison here as everywhere; enter still expands/collapses (auto_expand).
    # `*` expands a whole subtree: Textual's shift+space never arrives from xterm or tmux (it is a space).
    BINDINGS = [Binding("space", "mark", "Mark", tooltip="Mark/unmark the region or company for comparison (c)",
                        id="tree.mark"),
                Binding("asterisk", "expand_all", "Expand all", key_display="*",
                        tooltip="Expand or collapse everything under the node", id="tree.expand_all")]

    marked: reactive[tuple[str, ...]] = reactive(tuple)
    """Ids the app has marked; their nodes show MARKER (set by the screen: attributes down)."""

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
        self._labels: dict = {}  # node id → label without the marker
        self._saved: UINode | None = None

    def on_mount(self) -> None:
        """Fill the tree from the store's region hierarchy, saved comparisons first."""
        for node in self.store.region_tree():
            self._add(self.root, node)
        self._add_unplaced()
        self.root.expand()
        for child in self.root.children:
            child.expand()
        self.show_saved()

    def show_saved(self) -> None:
        """The "Saved comparisons" node at the top, one leaf per saved comparison (none: no node)."""
        from store import saved_comparisons
        if self._saved is not None:
            self._saved.remove()
            self._saved = None
        saved = saved_comparisons(self.store)
        if not saved:
            return
        self._saved = self.root.add(Text("Saved comparisons", "bold"), before=0, expand=True)
        for entry in saved:
            label = Text.assemble(plain(entry.name), (f" · {len(entry.ids)} items", "dim"))
            self._saved.add_leaf(label, Selection("saved", entry.name))

    def _add(self, parent: UINode, node) -> None:
        """Add one region, its sub-regions and its companies under `parent`."""
        label = node_label(node.region.name, node.company_count, node.figure_count)
        ui = parent.add(label, Selection("region", node.region.id))
        self._labels[ui.id] = label
        for child in node.children:
            self._add(ui, child)
        for company in node.companies:
            self._add_company(ui, company)

    def _add_unplaced(self) -> None:
        """Companies the text places nowhere, under one "Unplaced" node at the end."""
        companies = self.store.unplaced_companies()
        if not companies:
            return
        figures = sum(len(self.store.figures_of(c.id)) for c in companies)
        label = Text.assemble(("Unplaced", "italic"), (f" · {len(companies)} co · {figures} fig", "dim"))
        group = self.root.add(label, None)
        self._labels[group.id] = label
        for company in companies:
            self._add_company(group, company)

    def _add_company(self, parent: UINode, company) -> None:
        """One company leaf, with its figure count."""
        figures = len(self.store.figures_of(company.id))
        leaf_label = Text.assemble(plain(company.name, "italic"), (f" · {figures} fig", "dim"))
        leaf = parent.add_leaf(leaf_label, Selection("company", company.id))
        self._labels[leaf.id] = leaf_label

    def watch_marked(self, old: tuple[str, ...], marked: tuple[str, ...]) -> None:
        """Put MARKER in front of newly marked nodes, and take it off unmarked ones (a label set
        redraws the tree, so nodes whose mark did not change are left alone)."""
        changed = set(old) ^ set(marked)
        todo = list(self.root.children)
        while todo and changed:
            node = todo.pop()
            todo.extend(node.children)
            base = self._labels.get(node.id)
            if base is not None and node.data is not None and node.data.id in changed:
                node.set_label(Text.assemble((f"{MARKER} ", "bold"), base) if node.data.id in marked else base)

    def action_mark(self) -> None:
        """Ask the screen to mark or unmark the node under the cursor."""
        node = self.cursor_node
        self.post_message(MarkRequested(node.data if node is not None else None))

    def action_expand_all(self) -> None:
        """Expand everything under the cursor's node, or collapse it all when it is all open."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        below, todo = [], list(node.children)
        while todo:
            child = todo.pop()
            below.append(child)
            todo.extend(child.children)
        if node.is_expanded and all(n.is_expanded for n in below if n.allow_expand):
            node.collapse_all()
        else:
            node.expand_all()

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
