"""The library's one error tree: every error a user can act on is an MfgError.

Each message is one line that says what went wrong, with which file or name, and what to do.
The CLI and the app show `message` as it is; any other exception is a bug.
"""
from __future__ import annotations


class MfgError(Exception):
    """An error the user can act on; `message` is one line: what, where, what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StoreFileError(MfgError):
    """The store file cannot be read, written or trusted."""


class InputError(MfgError):
    """An article file (or folder) that cannot be ingested."""


class ExportError(MfgError):
    """An export could not be written."""


class ExportExists(ExportError):
    """The export's target file exists and replacing it was not allowed."""


class NotFound(MfgError):
    """A name the user typed matches nothing; `suggestions` are the closest names known."""

    def __init__(self, name: str, suggestions: list[str] | tuple[str, ...] = (),
                 what: str = "company or region", known: str = ""):
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        tail = f" ({known})" if known else ""
        super().__init__(f"no {what} called {name!r}{hint}{tail}")


class StoreBusy(StoreFileError):
    """Another process holds the store's write lock, and did not let go in time."""
