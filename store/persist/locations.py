"""Where things live: the bundled seeds, and the default store file."""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from ..errors import StoreFileError

STORE_ENV = "MFG_EXPLORE_STORE"


def bundled_seeds_dir() -> Path:
    """The seed articles shipped with the package (wheel) or beside it (source checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise StoreFileError("bundled seeds are missing from the installation; reinstall mfg-explore")


def default_store_path() -> Path:
    """$MFG_EXPLORE_STORE, else store.json in the user data dir."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("mfg-explore", appauthor=False)) / "store.json"
