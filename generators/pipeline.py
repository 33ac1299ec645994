"""The compiler's pipeline, read top to bottom: a playbook in, a site out.

    load -> check -> render -> write the site source -> an engine builds it -> (publish)

`compiler.Compiler.compile()` turns a playbook into a complete site source in memory:
pages, calendars, assets, navigation and the host's config. `build()` writes it to
the build area (changed files only; nothing at all when nothing changed) and has an
engine build the site, which replaces the old one only when it is complete. The CLI,
the MkDocs plugin, `serve` and `publish` all go through these; options travel as
arguments. (The compiler is imported only when there is something to compile, so a
build with nothing changed starts at once.)
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generators import output, site_address, source_config
from generators.files import compiler_digest, digest
from generators.hosts import engine
from generators.source import (
    INPUTS,
    inputs_digest,
    is_current,
    record_inputs,
    source_folder,
    write_site_source,
)
from generators.source_config import HostConfig


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
    fetch_pyodide: bool = True
    """When assessments need Pyodide and no copy is installed, download the pinned one
    into the user's cache (once); off: such a build fails and says how to get one."""
    shared_runtime: bool = False
    """Built for `publish`: Pyodide is not copied into the site; its pages load the copy
    that the pages branch holds once for every version (`SiteSource.shared_runtime`)."""


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
    notes = host.notes(config.plugin_names()) + site_address.build_warnings(
        options.site_url, config.data.get("site_url"))
    # 1. Refuse a site folder a build may not replace, before any work.
    output.check_site_dir(site_dir, protected(config, options.playbook), force=force)
    # 2. Compile the playbook into a site source, in memory (pages whose content did not
    #    change since the last build are taken from it, not rendered again), unless
    #    nothing it is made from changed since it was last written...
    folder = source_folder(config.folder)
    inputs = inputs_digest(_inputs(options, config), _settings(options))
    pages = is_current(folder, inputs)
    if pages is None:
        from generators.compiler import Compiler

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
    found = [options.playbook, config.templates(options.playbook)[0], config.docs_dir,
             config.custom_dir, config.path, config.pyodide_dir()]
    return [path for path in found if path is not None and path.exists()]


def _settings(options: Options) -> str:
    """Everything besides files that a compile's result depends on."""
    return repr((compiler_digest(), str(options.playbook.resolve()), options.site_url,
                 options.versioned, options.serving, options.head_loader,
                 options.shared_runtime,
                 digest(json.dumps(options.previous, sort_keys=True)) if options.previous
                 else None))


def protected(config: HostConfig, playbook: Path) -> output.Protected:
    """The folders a build for this config may never replace."""
    return output.Protected(playbook=playbook, project=config.folder, docs=config.docs_dir,
                            build_area=source_folder(config.folder).parent)


