"""Category, kind, status and calendar period of figures, on sentences written for these tests."""
import pytest

from store.extract.document import from_text
from store.extract.figures import find_figures
from store.extract.figures.periods import Dating, period_phrases
from store.models import CATEGORIES, KINDS, STATUSES


def figure(text, wanted, published="2024-05-20"):
    """The figure whose text is `wanted`, extracted from `text` read as an article."""
    hits = find_figures(from_text(text, published))
    found = [h for h in hits if h.text == wanted]
    assert found, [h.text for h in hits]
    hit = found[0]
    assert (hit.category, hit.kind, hit.status) in {(c, k, s) for c in CATEGORIES for k in KINDS for s in STATUSES}
    return hit


@pytest.mark.parametrize("text, wanted, category", [
    ("The county's industrial output value reached 41.6 billion yuan.", "41.6 billion yuan", "output"),
    ("Its operating revenue was 3.2 billion yuan.", "3.2 billion yuan", "sales"),
    ("Net profit reached 410 million yuan.", "410 million yuan", "profit"),
    ("Its tax payment exceeded 90 million yuan.", "90 million yuan", "tax"),
    ("The plant has a total investment of 6 billion yuan.", "6 billion yuan", "investment"),
    ("Exports reached 12 billion yuan.", "12 billion yuan", "exports"),
    ("Its pumps are sold to more than 40 countries and regions.", "more than 40 countries", "exports"),
    ("Shoes made here take a domestic market share of 35%.", "35%", "market_share"),
    ("The city has 58 enterprises above designated size.", "58 enterprises", "enterprises"),
    ("The plant employs 2,400 workers.", "2,400 workers", "employment"),
    ("The smelter has an annual production capacity of 80,000 tons.", "80,000 tons", "capacity"),
    ("The park has signed 14 projects.", "14 projects", "projects"),
    ("The institute filed 120 patents.", "120 patents", "innovation"),
    ("Its R&D spending reached 2 billion yuan.", "2 billion yuan", "innovation"),
    ("Labour productivity rose by 15%.", "15%", "efficiency"),
    ("Energy consumption per unit of output fell by 4.1%.", "4.1%", "energy"),
    ("The town has a population of 80,000.", "80,000", "other"),
    ("It opened a 30,000-square-meter workshop.", "30,000-square-meter", "capacity"),
    ("The 500-million-yuan battery project broke ground.", "500-million-yuan", "investment"),
])
def test_category_is_what_is_measured(text, wanted, category):
    assert figure(text, wanted).category == category


@pytest.mark.parametrize("text, wanted, category", [
    ("The tax it paid was 60 million yuan, accounting for 12% of the county's total tax revenue.", "12%", "tax"),
    ("The zone produces 45% of the province's industrial output.", "45%", "output"),
    ("Its brakes hold 20% of the national market.", "20%", "market_share"),
    ("One in every four bicycles sold in the world is made here.", "One in every four", "market_share"),
])
def test_a_share_is_of_its_whole(text, wanted, category):
    hit = figure(text, wanted)
    assert (hit.category, hit.kind) == (category, "share")


@pytest.mark.parametrize("text, wanted, kind", [
    ("Sales revenue was 8 billion yuan, a year-on-year increase of 6.2%.", "6.2%", "change"),
    ("Sales revenue was 8 billion yuan, up 6.2% year on year.", "6.2%", "change"),
    ("Orders rose 30% in the first quarter.", "30%", "change"),
    ("The output has doubled since 2020.", "doubled", "change"),
    ("Per capita output increased by 12 times.", "12 times", "change"),
    ("The number of firms increased by 30, 22 and 20 in three counties.", "22", "change"),
    ("The plant is setting up eight new production lines.", "eight new production lines", "level"),
    ("The pass rate reached 99.5%.", "99.5%", "share"),
    ("The swing was reduced to 2 mm.", "2 mm", "level"),
    ("Output value reached 72 billion yuan.", "72 billion yuan", "level"),
])
def test_kind_is_how_it_is_measured(text, wanted, kind):
    assert figure(text, wanted).kind == kind


@pytest.mark.parametrize("text, wanted, status", [
    ("The county has 27 enterprises with annual revenue of more than 100 million yuan.",
     "more than 100 million yuan", "threshold"),
    ("The county has 27 enterprises with annual revenue of more than 100 million yuan.", "27 enterprises", "actual"),
    ("In 2023, 40 projects exceeding 100 million yuan were signed.", "100 million yuan", "threshold"),
    ("The mill will have only blast furnaces over 1,200 cubic meters by 2025.", "over 1,200 cubic meters", "threshold"),
    ("Output is expected to exceed 10 billion yuan this year.", "10 billion yuan", "plan"),
    ("By 2027, the cluster will reach 50 billion yuan.", "50 billion yuan", "plan"),
    ("The firm plans to hire 800 workers.", "800 workers", "plan"),
    ("It aims to produce 20,000 motors by the end of 2025.", "20,000 motors", "plan"),
    ("In 2022, the added value of the county's industry will increase by 9.5%.", "9.5%", "actual"),
    ("The 12 steel mills will be merged into four groups.", "12 steel mills", "actual"),
    ("The city has 300 firms, but the plan covers 20 projects.", "300 firms", "actual"),
])
def test_status_separates_facts_plans_and_thresholds(text, wanted, status):
    assert figure(text, wanted).status == status


