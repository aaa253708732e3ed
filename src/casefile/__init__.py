"""casefile: sourced case files on people persecuted across borders, from news reports."""

__version__ = "0.1.0"
