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
