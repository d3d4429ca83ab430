"""Articles in every format: text, metadata, grounded figures and citations; every bad input."""
import sys

import pytest
from typer.testing import CliRunner

import store as lib
from store.articles.documents import read_document
from tests.unit import format_fixtures as fx
from tui.cli import app

runner = CliRunner()


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


GOOD = {"html": fx.write_html, "txt": fx.write_txt, "pdf": fx.write_pdf, "docx": fx.write_docx}
BAD = {
    "no article": (lambda d: fx.write_html(d, "index.html", fx.HTML_NO_ARTICLE), "no article found"),
    "encrypted": (lambda d: fx.write_pdf(d, "locked.pdf", encrypt="secret"), "encrypted"),
    "scanned": (fx.write_scanned_pdf, "no text layer; OCR it first"),
    "corrupt docx": (fx.write_corrupt_docx, "damaged .docx"),
    "binary html": (fx.write_binary_as_html, "not a web page"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store built from the four good files: (store, {format: document})."""
    folder = tmp_path_factory.mktemp("formats")
    paths = {fmt: write(folder) for fmt, write in GOOD.items()}
    path = folder / "store.json"
    report = lib.build(path, list(paths.values()))
    assert not report.errors
    st = lib.Store.open(path)
    by_format = {d.format: d for d in st.documents.values()}
    return st, by_format


@pytest.mark.parametrize("fmt", list(GOOD))
def test_text_is_the_article_without_page_furniture(built, fmt):
    doc = built[1][fmt]
    for paragraph in fx.STORY:
        assert paragraph in doc.text
    for furniture in ("cookies", "Privacy policy", "All rights reserved", "About us", "Related"):
        assert furniture not in doc.text


@pytest.mark.parametrize("fmt, author, url", [
    ("html", "Mei Lin", "https://news.example.org/industry/pumps-yongkang"),
    ("txt", None, None), ("pdf", "Mei Lin", None), ("docx", "Mei Lin", None),
])
def test_metadata(built, fmt, author, url):
    doc = built[1][fmt]
    assert doc.title == fx.HEADLINE
    assert doc.date == "2024-05-06"
    assert doc.publisher == "Valley Industry News"
    assert (doc.author, doc.url, doc.format) == (author, url, fmt)


def test_pdf_keeps_page_offsets(built):
    doc = built[1]["pdf"]
    assert len(doc.pages) == 2
    first, second = (doc.text[s:e] for s, e in doc.pages)
    assert fx.HEADLINE in first and fx.STORY[0] in first
    assert fx.STORY[1] in second and fx.STORY[1] not in first


@pytest.mark.parametrize("fmt", list(GOOD))
def test_figures_are_grounded_and_cited_with_page_publisher_and_date(built, fmt):
    st, docs = built
    doc = docs[fmt]
    figures = [f for f in st.figures.values() if f.doc_id == doc.id]
    assert figures and all(doc.text[f.start:f.end] == f.text for f in figures)
    assert all(doc.text[m.start:m.end] == m.text for m in st.mentions if m.doc_id == doc.id)
    [fig] = [f for f in figures if f.text == fx.FIGURE]
    cite = lib.citation(doc, lib.page_of(doc, fig.start))
    assert cite.startswith(f"{fx.HEADLINE} — Valley Industry News, 2024-05-06")
    assert ("page 2" in cite) == (fmt == "pdf")
    assert cite.endswith("pumps-yongkang") == (fmt == "html")


def test_citation_shape():
    doc = lib.Document("d", "a.pdf", "Headline", "2024-03-30", "text", publisher="Publisher",
                       url="https://example.org/a", format="pdf", pages=[[0, 2], [3, 4]])
    assert lib.citation(doc, 3) == "Headline — Publisher, 2024-03-30, page 3, https://example.org/a"
    assert lib.citation(lib.Document("e", "b.txt", "Headline", None, "text")) == "Headline"
    assert [lib.page_of(doc, i) for i in (0, 2, 3)] == [1, 1, 2]
    assert lib.page_of(lib.Document("e", "b.txt", "H", None, "text"), 3) is None


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_input_is_one_clear_error(tmp_path, kind):
    make, message = BAD[kind]
    path = make(tmp_path)
    with pytest.raises(lib.InputError) as exc:
        read_document(path)
    assert message in exc.value.message and str(path) in exc.value.message
    assert "\n" not in exc.value.message


def test_one_command_bad_files_each_one_line_good_ones_ingested(tmp_path):
    store_path = tmp_path / "store.json"
    assert invoke("build", fx.write_txt(tmp_path, "seed.txt"), "--store", store_path).exit_code == 0
    bad = [make(tmp_path) for make, _ in BAD.values()]
    good = [fx.write_html(tmp_path), fx.write_pdf(tmp_path), fx.write_docx(tmp_path)]
    result = invoke("ingest", *bad, *good, "--store", store_path)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(BAD) and "Traceback" not in result.output
    for (_, message), line in zip(BAD.values(), errors):
        assert message in line
    formats = sorted(d.format for d in lib.Store.open(store_path).documents.values())
    assert formats == ["docx", "html", "pdf", "txt"]


@pytest.mark.parametrize("module, make, package", [
    ("trafilatura", fx.write_html, "trafilatura"),
    ("pdfminer", fx.write_pdf, "pdfminer.six"),
    ("docx", fx.write_docx, "python-docx"),
])
def test_missing_extra_is_one_line_naming_it(tmp_path, monkeypatch, module, make, package):
    path = make(tmp_path)
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    with pytest.raises(lib.InputError) as exc:
        read_document(path)
    assert package in exc.value.message and "pip install 'mfg-explore[formats]'" in exc.value.message


@pytest.mark.parametrize("content, fmt", [
    (fx.TXT_ARTICLE.encode(), "txt"), (fx.HTML_PAGE.encode(), "html"), (fx.pdf_bytes(), "pdf"),
    (fx.docx_bytes(), "docx"),
])
def test_stdin_is_read_in_any_format(tmp_path, content, fmt):
    store_path = tmp_path / "store.json"
    result = invoke("build", "-", "--store", store_path, input=content)
    assert result.exit_code == 0, result.output
    [doc] = lib.Store.open(store_path).documents.values()
    assert (doc.file, doc.format, doc.title) == ("<stdin>", fmt, fx.HEADLINE)


def test_folder_with_glob_and_one_skipped_summary(tmp_path):
    folder = tmp_path / "articles"
    (folder / "web").mkdir(parents=True)
    fx.write_html(folder / "web")
    fx.write_pdf(folder)
    (folder / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "web" / "logo.png").write_bytes(b"\x89PNG")
    store_path = tmp_path / "store.json"
    result = invoke("build", folder, "--store", store_path)
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "skipped 2 file(s)" in notes[0] and "logo.png" in notes[0]
    assert "2 documents" in result.stdout
    result = invoke("build", folder, "--glob", "*.html", "--store", store_path)
    assert result.exit_code == 0 and "1 documents" in result.stdout
    assert [d.format for d in lib.Store.open(store_path).documents.values()] == ["html"]


def test_show_cites_each_sentence_with_page_publisher_and_date(tmp_path):
    store_path = tmp_path / "store.json"
    assert invoke("build", fx.write_pdf(tmp_path), "--store", store_path).exit_code == 0
    result = invoke("show", "Yongkang", "--store", store_path)
    assert result.exit_code == 0
    [line] = [ln for ln in result.stdout.splitlines() if fx.FIGURE in ln and ln.startswith("“")]
    assert line.endswith(f"— {fx.HEADLINE} — Valley Industry News, 2024-05-06, page 2")


def test_dump_documents_carry_the_metadata_but_not_the_text(built):
    st, docs = built
    dumped = {d["format"]: d for d in lib.dump_store(st)["documents"]}
    assert "text" not in dumped["pdf"]
    assert dumped["pdf"]["pages"] == docs["pdf"].pages and len(dumped["pdf"]["pages"]) == 2
    assert dumped["html"]["url"].endswith("pumps-yongkang") and dumped["docx"]["author"] == "Mei Lin"
    assert {d["publisher"] for d in dumped.values()} == {"Valley Industry News"}
