"""Plenary: ``python main.py`` starts the game on the 2014 scenario; ``--help`` lists commands."""
import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
