"""Choose a figure's subject: the candidate whose evidence scores highest under fitted weights.

The weights are a small data file (data/weights.json) written by `fit.py` from the gold of the
development articles; scoring is a dot product in pure Python, so nothing is fitted at run time.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import MfgError
from .candidates import Candidate

WEIGHTS_FILE = Path(__file__).parent / "data" / "weights.json"


@dataclass(frozen=True)
class Weights:
    """A logistic model over candidate features: bias and one weight per feature."""

    bias: float
    weights: dict[str, float]

    def score(self, features: dict[str, float]) -> float:
        """The model's log-odds that a candidate is the subject."""
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    """The shipped weights, read and checked once."""
    raw = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    weights = raw.get("weights")
    if not isinstance(weights, dict) or not all(isinstance(v, (int, float)) and math.isfinite(v)
                                                for v in weights.values()):
        raise MfgError(f"{WEIGHTS_FILE}: 'weights' must map feature names to numbers; "
                       "re-run python -m store.extract.subjects.fit")
    return Weights(float(raw.get("bias", 0.0)), {k: float(v) for k, v in weights.items()})


def choose(candidates: list[Candidate], weights: Weights | None = None) -> str | None:
    """The id of the best-scoring candidate (ties: the first), or None without candidates."""
    if not candidates:
        return None
    weights = weights or load_weights()
    return max(candidates, key=lambda c: weights.score(c.features)).entity_id
