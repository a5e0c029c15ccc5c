"""desk — the front-desk application of a town's guichet unique."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("desk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
