"""Plenary: ``python main.py`` starts the game on the 2014 scenario; ``--help`` lists commands."""
import sys

#: Options after which no window opens (help, or a game played headless at full speed).
NO_WINDOW = {"-h", "--help", "--autoplay"}


def opens_window(args: list[str]) -> bool:
    """The command line starts the game's window: no arguments, or ``play`` without help or
    --autoplay."""
    return not args or (args[0] == "play" and not NO_WINDOW & set(args))


if __name__ == "__main__":
    if opens_window(sys.argv[1:]):
        # the window and the game's name first: loading the game takes a second or more
        from game.ui.splash import show

        show(sys.argv[1:])
    from game.cli import main

    sys.exit(main())
