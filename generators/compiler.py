"""Compile a playbook into a complete site source, in memory: read top to bottom.

    load -> check -> render (pages, calendars, assets) -> host config

`Compiler.compile()` is the one function that does it; `compile_site()` runs it once
from scratch. `pipeline.build()` writes what it returns and has an engine build it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generators import files, pyodide, site_address, source_config
from generators.check import Checked, collector_paused, compile_playbook
from generators.errors import Problem
from generators.files import SiteFile
from generators.pipeline import Options
from generators.pyodide.snapshot import engine_snapshot, snapshot_name
from generators.render import render_site
from generators.render.assets import (
    PROBLEMS_URI,
    THEME_MAIN,
    assessment_files,
    cache_worker_url,
    head_override,
    needs_engine,
    runtime_info,
    shared_runtime,
    snapshot_file,
    theme_files,
    theme_urls,
)
from generators.render.cache import RenderCache
from generators.render.edit_links import EditLinks, theme_overrides
from generators.render.graph import Graph, References
from generators.render.wheel import engine_wheel
from generators.source import THEME_FOLDER, source_folder
from generators.source_config import HostConfig
from generators.validate import FileCache
from generators.versions.bundle import BUNDLE_FILE, bundle_text, make_bundle
from generators.versions.diff import diff_bundles


@dataclass
class SiteSource:
    """A complete site source, in memory."""

    checked: Checked
    config: HostConfig
    files: list[SiteFile]
    nav: list[Any]
    config_text: str
    warnings: list[Problem] = field(default_factory=list)
    theme: list[SiteFile] = field(default_factory=list)
    """Theme overrides: the user's own (`theme.custom_dir`), and ours."""
    shared_runtime: list[SiteFile] = field(default_factory=list)
    """With `Options.shared_runtime`: the Pyodide the site's pages load, by its path on
    the pages branch (outside the version's folder), for `publish` to put there."""


def compile_site(options: Options, config: HostConfig | None = None) -> SiteSource:
    """Compile the playbook into a site source, from scratch (raises `UserError` on any
    problem)."""
    return Compiler(options, remember=False).compile(config)


