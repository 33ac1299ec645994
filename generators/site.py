"""`playbook build` and `playbook serve`: run MkDocs with the playbook plugin.

The site is built into a temporary folder beside the target and swapped in only
when the whole build succeeded, so a failed build leaves the previous site as it
was. Without an mkdocs.yml, a built-in configuration is used, so any playbook
folder can be built on its own.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generators.mkdocs_plugin import PlaybookPlugin
from generators.pipeline import compile_playbook

PLAYBOOK_DIR_ENV = "PLAYBOOK_DIR"

DEFAULT_CONFIG = """\
site_name: Team Playbook
docs_dir: docs
theme:
  name: material
  font: false
  features: [navigation.instant, navigation.tabs, navigation.sections, navigation.indexes,
             navigation.prune, navigation.top, search.highlight]
plugins: [search, tags, playbook]
markdown_extensions:
  - toc: {permalink: true}
  - tables
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.details
"""


class SiteError(Exception):
    """The site could not be built; the message says why."""


@contextlib.contextmanager
def site_config(config_file: Path | None, playbook_dir: Path) -> Iterator[Path]:
    """The MkDocs config to use, with the playbook folder set for the plugin."""
    previous = os.environ.get(PLAYBOOK_DIR_ENV)
    os.environ[PLAYBOOK_DIR_ENV] = str(playbook_dir.resolve())
    try:
        if config_file is None and Path("mkdocs.yml").is_file():
            config_file = Path("mkdocs.yml")
        if config_file is not None:
            yield config_file
        else:
            with tempfile.TemporaryDirectory(prefix="playbook-config-") as tmp:
                (Path(tmp) / "docs").mkdir()
                (Path(tmp) / "mkdocs.yml").write_text(DEFAULT_CONFIG, encoding="utf-8")
                yield Path(tmp) / "mkdocs.yml"
    finally:
        if previous is None:
            os.environ.pop(PLAYBOOK_DIR_ENV, None)
        else:
            os.environ[PLAYBOOK_DIR_ENV] = previous


def build_site(playbook_dir: Path, site_dir: Path, config_file: Path | None = None,
               *, strict: bool = True, site_url: str | None = None) -> float:
    """Build the site into `site_dir`, atomically; returns the seconds it took.

    Raises `ContentError` (before touching anything) when the playbook has errors.
    """
    _quiet_mkdocs()
    started = time.perf_counter()
    checked = compile_playbook(playbook_dir)
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        with site_config(config_file, playbook_dir) as config_path:
            overrides = {"site_url": site_url} if site_url else {}
            config = load_config(config_file=str(config_path), site_dir=str(staging),
                                 strict=strict, **overrides)
            for plugin in config.plugins.values():  # the playbook is compiled already
                if isinstance(plugin, PlaybookPlugin):
                    plugin.hand_over(playbook_dir, checked)
            mkdocs_build(config)
        _swap(staging, site_dir)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteError(str(exc).strip() or "the site build failed") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return time.perf_counter() - started


def _swap(staging: Path, site_dir: Path) -> None:
    """Put the new build in place of the old one with two renames."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def serve_site(playbook_dir: Path, config_file: Path | None = None,
               dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve the site with live reload until interrupted."""
    from mkdocs.commands.serve import serve

    _quiet_mkdocs(logging.INFO)
    compile_playbook(playbook_dir)  # report content errors plainly before starting
    with site_config(config_file, playbook_dir) as config_path:
        try:
            serve(config_file=str(config_path), dev_addr=dev_addr, livereload=True)
        except MkDocsException as exc:
            raise SiteError(str(exc).strip()) from None


def _quiet_mkdocs(level: int = logging.WARNING) -> None:
    """Show MkDocs' warnings (and more when asked) on stderr, once."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_playbook", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._playbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
