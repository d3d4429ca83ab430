"""Helpers for reading what a running app shows."""
from __future__ import annotations

from rich.console import Console
from rich.text import Text


def screen_text(app) -> str:
    """The visible screen as plain text, one line per terminal row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def texts_in(renderable) -> list[Text]:
    """Every rich Text inside a renderable (Groups are walked)."""
    if isinstance(renderable, Text):
        return [renderable]
    return [t for child in getattr(renderable, "renderables", []) for t in texts_in(child)]


def styled(text: Text, style: str) -> list[str]:
    """The substrings of `text` that carry `style` as a span."""
    return [text.plain[s.start:s.end] for s in text.spans if str(s.style) == style]


def rendered_text(renderable, width: int) -> str:
    """A Rich renderable as plain text at `width` columns (content scrolled out of view included)."""
    console = Console(width=width, record=True, file=None, color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()
