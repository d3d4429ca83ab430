"""Generated articles through the whole ingest path: read, extract, store, open, dump.

Random unicode, CJK, control characters, NUL, long lines, Rich markup, ANSI and OSC sequences,
and numbers at the edges (1e308, a 400-digit amount, "-0", "NaN%"): no exception but a one-line
InputError escapes, every offset is grounded, every stored value is a finite number, and the
JSON dump carries no character that could drive a terminal.
"""
import math
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.articles.documents import read_bytes
from store.errors import InputError
from store.export.dump import dump_store
from store.extract.figures.sane import MAX_VALUE
from store.extract.pipeline import run
from store.models import Document
from store.persist.fingerprint import seeds_fingerprint
from store.persist.tables import write_corpus
from store.query.api import Store
from store.safe_text import safe_json

EDGE_NUMBERS = ["1e308", "1.8e308", "9" * 400, "1" + "0" * 400, "-0", "NaN%", "NaN", "inf", "-1",
                "0.0000001", "18,446,744,073,709,551,616", "99999999999999999999 billion",
                "1" * 310 + " trillion", "-3.5%"]
UNITS = ["yuan", "billion yuan", "% market share", "workers", "tons", "percent", "times", "%"]
FRAGMENTS = ["\x00", "\x1b[31m", "\x1b]52;c;aGVsbG8=\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
             "\x9b", "\u202e", "\u2066", "[bold]", "[link=http://x]y[/link]", "\r\n", "\n\n", "\t",
             "河南省卫华集团", "营业收入", "Henan", "Weihua Group", "Co., Ltd.", "said", "rose by",
             "market share of", "revenue reached", "in 2023."]


def sentence(number: str, unit: str) -> str:
    return f"Weihua Group revenue reached {number} {unit} in 2023."


pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.builds(sentence, st.sampled_from(EDGE_NUMBERS), st.sampled_from(UNITS)),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),  # any unicode but surrogates
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=20),  # CJK
    st.integers(200, 3000).map(lambda n: "x" * n),  # long lines
)
articles = st.lists(pieces, min_size=1, max_size=25).map(" ".join)


def _grounded(text: str, rows) -> None:
    for row in rows:
        assert text[row.start:row.end] == getattr(row, "text", text[row.start:row.end])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles)
def test_generated_articles_ingest_cleanly(tmp_path, text):
    try:
        doc = read_bytes(("Headline\n" + text).encode("utf-8"), "gen.txt", "txt")
    except InputError as exc:  # a NUL makes it "binary": one line, nothing else
        assert "\n" not in exc.message
        doc = Document("gen", "gen.txt", "Headline", None, "Headline\n" + text)  # extract it anyway
    corpus = run([doc])
    _grounded(doc.text, corpus.passages)
    _grounded(doc.text, corpus.mentions)
    _grounded(doc.text, corpus.figures)
    path = tmp_path / "store.json"
    path.unlink(missing_ok=True)
    write_corpus(path, corpus, {"seeds_fingerprint": seeds_fingerprint()}, {doc.id: "user"})
    store = Store.open(path)
    assert store.warnings == []  # every row written is a usable row
    for fig in store.figures.values():
        assert math.isfinite(fig.value) and abs(fig.value) <= MAX_VALUE
        assert doc.text[fig.start:fig.end] == fig.text
    dumped = safe_json(dump_store(store))
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", dumped)
