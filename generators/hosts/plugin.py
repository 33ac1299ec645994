"""The `playbook` MkDocs plugin, for projects that run `mkdocs build` or `mkdocs serve`
directly. Thin on purpose: it runs the same pipeline as `playbook build` and hands
MkDocs the files of the site source; the pages are already safe and complete.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generators import output
from generators.compiler import SiteSource, compile_site
from generators.errors import UserError
from generators.pipeline import Options
from generators.render.assets import theme_urls

log = logging.getLogger("mkdocs.plugins.playbook")


class PlaybookConfig(Config):
    """Options of the `playbook` plugin in mkdocs.yml (`playbook build` reads them too)."""

    playbook_dir = c.Type(str, default="playbook")
    """The playbook folder, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """Folder of templates that override the built-in ones (default: <playbook>/templates)."""
    pyodide_dir = c.Optional(c.Type(str))
    """Folder of the pyodide npm package to copy into the site (default: node_modules/pyodide,
    else the pinned version, downloaded once into the user's cache)."""
    pyodide_url = c.Optional(c.Type(str))
    """Load Pyodide from this URL instead of copying it into the site."""
    python_snapshot = c.Type(bool, default=True)
    """Start Python on assessment pages from a snapshot the build makes with Node (false:
    start it the usual way, and save a first visit 6 MB)."""


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    """Adds every page and asset of the compiled playbook to the site."""

    def __init__(self) -> None:
        self.site: SiteSource | None = None
        self.root = Path("playbook")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        self.root = base / self.config.playbook_dir
        try:
            # MkDocs empties site_dir itself: refuse one that is not a site.
            output.check_site_dir(Path(config.site_dir), output.Protected(
                playbook=self.root, project=base, docs=Path(config.docs_dir)))
            self.site = compile_site(Options(
                self.root, Path(config.config_file_path) if config.config_file_path else None,
                site_url=config.site_url, head_loader=False))
        except UserError as exc:
            raise PluginError(str(exc)) from exc
        for warning in self.site.warnings:
            log.info(warning.render())
        if not config.nav:
            config.nav = self.site.nav
        css, javascript = theme_urls()
        config.extra_css.extend(url for url in css if url not in config.extra_css)
        for script in javascript:
            if isinstance(script, dict):
                entry = c.ExtraScriptValue(script["path"])
                entry.type = script.get("type", "")
            else:
                entry = c.ExtraScriptValue(script)
            if str(entry) not in [str(item) for item in config.extra_javascript]:
                config.extra_javascript.append(entry)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None, "on_config runs first"
        for item in self.site.files:
            if files.get_file_from_path(item.uri) is not None:
                continue  # a hand-written page of the same path wins
            if item.source is not None:
                files.append(File.generated(config, item.uri, abs_src_path=str(item.source)))
            else:
                files.append(File.generated(config, item.uri, content=item.data()))
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        output.mark_site(Path(config.site_dir))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.root))
        return server
