"""`python -m codingpath` runs the CLI."""

from codingpath.cli import main

main()
