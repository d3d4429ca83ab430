"""Columns that share a table's width by their content: numbers whole, names shortened in the middle.

A column either has a fixed width (its widest cell: values and periods are never cut) or is
flexible (names and labels: at least `least` cells, more up to their widest cell). Optional
columns are shown only when they fit; what is left over goes to the flexible columns in order.
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

ELLIPSIS = "…"
PADDING = 2  # a DataTable cell has one cell of padding on each side
FLOOR = 4  # the narrowest a flexible column gets, when fixed columns leave no more room


@dataclass(frozen=True)
class Column:
    """How one column wants to be laid out."""

    key: str
    want: int  # its widest cell (header included)
    least: int | None = None  # flexible: never narrower than this; None: fixed at `want`
    optional: bool = False  # left out when it does not fit


def share(width: int, columns: list[Column]) -> dict[str, int]:
    """Widths for the columns that are shown, keyed by column key, filling at most `width` cells.

    Required columns come first: fixed ones get their want (even past `width`: the table then
    scrolls), flexible ones their least (down to FLOOR when that is still too wide), then grow
    toward their want in column order. Optional
    columns join in order while they fit, and grow with what is left.
    """
    def least(col: Column) -> int:
        return col.want if col.least is None else min(col.least, col.want)

    shown = {c.key: least(c) for c in columns if not c.optional}
    free = width - sum(w + PADDING for w in shown.values())
    for col in columns:  # too narrow even so: flexible columns give way before numbers are cut
        if free < 0 and col.key in shown and col.least is not None:
            give = max(0, min(-free, shown[col.key] - FLOOR))
            shown[col.key] -= give
            free += give

    def grow(keys) -> None:
        nonlocal free
        for col in columns:
            if col.key in keys and free > 0:
                step = min(free, col.want - shown[col.key])
                shown[col.key] += step
                free -= step

    grow(set(shown))
    optional = []
    for col in columns:
        if col.optional and least(col) + PADDING <= free:
            shown[col.key] = least(col)
            free -= least(col) + PADDING
            optional.append(col.key)
    grow(set(optional))
    return {c.key: shown[c.key] for c in columns if c.key in shown}


def middle_ellipsis(text: Text | str, width: int) -> Text:
    """`text` cut to `width` cells by dropping its middle: 'Xinxiang Min…rane Factory'."""
    text = Text(text) if isinstance(text, str) else text
    if text.cell_len <= width:
        return text
    if width <= 1:
        return Text(ELLIPSIS[:width])
    keep = width - 1
    head, tail = (keep + 1) // 2, keep // 2
    # Wide (CJK) characters take two cells: shrink until the cut text fits.
    while head + tail > 0:
        cut = Text.assemble(text[:head], ELLIPSIS, text[len(text) - tail:] if tail else "")
        if cut.cell_len <= width:
            return cut
        if head >= tail:
            head -= 1
        else:
            tail -= 1
    return Text(ELLIPSIS)


def widest(cells, header: str = "") -> int:
    """The widest of some cells (Text or str) and a header, in terminal cells."""
    lengths = [c.cell_len if isinstance(c, Text) else cell_len(str(c)) for c in cells]
    return max([cell_len(header), *lengths])
