"""The compiler, read top to bottom: a playbook in, a site source out, a host builds it.

    load -> check -> render -> write the site source -> a host builds it -> (publish)

`compile_site()` turns a playbook into a complete site source in memory: pages,
calendars, assets, navigation and the host's config. `build()` writes it to the
build area (changed files only) and has a host build the site, which replaces the
old one only when it is complete. The CLI, the MkDocs plugin and `publish` all
go through these two functions; options travel as arguments.
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generators import files, output, source_config
from generators.check import Checked, collector_paused, compile_playbook
from generators.errors import Problem
from generators.hosts import engine
from generators.render import render_site
from generators.render.assets import (
    PROBLEMS_URI,
    THEME_MAIN,
    assessment_files,
    find_pyodide,
    head_override,
    runtime_info,
    theme_files,
    theme_urls,
)
from generators.render.cache import RenderCache, compiler_digest, digest
from generators.render.graph import Graph, References
from generators.render.page import SiteFile
from generators.render.wheel import engine_wheel
from generators.source import (
    INPUTS,
    THEME_FOLDER,
    inputs_digest,
    is_current,
    record_inputs,
    source_folder,
    write_site_source,
)
from generators.source_config import HostConfig
from generators.validate import FileCache
from generators.versions.bundle import BUNDLE_FILE, bundle_text, make_bundle
from generators.versions.diff import diff_bundles


@dataclass(frozen=True)
class Options:
    """What to compile, and for which site."""

    playbook: Path
    config_file: Path | None = None
    """The user's mkdocs.yml; None: ./mkdocs.yml if there is one, else the built-in one."""
    site_url: str | None = None
    versioned: bool = False
    """Built for `publish`: the version selector is on."""
    previous: dict[str, Any] | None = None
    """The bundle of the previous version: the site gets a "What changed" page."""
    serving: bool = False
    """Built for `playbook serve`: pages load the script that shows problems."""
    head_loader: bool = True
    """Assessment pages start Pyodide from the page head, through a theme override in
    the site source (the MkDocs plugin, which has no site source, asks for the page)."""


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
        # 4. Where assessment pages find the engine (a wheel) and Pyodide.
        pyodide_url = config.plugin.get("pyodide_url")
        runtime = runtime_info(playbook, self.wheel[0], pyodide_url)
        # 5. Every page and calendar; text from YAML is made inert as it is printed.
        graph = Graph(playbook, self.references)
        docs = hand_written(config, config.docs_dir)
        custom = hand_written(config, config.custom_dir)
        in_head = options.head_loader and THEME_MAIN not in custom
        templates, root, root_name = config.templates(options.playbook)
        with collector_paused():
            rendered = render_site(playbook, templates=templates, template_root=root,
                                   template_root_name=root_name,
                                   docs_pages=[uri for uri in docs if uri.endswith(".md")],
                                   site_url=options.site_url or config.data.get("site_url"),
                                   runtime=runtime, use_directory_urls=config.use_directory_urls,
                                   changelog=changelog, cache=self.pages, graph=graph,
                                   loader_in_page=not in_head)
        # 6. Assets: the site's CSS and JavaScript, the bundle, and what assessments load.
        pyodide_dir = (config.folder / config.plugin["pyodide_dir"]
                       if config.plugin.get("pyodide_dir") else find_pyodide(config.folder))
        site_files = [*rendered.files, *theme_files(),
                      SiteFile(BUNDLE_FILE, bundle_text(bundle)),
                      *assessment_files(playbook, self.wheel,
                                        use_directory_urls=config.use_directory_urls,
                                        pyodide_dir=pyodide_dir, pyodide_url=pyodide_url,
                                        graph=graph),
                      # 7. Hand-written pages last: one replaces a generated page of its path.
                      *(SiteFile(uri, source=path) for uri, path in docs.items())]
        # 8. Theme overrides: the user's, and ours that starts Pyodide from the page head.
        theme = [SiteFile(uri, source=path) for uri, path in custom.items()]
        if in_head and playbook.of("assessment"):
            theme.append(SiteFile(THEME_MAIN, head_override(runtime)))
        # 9. The host config, with the navigation and our settings merged in.
        css, javascript = theme_urls()
        if options.serving:
            javascript.append(PROBLEMS_URI)
        config_text = source_config.merged(
            config, source_folder(config.folder), nav=rendered.nav, css=css,
            javascript=javascript, site_url=options.site_url, versioned=options.versioned,
            custom_dir=THEME_FOLDER if theme else None)
        return SiteSource(checked, config, site_files, rendered.nav, config_text,
                          checked.warnings, theme)


