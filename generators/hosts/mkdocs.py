"""The MkDocs host: MkDocs 1.6 (or ProperDocs, its maintained fork) with Material.

Builds a site source in-process with MkDocs' own `build()`; serves it with
MkDocs' live-reloading server in dirty mode, so a page whose source did not
change is not built again.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
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
    """Serve the site source at `source` with live reload until interrupted.

    Like `mkdocs serve --dirty`, but the site source is watched with the operating
    system's file events instead of a poll every half second, and a burst of writes is
    built 30 ms after it ends instead of 100 ms: the compiler writes each change at once.
    """
    import shutil
    import tempfile

    from mkdocs.livereload import LiveReloadServer, _serve_url

    quiet(logging.INFO)
    site_dir = tempfile.mkdtemp(prefix="playbook-serve-")
    try:
        config = _serve_config(source, site_dir, dev_addr)
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        url = _serve_url(host, port, mount_path)

        def builder(changed: MkDocsConfig | None = None) -> None:
            logging.getLogger("mkdocs").info("Building documentation...")
            current = changed or _serve_config(source, site_dir, dev_addr)
            current.site_url = url
            mkdocs_build(current, serve_url=url, dirty=True)

        server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir,
                                  mount_path=mount_path)
        server.observer = _changes_observer()()
        server.build_delay = 0.03
        builder(config)
        server.watch(str(source / "docs"))
        server.watch(str(source / CONFIG_FILE))
        try:
            server.serve()
        except KeyboardInterrupt:
            logging.getLogger("mkdocs").info("Shutting down...")
        finally:
            server.shutdown()
    except MkDocsException as exc:
        raise HostError(str(exc).strip()) from None
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _changes_observer() -> type:
    """An observer of the operating system's file events that reports changes only: a
    file being opened or read (as MkDocs' build itself does) is no change."""
    import watchdog.events as events
    import watchdog.observers

    changes = [events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent,
               events.FileMovedEvent, events.FileClosedEvent, events.DirCreatedEvent,
               events.DirDeletedEvent, events.DirMovedEvent]

    class ChangesObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
        def schedule(self, handler: Any, path: Any, *, recursive: bool = False,
                     **options: Any) -> Any:
            return super().schedule(handler, path, recursive=recursive, event_filter=changes)

    return ChangesObserver


def _serve_config(source: Path, site_dir: str, dev_addr: str) -> MkDocsConfig:
    return load_config(config_file=str(source / CONFIG_FILE), site_dir=site_dir,
                       dev_addr=dev_addr)


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
