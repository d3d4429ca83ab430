"""Metric label, category and period from a figure's sentence (sentences written for tests)."""
import pytest

from store.extract.figures import find_figures
from store.extract.figures.metrics import period_of
from store.models import CATEGORIES


def described(sentence):
    """(text, metric, category, period) for each figure of a one-sentence text."""
    return [(h.text, h.metric, h.category, h.period)
            for h in find_figures(sentence, [(0, len(sentence))])]


def test_revenue_then_growth_of_the_same_metric():
    rows = described("From January to March this year, the county earned industrial sales revenue "
                     "of 3.2 billion yuan, a year-on-year increase of 7.5%.")
    assert rows[0][1:] == ("industrial sales revenue", "revenue", "January to March this year")
    assert rows[1][1] == "year-on-year increase of industrial sales revenue"
    assert rows[1][2] == "growth"


@pytest.mark.parametrize("sentence, category", [
    ("Its tax payment exceeded 90 million yuan in 2021.", "tax"),
    ("The plant employs 2,400 workers.", "employment"),
    ("The cluster counts 58 enterprises above designated size.", "enterprises"),
    ("Shoes made here take a domestic market share of 35%.", "market share"),
    ("Energy consumption per unit of output fell by 4.1%.", "energy/emissions"),
    ("The project has a total investment of 6 billion yuan.", "investment"),
    ("Net profit reached 410 million yuan.", "profit"),
    ("The smelter has an annual production capacity of 80,000 tons.", "capacity"),
    ("Labour productivity rose by 15%.", "efficiency"),
    ("The bridge is 120 meters long.", "other"),
])
def test_categories(sentence, category):
    rows = described(sentence)
    assert rows and rows[0][2] == category
    assert all(r[2] in CATEGORIES for r in rows)


def test_share_of_a_total():
    rows = described("Toys from the town account for 40% of the national total.")
    assert rows[0][1].startswith("share of") and rows[0][2] == "market share"


def test_subject_and_change_verb():
    rows = described("The weight of the frame has been reduced by 18%.")
    assert rows[0][1] == "weight reduction"


def test_count_metric_is_its_noun_phrase():
    rows = described("The zone now has 31 bonded logistics warehouses.")
    assert rows[0][1] == "bonded logistics warehouses"


@pytest.mark.parametrize("sentence, period", [
    ("In 2019, output grew by 3%.", "2019"),
    ("In the first half of 2024, exports rose by 9%.", "the first half of 2024"),
    ("Sales this year reached 12 million yuan.", "this year"),
    ("By 2027, the cluster will exceed 50 billion yuan.", "By 2027"),
    ("The hall holds 300 people.", None),
])
def test_period_of(sentence, period):
    assert period_of(sentence, len(sentence) - 2) == period


def test_up_x_percent_year_on_year_is_growth_of_the_previous_figure():
    rows = described("Last year the district's industrial output value above designated size "
                     "reached 41.6 billion yuan, up 9.3% year on year.")
    assert rows[0][1:3] == ("industrial output value", "output")
    assert rows[1][1:3] == ("industrial output value increase", "growth")


def test_from_x_to_y_both_take_the_object_of_the_change_verb():
    rows = described("The new damper cuts the vibration amplitude from 40 millimeters to 5 millimeters.")
    assert [r[1] for r in rows] == ["vibration amplitude", "vibration amplitude"]


def test_metric_drops_a_multi_word_owner():
    rows = described("In 2021, Hubei Sanhuan Group's sales revenue was 6.4 billion yuan.")
    assert rows[0][1:3] == ("sales revenue", "revenue")


def test_generic_head_with_a_money_threshold_keeps_what_is_measured():
    rows = described("The city raised the coverage rate of automation of firms with sales of more than "
                     "20 million yuan exceeding 65%.")
    assert rows[-1][1] == "coverage rate of automation"


@pytest.mark.parametrize("sentence, figure, metric", [
    ("The firm invested 300 million yuan last year in a new paint shop.", "300 million yuan",
     "investment in new paint shop"),
    ("Its net profit nearly doubled to 2 billion yuan.", "nearly doubled", "net profit increase"),
    ("The town ships 2 million tonnes of pears, worth some 5 billion yuan.", "some 5 billion yuan",
     "value of pears"),
])
def test_labels_the_verb_gives(sentence, figure, metric):
    rows = {r[0]: r[1] for r in described(sentence)}
    assert rows[figure] == metric


def test_labels_have_no_dangling_brackets():
    rows = described("The cluster reached 30 billion yuan (textiles), and 5 billion yuan (building materials, food).")
    assert all(")" not in r[1] and "(" not in r[1] for r in rows)
