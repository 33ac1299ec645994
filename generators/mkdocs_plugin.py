"""The MkDocs plugin: compiles the playbook into pages in memory.

Thin on purpose: the pipeline does the work; this module only hands the rendered
files to MkDocs, sets the navigation, adds the site's CSS and JavaScript, and
watches the playbook folder under `mkdocs serve`. Nothing is written into docs/.
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generators import files, output, sanitize, site_assets
from generators.errors import UserError
from generators.pipeline import Checked, collector_paused, compile_playbook
from generators.render import RenderedSite, render_site
from generators.versions import bundle, diff
from generators.wheel import engine_wheel

log = logging.getLogger("mkdocs.plugins.playbook")

#: Site scripts and styles: (package, file name).
ASSETS = (("generators", "assets/playbook.css"), ("generators", "assets/playbook.js"),
          ("assessments", "web/assessment.css"), ("assessments", "web/assessment.js"))
ASSET_DIR = "assets/playbook"


class PlaybookConfig(Config):
    """Options of the `playbook` plugin in mkdocs.yml."""

    playbook_dir = c.Type(str, default="playbook")
    """The playbook folder, relative to mkdocs.yml."""
    templates_dir = c.Optional(c.Type(str))
    """Folder of templates that override the built-in ones (default: <playbook>/templates)."""
    pyodide_dir = c.Optional(c.Type(str))
    """Folder of the pyodide npm package to copy into the site (default: node_modules/pyodide)."""
    pyodide_url = c.Optional(c.Type(str))
    """Load Pyodide from this URL instead of copying it into the site."""


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    """Adds every page of the playbook to the site."""

    def __init__(self) -> None:
        self.site: RenderedSite | None = None
        self.static: list[site_assets.StaticFile] = []
        self.generated: set[str] = set()
        self.runtime: dict[str, Any] = {}
        self.root = Path("playbook")
        self.base = Path(".")
        self.compiled: tuple[Path, Checked] | None = None
        self.inside_playbook_command = False

    def hand_over(self, root: Path, checked: Checked) -> None:
        """Use this compiled playbook for the next build instead of compiling it again.

        Called by `playbook build`, which then reports our errors itself: they are raised
        as they are instead of as MkDocs' `PluginError`.
        """
        self.compiled = (root.resolve(), checked)
        self.inside_playbook_command = True

    def _fail(self, exc: UserError) -> Exception:
        """The exception to raise for `exc` in a hook."""
        if self.inside_playbook_command:
            return exc
        error = PluginError(str(exc))
        error.__cause__ = exc
        return error

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site, self.static = None, []  # per-build state starts empty on every (re)build
        base = self.base = Path(config.config_file_path or ".").parent.resolve()
        # `playbook build --playbook DIR` points the plugin at DIR through the environment.
        override = os.environ.get("PLAYBOOK_DIR")
        self.root = Path(override) if override else (base / self.config.playbook_dir).resolve()
        # Run by `mkdocs build` or mike, MkDocs empties site_dir itself: refuse one that is
        # not a site (under `playbook build` this is a new, empty folder).
        try:
            output.check_site_dir(Path(config.site_dir), output.Protected(
                playbook=self.root, project=base, docs=Path(config.docs_dir)))
        except UserError as exc:
            raise PluginError(str(exc)) from exc
        # `playbook publish` and `playbook build --site-url` set these for one build.
        if os.environ.get("PLAYBOOK_SITE_URL"):
            config.site_url = os.environ["PLAYBOOK_SITE_URL"]
        if os.environ.get("PLAYBOOK_VERSIONED") and "version" not in config.extra:
            config.extra["version"] = {"provider": "mike"}
        for _package, path in ASSETS:
            name = path.rsplit("/", 1)[-1]
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in [str(item) for item in target]:
                target.append(f"{ASSET_DIR}/{name}")
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Runs before MkDocs cleans site_dir: bad content leaves the last build untouched.
        templates = self.config.templates_dir
        template_dir = (self.base / templates) if templates else self.root / "templates"
        template_root, root_name = (self.base, "the project folder") if templates \
            else (self.root, "the playbook folder")
        try:
            checked = self._compiled()
            for warning in checked.warnings:
                log.info(warning.render())
            wheel = engine_wheel()  # built once: its name goes in the pages, its bytes in assets
            runtime = self.runtime = site_assets.runtime_info(checked.playbook, wheel[0],
                                                              self.config.pyodide_url)
            current = bundle.make_bundle(checked.playbook)
            previous = os.environ.get("PLAYBOOK_PREVIOUS_BUNDLE")
            changelog = diff.diff_bundles(bundle.read_bundle(Path(previous)), current) \
                if previous else None
            with collector_paused():
                self.site = render_site(checked.playbook, templates=template_dir,
                                        template_root=template_root, template_root_name=root_name,
                                        docs_pages=_docs_pages(Path(config.docs_dir)),
                                        site_url=config.site_url, runtime=runtime,
                                        use_directory_urls=config.use_directory_urls,
                                        changelog=changelog)
            self.static.append(site_assets.StaticFile(
                bundle.BUNDLE_FILE, bundle.bundle_text(current).encode()))
            pyodide_dir = (self.base / self.config.pyodide_dir if self.config.pyodide_dir
                           else site_assets.find_pyodide(self.base))
            self.static += site_assets.assessment_files(
                checked.playbook, wheel, use_directory_urls=config.use_directory_urls,
                pyodide_dir=pyodide_dir, pyodide_url=self.config.pyodide_url)
        except UserError as exc:
            raise self._fail(exc) from None

    def _compiled(self) -> Checked:
        handed, self.compiled = self.compiled, None  # good for one build only
        if handed is not None and handed[0] == self.root.resolve():
            return handed[1]
        return compile_playbook(self.root)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None, "on_pre_build runs first"
        try:
            _check_docs(files, Path(config.docs_dir), self.base)
        except UserError as exc:
            raise self._fail(exc) from None
        self.generated = set()
        for item in self.site.files:
            if files.get_file_from_path(item.uri) is not None:
                log.info(f"docs/{item.uri} replaces the generated page")
                continue
            files.append(File.generated(config, item.uri, content=item.content))
            self.generated.add(item.uri)
        for package, path in ASSETS:
            content = resources.files(package).joinpath(path).read_bytes()
            name = path.rsplit("/", 1)[-1]
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))
        for static in self.static:
            if static.source is not None:
                files.append(File.generated(config, static.uri, abs_src_path=str(static.source)))
            else:
                files.append(File.generated(config, static.uri, content=static.content or b""))
        if not config.nav:
            config.nav = self.site.nav
        return files

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        # Generated pages carry text from YAML: only safe markup and URLs get through.
        return sanitize.clean_html(html) if page.file.src_uri in self.generated else html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        # Assessment pages start Python from the head, before the theme's scripts run.
        if not page.meta.get("assessment") or not self.runtime or "</head>" not in output:
            return output
        loader = site_assets.early_loader(self.runtime, "../" * page.url.count("/"))
        return output.replace("</head>", loader + "\n</head>", 1)

    def on_post_build(self, config: MkDocsConfig) -> None:
        output.mark_site(Path(config.site_dir))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.root))
        return server


def _check_docs(found: Files, docs_dir: Path, project: Path) -> None:
    """Hand-written files must be regular files inside the project folder: nothing from
    elsewhere is copied into the site, and a FIFO or device cannot make the build hang."""
    for file in found:
        if file.generated_by or not file.abs_src_path or file.src_dir is None \
                or Path(file.src_dir) != docs_dir:
            continue
        why = files.why_unreadable(Path(file.abs_src_path), project, "the project folder")
        if why is not None:
            raise files.refused(Path(file.abs_src_path), *why)


def _docs_pages(docs_dir: Path) -> list[str]:
    if not docs_dir.is_dir():
        return []
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
