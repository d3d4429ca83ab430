"""`python -m tui` runs the mfg-explore command line."""
from .cli import main

main()
