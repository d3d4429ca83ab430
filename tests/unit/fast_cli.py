"""The CLI as one click command built once: typer's CliRunner builds it again on every call
(~90 ms), which matters for tests that run every command against many stores."""
import typer
from click.testing import CliRunner

from tui.cli import app

COMMAND = typer.main.get_command(app)


def run(args, **kwargs):
    """Invoke `mfg-explore ARGS...` in process; stdout and stderr apart, as typer's runner has them."""
    return CliRunner().invoke(COMMAND, [str(a) for a in args], **kwargs)
