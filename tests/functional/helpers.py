"""Helpers for reading what a running app shows, through public APIs only."""
from __future__ import annotations

import html
import re

from rich.console import Console
from rich.text import Text
from textual.notifications import Notify

# One <text> element of Textual's SVG screenshot: its x position, its terminal line, its characters.
_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                       r'clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>')
_CHAR_WIDTH = 0.61 * 20  # Rich's export_svg: char_width = 0.61 * font_size (20)


def screen_text(app) -> str:
    """The visible screen as plain text, one line per terminal row (read from app.export_screenshot)."""
    lines: dict[int, list[str]] = {}
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _CHAR_WIDTH)
        row = lines.setdefault(int(line), [])
        chars = html.unescape(text).replace("\xa0", " ")
        if len(row) < column:
            row.extend(" " * (column - len(row)))
        row[column:column + len(chars)] = list(chars)
    return "\n".join("".join(lines.get(i, [])).rstrip() for i in range(max(lines, default=-1) + 1))


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


class Notes(list):
    """Pass as run_test(message_hook=notes): collects the messages of every notification."""

    def __call__(self, message) -> None:
        if isinstance(message, Notify):
            self.append(message.notification.message)


async def shown_text(pilot, selection) -> str:
    """Jump to `selection` (a tui Selection) and return the screen as plain text."""
    pilot.app.jump_to(selection)
    await pilot.pause()
    return screen_text(pilot.app)


async def rank_from_figure(pilot, figure_id: str):
    """Open the ranking as a user does, with m on a figure's results, and return the screen shown."""
    from tui.state import Selection
    from tui.widgets.results import ResultsTable
    pilot.app.jump_to(Selection("figure", figure_id))
    pilot.app.screen.query_one(ResultsTable).focus()
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    return pilot.app.screen
