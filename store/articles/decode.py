"""Bytes of a text file to the text that is stored: UTF-8 or UTF-16, BOM dropped, newlines as \\n."""
from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when `raw` looks like BOM-less UTF-16 of mostly ASCII text, else None."""
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.8 * half and even == 0:
        return "utf-16-le"
    if even > 0.8 * half and odd == 0:
        return "utf-16-be"
    return None


def normalise_newlines(text: str) -> str:
    r"""\r\n and \r as \n, as Python's text mode reads them (offsets index this text)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(raw: bytes, name: str) -> str:
    """The text of a plain-text file's bytes; InputError with a one-line reason when it is not text."""
    encoding = next((enc for bom, enc in _BOMS if raw.startswith(bom)), None) or utf16_without_bom(raw)
    if encoding is None:
        if b"\x00" in raw:
            raise InputError(f"{name}: looks binary (NUL bytes); give a UTF-8 or UTF-16 text file")
        encoding = "utf-8"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not {encoding.upper().replace('-SIG', '')} "
                         f"(bad byte at {exc.start}); re-save it as UTF-8") from None
    return normalise_newlines(text.lstrip("\ufeff"))
