"""Markdown export: escaping, tables that never break, citations with the figure in bold, files."""
import os
import re
from dataclasses import replace
from datetime import datetime
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from store.export.files import (
    ExportError,
    ExportExists,
    default_export_name,
    slug,
    write_markdown,
)
from store.export.markdown import cell, escape, quoted_sentence, table
from store.export.views import (
    comparison_markdown,
    entity_markdown,
    ranking_markdown,
    region_markdown,
    search_markdown,
)
from store.models import Company, Document, Passage, Region
from store.query.api import Store
from store.query.compare import compare
from store.query.ranking import rank
from store.query.views import result_rows
from store.safe_text import visible

from .compare_fixtures import make_store, sample_store

MD = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def inline_text(token) -> str:
    """Rendered text of an inline token: <br> as a newline, bold marked with ** (ours or <strong>)."""
    parts = []
    for child in token.children:
        if child.type == "html_inline":
            parts.append({"<br>": "\n", "<strong>": "**", "</strong>": "**"}.get(child.content, child.content))
        elif child.type in ("strong_open", "strong_close"):
            parts.append("**")
        elif child.type == "softbreak":
            parts.append(" ")
        else:
            parts.append(child.content)
    return "".join(parts)


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    out, rows = [], None
    for tok in MD.parse(markdown):
        if tok.type == "table_open":
            rows = []
            out.append(rows)
        elif tok.type == "tr_open":
            rows.append([])
        elif tok.type == "inline" and rows is not None:
            rows[-1].append(inline_text(tok))
        elif tok.type == "table_close":
            rows = None
    return out


def citations(markdown: str) -> list[str]:
    """Texts of the numbered list items under '## Sources'."""
    tokens = MD.parse(markdown)
    start = next(i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "Sources")
    return [inline_text(t) for t in tokens[start + 1:] if t.type == "inline"]


def test_cell_with_pipe_newline_and_backslash_stays_one_cell():
    src = table(["Name", "Note", "Entity"], [[cell("Bar | Baz\nTown"), cell("back\\slash *not bold*"),
                                              cell("R&D &amp; &#35; ![i](x)")]])
    assert tables(src) == [[["Name", "Note", "Entity"],
                            ["Bar | Baz\nTown", "back\\slash *not bold*", "R&D &amp; &#35; ![i](x)"]]]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_any_text_is_one_literal_cell(text):
    rows = tables(table(["a", "b"], [[cell(text), "end"]]))[0]
    assert len(rows[1]) == 2 and rows[1][1] == "end"
    expected = "\n".join(re.sub(r"\s+", " ", line).strip() for line in re.split(r"\r\n|[\r\n\v\f\x85\u2028\u2029]", text))
    assert rows[1][0] == visible(expected).replace("\x00", "\ufffd")


def test_escape_keeps_markup_literal_and_controls_visible():
    assert escape("<b>*x*</b> [a](b) `c` # \x1b[31m") == \
        "\\<b\\>\\*x\\*\\</b\\> \\[a\\](b) \\`c\\` \\# \u241b\\[31m"


def test_comparison_markdown_table_and_citations():
    store = sample_store()
    md = comparison_markdown(store, compare(store, ["c:nimbus", "c:orion"], hide_empty=True))
    assert md.startswith("# Comparison: Nimbus Pumps vs Orion Valve Works\n")
    [rows] = tables(md)
    assert rows[0] == ["Measure", "Nimbus Pumps", "Orion Valve Works"]
    assert [r[0] for r in rows[1:]] == ["output · level", "sales · level", "market share · share"]
    sales = rows[2]
    assert sales[1] == "1.25 billion yuan (2023), pump sales [2] [3]"  # one fact, both sources
    assert sales[2] == "800 million yuan (2023), valve sales [4]\n760 million yuan (2023), valve sales [5]"
    cites = citations(md)
    assert len(cites) == 6
    assert cites[1] == ("Pump makers of Lakeside — 2024-03-01 (file alpha.txt): “Nimbus Pumps sold "
                        "**1.25 billion yuan** of pumps in 2023.” (stated in 2 sources)")
    assert cites[2].startswith("Valves and pumps (file beta.txt): “Nimbus Pumps reported")
    assert cites[4].startswith("Valves and pumps (file beta.txt): ")
    assert cites[4].endswith("sold **760 million yuan** of valves in 2023.” (sources differ)")


def test_bold_survives_glued_text():
    doc = Document("g", "glued.txt", "Glued", None, "Westfield made 70%of all gears. Output rose 5.2 times.")
    store = make_store([doc], [Region("r:w", "Westfield", "county", None)], [], [
        ("g", dict(text="70%", value=70, unit="%", subject="r:w", category="market_share", kind="share"))])
    [cite] = citations(entity_markdown(store, "r:w"))
    assert "made **70%**of all gears." in cite