@pytest.mark.parametrize("text, wanted, period, written", [
    ("Last year the plant made 3,000 cranes.", "3,000 cranes", "2023", "Last year"),
    ("This year the plant made 3,000 cranes.", "3,000 cranes", "2024", "This year"),
    ("In 2021, the plant made 3,000 cranes.", "3,000 cranes", "2021", "In 2021"),
    ("From January to April, sales reached 2 billion yuan.", "2 billion yuan", "2024-01/2024-04",
     "From January to April"),
    ("In the first half of this year, output rose by 8%.", "8%", "2024-01/2024-06",
     "the first half of this year"),
    ("In the first three quarters, output rose by 8%.", "8%", "2024-01/2024-09", "the first three quarters"),
    ("At present, the town has 130 firms.", "130 firms", "2024", "At present"),
    ("Output rose 9%, compared with the same period last year.", "9%", None, None),
    ("From 2021 to 2023, it built 20 laboratories.", "20 laboratories", "2021/2023", "From 2021 to 2023"),
    ("In the past three years, it built 20 laboratories.", "20 laboratories", "2021/2023",
     "In the past three years"),
    ("Two years ago, the firm invested 3 billion yuan.", "3 billion yuan", "2022", "Two years ago"),
    ("In the 1990s, there were 31 firms.", "31 firms", "1990/1999", "In the 1990s"),
    ("In April 2002 the firm was founded with an investment of 25 million yuan.", "25 million yuan", "2002-04",
     "April 2002"),
    ("By 2025, output will exceed 2 trillion yuan.", "2 trillion yuan", "2025", "By 2025"),
    ("The firm has 900 employees.", "900 employees", None, None),
    ("The 12 steel mills will be merged into four groups in 2020.", "12 steel mills", None, None),
    ("Output rose to 5 million tons, up 4%, 3% and 2% respectively, in 2023.", "3%", "2023", "in 2023"),
])
def test_period_is_resolved_against_the_publication_date(text, wanted, period, written):
    hit = figure(text, wanted)
    assert (hit.period, hit.period_text) == (period, written)


def test_relative_periods_stay_unresolved_without_a_date():
    hit = figure("Last year the plant made 3,000 cranes.", "3,000 cranes", published=None)
    assert (hit.period, hit.period_text) == (None, "Last year")
    assert figure("In 2021, the plant made 3,000 cranes.", "3,000 cranes", published=None).period == "2021"


def test_the_sentence_before_dates_a_figure_whose_sentence_states_no_time():
    text = "The plant opened in 2021. Its total investment is 2 billion yuan.\n\nIt has 900 employees."
    hits = find_figures(from_text(text, "2024-05-20"))
    assert [(h.text, h.period) for h in hits] == [("2 billion yuan", "2021"), ("900 employees", None)]


def periods(text, published="2024-07-20"):
    """(text, period) of every figure of `text` read as an article."""
    return [(h.text, h.period) for h in find_figures(from_text(text, published))]


REPORT = "From January to June, the district's industrial output reached 20 billion yuan, up 5%.\n\n"


def test_a_reporting_period_dates_the_paragraphs_of_figures_after_it():
    text = REPORT + "Output of the chip industry reached 8 billion yuan.\n\nIt added 2 percentage points to growth."
    assert periods(text)[2:] == [("8 billion yuan", "2024-01/2024-06"), ("2 percentage points", "2024-01/2024-06")]


@pytest.mark.parametrize("after", [
    "The town welcomes visitors.\n\nIts mills employ 3,000 workers.",  # a paragraph without numbers ends the report
    '"We will hire 3,000 workers," the manager said.',  # a quotation is the speaker's, not the report's
    "The mills plan to hire 3,000 workers.",  # a plan is not dated by facts before it
    "In 2019, the mills had 2,000 workers. They now have 3,000 workers.",  # a stated period ends the report
])
def test_a_reporting_period_does_not_reach_past_the_report(after):
    assert all(period != "2024-01/2024-06" for _, period in periods(REPORT + after)[2:])


def test_a_period_in_a_sentence_without_numbers_reports_nothing():
    text = "As the fourth quarter begins, the province is stepping up efforts.\n\nIts mills employ 3,000 workers."
    assert periods(text) == [("3,000 workers", None)]


def test_a_project_investment_takes_the_day_the_project_started_not_a_reporting_period():
    started = ("Five projects broke ground in the park on March 12, 2024.\n\n"
               "The battery project, worth 600 million yuan, will make cells.")
    assert periods(started) == [("Five projects", "2024-03"), ("600 million yuan", "2024-03")]
    beside = REPORT + "The firm has launched a 300-million-yuan investment project in the town."
    assert periods(beside)[2:] == [("300-million-yuan", None)]


def test_a_project_named_before_a_comma_makes_its_money_an_investment():
    hit = figure("The steel project, worth 800 million yuan in the first phase, will raise output.", "800 million yuan")
    assert hit.category == "investment"


def test_a_change_is_measured_against_last_year_not_in_it():
    hit = figure("The number of vehicles is 1,200, 14 times the number of last year.", "14 times")
    assert (hit.kind, hit.period) == ("change", None)


@pytest.mark.parametrize("text, expected", [
    ("the 14th Five-Year Plan period", "2021/2025"),
    ("the Thirteenth Five-Year Plan", "2016/2020"),
    ("since 2019", "2019/2024"),
    ("in Q2", "2024-04/2024-06"),
    ("by the end of July", "2024-01/2024-07"),
    ("from September 20th to 25th, 2022", "2022-09"),
])
def test_period_phrases(expected, text):
    found = period_phrases(text, Dating.from_date("2024-05-20"))
    assert [p.period for p in found] == [expected]


def test_dates_of_impossible_days_do_not_date_an_article():
    assert Dating.from_date("2024-13-01").year is None and Dating.from_date("2023-04-31").year is None
    assert Dating.from_date(None).year is None and Dating.from_date("2024-02-29").year == 2024
