"""Small, deterministic in-memory stores for the explorer's Pilot and snapshot tests."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from store.extract.corroborate import attach_links
from store.models import Company, Document, Figure, Mention, Passage, Region
from store.query.api import Store

CRANE_TEXT = (
    "Lanshan cranes climb again\n"
    "Qinglan Heavy Group, based in Yuxi County, reported operating revenue of 12.5 billion yuan "
    "in 2022, up 9.4% year on year. Qinglan also paid tax of 610 million yuan.\n"
    "Across Anping City, 140 crane makers now operate. Beifang Hoist Co. exported 1,200 gantry "
    "cranes last year, and Beifang plans a new plant.\n"
)
MARKUP_TEXT = (
    "Odd [bold]brackets[/] in copy\n"
    "The Tongda Works [red]alert[/red] says output reached 75 [/] thousand tons in [b]2021.\n"
)


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of `part` in `text`."""
    starts = [m.start() for m in re.finditer(re.escape(part), text)]
    return starts[nth], starts[nth] + len(part)


def passages(doc_id: str, text: str) -> list[Passage]:
    """One paragraph per line and one sentence per '. '-separated piece."""
    out, pos = [], 0
    for p_index, line in enumerate(text.split("\n")):
        if line:
            pid = f"{doc_id}:p{p_index}"
            out.append(Passage(pid, doc_id, "paragraph", p_index, pos, pos + len(line)))
            s_pos = pos
            for s_index, sentence in enumerate(re.split(r"(?<=\.) ", line)):
                out.append(Passage(f"{pid}:s{s_index}", doc_id, "sentence", s_index, s_pos,
                                   s_pos + len(sentence), pid))
                s_pos += len(sentence) + 1
        pos += len(line) + 1
    return out


def mention(entity_id: str, doc: Document, part: str, nth: int = 0) -> Mention:
    """A mention of `part` in `doc`."""
    start, end = at(doc.text, part, nth)
    return Mention(entity_id, doc.id, start, end, part)


def figure(fid, doc, part, value, unit, metric, category, subject, period=None, qualifier=None,
           kind="level", status="actual", period_text=None):
    """A figure on `part` of `doc`, its sentence found from the offsets."""
    start, end = at(doc.text, part)
    sentence = next(p for p in passages(doc.id, doc.text)
                    if p.kind == "sentence" and p.start <= start and end <= p.end)
    return Figure(fid, doc.id, start, end, part, value, unit, qualifier, metric, category, period,
                  subject, sentence.id, kind=kind, status=status, period_text=period_text or period)


def crane_corpus() -> SimpleNamespace:
    """Two articles: a crane town with two companies and figures, and one full of markup."""
    crane = Document("doc-crane", "001_crane.txt", "Lanshan cranes climb again", "2023-05-02", CRANE_TEXT)
    odd = Document("doc-odd", "002_[odd].txt", "Odd [bold]brackets[/] in copy", None, MARKUP_TEXT)
    regions = [
        Region("cn:41", "Henan Province", "province", None, ["Henan"]),
        Region("cn:4107", "Anping City", "prefecture", "cn:41", ["Anping"]),
        Region("cn:410728", "Yuxi County", "county", "cn:4107", ["Yuxi"]),
    ]
    companies = [
        Company("co:qinglan", "Qinglan Heavy Group", ["Qinglan"], "cn:410728"),
        Company("co:beifang", "Beifang Hoist Co.", ["Beifang"], "cn:4107"),
        Company("co:tongda", "Tongda Works [red]alert[/red]", [], "cn:41"),
    ]
    mentions = [
        mention("co:qinglan", crane, "Qinglan Heavy Group"), mention("co:qinglan", crane, "Qinglan", 1),
        mention("co:beifang", crane, "Beifang Hoist Co."), mention("co:beifang", crane, "Beifang", 1),
        mention("cn:410728", crane, "Yuxi County"), mention("cn:4107", crane, "Anping City"),
        mention("co:tongda", odd, "Tongda Works [red]alert[/red]"),
    ]
    figures = [
        figure("f1", crane, "12.5 billion yuan", 12.5e9, "yuan", "operating revenue", "sales",
               "co:qinglan", "2022"),
        figure("f2", crane, "9.4%", 9.4, "%", "operating revenue growth", "sales", "co:qinglan", "2022",
               kind="change"),
        figure("f3", crane, "610 million yuan", 6.1e8, "yuan", "tax paid", "tax", "co:qinglan"),
        figure("f4", crane, "140 crane makers", 140, "enterprises", "crane makers", "enterprises", "cn:4107"),
        figure("f5", crane, "1,200 gantry cranes", 1200, "units", "exports", "exports", "co:beifang",
               "2022", period_text="last year"),
        figure("f6", odd, "75 [/] thousand tons", 75000, "tons", "output [b]", "output", "co:tongda",
               "2021", "about"),
    ]
    return SimpleNamespace(documents=[crane, odd], regions=regions, companies=companies,
                           mentions=mentions, figures=figures,
                           passages=passages(crane.id, crane.text) + passages(odd.id, odd.text))


ECHO_TEXT = (
    "Qinglan keeps its lead\n"
    "Qinglan Heavy Group again put its 2022 operating revenue at 12.5 billion yuan, and said revenue "
    "grew 9.8% in 2022. Beifang Hoist Co. posted operating revenue of 3.1 billion yuan in 2022. "
    "Qinglan exported goods worth 2.4 billion yuan.\n"
)


def linked_corpus() -> SimpleNamespace:
    """The crane corpus plus a later article restating Qinglan's revenue (corroboration), giving
    another 2022 growth rate (conflict), and adding figures so rankings have several entities/units."""
    corpus = crane_corpus()
    echo = Document("doc-echo", "003_echo.txt", "Qinglan keeps its lead", "2023-08-15", ECHO_TEXT)
    corpus.documents.append(echo)
    corpus.passages += passages(echo.id, echo.text)
    corpus.mentions += [mention("co:qinglan", echo, "Qinglan Heavy Group"),
                        mention("co:beifang", echo, "Beifang Hoist Co."),
                        mention("co:qinglan", echo, "Qinglan", 2)]
    corpus.figures += [
        figure("g1", echo, "12.5 billion yuan", 12.5e9, "yuan", "operating revenue", "sales",
               "co:qinglan", "2022"),
        figure("g2", echo, "9.8%", 9.8, "%", "operating revenue growth", "sales", "co:qinglan", "2022",
               kind="change"),
        figure("g3", echo, "3.1 billion yuan", 3.1e9, "yuan", "operating revenue", "sales",
               "co:beifang", "2022"),
        figure("g4", echo, "2.4 billion yuan", 2.4e9, "yuan", "export value", "exports", "co:qinglan"),
    ]
    attach_links(corpus.figures)  # as dump shows them (the store works its own out when asked)
    return corpus


@pytest.fixture
def linked_store() -> Store:
    """Three articles where one restates, and one contradicts, a figure of another."""
    return Store.from_corpus(linked_corpus())


def explorer_on(store: Store):
    """An explorer app on `store` (no file, no build)."""
    from tui.app import MfgExplorer
    return MfgExplorer(store=store)


@pytest.fixture
def linked_app(linked_store):
    """An explorer app on the linked store."""
    return explorer_on(linked_store)


@pytest.fixture
def store() -> Store:
    """The crane corpus as a Store."""
    return Store.from_corpus(crane_corpus())


@pytest.fixture
def app(store):
    """An explorer app on the fixture store (no file, no build)."""
    return explorer_on(store)
