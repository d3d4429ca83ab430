"""Marked companies and regions (`space`), the items the comparison screen puts side by side."""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from .state import Selection

MARKABLE = ("company", "region")
MARKER = "●"  # shown before a marked item's name in the tree, the results and the detail heading


@dataclass
class MarkRequested(Message):
    """A pane asks to mark or unmark the item under its cursor (the screen decides)."""

    selection: Selection | None


def toggled(marked: tuple[str, ...], entity_id: str) -> tuple[str, ...]:
    """`marked` with `entity_id` removed if present, else appended (marking order is column order)."""
    if entity_id in marked:
        return tuple(m for m in marked if m != entity_id)
    return (*marked, entity_id)


def can_mark(selection: Selection | None) -> bool:
    """Only companies and regions are compared; figures and empty rows are not markable."""
    return selection is not None and selection.kind in MARKABLE


def marks_note(count: int) -> str:
    """The sub-title note for the number of marked items ('' when none)."""
    if not count:
        return ""
    return f"{count} marked · c compares" if count > 1 else "1 marked"
