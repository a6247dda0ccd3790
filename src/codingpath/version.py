"""codingpath's version, in a module of its own so that anything (the cache key, `--version`, the
map page's foot) can read it without importing the package's public API."""

__version__ = "0.1.0"
