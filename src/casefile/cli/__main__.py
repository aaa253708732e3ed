"""`python -m casefile.cli`: the same command line as the `casefile` script."""

from casefile.cli.app import main

main()
