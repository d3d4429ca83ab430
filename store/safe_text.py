"""Make document text safe to show in a terminal: control characters become visible symbols."""
from __future__ import annotations

import json

import orjson

# C0 controls (but tab and newline) and DEL map to the Unicode "Control Pictures" block, and C1
# controls to U+FFFD, so an ESC in an article is shown as ␛ instead of driving the terminal.
_TABLE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_TABLE[0x7F] = 0x2421
_TABLE.update({c: 0xFFFD for c in range(0x80, 0xA0)})
# Bidirectional embeddings, overrides and isolates reorder the text that follows them on screen
# ("Trojan Source"), so a name could display as something else; U+FFFD shows where one was.
BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_TABLE.update({c: 0xFFFD for c in BIDI_CONTROLS})
# Lone surrogates are how Python carries the undecodable bytes of a file name (surrogateescape);
# written out they would become those raw bytes again, 0x9B (an 8-bit CSI) among them.
_TABLE.update({c: 0xFFFD for c in range(0xD800, 0xE000)})


def visible(text: str) -> str:
    """`text` with terminal control characters replaced by visible symbols (same length)."""
    return text.translate(_TABLE)


# Line breaks and the separators that terminals or editors also break on; in a one-line message
# they would forge extra lines ("error: ..." followed by a fake second error).
_LINE_BREAKS = {0x0A: 0x240A, 0x0D: 0x240D, 0x85: 0x2424, 0x2028: 0x2424, 0x2029: 0x2424}


def one_line(text: str) -> str:
    """`text` made visible like `visible`, with line breaks shown as symbols too (same length)."""
    return visible(text).translate(_LINE_BREAKS)


# In JSON the same characters are escaped instead (`\u009b`), so the data keeps every character
# and its offsets while the bytes on the terminal stay inert. JSON already escapes C0 controls.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS,
                                            0x2028, 0x2029)}


def safe_json(data, indent: bool = True) -> str:
    """`data` as JSON text in which no character can drive a terminal (controls are escaped)."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent else 0).decode()
    except TypeError:
        # orjson refuses lone surrogates (undecodable bytes of a file name); json escapes them.
        return json.dumps(data, indent=2 if indent else None, ensure_ascii=True)
    return text.translate(_JSON_ESCAPES)
