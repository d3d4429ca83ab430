"""Make document text safe to show in a terminal: control characters become visible symbols."""
from __future__ import annotations

# C0 controls (but tab and newline) and DEL map to the Unicode "Control Pictures" block, and C1
# controls to U+FFFD, so an ESC in an article is shown as ␛ instead of driving the terminal.
_TABLE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_TABLE[0x7F] = 0x2421
_TABLE.update({c: 0xFFFD for c in range(0x80, 0xA0)})


def visible(text: str) -> str:
    """`text` with terminal control characters replaced by visible symbols (same length)."""
    return text.translate(_TABLE)


# Line breaks and the separators that terminals or editors also break on; in a one-line message
# they would forge extra lines ("error: ..." followed by a fake second error).
_LINE_BREAKS = {0x0A: 0x240A, 0x0D: 0x240D, 0x85: 0x2424, 0x2028: 0x2424, 0x2029: 0x2424}


def one_line(text: str) -> str:
    """`text` made visible like `visible`, with line breaks shown as symbols too (same length)."""
    return visible(text).translate(_LINE_BREAKS)
