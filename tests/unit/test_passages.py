"""Sentence and paragraph splitting on noisy text, offsets untouched."""
from hypothesis import given
from hypothesis import strategies as st

from store.extract.document.passages import (
    paragraph_spans,
    sentence_spans,
    split_passages,
)


def sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_glued_period_between_sentences():
    assert sentences("The plant is in Hubei Province.A new line opened.") == [
        "The plant is in Hubei Province.", "A new line opened."]


def test_glued_word_without_period():
    assert sentences("materials are superhardThere are 12 firms.") == [
        "materials are superhard", "There are 12 firms."]
    assert sentences("they built it jointlyWe will expand.") == ["they built it jointly", "We will expand."]


def test_number_debris_glued_to_sentence():
    assert sentences("Exports grew. 20In 2023, sales were 4 billion yuan.")[-1] == \
        "In 2023, sales were 4 billion yuan."


def test_abbreviations_do_not_split():
    text = "Hubei Tianma Motor Co., Ltd. expanded. Sales to the U.S. market rose 5%."
    assert sentences(text) == ["Hubei Tianma Motor Co., Ltd. expanded.",
                               "Sales to the U.S. market rose 5%."]


def test_decimals_and_camel_case_brands_stay_whole():
    assert sentences("PetroChina paid 8.88 billion yuan in 2021.") == [
        "PetroChina paid 8.88 billion yuan in 2021."]


def test_paragraphs_trim_nbsp_and_skip_blank_lines():
    text = "\u00a0Title line\u00a0\n\n  Body here.  \n"
    assert [text[a:b] for a, b in paragraph_spans(text)] == ["Title line", "Body here."]


def test_passages_link_sentences_to_paragraphs():
    passages = split_passages("d", "One. Two.\nThree.")
    paras = [p for p in passages if p.kind == "paragraph"]
    sents = [p for p in passages if p.kind == "sentence"]
    assert len(paras) == 2 and len(sents) == 3
    assert sents[2].parent_id == paras[1].id


@given(st.text(alphabet=st.sampled_from("Ab c.\n\u00a0?!1,;'\"In"), max_size=200))
def test_spans_are_ordered_inside_text_and_never_cross_paragraphs(text):
    paras = paragraph_spans(text)
    prev_end = 0
    for a, b in sentence_spans(text):
        assert prev_end <= a < b <= len(text)
        assert any(pa <= a and b <= pb for pa, pb in paras)
        assert text[a:b] == text[a:b].strip()
        prev_end = b
