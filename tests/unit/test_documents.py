"""Reading plain-text articles: ids, headlines, header metadata, encodings, every kind of bad input."""
import datetime as dt
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.articles.documents import document_id, read_document, read_documents
from store.articles.files import collect
from store.articles.plain import read_plain
from store.errors import InputError


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_title_date_and_stable_id(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", "\n  Steel output rises \nMarch 3, 2021\nBody."))
    assert doc.title == "Steel output rises"
    assert doc.date == "2021-03-03"
    assert doc.id == document_id(doc.text)
    assert doc.file == "a.txt" and doc.format == "txt"


def test_header_lines_give_publisher_and_author(tmp_path):
    text = ("Valve makers in Lishui double exports\n\n"
            "2023-11-02 09:15 Source: Mountain Industry Weekly | Editor: Chen\n\nBy Wang Fang\n\n"
            "Lishui's valve makers exported twice as much this year as last, the city said.\n")
    doc = read_document(write(tmp_path, "v.txt", text))
    assert (doc.title, doc.date, doc.publisher, doc.author) == (
        "Valve makers in Lishui double exports", "2023-11-02", "Mountain Industry Weekly", "Wang Fang")


@pytest.mark.parametrize("text, title", [
    # page furniture before the headline is skipped
    ("Return to list\n\nCopper town doubles its output | Local news\n2024-01-02\nBody.",
     "Copper town doubles its output | Local news"),
    ("May 5, 2023\nPublished by Some Weekly magazine today\nGlass makers of Fengyang expand\nBody.",
     "Glass makers of Fengyang expand"),
    ("home>News>Industry\nPump makers gather in Wenling\nBody text follows here.",
     "Pump makers gather in Wenling"),
    # a headline in quotation marks loses them
    ('"Make manufacturing the main direction"\nThe province said so.', "Make manufacturing the main direction"),
    # a translated headline may keep a full stop: one short sentence standing alone
    ("Pump output doubled and the county grew for ten years.\n\nThe first photo caption.\n",
     "Pump output doubled and the county grew for ten years."),
    # an article that opens with a paragraph is titled by its first section heading...
    ("Solar makers in the county are growing fast. More firms arrive every month. " * 4
     + "\nThe county at a glance\nBody.", "The county at a glance"),
    # ... or, with none, by its first sentence, not the whole paragraph
    ("Solar makers in the county are growing fast and more firms arrive every month. " * 4 + "\nMore.",
     "Solar makers in the county are growing fast and more firms arrive every month."),
])
def test_headline_detection(tmp_path, text, title):
    assert read_document(write(tmp_path, "t.txt", text)).title == title


def test_markdown_front_matter_and_heading(tmp_path):
    text = ("---\ntitle: Battery park opens\ndate: 2024-02-01\nsource: Valley Post\n"
            "url: https://example.org/battery\n---\n# Ignored heading\n\nThe park opened.\n")
    doc = read_document(write(tmp_path, "b.md", text))
    assert (doc.title, doc.date, doc.publisher, doc.url, doc.format) == (
        "Battery park opens", "2024-02-01", "Valley Post", "https://example.org/battery", "md")
    doc = read_document(write(tmp_path, "c.md", "# Battery park opens\n\nThe park opened.\n"))
    assert doc.title == "Battery park opens"


def test_utf8_bom_is_not_kept(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffKiln makers expand\nThe kilns doubled.\n".encode("utf-8"))
    doc = read_document(path)
    assert doc.title == "Kiln makers expand" and not doc.text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_read_not_called_binary(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes("Kiln makers expand\r\nThe kilns doubled in 2023.\r\n".encode(encoding))
    doc = read_document(path)
    assert doc.title == "Kiln makers expand" and doc.text == "Kiln makers expand\nThe kilns doubled in 2023.\n"


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"), (b"   \n\t", "whitespace"), (b"abc\x00def", "binary"), (b"caf\xe9", "not UTF-8"),
])
def test_bad_files_raise_one_line_errors(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as exc:
        read_document(path)
    message = str(exc.value)
    assert reason in message and "bad.txt" in message and "\n" not in message


def test_oversized_file_is_rejected(tmp_path, monkeypatch):
    import store.articles.documents as documents
    monkeypatch.setattr(documents, "MAX_BYTES", 10)
    path = write(tmp_path, "big.txt", "x" * 11)
    with pytest.raises(InputError, match="over the 20 MB limit"):
        read_document(path)


def test_symlink_loop_and_broken_link_are_named(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    broken = tmp_path / "broken.txt"
    os.symlink(tmp_path / "gone.txt", broken)
    reading = read_documents([loop, broken, tmp_path / "nope.txt"])
    assert reading.documents == []
    assert "symbolic link loop" in reading.errors[0]
    assert "broken symbolic link" in reading.errors[1]
    assert "no such file" in reading.errors[2]


def test_folders_are_walked_recursively_with_glob_and_one_skipped_line(tmp_path):
    docs = tmp_path / "docs"
    (docs / "2024" / "march").mkdir(parents=True)
    write(docs, "a.txt", "Alpha plant grows\nBody.")
    write(docs / "2024" / "march", "b.md", "Beta plant grows\nBody.")
    write(docs / "2024", "c.txt", "Gamma plant grows\nBody.")
    (docs / "image.png").write_bytes(b"\x89PNG")
    (docs / "2024" / "sheet.xlsx").write_bytes(b"PK")
    (docs / ".hidden.txt").write_text("Hidden\nBody.")
    found = collect([docs])
    assert [p.name for p in found.files] == ["a.txt", "c.txt", "b.md"]
    assert found.skipped_note().startswith("skipped 2 file(s) of unsupported types (.png, .xlsx)")
    assert [p.name for p in collect([docs], "*.md").files] == ["b.md"]
    assert [p.name for p in collect([docs], "2024/*.txt").files] == ["c.txt"]


def test_folder_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "docs").mkdir()
    write(tmp_path / "docs", "a.txt", "A.")
    found = collect([tmp_path / "docs", tmp_path / "empty", tmp_path / "nope.txt"])
    assert [f.name for f in found.files] == ["a.txt"]
    assert len(found.errors) == 2 and "no articles" in found.errors[0] and "no such file" in found.errors[1]
    assert "matching --glob '*.pdf'" in collect([tmp_path / "docs"], "*.pdf").errors[0]


def test_unsupported_file_named_directly(tmp_path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match="unsupported file type '.xlsx'"):
        read_document(path)


HEADERISH = st.sampled_from(["Source: ", "Updated: ", "By ", "home>", "(", ") ", "|", "\n", "\n\n",
                             "2024-02-30", "March 31, 2023", "04/31 2024", "14, Jul. 2020", "年", "月",
                             "BEIJING, May 3 (Xinhua) -- ", "\ufeff", "\r\n", ". ", "Pump makers"])


@given(st.lists(st.one_of(HEADERISH, st.text(max_size=12)), max_size=25))
def test_any_text_gives_a_header_without_error(parts):
    text = "".join(parts)
    try:
        parsed = read_plain(text.encode("utf-8", "surrogatepass"), "x.txt")
    except InputError:
        return  # whitespace only, or not UTF-8 (lone surrogates): one clear error
    assert isinstance(parsed.title, str) and "\n" not in parsed.title
    if parsed.date is not None:
        dt.date.fromisoformat(parsed.date)  # always a real calendar date
