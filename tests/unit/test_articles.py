"""The whole pipeline on articles written for these tests (in tests/unit/articles/, not seeds)."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.articles.documents import document_id, read_document
from store.extract.pipeline import run
from store.models import Document

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def corpus():
    """One corpus of every test article, extracted and merged like a real store."""
    return run([read_document(p) for p in sorted(ARTICLES.glob("*.txt"))])


def facts(corpus, file: str) -> dict[str, tuple]:
    """Figure text → (value, unit, category, subject name, kind) for one article."""
    doc = next(d for d in corpus.documents if d.file == file)
    names = {e.id: e.name for e in [*corpus.regions, *corpus.companies]}
    return {f.text: (f.value, f.unit, f.category, names.get(f.subject_id), f.kind)
            for f in corpus.figures if f.doc_id == doc.id}


def test_every_span_is_grounded(corpus):
    texts = {d.id: d.text for d in corpus.documents}
    for f in corpus.figures:
        assert texts[f.doc_id][f.start:f.end] == f.text
    for m in corpus.mentions:
        assert texts[m.doc_id][m.start:m.end] == m.text


def test_dongguan(corpus):
    got = facts(corpus, "dongguan.txt")
    assert got["1.24 trillion yuan"] == (1.24e12, "yuan", "exports", "Dongguan", "level")
    assert got["6.8 percent"][1:] == ("%", "exports", "Dongguan", "change")
    assert got["RMB160 million"][1:3] == ("yuan", "investment")
    assert got["9 million kWh"][1:3] == ("kWh", "energy")
    assert got["4,500 employees"][2:4] == ("employment", "Yida Holdings")
    assert got["35 billion yuan"][2:4] == ("investment", "TCL Technology Group")
    assert "South China" not in {c.name for c in corpus.companies}


def test_kunshan(corpus):
    got = facts(corpus, "kunshan.txt")
    assert got["RMB 533.9 billion"][1:4] == ("yuan", "output", "Kunshan")
    assert got["USD 2 billion"][1:4] == ("usd", "investment", "Luxshare Precision Industry")
    assert got["5.6 GW"][2:4] == ("capacity", "CATL")
    assert round(got["about a third"][0]) == 33


def test_foshan(corpus):
    got = facts(corpus, "foshan.txt")
    assert got["345.7 billion yuan"][2:4] == ("sales", "Midea Group")
    assert got["29.6 billion yuan"][2:4] == ("profit", "Midea Group")
    assert got["1 in every 3"][2] == "market_share"
    assert got["roughly half"][3] == "Galanz"
    assert not {"500", "84", "105", "0757-22831234", "22831234"} & set(got)


def test_yongkang(corpus):
    got = facts(corpus, "yongkang.txt")
    assert got["68.3 billion yuan"][2:] == ("output", "Yongkang", "level")
    assert got["7.4%"][2:] == ("output", "Yongkang", "change")
    assert got["150 million yuan"][2] == "investment"
    regions = {r.name: r for r in corpus.regions}
    assert regions["Yongkang"].parent_id == regions["Jinhua"].id


_PIECES = ["1", "0", ",", ".", "%", "$", "RMB", "-", " to ", "of every", "one-half", "a third of",
           "tens of", "billion", "yuan", "Group", "Co., Ltd.", "Henan", "Jinjiang", "County", "City",
           "'s", "\"", "“", "(", ")", "[bold]", "\x1b[31m", "\n", "\u00a0", "The company", "It",
           "the county", "High-tech Zone", "said", "increase of", "year-on-year", "In 2022,", ";"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=120).map(" ".join))
def test_any_text_extracts_without_error_and_stays_grounded(text):
    corpus = run([Document(document_id(text), "f.txt", "t", None, text)])
    for f in corpus.figures:
        assert text[f.start:f.end] == f.text
    for m in corpus.mentions:
        assert text[m.start:m.end] == m.text


def test_weifang(corpus):
    got = facts(corpus, "weifang.txt")
    assert got["213.96 billion yuan"][2:4] == ("sales", "Weichai Power")
    assert got["nearly doubled"][1:3] == ("times", "profit") and got["nearly doubled"][4] == "change"
    assert got["1,270 enterprises"][3] == "Zhucheng"
    assert got["nearly 30%"][2:] == ("market_share", "Lovol", "share")
    assert got["10,000 tractors"][3] == "Lovol"  # the quoted speaker is "the group's vice president"
