"""Publication dates: a table of header lines (written for these tests) and the date each states."""
import pytest

from store.articles.dates import header_date, line_date, make_date
from store.articles.header import read_header

# header line → the date it states (None: no date, an invalid one, or a date inside prose)
LINES = [
    ("2024-03-30", "2024-03-30"),
    ("2024-06-14 08:41", "2024-06-14"),
    ("2024-06-14 08:41 Source: Coastal Industry Daily", "2024-06-14"),
    ("Updated: 2021-05-04", "2021-05-04"),
    ("Updated : 2021-05-04", "2021-05-04"),
    ("(Harbour Times) Updated: 2016-02-07 10:05", "2016-02-07"),
    ("PublishDate:2022-09-19 15:18Source: HILL COUNTY PORTAL", "2022-09-19"),
    ("Source: Newswire| 2019-07-30 23:09:08|Editor: li", "2019-07-30"),
    ("2024-10-09 (example-province.com.cn)", "2024-10-09"),
    ("来源:example.gov 编辑:王 2023-08-22 09:44:12", "2023-08-22"),
    ("2023年8月22日 09:44", "2023-08-22"),
    ("2024/3/5", "2024-03-05"),
    ("2024.03.05 16:20", "2024-03-05"),
    ("March 30, 2024", "2024-03-30"),
    ("Mar 30, 2024 08:15 PM", "2024-03-30"),
    ("Sept. 3, 2021 | Staff writer", "2021-09-03"),
    ("September 3rd, 2021", "2021-09-03"),
    ("10:15, July 9, 2023   Source: Evening Post", "2023-07-09"),
    ("August 12, 2024 10:33", "2024-08-12"),
    ("30 March 2024", "2024-03-30"),
    ("Published 9 July 2023", "2023-07-09"),
    ("09-Mar-2023", "2023-03-09"),
    ("9-March-2023", "2023-03-09"),
    ("14, Jul. 2020", "2020-07-14"),
    ("Published on 04/11 2017  Source: Morning Paper", "2017-04-11"),  # month first
    ("04/11/2017", "2017-04-11"),
    ("30/04/2017", "2017-04-30"),  # 30 cannot be a month: day first
    # invalid dates are not dates
    ("2023-04-31", None),
    ("April 31, 2023", None),
    ("2023-13-01", None),
    ("31/31/2023", None),
    ("February 29, 2023", None),
    ("February 29, 2024", "2024-02-29"),
    # a date inside a sentence is not a date line
    ("The plant opened on March 3, 2021 and has since tripled the number of its production lines.", None),
    ("Output rose 8% in 2023.", None),
    ("No date here, only the year 2023.", None),
    ("Call 0371-6666-8888 for details", None),
    ("Version 3.5 2024 edition", None),
]


@pytest.mark.parametrize("line, expected", LINES)
def test_header_line_dates(line, expected):
    assert line_date(line) == expected


@pytest.mark.parametrize("lines, opening, expected", [
    # a dateline takes its year from elsewhere in the header...
    (["Kiln makers expand", "Copyright 2022 Some Wire"], "LANZHOU, May 3 (Some Wire) -- Kilns...", "2022-05-03"),
    # ... or states it itself
    (["Kiln makers expand"], "LANZHOU, May 3, 2021 (Some Wire) -- Kilns...", "2021-05-03"),
    # with no year anywhere the date is unknown, not guessed
    (["Kiln makers expand"], "LANZHOU, May 3 (Some Wire) -- Kilns...", None),
    # an invalid dateline date stays unknown
    (["Kiln makers expand 2022"], "LANZHOU, April 31 (Some Wire) -- Kilns...", None),
    # the first dated header line wins
    (["Kiln makers expand", "2024-06-14 08:41", "08:41, June 15, 2024"], "", "2024-06-14"),
])
def test_header_dates_and_datelines(lines, opening, expected):
    assert header_date(lines, opening) == expected


def test_a_date_in_the_story_never_counts():
    story = ("Kiln makers expand\n\n" + "The county's kiln makers said on May 3, 2022 that output had "
             "doubled since the new furnaces were lit, and that they planned to hire more workers soon. "
             * 3 + "\n2022-05-03\n")
    assert read_header(story).date is None


def test_make_date_validates():
    assert make_date(2024, 2, 29) == "2024-02-29"
    assert make_date(2023, 2, 29) is None
    assert make_date(2023, 4, 31) is None


def test_headers_of_the_dev_articles_and_seeds():
    """Headline, date and publisher on ../shared (truth from SOURCES-*.md; see bench_headers.py)."""
    from tests.benchmarks import bench_headers
    if not bench_headers.articles():
        pytest.skip("../shared is not beside the repository")
    right = bench_headers.measure()
    n = right["articles"]
    assert n == 23
    # Measured 23/23 each; a drop of more than one is a regression worth looking at.
    assert right["date"] >= n - 1 and right["title"] >= n - 1 and right["publisher"] >= n - 1
