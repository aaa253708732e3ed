"""The command line: `app` is the root command, one module per group of commands."""
