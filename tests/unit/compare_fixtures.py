"""Hand-built stores for the comparison, ranking, corroboration, Markdown and export tests.

The extractors are not involved: every record is written here, from sentences made up for the tests.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

from store.extract.corroborate import attach_links
from store.models import Company, Document, Figure, Mention, Passage, Region
from store.query.api import Store

_SENTENCE = re.compile(r".+?(?:[.!?](?=\s|$)|$)")


def passages_of(doc_id: str, text: str) -> list[Passage]:
    """One paragraph per line and one sentence per '.', with offsets into `text`."""
    out, para_start = [], 0
    for p_index, line in enumerate(text.split("\n")):
        para_id = f"{doc_id}:p{p_index}"
        out.append(Passage(para_id, doc_id, "paragraph", p_index, para_start, para_start + len(line)))
        for m in _SENTENCE.finditer(line):
            if m.group().strip():
                s = para_start + m.start() + (len(m.group()) - len(m.group().lstrip()))
                out.append(Passage(f"{doc_id}:s{s}", doc_id, "sentence", s, s, para_start + m.end(), para_id))
        para_start += len(line) + 1
    return out


def figure(doc: Document, passages: list[Passage], text: str, value: float, unit: str, subject: str | None,
           category: str, metric: str = "", qualifier: str | None = None, period: str | None = None,
           occurrence: int = 0, kind: str = "level", status: str = "actual") -> Figure:
    """A figure at the `occurrence`-th place `text` appears in `doc`, inside its sentence."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    sentence = next(p for p in passages if p.kind == "sentence" and p.start <= start < p.end)
    return Figure(f"fig:{doc.id}:{start}", doc.id, start, start + len(text), text, value, unit, qualifier,
                  metric, category, period, subject, sentence.id, kind=kind, status=status)


def mentions_of(doc: Document, names: dict[str, str]) -> list[Mention]:
    """A mention for every occurrence of each name (name → entity id) in the document."""
    return [Mention(eid, doc.id, m.start(), m.end(), name)
            for name, eid in names.items() for m in re.finditer(re.escape(name), doc.text)]


def make_store(documents: list[Document], regions: list[Region], companies: list[Company],
               figure_specs: list[tuple]) -> Store:
    """A Store from documents, entities and (doc_id, figure kwargs) specs."""
    passages = {d.id: passages_of(d.id, d.text) for d in documents}
    by_id = {d.id: d for d in documents}
    names = {r.name: r.id for r in regions} | {c.name: c.id for c in companies}
    figures = [figure(by_id[doc_id], passages[doc_id], **spec) for doc_id, spec in figure_specs]
    attach_links(figures)
    corpus = SimpleNamespace(documents=documents, passages=[p for d in documents for p in passages[d.id]],
                             regions=regions, companies=companies, figures=figures,
                             mentions=[m for d in documents for m in mentions_of(d, names)])
    return Store.from_corpus(corpus)


DOC_A = Document("a", "alpha.txt", "Pump makers of Lakeside", "2024-03-01",
                 "Lakeside County is a pump town.\n"
                 "Nimbus Pumps sold 1.25 billion yuan of pumps in 2023. "
                 "Nimbus Pumps holds 40% of the national pump market.\n"
                 "Orion Valve Works sold 800 million yuan of valves in 2023. "
                 "Lakeside County has 215 enterprises.")
DOC_B = Document("b", "beta.txt", "Valves and pumps", None,
                 "Nimbus Pumps reported 1.25 billion yuan in pump sales for 2023. "
                 "Nimbus Pumps made 2 million pumps, an output of about 2 million units. "
                 "Orion Valve Works sold 760 million yuan of valves in 2023.")
REGIONS = [Region("r:lake", "Lakeside County", "county", "r:prov"),
           Region("r:prov", "Hillshire Province", "province", None)]
COMPANIES = [Company("c:nimbus", "Nimbus Pumps", ["Nimbus"], "r:lake"),
             Company("c:orion", "Orion Valve Works", [], "r:lake")]
FIGURES = [
    ("a", dict(text="1.25 billion yuan", value=1.25e9, unit="yuan", subject="c:nimbus", category="sales",
               metric="pump sales", period="2023")),
    ("a", dict(text="40%", value=40, unit="%", subject="c:nimbus", category="market_share", kind="share",
               metric="national pump market share")),
    ("a", dict(text="800 million yuan", value=8e8, unit="yuan", subject="c:orion", category="sales",
               metric="valve sales", period="2023")),
    ("a", dict(text="215 enterprises", value=215, unit="enterprises", subject="r:lake", category="enterprises",
               metric="enterprises")),
    ("b", dict(text="1.25 billion yuan", value=1.25e9, unit="yuan", subject="c:nimbus", category="sales",
               metric="pump sales", period="2023")),
    ("b", dict(text="2 million pumps", value=2e6, unit="units", subject="c:nimbus", category="output",
               metric="pump output")),
    ("b", dict(text="760 million yuan", value=7.6e8, unit="yuan", subject="c:orion", category="sales",
               metric="valve sales", period="2023")),
]


def sample_store() -> Store:
    """Two made-up articles about two firms in one county: a restated figure and a disagreement."""
    return make_store([DOC_A, DOC_B], REGIONS, COMPANIES, FIGURES)
