"""Number phrases, fractions and scales parse to plain values."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.extract.figures.numbers import parse_fraction, parse_number, scale_of

ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]


def spell_under_100(n: int) -> str:
    """English words for 1..99, written here independently of the parser."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")


@pytest.mark.parametrize("phrase, value", [
    ("8.88 billion", 8.88e9), ("1,042", 1042), ("a thousand", 1000), ("ten thousand", 1e4),
    ("tens of millions", 1e7), ("hundreds of billions", 1e11), ("three", 3),
    ("twenty-five", 25), ("hundred million", 1e8), ("two hundred and fifty thousand", 250000),
    ("1.5 trillion", 1.5e12), ("a dozen", 12), ("thousands", 1000), ("310000", 310000),
    ("one", 1), ("zero", 0),
])
def test_parse_number(phrase, value):
    assert parse_number(phrase) == pytest.approx(value)


@pytest.mark.parametrize("phrase", ["banana", "", "many", "the most"])
def test_parse_number_rejects_non_numbers(phrase):
    assert parse_number(phrase) is None


@pytest.mark.parametrize("phrase, share", [
    ("one-half", 0.5), ("seven-tenths", 0.7), ("two-thirds", 2 / 3), ("a quarter", 0.25),
    ("half", 0.5), ("1 of every 10", 0.1), ("3 of every 4", 0.75),
    ("4 bicycles for every 25", 0.16), ("three-fifths", 0.6),
])
def test_parse_fraction(phrase, share):
    assert parse_fraction(phrase) == pytest.approx(share)


def test_parse_fraction_rejects_plain_numbers():
    assert parse_fraction("seven") is None
    assert parse_fraction("1 of every 0") is None


def test_scale_of_trailing_scale_words():
    assert scale_of("2 million") == 1e6
    assert scale_of("two hundred million") == 1e8
    assert scale_of("17") == 1


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(
    [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)]))
def test_scaled_decimal_round_trip(hundredths, scale):
    word, factor = scale
    text = f"{hundredths / 100:,.2f} {word}"
    assert parse_number(text) == pytest.approx(hundredths / 100 * factor)


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["", " thousand", " million"]))
def test_spelled_numbers_round_trip(n, scale):
    factor = {"": 1, " thousand": 1e3, " million": 1e6}[scale]
    assert parse_number(spell_under_100(n) + scale) == n * factor
