"""Plain records that flow through the pipeline: documents, passages, entities, figures."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One source article, kept whole so every offset can be checked against it."""

    id: str
    file: str
    title: str
    date: str | None  # publication date, YYYY-MM-DD
    text: str
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    format: str = "txt"  # txt | md | html | pdf | docx
    pages: list[list[int]] = field(default_factory=list)  # PDF: [start, end) of each page in `text`


@dataclass(frozen=True)
class Passage:
    """A paragraph or sentence: `doc.text[start:end]` is its text."""

    id: str
    doc_id: str
    kind: str  # "paragraph" | "sentence"
    index: int
    start: int
    end: int
    parent_id: str | None = None  # a sentence's paragraph


@dataclass
class Hit:
    """A span of a document that names something: `text == doc.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass
class RegionHit(Hit):
    """A place named in the text, resolved to a gazetteer key or a new child place."""

    key: str = ""  # stable region id ("cn:410728" or "zone:<parent key>:<slug>")


@dataclass
class Region:
    """A place in the hierarchy province → prefecture → county → district/town/zone."""

    id: str
    name: str
    level: str  # province | prefecture | county | district | town | zone
    parent_id: str | None
    aliases: list[str] = field(default_factory=list)


@dataclass
class CompanyHit(Hit):
    """A company named in the text; `name` is the canonical name the hit resolves to."""

    name: str = ""
    region_key: str | None = None


@dataclass
class Company:
    """One firm, group, factory or institute, with every surface variant seen."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    region_id: str | None = None


@dataclass
class Mention:
    """Where an entity is named: `doc.text[start:end]` is the name as written."""

    entity_id: str
    doc_id: str
    start: int
    end: int
    text: str


@dataclass
class Figure:
    """A quantitative fact, grounded in its exact span and sentence."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None
    metric: str
    category: str
    period: str | None  # calendar period: "2022", "2024-01/2024-04", "2021/2023"
    subject_id: str | None
    sentence_id: str | None = None
    kind: str = "level"  # level | change | share
    status: str = "actual"  # actual | plan | threshold
    period_text: str | None = None  # the period as the article writes it ("last year")
    conversion: dict | None = None  # "($181.83 billion)" after it: {start, end, text, value, unit}
    # Figures in other documents stating the same fact, or a different value for it.
    corroborated_by: list[str] = field(default_factory=list)
    conflicts_with: list[str] = field(default_factory=list)



@dataclass
class FigureHit(Hit):
    """A figure as the extractor finds it, before its subject is attributed."""

    value: float = 0.0
    unit: str = ""
    qualifier: str | None = None
    metric: str = ""
    category: str = "other"
    period: str | None = None
    kind: str = "level"
    status: str = "actual"
    period_text: str | None = None
    conversion: dict | None = None


# What a figure measures, how, and whether it is a fact: the vocabularies of ../shared/eval/GOLD_FORMAT.md.
CATEGORIES = (
    "output", "sales", "profit", "tax", "investment", "exports", "market_share",
    "enterprises", "employment", "capacity", "projects", "innovation", "efficiency", "energy", "other",
)
KINDS = ("level", "change", "share")
STATUSES = ("actual", "plan", "threshold")
