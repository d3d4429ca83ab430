"""Calendar periods as the store keeps them ("2022", "2024-01/2024-04", "2021/2023"), for ordering."""
from __future__ import annotations

import re

_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?$")


def period_end(period: str | None) -> tuple[int, int]:
    """(year, month) a period ends in ("2022" → (2022, 12)); (0, 0) for none, so it sorts first."""
    m = _YEAR_MONTH.search(period or "")
    if not m:
        return (0, 0)
    return int(m.group(1)), int(m.group(2) or 12)