class Compiler:
    """Compiles one playbook into a site source, again and again if need be.

    `playbook serve` keeps one: each compile then reads only the files that changed and
    renders only the pages and calendars whose content changed. What it returns is the
    same as a fresh compile of the same files.
    """

    def __init__(self, options: Options, *, remember: bool = True,
                 folder: Path | None = None) -> None:
        self.options = options
        self.files = FileCache() if remember else None
        # With the site source folder, pages written there before are reused when their
        # fingerprint is the same (`playbook build` after a small change).
        self.pages = RenderCache(folder) if remember else None
        self.references: References | None = {} if remember else None
        self.wheel = engine_wheel()
        self.snapshots: dict[Path, tuple[str, bytes] | None] = {}

    def snapshot(self, pyodide_dir: Path) -> tuple[str, bytes] | None:
        """`(file name, bytes)` of Python's snapshot with the engine imported, under the
        runtime in `pyodide_dir` (made once per compiler; None without Node)."""
        if pyodide_dir not in self.snapshots:
            made = engine_snapshot(pyodide_dir, self.wheel)
            self.snapshots[pyodide_dir] = None if made is None else (
                snapshot_name(self.wheel[0], pyodide.version_of(pyodide_dir)), made)
        return self.snapshots[pyodide_dir]

    def written(self) -> None:
        """The site source was written: keep the pages' fingerprints beside it."""
        if self.pages is not None:
            self.pages.save()

    def compile(self, config: HostConfig | None = None) -> SiteSource:
        """The site source of the playbook as its files are now."""
        options = self.options
        # 1. The host config: the user's mkdocs.yml (or the built-in one).
        config = config or source_config.read_config(
            source_config.find_config(options.config_file))
        # 2. Load and check the playbook: every file, every reference, every lint rule.
        checked = compile_playbook(options.playbook, self.files)
        playbook = checked.playbook
        # 3. The data bundle of this version, and what changed since the previous one.
        bundle = make_bundle(playbook)
        changelog = diff_bundles(options.previous, bundle) if options.previous else None
        # 4. Where assessment pages find the engine (a wheel) and Pyodide: a copy in the
        #    site (downloaded into the user's cache first when there is none), or, for a
        #    published version, the copy all versions share.
        pyodide_url = config.plugin.get("pyodide_url")
        pyodide_dir = pyodide.runtime_folder(
            config.pyodide_dir(), fetch=options.fetch_pyodide, project=config.folder,
        ) if needs_engine(playbook) and not pyodide_url else None
        shared: list[SiteFile] = []
        if options.shared_runtime and pyodide_dir is not None:
            pyodide_url, shared = shared_runtime(pyodide_dir)
        worker = cache_worker_url(pyodide.version_of(pyodide_dir) if pyodide_dir else None,
                                  shared=bool(shared))
        made = (self.snapshot(pyodide_dir)
                if pyodide_dir is not None and config.python_snapshot() else None)
        snapshot, snapshot_site_file = None, None
        if made is not None and pyodide_dir is not None:
            snapshot, placed = snapshot_file(*made, pyodide_dir, shared=bool(shared))
            if shared:  # beside the shared runtime, before the worker (which goes last)
                shared.insert(len(shared) - 1, placed)
            else:
                snapshot_site_file = placed
        runtime = runtime_info(playbook, self.wheel[0], pyodide_url, worker, snapshot)
        # 5. Every page and calendar; text from YAML is made inert as it is printed.
        graph = Graph(playbook, self.references)
        docs = hand_written(config, config.docs_dir)
        custom = hand_written(config, config.custom_dir)
        in_head = options.head_loader and THEME_MAIN not in custom
        templates, root, root_name = config.templates(options.playbook)
        # "Edit this page" leads to the YAML file a page is made from, when the config
        # names the repository.
        edit_links = EditLinks.of(config.data, config.docs_dir or config.folder / "docs")
        with collector_paused():
            rendered = render_site(playbook, templates=templates, template_root=root,
                                   template_root_name=root_name,
                                   docs_pages=[uri for uri in docs if uri.endswith(".md")],
                                   site_url=options.site_url or config.data.get("site_url"),
                                   runtime=runtime, use_directory_urls=config.use_directory_urls,
                                   changelog=changelog, cache=self.pages, graph=graph,
                                   loader_in_page=not in_head, edit_links=edit_links)
        # 6. Assets: the site's CSS and JavaScript, the bundle, and what assessments load.
        site_files = [*rendered.files, *theme_files(),
                      SiteFile(BUNDLE_FILE, bundle_text(bundle)),
                      *assessment_files(playbook, self.wheel,
                                        use_directory_urls=config.use_directory_urls,
                                        pyodide_dir=pyodide_dir, pyodide_url=pyodide_url,
                                        cache_worker=worker, graph=graph,
                                        snapshot=snapshot, snapshot_file=snapshot_site_file),
                      # 7. Hand-written pages last: one replaces a generated page of its path.
                      *(SiteFile(uri, source=path) for uri, path in docs.items())]
        # 8. Theme overrides: the user's, and ours that starts Pyodide from the page head.
        theme = [SiteFile(uri, source=path) for uri, path in custom.items()]
        loader = in_head and needs_engine(playbook)
        # A published version tells its readers when a newer one exists.
        version = playbook.manifest.version if (
            options.versioned and THEME_MAIN not in custom and playbook.manifest) else None
        if loader or version:
            theme.append(SiteFile(THEME_MAIN, head_override(runtime if loader else None,
                                                            version)))
        if edit_links is not None or config.data.get("repo_url"):
            theme += [SiteFile(uri, text) for uri, text in theme_overrides(custom).items()]
        # 9. The host config, with the navigation and our settings merged in.
        css, javascript = theme_urls()
        if options.serving:
            javascript.append(PROBLEMS_URI)
        config_text = source_config.merged(
            config, source_folder(config.folder), nav=rendered.nav, css=css,
            javascript=javascript, versioned=options.versioned,
            # A published site has the address it is given; any other is built for one
            # that works (see `site_address`).
            site_url=options.site_url if options.versioned else site_address.for_build(
                options.site_url, config.data.get("site_url")),
            outdated_banner=version is not None,
            custom_dir=THEME_FOLDER if theme else None,
            site_name=playbook.manifest.title if playbook.manifest else "Playbook")
        return SiteSource(checked, config, site_files, rendered.nav, config_text,
                          checked.warnings, theme, shared)


def hand_written(config: HostConfig, docs: Path | None) -> dict[str, Path]:
    """The hand-written files of a folder (the docs, the theme overrides), by relative
    path. Each must be a regular file inside the project folder: nothing from elsewhere
    is copied into the site, and a FIFO or a device cannot make the build hang."""
    if docs is None or not docs.is_dir():
        return {}
    found = {}
    for path in sorted(docs.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        why = files.why_unreadable(path, config.folder, "the project folder")
        if why is not None:
            raise files.refused(path, *why)
        found[path.relative_to(docs).as_posix()] = path
    return found