def test_document_text_cannot_add_markup():
    doc = Document("h", "x|y.txt", "A *title* | with [link](http://e.x)", None,
                   "The <script>Evil|Corp</script> made 12 widgets.")
    store = make_store([doc], [], [Company("c:e", "Evil|Corp", [], None)], [
        ("h", dict(text="12 widgets", value=12, unit="units", subject="c:e", category="output"))])
    md = entity_markdown(store, "c:e")
    tokens = MD.parse(md)
    assert not [t for t in tokens if t.type == "inline" and any(
        c.type in ("link_open", "em_open") or (c.type == "html_inline" and "script" in c.content)
        for c in t.children)]
    [cite] = citations(md)
    assert cite.startswith("A *title* | with [link](http://e.x) (file x|y.txt): ")
    assert "The <script>Evil|Corp</script> made **12 widgets**." in cite


def test_entity_region_search_and_ranking_views_parse():
    store = sample_store()
    card = entity_markdown(store, "c:nimbus")
    assert "- Place: Lakeside County < Hillshire Province" in card
    [figures] = tables(card)
    assert figures[0] == ["Category", "Kind", "Status", "Period", "Figure", "Metric", "Documents"]
    assert figures[1][:4] == ["sales", "level", "actual", "2023"]
    sales = [r for r in figures if r[5] == "pump sales"]  # stated in two articles: one row, both cited
    assert len(sales) == 1 and sales[0][6] == "alpha.txt, beta.txt" and sales[0][4] == "1.25 billion yuan (2023) [1] [2]"
    region = region_markdown(store, "r:prov")
    assert "No figures." in region
    assert tables(region) == [[["Place", "Level", "Companies", "Figures"], ["Lakeside County", "county", "2", "7"]]]
    assert tables(region_markdown(store, "r:lake"))[1] == [["Company", "Figures"], ["Nimbus Pumps", "4"],
                                                           ["Orion Valve Works", "2"]]
    found = search_markdown(store, "nimbus | pumps", result_rows(store, store.search("nimbus")))
    assert tables(found)[0][0] == ["Kind", "Result", "Subject", "Category"]  # no score column
    assert tables(found)[0][1][:2] == ["company", "Nimbus Pumps"]
    assert "“nimbus \\| pumps”" in found
    ranked = ranking_markdown(store, rank(store, "sales", "yuan"))
    rows = tables(ranked)[0]
    assert rows[0] == ["Rank", "Name", "Kind", "Value", "Period", "Figure"]
    assert [r[1] for r in rows[1:]] == ["Nimbus Pumps", "Orion Valve Works"]
    assert [r[3:5] for r in rows[1:]] == [["1.25 billion yuan", "2023"], ["800 million yuan", "2023"]]
    assert len(citations(ranked)) == 2


def test_a_sentence_that_cuts_the_figure_is_stretched_to_hold_it():
    store = sample_store()
    fig = next(f for f in store.figures.values() if f.doc_id == "a" and f.unit == "yuan")
    cut = Passage("a:cut", "a", "sentence", 99, 32, 52)  # a sentence that ends at the decimal point
    store = Store.from_corpus(SimpleNamespace(
        documents=list(store.documents.values()), passages=[*store.passages, cut],
        regions=list(store.regions.values()), companies=list(store.companies.values()),
        figures=list(store.figures.values()), mentions=store.mentions))
    fig = replace(fig, sentence_id="a:cut")
    assert quoted_sentence(store, fig) == "Nimbus Pumps sold **1.25 billion yuan**"


def test_long_sentences_are_quoted_around_the_figure():
    filler = "very " * 200
    doc = Document("l", "long.txt", "Long", None, f"Eastfield is {filler}big and made 77 tons of {filler}steel.")
    store = make_store([doc], [Region("r:e", "Eastfield", "county", None)], [], [
        ("l", dict(text="77 tons", value=77, unit="tons", subject="r:e", category="output"))])
    [cite] = citations(entity_markdown(store, "r:e"))
    assert "**77 tons**" in cite and len(cite) < 600
    quote = cite[cite.index("“") + 1:cite.index("”")]
    assert quote.startswith("… very ") and quote.endswith(" very …")  # cut between words


def test_default_export_name():
    when = datetime(2025, 3, 4, 5, 6, 7)
    assert default_export_name("comparison", "Weihua Group / Nucleon", when) == \
        "mfg-comparison-weihua-group-nucleon-20250304-050607.md"
    assert slug("Chángyuán 长垣") == "changyuan"
    assert slug("长垣") == "all"
    assert re.fullmatch(r"mfg-ranking-market-share-\d{8}-\d{6}\.md", default_export_name("ranking", "market_share"))


def test_writer_never_overwrites_without_permission(tmp_path):
    path = tmp_path / "out.md"
    assert write_markdown(path, "first\n") == path
    with pytest.raises(ExportExists):
        write_markdown(path, "second\n")
    assert path.read_text(encoding="utf-8") == "first\n"
    write_markdown(path, "second\n", overwrite=True)
    assert path.read_text(encoding="utf-8") == "second\n"


def test_writer_reports_unwritable_paths(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_markdown(tmp_path / "missing" / "out.md", "x")
    with pytest.raises(ExportError, match="directory"):
        write_markdown(tmp_path, "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_writer_reports_permission_denied(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(ExportError, match="permission denied"):
        write_markdown(locked / "out.md", "x")
