"""Reading articles: ids, titles, dates, and every kind of bad input."""
import pytest

from store.articles.documents import (
    InputError,
    collect_paths,
    document_id,
    find_date,
    read_document,
)


def test_title_date_and_stable_id(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n  Steel output rises \nMarch 3, 2021\nBody.", encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Steel output rises"
    assert doc.date == "2021-03-03"
    assert doc.id == document_id(doc.text)
    assert doc.file == "a.txt"


@pytest.mark.parametrize("header, expected", [
    ("2023-07-09 10:15 Source: Daily", "2023-07-09"),
    ("10:15, July 9, 2023   Source: Daily", "2023-07-09"),
    ("Published 9 July 2023", "2023-07-09"),
    ("Global Times Published: Mar 12, 2024 08:15 PM", "2024-03-12"),
    ("Sept. 3, 2021 | Staff", "2021-09-03"),
    ("No date here, only the year 2023.", None),
])
def test_publication_date_formats(header, expected):
    assert find_date(header + "\nText.") == expected


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
    path = tmp_path / "big.txt"
    path.write_text("x" * 11)
    with pytest.raises(InputError, match="over the 20 MB limit"):
        read_document(path)


def test_collect_paths_reports_missing_and_empty_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("A.")
    (tmp_path / "docs" / "image.png").write_bytes(b"\x89PNG")
    files, errors = collect_paths([tmp_path / "docs", tmp_path / "empty", tmp_path / "nope.txt"])
    assert [f.name for f in files] == ["a.txt"]
    assert len(errors) == 2 and "no .txt" in errors[0] and "no such file" in errors[1]


@pytest.mark.parametrize("text, title", [
    ("Return to list\n\nCopper town doubles its output | Local news\n2024-01-02\nBody.",
     "Copper town doubles its output | Local news"),
    ("May 5, 2023\nPublished by Some Weekly magazine today\nGlass makers of Fengyang expand\nBody.",
     "Glass makers of Fengyang expand"),
    ("Solar makers in the county are growing fast and more firms arrive every month. " * 4 + "\nMore.",
     "Solar makers in the county are growing fast and more firms arrive every month."),
])
def test_title_skips_page_debris(tmp_path, text, title):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).title == title
