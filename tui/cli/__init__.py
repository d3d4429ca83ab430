"""The `mfg-explore` command line: a thin typer layer over the `store` façade.

Each module holds one group of commands; this one assembles them, so no command module
imports another and there is no import cycle.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Annotated, Optional

import typer

from . import browse, corpus, decisions, documents, repair, saved, views
from .common import ErrorHandlingGroup, PlainCommand, StoreOption, existing_store_path

app = typer.Typer(help="Explore what news reports say about China's regional manufacturing.",
                  cls=ErrorHandlingGroup, no_args_is_help=False, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]})


def _version(value: bool) -> None:
    """Print the installed version and stop."""
    if value:
        try:
            typer.echo(f"mfg-explore {version('mfg-explore')}")
        except PackageNotFoundError:
            typer.echo("mfg-explore (not installed)")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_callback(ctx: typer.Context, store: StoreOption = None,
                  show_version: Annotated[Optional[bool], typer.Option(
                      "--version", callback=_version, is_eager=True,
                      help="Print the version and exit.")] = None) -> None:
    """With no command, open the explorer."""
    ctx.obj = {"store": store}
    if ctx.invoked_subcommand is None:
        explore(ctx, store)


@app.command(cls=PlainCommand)
def explore(ctx: typer.Context, store: StoreOption = None) -> None:
    """Open the terminal explorer."""
    from ..app import run_app  # Textual loads only when the explorer opens
    from ..keymap import load_keymap
    path = existing_store_path(ctx, store)
    run_app(path, load_keymap())


for command in (corpus.build, corpus.ingest, browse.search, browse.show, browse.stats,
                browse.dump, documents.docs, documents.remove, views.compare, views.export,
                saved.saved, decisions.merge, decisions.split, decisions.fix, decisions.decisions,
                repair.repair):
    app.command(cls=PlainCommand)(command)


def main() -> None:
    """Console-script entry point."""
    app()
