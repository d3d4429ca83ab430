"""Walking up the region records an extraction produced (province ← prefecture ← county ← zone)."""
from __future__ import annotations

from ...models import Region


def chain(region_id: str, records: dict[str, Region]) -> list[str]:
    """The region and its ancestors, nearest first."""
    out: list[str] = []
    while region_id in records and region_id not in out:
        out.append(region_id)
        region_id = records[region_id].parent_id or ""
    return out


def ancestors(region_id: str, records: dict[str, Region]) -> set[str]:
    """The ids above a region."""
    return set(chain(region_id, records)[1:])
