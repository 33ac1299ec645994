"""Helpers for the site tests; the built site itself is a fixture of tests/conftest.py."""

from tests.conftest import mkdocs

__all__ = ["mkdocs"]
