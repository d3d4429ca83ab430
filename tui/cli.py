"""The `mfg-explore` command line: a thin typer layer over the `store` library."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import orjson
import typer
from rich.console import Console

from store.build import build as build_store
from store.build import default_store_path, ingest as ingest_files
from store.documents import InputError
from store.storage import StoreFileError

from . import cli_render as render

app = typer.Typer(help="Explore what news reports say about China's regional manufacturing.",
                  no_args_is_help=False, add_completion=False, rich_markup_mode=None)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
_top_level: dict[str, Optional[Path]] = {"store": None}  # the --store given before the command
StoreOpt = typer.Option(None, "--store", help="Store file (default: $MFG_EXPLORE_STORE or the user data dir).")


def fail(message: str) -> None:
    """Print one error line to stderr and exit 1."""
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(1)


def target(store: Optional[Path]) -> Path:
    """The store path: this command's --store, else the top-level --store, else the default."""
    return store or _top_level["store"] or default_store_path()


def open_store(path: Optional[Path]):
    """Load the store, building it from the bundled seeds on first use."""
    from store.api import Store
    try:
        return Store.open(target(path))
    except (StoreFileError, InputError) as exc:
        fail(str(exc))


@app.callback(invoke_without_command=True)
def main_callback(ctx: typer.Context, store: Optional[Path] = StoreOpt) -> None:
    """With no command, open the explorer."""
    _top_level["store"] = store
    if ctx.invoked_subcommand is None:
        explore(store)


@app.command()
def explore(store: Optional[Path] = StoreOpt) -> None:
    """Open the terminal explorer."""
    from .app import run_app
    run_app(target(store))


def _report(report, verb: str) -> None:
    """Print a build/ingest report: errors on stderr, counts on stdout; exit 1 on any error."""
    for line in report.errors:
        err.print(f"error: {line}", markup=False)
    if report.counts:
        counts = ", ".join(f"{n} {t}" for t, n in report.counts.items())
        out.print(f"{verb} {report.documents} documents: {counts}", markup=False)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def build(paths: list[Path] = typer.Argument(None, help="Files or folders (default: bundled seeds)."),
          store: Optional[Path] = StoreOpt) -> None:
    """(Re)build the store from PATHS, or from the bundled seeds."""
    path = target(store)
    try:
        with render.progress_bar(err) as advance:
            report = build_store(path, list(paths) if paths else None, advance)
    except StoreFileError as exc:
        fail(str(exc))
    _report(report, f"built {path} from")


@app.command()
def ingest(files: list[Path] = typer.Argument(..., help="Article files or folders to add."),
           store: Optional[Path] = StoreOpt) -> None:
    """Add your own articles to the existing store."""
    path = target(store)
    try:
        with render.progress_bar(err) as advance:
            report = ingest_files(path, list(files), advance)
    except StoreFileError as exc:
        fail(str(exc))
    _report(report, "store now holds")


@app.command()
def search(query: str, kind: Optional[str] = typer.Option(None, "--kind", "-k", help="company, region or figure."),
           limit: int = typer.Option(20, "--limit", "-n", min=1), as_json: bool = typer.Option(False, "--json"),
           store: Optional[Path] = StoreOpt) -> None:
    """Ranked, typo-tolerant search over companies, regions and figures."""
    if kind and kind not in ("company", "region", "figure"):
        fail(f"--kind {kind!r} is not one of company, region, figure")
    results = open_store(store).search(query, kind, limit)
    if as_json:
        sys.stdout.write(orjson.dumps([r.__dict__ for r in results], option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    if not results:
        fail(f"nothing matches {query!r}; try fewer words or a kind prefix like company:")
    out.print(render.results_table(results))


@app.command()
def show(name: str, store: Optional[Path] = StoreOpt) -> None:
    """An entity's card: aliases, region, figures with their sentences."""
    st = open_store(store)
    entity_id = render.resolve(st, name, fail)
    out.print(render.entity_card(st, entity_id))


@app.command()
def stats(store: Optional[Path] = StoreOpt) -> None:
    """Counts per table and per document."""
    out.print(render.stats_tables(open_store(store).stats()))


@app.command()
def dump(store: Optional[Path] = StoreOpt,
         as_json: bool = typer.Option(True, "--json/--no-json", help="JSON on stdout (the only format).")) -> None:
    """The whole store as JSON on stdout (the shape the shared scorer reads)."""
    from store.export_json import dump_store
    sys.stdout.write(orjson.dumps(dump_store(open_store(store)), option=orjson.OPT_INDENT_2).decode() + "\n")


def main() -> None:
    """Console-script entry point."""
    app()


from . import cli_compare  # noqa: E402,F401  (registers compare/export on app)
