"""Article files in every format, written or generated here (no binary fixture is committed).

The story is the same small one in each: a city's pump makers, with one figure the tests look
for. Every sentence was written for these tests.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

HEADLINE = "Pump makers of Yongkang expand"
FIGURE = "2.4 billion yuan"
STORY = [
    "Yongkang in Zhejiang Province has become a centre for water pumps over the past decade, "
    "and its factories now sell to buyers in more than forty countries.",
    "The city's pump makers earned sales revenue of 2.4 billion yuan in 2023, the city's "
    "industry bureau said, and they plan to open two more assembly plants next year.",
    "Local officials said the new plants would hire several hundred workers and buy most of "
    "their castings from foundries in neighbouring towns.",
]

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{HEADLINE} | Valley Industry News</title>
  <meta property="og:site_name" content="Valley Industry News">
  <meta property="og:title" content="{HEADLINE}">
  <meta name="author" content="Mei Lin">
  <meta property="article:published_time" content="2024-05-06T09:30:00+08:00">
  <link rel="canonical" href="https://news.example.org/industry/pumps-yongkang">
</head>
<body>
  <header>
    <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/industry">Industry</a></li>
      <li><a href="/markets">Markets</a></li><li><a href="/about">About us</a></li></ul></nav>
  </header>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to remember your settings and measure traffic. Accept all cookies?</p>
    <button>Accept</button> <button>Reject</button>
  </div>
  <main>
    <article>
      <h1>{HEADLINE}</h1>
      <p class="byline">By Mei Lin</p>
      {''.join(f'<p>{p}</p>' for p in STORY)}
    </article>
  </main>
  <aside class="related"><h3>Related</h3><ul><li><a href="/a">Cranes in Changyuan</a></li></ul></aside>
  <footer><p>Copyright 2024 Valley Industry News. All rights reserved.</p>
    <p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact</a></p></footer>
</body>
</html>
"""

# A page with navigation, a cookie notice and a footer but no article.
HTML_NO_ARTICLE = """<!DOCTYPE html>
<html><head><title>Valley Industry News: all sections</title></head>
<body>
  <nav><a href="/">Home</a> <a href="/industry">Industry</a> <a href="/markets">Markets</a></nav>
  <div class="cookie-banner"><p>We use cookies to remember your settings. Accept all cookies?</p></div>
  <ul><li><a href="/a">Cranes in Changyuan</a></li><li><a href="/b">Glass in Fengyang</a></li></ul>
  <footer><p>Copyright 2024 Valley Industry News. All rights reserved.</p></footer>
</body></html>
"""

TXT_ARTICLE = (f"{HEADLINE}\n\n2024-05-06 09:30 Source: Valley Industry News\n\n"
               + "\n\n".join(STORY) + "\n")


def write_html(folder: Path, name: str = "pumps.html", page: str = HTML_PAGE) -> Path:
    """The hand-written web page, saved as a browser would."""
    path = folder / name
    path.write_text(page, encoding="utf-8")
    return path


def write_txt(folder: Path, name: str = "pumps.txt") -> Path:
    """The story as plain text with a headline, a date line and a source."""
    path = folder / name
    path.write_text(TXT_ARTICLE, encoding="utf-8")
    return path


def _pdf_canvas(buf, **kwargs):
    """A reportlab canvas on A4 (reportlab loads only when a PDF is made)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    return canvas.Canvas(buf, pagesize=A4, **kwargs)


def _draw_lines(c, lines: list[str], top: float = 780) -> None:
    """Lines of text down the page, a blank line between paragraphs ('' in `lines`)."""
    y = top
    for line in lines:
        if line:
            c.drawString(60, y, line)
        y -= 16 if line else 10


def _wrapped(paragraph: str, width: int = 80) -> list[str]:
    """A paragraph broken into lines of at most `width` characters."""
    import textwrap
    return textwrap.wrap(paragraph, width)


def pdf_bytes(encrypt: str | None = None) -> bytes:
    """Two pages: headline, date and source and the first paragraph on page 1; the figure on page 2."""
    buf = io.BytesIO()
    c = _pdf_canvas(buf, encrypt=encrypt)
    c.setTitle(HEADLINE)
    c.setAuthor("Mei Lin")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 800, HEADLINE)
    c.setFont("Helvetica", 11)
    _draw_lines(c, ["2024-05-06 Source: Valley Industry News", "", *_wrapped(STORY[0])], top=770)
    c.showPage()
    c.setFont("Helvetica", 11)
    _draw_lines(c, [*_wrapped(STORY[1]), "", *_wrapped(STORY[2])])
    c.showPage()
    c.save()
    return buf.getvalue()


def write_pdf(folder: Path, name: str = "pumps.pdf", encrypt: str | None = None) -> Path:
    """The two-page PDF (with a user password when `encrypt` is given)."""
    path = folder / name
    path.write_bytes(pdf_bytes(encrypt))
    return path


def write_scanned_pdf(folder: Path, name: str = "scan.pdf") -> Path:
    """A PDF whose page is only drawn shapes, like a scan: no text layer."""
    buf = io.BytesIO()
    c = _pdf_canvas(buf)
    for i in range(20):
        c.rect(60, 780 - 20 * i, 400 - 7 * i, 8, fill=1)
    c.showPage()
    c.save()
    path = folder / name
    path.write_bytes(buf.getvalue())
    return path


def docx_bytes() -> bytes:
    """A Word file made with python-docx: core title and created date, a source line, the story."""
    import datetime as dt

    import docx
    document = docx.Document()
    document.core_properties.title = HEADLINE
    document.core_properties.author = "Mei Lin"
    document.core_properties.created = dt.datetime(2024, 5, 6, 9, 30)
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph("Source: Valley Industry News")
    for p in STORY:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def write_docx(folder: Path, name: str = "pumps.docx") -> Path:
    """The Word file on disk."""
    path = folder / name
    path.write_bytes(docx_bytes())
    return path


def write_corrupt_docx(folder: Path, name: str = "broken.docx") -> Path:
    """A .docx whose main part is not XML any more (as a failed copy or a crash leaves it)."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as broken:
        for item in source.infolist():
            data = source.read(item)
            broken.writestr(item, b"<w:document><w:body><w:p>cut off" if item.filename == "word/document.xml" else data)
    path = folder / name
    path.write_bytes(buf.getvalue())
    return path


def write_binary_as_html(folder: Path, name: str = "photo.html") -> Path:
    """A PNG image saved under an .html name."""
    path = folder / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return path
