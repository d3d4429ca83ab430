"""Every broken or odd store, through every command: one `error:` line, exit 1, the file kept.

And `mfg-explore repair`: the user's articles are salvaged, the broken file is kept aside.
"""
import contextlib
import os
import signal

import orjson
import pytest

from store.persist.repair import plan_repair
from store.query.api import Store
from tests.unit.article_store import build_articles, copy_store
from tests.unit.fast_cli import run

ARTICLES = {
    "tools.txt": "Tools report\nQinghe Tool Works in Hebei made 500 drills in 2023, and its revenue "
                 "rose 12% to 80 million yuan.\n",
    "boats.txt": "Boats report\nHubei Sanjiang Boat Group in Wuhan built 40 boats in 2023.\n",
}
NEW_ARTICLE = "Glass report\nAnhui Lumen Glass Co. in Bengbu made 90 furnaces in 2024.\n"


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A small sound store of the user's own articles, and names to use in commands."""
    folder = tmp_path_factory.mktemp("good")
    path = build_articles(folder, ARTICLES)
    st = Store.open(path)
    companies = sorted(c.name for c in st.companies.values())
    return {"path": path, "bytes": path.read_bytes(), "companies": companies,
            "figure": next(iter(st.figures)), "doc": next(iter(st.documents)),
            "article": _write(folder / "new.txt", NEW_ARTICLE)}


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _edit(change):
    """A shape made by changing the parsed file."""
    def make(raw: bytes) -> bytes:
        data = orjson.loads(raw)
        change(data)
        return orjson.dumps(data)
    return make


def _first(data, table):
    return next(iter(data[table].values()))


def _part(store, name):
    """The file of a part of the store: "store" itself, a big table, or the first article's text."""
    if name == "store":
        return store
    folder = store.with_name(store.name + ".d")
    if name == "text":
        return sorted(folder.glob("texts/*.txt"))[0]
    shards = _first(orjson.loads(store.read_bytes()), "meta")["parts"][name]["shards"].values()
    # The largest shard: its first figure's value is longer than "null", so the damage changes
    # the file's size (a same-size edit is found only when the table is read: test_store_files).
    return folder / "tables" / max(shards, key=lambda s: s["size"])["file"]


