"""`playbook build` and `playbook serve`: run MkDocs with the playbook plugin.

The site folder is checked first (`generators.output`: a build replaces only a
site it built). The site is built into a temporary folder beside the target and
swapped in only when the whole build succeeded, so a failed build leaves the
previous site as it was. Without an mkdocs.yml, a built-in configuration is
used, so any playbook folder can be built on its own.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generators import files, output
from generators.errors import UserError, display_path, os_error_message, printable
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


class SiteError(UserError):
    """The site could not be built; the message says why."""


def find_config(config_file: Path | None) -> Path | None:
    """The MkDocs config the user gave, else ./mkdocs.yml when there is one, else None
    (the built-in one). It must be a regular file: a FIFO or a device would hang MkDocs."""
    if config_file is None:
        if not os.path.lexists("mkdocs.yml"):
            return None
        config_file = Path("mkdocs.yml")
    why = files.why_unreadable(config_file, config_file.parent, "the project folder")
    if why is not None:
        raise files.refused(config_file, *why)
    return config_file


def project_folder(config_file: Path | None) -> Path:
    """The folder of the config file: docs and templates named in it must lie inside."""
    return config_file.parent if config_file is not None else Path(".")


@contextlib.contextmanager
def site_config(config_file: Path | None, playbook_dir: Path) -> Iterator[Path]:
    """The MkDocs config to use, with the playbook folder set for the plugin."""
    previous = os.environ.get(PLAYBOOK_DIR_ENV)
    os.environ[PLAYBOOK_DIR_ENV] = str(playbook_dir.resolve())
    try:
        config_file = find_config(config_file)
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
               *, strict: bool = True, site_url: str | None = None,
               force: bool = False) -> float:
    """Build the site into `site_dir`, atomically; returns the seconds it took.

    Refuses a `site_dir` a build may not replace (see `generators.output`; `force`
    allows a non-empty folder that is no site). Raises `ContentError` (before
    touching anything) when the playbook has errors.
    """
    _quiet_mkdocs()
    started = time.perf_counter()
    project = project_folder(find_config(config_file))
    with site_config(config_file, playbook_dir) as config_path:
        config = load(config_path, site_url=site_url, strict=strict)
        output.check_site_dir(site_dir, protected(config, playbook_dir, project), force=force)
        checked = compile_playbook(playbook_dir)
        try:
            staging = output.staging_dir(site_dir)
        except OSError as exc:
            raise _write_error(site_dir, exc) from None
        try:
            config["site_dir"] = str(staging)
            for plugin in config.plugins.values():  # the playbook is compiled already
                if isinstance(plugin, PlaybookPlugin):
                    plugin.hand_over(playbook_dir, checked)
            _run_mkdocs(config)
            output.mark_site(staging)
            output.swap_in(staging, site_dir)
        except OSError as exc:
            output.discard(staging)
            raise _write_error(site_dir, exc) from None
        except BaseException:
            output.discard(staging)
            raise
    return time.perf_counter() - started


def _write_error(site_dir: Path, exc: OSError) -> SiteError:
    """A failure to write the site (full disk, read-only folder...), named by the site
    folder, not by whichever file was being copied when it happened."""
    exc.filename = None
    return SiteError(f"{display_path(site_dir)}: the site could not be written: "
                     f"{os_error_message(exc)}; the previous site is unchanged")


def load(config_path: Path, *, site_url: str | None = None, strict: bool = True,
         own_site_dir: bool = False) -> MkDocsConfig:
    """The MkDocs config. Unless `own_site_dir`, its site folder is a placeholder until the
    real one is checked (MkDocs checks it against the docs folder as it loads)."""
    overrides: dict[str, str] = {"site_url": site_url} if site_url else {}
    if not own_site_dir:
        overrides["site_dir"] = str(Path(tempfile.gettempdir()) / "playbook-site-not-chosen-yet")
    try:
        return load_config(config_file=str(config_path), strict=strict, **overrides)
    except MkDocsException as exc:
        raise SiteError(str(exc).strip() or "the configuration cannot be read") from None


def protected(config: MkDocsConfig, playbook_dir: Path, project: Path) -> output.Protected:
    """The folders a build of this config may never replace."""
    return output.Protected(playbook=playbook_dir, project=project,
                            docs=Path(config.docs_dir))


def _run_mkdocs(config: MkDocsConfig) -> None:
    """MkDocs' build. Our plugin raises its own errors as they are (see `hand_over`)."""
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise SiteError(str(exc).strip() or "the site build failed") from None


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


class _EscapingFormatter(logging.Formatter):
    """MkDocs' messages quote file names and text: control characters show as escapes."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record), one_line=False)


def _quiet_mkdocs(level: int = logging.WARNING) -> None:
    """Show MkDocs' warnings (and more when asked) on stderr, once."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_playbook", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_EscapingFormatter("%(levelname)-7s -  %(message)s"))
        handler._playbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
