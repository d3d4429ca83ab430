"""Subject attribution on articles written for these tests, through the whole pipeline."""
import tomllib
from pathlib import Path

import pytest

from store.articles.documents import document_id
from store.extract.pipeline import run
from store.models import Document


def subjects(text: str) -> dict[str, str | None]:
    """Figure text → the name of the subject it was attributed to."""
    corpus = run([Document(document_id(text), "t.txt", "t", None, text)])
    names = {e.id: e.name for e in [*corpus.regions, *corpus.companies]}
    return {f.text: names.get(f.subject_id) for f in corpus.figures}


CASES = tomllib.loads((Path(__file__).parent / "subject_cases.toml").read_text(encoding="utf-8"))


def _params(table: str) -> list:
    """The cases of one table of subject_cases.toml, each named by its `case`."""
    return [pytest.param(c["text"], c["figure"], c["name"], id=c["case"]) for c in CASES[table]]


@pytest.mark.parametrize(("text", "figure", "firm"), _params("firm"))
def test_figure_goes_to_the_firm(text, figure, firm):
    assert firm in (subjects(text)[figure] or "")


@pytest.mark.parametrize(("text", "figure", "place"), _params("place"))
def test_figure_goes_to_the_place(text, figure, place):
    assert subjects(text)[figure] == place


def test_digit_ordinals_open_periods_and_hopes_are_plans():
    corpus = run([Document(document_id(t := "Zone report\nUpdated: 2021-11-01\nThe park's output reached "
                                            "8.5 billion yuan in the 1st three quarters. The parks hope to "
                                            "reach sales of 150 billion yuan by 2025.\n"), "t.txt", "t",
                           "2021-11-01", t)])
    figures = {f.text: f for f in corpus.figures}
    assert "three quarters" not in figures
    assert figures["8.5 billion yuan"].period == "2021-01/2021-09"
    assert figures["150 billion yuan"].status == "plan"