# shape → (the file it breaks, how; None: the file is deleted)
SHAPES = {
    "broken JSON": ("store", lambda raw: raw[: len(raw) // 2]),
    "empty file": ("store", lambda raw: b""),
    "not UTF-8": ("store", lambda raw: b"\xff\xfe" + raw),
    "not an object": ("store", lambda raw: b"[1, 2]"),
    "a table that is a list": ("figures", _edit(lambda d: d.update(figures=[]))),
    "a table that is a string": ("store", _edit(lambda d: d.update(documents="x"))),
    "a missing table": ("store", _edit(lambda d: d.pop("companies"))),
    "a row that is not an object": ("mentions", _edit(lambda d: d["mentions"].update({"1": 5}))),
    "a figure without value": ("figures", _edit(lambda d: _first(d, "figures").pop("value"))),
    "a figure whose value is null (overflowed)": ("figures", _edit(lambda d: _first(d, "figures").update(value=None))),
    "a document without text length": ("store", _edit(lambda d: _first(d, "documents").pop("chars"))),
    "a missing text file": ("text", None),
    "a missing figures file": ("figures", None),
    "a mention outside its document": ("mentions", _edit(lambda d: _first(d, "mentions").update(start=10**6, end=10**6 + 3))),
    "meta without fingerprint": ("store", _edit(lambda d: _first(d, "meta").pop("seeds_fingerprint"))),
    "an old one-file store whose rows are damaged": ("store", lambda raw: orjson.dumps(
        {"documents": {"1": {"id": "x"}}, "passages": {}, "regions": {}, "companies": {}, "mentions": {},
         "figures": {}, "meta": {"1": {"seeds_fingerprint": "old"}}})),
}


def _broken(good, tmp_path, shape):
    """A copy of the good store with one file broken by `shape`: (store path, file, its bytes)."""
    store = copy_store(good["path"], tmp_path / "store.json")
    name, change = SHAPES[shape]
    target = _part(store, name)
    if change is None:
        target.unlink()
        return store, target, None
    target.write_bytes(change(target.read_bytes()))
    return store, target, target.read_bytes()


def _commands(good):
    a, b = good["companies"][:2]
    return [["build", good["article"]], ["ingest", good["article"]], ["docs"], ["docs", "--json"],
            ["remove", good["doc"], "--yes"], ["search", "boat"], ["search", "boat", "--json"],
            ["show", a], ["stats"], ["dump"], ["compare", a, b], ["export", "--company", a],
            ["saved"], ["merge", a, b], ["split", a, "Another Name"],
            ["fix", good["figure"], "--category", "output"], ["decisions"]]


@contextlib.contextmanager
def _deadline(seconds=20):
    """Fail instead of hanging (a FIFO opened the plain way would wait for a writer forever)."""
    def expired(*_):
        raise TimeoutError("the command hung")
    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _one_error_line(args, store):
    with _deadline():
        result = run([*args, "--store", store])
    lines = result.stderr.splitlines()
    assert result.exit_code == 1, (args, result.output)
    assert len(lines) == 1 and lines[0].startswith("error: "), (args, result.stderr)
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("shape", SHAPES)
def test_every_command_reports_a_broken_store_in_one_line_and_keeps_it(good, tmp_path, shape):
    store, target, broken = _broken(good, tmp_path, shape)
    before = store.read_bytes()
    for args in _commands(good):
        assert str(store) in _one_error_line(args, store), args
        assert store.read_bytes() == before, args
        assert (target.read_bytes() == broken) if broken is not None else not target.exists(), args
        assert not store.with_name("store.json.bak").exists(), args


@pytest.mark.parametrize("command", [["show", "Qinghe Tool Works"], ["export", "--company", "Qinghe Tool Works"]])
def test_a_damaged_article_text_is_one_line_naming_its_file(good, tmp_path, command):
    store = copy_store(good["path"], tmp_path / "store.json")
    for text in store.with_name("store.json.d").glob("texts/*.txt"):
        text.write_bytes(text.read_bytes().replace(b"report", b"rePort"))
    line = _one_error_line(command, store)
    assert "/texts/" in line and "is damaged" in line and "mfg-explore repair" in line, line


@pytest.mark.parametrize("make", [
    lambda p: p.mkdir(), lambda p: os.mkfifo(p), lambda p: p.symlink_to("/dev/null")],
    ids=["folder", "FIFO", "device"])
def test_a_folder_pipe_or_device_at_the_store_path_is_refused_by_every_command(good, tmp_path, make):
    store = tmp_path / "store.json"
    make(store)
    kind = store.lstat().st_mode
    for args in _commands(good):
        assert "not a store file" in _one_error_line(args, store)
        assert store.lstat().st_mode == kind


def _unreadable(tmp_path):
    """Store paths that exist but cannot be read: a link loop; a file without read permission
    (root reads any file, so that one only when not running as root)."""
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    yield loop
    if os.geteuid() != 0:
        locked = tmp_path / "locked.json"
        locked.write_bytes(b"{}")
        locked.chmod(0)
        yield locked


def test_an_unreadable_store_named_by_the_environment(good, tmp_path, monkeypatch):
    for path in _unreadable(tmp_path):
        monkeypatch.setenv("MFG_EXPLORE_STORE", str(path))
        for args in _commands(good):
            with _deadline():
                result = run(args)
            assert result.exit_code == 1 and result.stderr.count("\n") == 1, (args, result.output)
            assert f"{path}: cannot read the store" in result.stderr, args


def test_views_still_work_around_a_damaged_row(good, tmp_path):
    store, _, _ = _broken(good, tmp_path, "a figure whose value is null (overflowed)")
    result = run(["dump", "--store", store])
    assert result.exit_code == 1
    assert len(orjson.loads(result.stdout)["figures"]) == 3  # one of four left out
    assert "left out damaged rows (1 figures" in result.stderr


@pytest.mark.parametrize("shape", ["broken JSON", "a table that is a list", "a figure without value",
                                   "a missing figures file", "a missing text file"])
def test_repair_salvages_the_users_articles_and_keeps_the_broken_file(good, tmp_path, shape):
    store = copy_store(good["path"], tmp_path / "store.json")
    run(["ingest", good["article"], "--store", store])  # .bak: the older store
    name, change = SHAPES[shape]
    target = _part(store, name)
    if change is None:
        target.unlink()
    else:
        target.write_bytes(change(target.read_bytes()))
    broken = store.read_bytes()  # the store file itself, or the one that names the broken part
    result = run(["repair", "--yes", "--store", store])
    assert result.exit_code == 0, result.output
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == broken
    titles = {d.title for d in Store.open(store).documents.values()}
    # A lost text cannot be salvaged (the store never had another copy): that article goes.
    lost = {Store.open(good["path"]).documents[target.stem].title} if name == "text" else set()
    assert {"Tools report", "Boats report"} - lost <= titles  # from the store, or from its .bak
    assert not lost & titles
    assert run(["stats", "--store", store]).exit_code == 0
    assert plan_repair(store).problem is None


def test_repair_of_a_sound_store_changes_nothing(good, tmp_path):
    store = copy_store(good["path"], tmp_path / "store.json")
    result = run(["repair", "--store", store])
    assert result.exit_code == 0 and "nothing to repair" in result.stdout
    assert store.read_bytes() == good["bytes"]


def test_repair_asks_and_without_an_answer_keeps_everything(good, tmp_path):
    store = tmp_path / "store.json"
    store.write_bytes(b"{broken")
    result = run(["repair", "--store", store], input="")
    assert result.exit_code == 1 and "add --yes" in result.stderr
    assert store.read_bytes() == b"{broken"
    result = run(["repair", "--store", store], input="n\n")
    assert result.exit_code == 0 and store.read_bytes() == b"{broken"