#: Inside the build area: sites that builds replaced, deleted during the next build.
TRASH = "trash"


@dataclass
class Built:
    """What a build did: how long it took, and what the user should know."""

    seconds: float
    warnings: list[str]
    pages: int


def build(options: Options, site_dir: Path, *, engine_name: str = "mkdocs",
          force: bool = False) -> Built:
    """Build the site into `site_dir` with a host."""
    started = time.perf_counter()
    host = engine(engine_name)
    config = source_config.read_config(source_config.find_config(options.config_file))
    notes = host.notes(config.plugin_names())
    # 1. Refuse a site folder a build may not replace, before any work.
    output.check_site_dir(site_dir, protected(config, options.playbook), force=force)
    # 2. Compile the playbook into a site source, in memory (pages whose content did not
    #    change since the last build are taken from it, not rendered again), unless
    #    nothing it is made from changed since it was last written...
    folder = source_folder(config.folder)
    inputs = inputs_digest(_inputs(options, config), _settings(options))
    pages = is_current(folder, inputs)
    if pages is None:
        compiler = Compiler(options, folder=folder)
        site = compiler.compile(config)
        # 3. ...and write it into the build area: only the files that changed.
        (folder / INPUTS).unlink(missing_ok=True)
        write_site_source(folder, site.files, site.config_text, site.theme)
        compiler.written()
        pages = sum(1 for item in site.files if item.uri.endswith(".md"))
        record_inputs(folder, inputs, pages)
        del site, compiler
    # 4. The host builds it into a new folder beside the site folder (meanwhile the
    #    sites earlier builds replaced are deleted)...
    try:
        staging = output.staging_dir(site_dir)
    except OSError as exc:
        raise output.write_error(site_dir, exc) from None
    trash = folder.parent / TRASH
    emptying = threading.Thread(target=output.empty_trash, args=(trash,))
    emptying.start()
    try:
        with _collector_frozen():
            host.build(folder, staging)
        # 5. ...which replaces the old site only once it is complete.
        output.mark_site(staging)
        output.swap_in(staging, site_dir, trash)
    except OSError as exc:
        output.discard(staging)
        raise output.write_error(site_dir, exc) from None
    except BaseException:
        output.discard(staging)
        raise
    finally:
        emptying.join()
    return Built(time.perf_counter() - started, notes, pages)


@contextlib.contextmanager
def _collector_frozen() -> Iterator[None]:
    """Keep what exists now out of the cycle collector's passes while the host builds:
    its many objects would otherwise make every full pass walk ours again."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _inputs(options: Options, config: HostConfig) -> list[Path]:
    """Every file and folder a compile reads."""
    pyodide = (config.folder / config.plugin["pyodide_dir"] if config.plugin.get("pyodide_dir")
               else find_pyodide(config.folder))
    found = [options.playbook, config.templates(options.playbook)[0], config.docs_dir,
             config.custom_dir, config.path, pyodide]
    return [path for path in found if path is not None and path.exists()]


def _settings(options: Options) -> str:
    """Everything besides files that a compile's result depends on."""
    return repr((compiler_digest(), str(options.playbook.resolve()), options.site_url,
                 options.versioned, options.serving, options.head_loader,
                 digest(json.dumps(options.previous, sort_keys=True)) if options.previous
                 else None))


def protected(config: HostConfig, playbook: Path) -> output.Protected:
    """The folders a build for this config may never replace."""
    return output.Protected(playbook=playbook, project=config.folder, docs=config.docs_dir,
                            build_area=source_folder(config.folder).parent)


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
