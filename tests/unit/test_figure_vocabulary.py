"""The figure vocabularies: one typed loader over store/extract/figures/data/, checked on load."""
import json
import shutil
from pathlib import Path

import pytest

from store.errors import MfgError
from store.extract.figures.vocabulary import DATA_DIR, VocabularyError, load_vocabulary, vocabulary
from store.models import CATEGORIES

FIGURES = DATA_DIR.parent


@pytest.fixture
def data(tmp_path):
    """A writable copy of the data folder; edit(name, change) rewrites one file."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)

    def edit(name, change):
        path = folder / name
        content = json.loads(path.read_text(encoding="utf-8"))
        change(content)
        path.write_text(json.dumps(content), encoding="utf-8")
        return folder
    return edit


def test_the_shipped_vocabulary_loads_and_is_frozen():
    vocab = vocabulary()
    assert vocab.count_nouns["firms"].unit == "enterprises" and vocab.count_nouns["firms"].category == "enterprises"
    assert vocab.measures["tonnes"] == "tons" and vocab.measure_scales["mt"] == 1e6
    assert [names[0] for names in vocab.months][:2] == ["January", "February"]
    assert {name for name, _ in vocab.category_keywords} <= set(CATEGORIES)
    with pytest.raises(AttributeError):
        vocab.months = ()
    with pytest.raises(TypeError):
        vocab.measures["bushels"] = "bushels"


@pytest.mark.parametrize("name, change, message", [
    ("categories.json", lambda d: d["keywords"].update(growth=["growth"]), "not a category"),
    ("nouns.json", lambda d: d["count_nouns"]["projects"].update(category="revenue"), "not a category"),
    ("nouns.json", lambda d: d["count_nouns"]["teams"]["words"].append("firms"), "repeats 'firms'"),
    ("units.json", lambda d: d["measures"]["kg"].append("tons"), "repeats 'tons'"),
    ("units.json", lambda d: d["glued"].append("furlongs"), "not measure variants"),
    ("units.json", lambda d: d["fallback_categories"].update(furlongs="capacity"), "not measure units"),
    ("calendar.json", lambda d: d["parts"].update(bad=[9, 3]), "first month, last month"),
    ("cues.json", lambda d: d.pop("plan_words"), "missing"),
    ("qualifiers.json", lambda d: d.update(in_span=["more than"]), "must be a JSON object"),
    ("qualifiers.json", lambda d: d["in_span"].update(over=3), "must map words to a string"),
])
def test_a_broken_entry_fails_at_once_naming_file_and_entry(data, name, change, message):
    folder = data(name, change)
    with pytest.raises(VocabularyError, match=message) as raised:
        load_vocabulary(folder)
    assert name in raised.value.message and "\n" not in raised.value.message
    assert isinstance(raised.value, MfgError)


def test_an_unreadable_file_is_one_clear_error(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    (folder / "cues.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(VocabularyError, match="cues.json"):
        load_vocabulary(folder)


def test_month_names_live_only_in_the_data_file():
    sources = [p for p in Path(FIGURES).glob("*.py")]
    assert sources and not [p.name for p in sources if "September" in p.read_text(encoding="utf-8")]


def test_months_are_written_once_for_the_whole_library():
    from store.articles.dates import line_date
    from store.calendar import month_number
    assert month_number("Sept.") == 9 and month_number("march") == 3 and month_number("Mayday") is None
    assert line_date("Updated: Sept. 3, 2021") == "2021-09-03"
