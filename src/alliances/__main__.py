"""``python -m alliances`` runs the command line."""

from alliances.cli import main

main()
