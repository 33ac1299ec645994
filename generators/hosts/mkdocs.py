"""The MkDocs host: MkDocs 1.6 (or ProperDocs, its maintained fork) with Material.

Builds a site source in-process with MkDocs' own `build()`; serves it with
MkDocs' live-reloading server in dirty mode, so a page whose source did not
change is not built again.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generators.errors import printable
from generators.hosts import HostError
from generators.source import CONFIG_FILE


def notes(plugins: list[str]) -> list[str]:
    """Nothing to warn about: MkDocs runs every plugin of the config."""
    return []


def build(source: Path, out: Path, *, strict: bool = True) -> None:
    """Build the site source at `source` into the folder `out`."""
    quiet()
    try:
        config = load_config(config_file=str(source / CONFIG_FILE), site_dir=str(out),
                             strict=strict)
        mkdocs_build(config)
    except MkDocsException as exc:
        raise HostError(str(exc).strip() or "the site build failed") from None


def serve(source: Path, dev_addr: str) -> None:
    """Serve the site source at `source` with live reload until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    quiet(logging.INFO)
    try:
        mkdocs_serve(config_file=str(source / CONFIG_FILE), dev_addr=dev_addr, livereload=True,
                     build_type="dirty")
    except MkDocsException as exc:
        raise HostError(str(exc).strip()) from None


class _EscapingFormatter(logging.Formatter):
    """MkDocs' messages quote file names and text: control characters show as escapes."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record), one_line=False)


def quiet(level: int = logging.WARNING) -> None:
    """Show MkDocs' warnings (and more when asked) on stderr, once."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_playbook", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_EscapingFormatter("%(levelname)-7s -  %(message)s"))
        handler._playbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
