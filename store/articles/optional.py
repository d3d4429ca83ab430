"""The readers of web pages, PDFs and Word files need the optional `formats` extra."""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

from ..errors import InputError

EXTRA_HINT = "pip install 'mfg-explore[formats]'"


def require(module: str, package: str, what: str, name: str) -> ModuleType:
    """Import `module`, or raise one InputError line naming the file and the extra to install."""
    try:
        return import_module(module)
    except ImportError:
        raise InputError(f"{name}: reading {what} needs {package}, which is not installed; "
                         f"run {EXTRA_HINT}") from None
