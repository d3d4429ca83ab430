"""`build` and `ingest`: put articles into the store."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

import store as lib

from . import render
from .common import StoreOption, err, out, say_error, store_path

GlobOption = Annotated[Optional[str], typer.Option(
    "--glob", metavar="PATTERN", show_default=False,
    help="In folders, read only files matching PATTERN (e.g. '*.pdf' or '2024/*').")]


def _report(report: lib.BuildReport, verb: str) -> None:
    """Print a build/ingest report: notes and errors on stderr, counts on stdout; exit 1 on any error."""
    for line in report.notes:
        err.print(f"note: {lib.one_line(line)}", markup=False)
    for line in report.errors:
        say_error(line)
    if report.counts:
        counts = ", ".join(f"{n} {t}" for t, n in report.counts.items())
        out.print(f"{verb} {report.documents} documents: {counts}", markup=False)
    if report.errors:
        raise typer.Exit(1)


def build(ctx: typer.Context,
          paths: Annotated[Optional[list[Path]], typer.Argument(
              metavar="PATH", show_default=False,
              help="Article files or folders, '-' for standard input (default: the bundled seeds).")] = None,
          glob: GlobOption = None,
          store: StoreOption = None) -> None:
    """(Re)build the store from PATHs, or from the bundled seeds."""
    path = store_path(ctx, store)
    with render.progress_bar(err) as advance:
        report = lib.build(path, list(paths) if paths else None, advance, glob=glob)
    _report(report, f"built {lib.one_line(str(path))} from")


def ingest(ctx: typer.Context,
           files: Annotated[list[Path], typer.Argument(
               metavar="PATH", show_default=False,
               help="Article files or folders to add ('-' reads standard input).")],
           glob: GlobOption = None,
           store: StoreOption = None) -> None:
    """Add your own articles (.txt, .md, .html, .pdf, .docx) to the store (the rest is kept)."""
    with render.progress_bar(err) as advance:
        report = lib.ingest(store_path(ctx, store), list(files), advance, glob=glob)
    _report(report, "store now holds")
