"""The command line: `app` is the root command, one module per group of commands.

`main` is the console script (`casefile = casefile.cli:main`); it imports the
commands only when called, so importing this package costs nothing.
"""


def main() -> None:
    """Run the `casefile` command line."""
    from casefile.cli.app import main as run

    run()
