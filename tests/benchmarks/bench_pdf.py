"""Benchmark: pypdf vs pdfminer.six on real two-column PDFs generated with reportlab.

Run: python tests/benchmarks/bench_pdf.py  (prints numbers; asserts nothing)

Two layouts of the same 40 paragraphs (written here, with figures in them):
- "frames": reportlab's two-frame page template, each column drawn top to bottom, as word
  processors and LaTeX write columns;
- "interleaved": the page drawn line by line across both columns (left line, right line, ...),
  as some report generators write them, so drawing order is not reading order.

For each extractor and layout it prints:
- sentences: the share of the paragraphs' sentences found whole in the extracted text (white
  space normalised), i.e. no column mixed into a sentence;
- order: the share of consecutive paragraph pairs that come out in reading order;
- paragraphs: the share of paragraph breaks that come out as a blank line;
- ms/page: median extraction time per page.
"""
from __future__ import annotations

import io
import re
import statistics
import time

PLACES = ["Anhe", "Baishan", "Chengling", "Dongpu", "Erlang", "Fenghu", "Gaotai", "Hexi"]
GOODS = ["valves", "glass panels", "bus axles", "cable drums", "pump housings", "steel tubes"]


def paragraphs(n: int = 40) -> list[str]:
    """Paragraphs of three sentences each, every one with a figure and a place."""
    out = []
    for i in range(n):
        place, goods = PLACES[i % len(PLACES)], GOODS[i % len(GOODS)]
        out.append(
            f"Factory {i + 1} in {place} made {1200 + 37 * i:,} tonnes of {goods} last year. "
            f"Its sales rose {3 + i % 9}.{i % 10} percent to {140 + 11 * i} million yuan, "
            f"the county's statistics bureau said on Monday. "
            f"About {300 + 13 * i} workers now run {4 + i % 5} production lines there.")
    return out


def sentences(paras: list[str]) -> list[str]:
    """Every sentence of the paragraphs."""
    return [s for p in paras for s in re.split(r"(?<=\.) (?=[A-Z])", p)]


def frames_pdf(paras: list[str], headline: bool = False) -> bytes:
    """Two columns with reportlab's platypus frames: each column drawn top to bottom.

    With `headline`, page 1 opens with a full-width frame holding the first paragraph (a
    headline-and-standfirst block above the columns, as reports and papers open).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate, Paragraph
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4)
    width, top = (doc.width - 18) / 2, 120

    def columns(height: float, suffix: str) -> list:
        """The left and right column frames, `height` points tall."""
        return [Frame(doc.leftMargin, doc.bottomMargin, width, height, id="l" + suffix),
                Frame(doc.leftMargin + width + 18, doc.bottomMargin, width, height, id="r" + suffix)]
    full = Frame(doc.leftMargin, doc.bottomMargin + doc.height - top, doc.width, top, id="top")
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[full, *columns(doc.height - top, "1")]),
        PageTemplate(id="two", frames=columns(doc.height, "2"))] if headline else
        [PageTemplate(id="two", frames=columns(doc.height, "2"))])
    style = getSampleStyleSheet()["BodyText"]
    story = [Paragraph(p, style) for p in paras]
    if headline:
        story = [story[0], NextPageTemplate("two"), FrameBreak(), *story[1:]]
    doc.build(story)
    return buf.getvalue()


def _wrap(text: str, width: float, font: str, size: int) -> list[str]:
    """Greedy word wrap of `text` into lines no wider than `width` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if stringWidth(trial, font, size) > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line]


def interleaved_pdf(paras: list[str]) -> bytes:
    """Two columns drawn line by line across the page: left line, right line, next row."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    page_w, page_h = A4
    margin, gap, size, lead = 56, 18, 10, 13
    width = (page_w - 2 * margin - gap) / 2
    # Each column is a list of lines; a blank line between paragraphs.
    lines: list[str] = []
    for p in paras:
        lines += _wrap(p, width, "Helvetica", size) + [""]
    rows = int((page_h - 2 * margin) / lead)
    c = canvas.Canvas(buf, pagesize=A4)
    for page_start in range(0, len(lines), 2 * rows):
        left = lines[page_start:page_start + rows]
        right = lines[page_start + rows:page_start + 2 * rows]
        c.setFont("Helvetica", size)
        for r in range(rows):
            y = page_h - margin - r * lead
            for col, column in enumerate((left, right)):
                if r < len(column) and column[r]:
                    c.drawString(margin + col * (width + gap), y, column[r])
        c.showPage()
    c.save()
    return buf.getvalue()


def with_pypdf(data: bytes) -> list[str]:
    """Page texts from pypdf's default extraction."""
    from pypdf import PdfReader
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def with_pypdf_layout(data: bytes) -> list[str]:
    """Page texts from pypdf's layout mode (keeps the page's spatial layout)."""
    from pypdf import PdfReader
    return [page.extract_text(extraction_mode="layout") or ""
            for page in PdfReader(io.BytesIO(data)).pages]


def with_pdfminer(data: bytes, boxes_flow: float | None = 0.5) -> list[str]:
    """Page texts from pdfminer.six's layout analysis (text boxes in reading order).

    `boxes_flow` weighs vertical against horizontal position when ordering text boxes
    (pdfminer's default 0.5; 0 weighs both alike).
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    pages = []
    for layout in extract_pages(io.BytesIO(data), laparams=LAParams(boxes_flow=boxes_flow)):
        pages.append("\n\n".join(box.get_text().strip() for box in layout
                                 if isinstance(box, LTTextContainer)))
    return pages


def score(paras: list[str], pages: list[str]) -> tuple[float, float, float]:
    """(sentences found whole, paragraph pairs in order, paragraph breaks kept), each 0..1."""
    text = "\n\n".join(pages)
    flat = " ".join(text.split())
    sents = sentences(paras)
    whole = sum(s in flat for s in sents) / len(sents)
    # A paragraph's position: where its first sentence's first eight words start.
    keys = [" ".join(p.split()[:8]) for p in paras]
    pos = [flat.find(k) for k in keys]
    ordered = sum(0 <= a < b for a, b in zip(pos, pos[1:])) / (len(pos) - 1)
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    starts = sum(any(b.startswith(k) for b in blocks) for k in keys[1:]) / (len(keys) - 1)
    return whole, ordered, starts


def main() -> None:
    """Print the comparison table."""
    paras = paragraphs()
    layouts = {"frames": frames_pdf(paras), "headline": frames_pdf(paras, headline=True),
               "interleaved": interleaved_pdf(paras)}
    tools = {"pypdf": with_pypdf, "pypdf layout": with_pypdf_layout, "pdfminer.six": with_pdfminer,
             "pdfminer flow=0": lambda data: with_pdfminer(data, 0.0),
             "pdfminer flow=-.5": lambda data: with_pdfminer(data, -0.5)}
    print(f"{'layout':12} {'extractor':17} {'pages':>5} {'sentences':>9} {'order':>6} "
          f"{'paragraphs':>10} {'ms/page':>8}")
    for lname, data in layouts.items():
        for tname, tool in tools.items():
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                pages = tool(data)
                times.append(time.perf_counter() - t0)
            whole, ordered, starts = score(paras, pages)
            ms = 1000 * statistics.median(times) / len(pages)
            print(f"{lname:12} {tname:17} {len(pages):5d} {whole:9.0%} {ordered:6.0%} "
                  f"{starts:10.0%} {ms:8.1f}")


if __name__ == "__main__":
    main()
