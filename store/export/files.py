"""Where an export goes: the default file name, and a writer that never overwrites by surprise."""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path

from ..errors import ExportError, ExportExists
from ..persist.storage import write_atomic, write_new

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_LIMIT = 40


def slug(name: str) -> str:
    """A file-name-safe form of a view's name: 'Weihua Group' → 'weihua-group' ('all' if empty)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")
    return text[:SLUG_LIMIT].rstrip("-") or "all"


def default_export_name(view: str, name: str, now: datetime | None = None) -> str:
    """`mfg-<view>-<name>-<YYYYmmdd-HHMMSS>.md` for a view ('comparison', 'ranking', ...) and its name."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"mfg-{slug(view)}-{slug(name)}-{stamp}.md"


def write_markdown(path: Path | str, text: str, overwrite: bool = False) -> Path:
    """Write `text` to `path` (UTF-8); an existing file is replaced only when `overwrite` is True.

    Either way the file appears whole or not at all (a full disk leaves the old file as it was).
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a directory")
    try:
        if overwrite:
            write_atomic(path, text.encode("utf-8"))
        else:  # fails if a file appeared meanwhile: it is never clobbered
            write_new(path, text.encode("utf-8"))
    except FileExistsError:
        raise ExportExists(f"{path} already exists and was left as it is") from None
    except FileNotFoundError:
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist") from None
    except PermissionError:
        raise ExportError(f"cannot write {path}: permission denied") from None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
