"""`playbook serve`: preview the site while editing.

The pipeline writes the site source; the host serves it with live reload. A
watcher looks at the playbook, its templates, the docs and the config; on a
change it compiles again and writes only the files that changed, so the host
rebuilds only those pages (MkDocs in its dirty mode; a change of the navigation
rewrites the config, and the host then rebuilds everything).

When the playbook has errors, the last good pages stay and every page shows the
problems, one `file:line:col: message` each, until they are fixed; the page then
reloads by itself.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from pathlib import Path

from generators import source_config
from generators.compiler import Compiler
from generators.errors import UserError
from generators.files import SiteFile, write_file
from generators.hosts import engine, require
from generators.pipeline import Options
from generators.render.assets import PROBLEMS_URI, theme_files, theme_urls
from generators.source import CONFIG_FILE, DOCS, source_folder, write_site_source

QUIET_SECONDS = 0.02


def serve(options: Options, *, engine_name: str = "mkdocs",
          dev_addr: str = "127.0.0.1:8000") -> None:
    """Serve the playbook's site until interrupted, rebuilding on every change."""
    host = engine(engine_name)
    require(engine_name, "serve")
    config = source_config.read_config(source_config.find_config(options.config_file))
    folder = source_folder(config.folder)
    refresh = Refresher(options, folder)
    refresh()
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(refresh.watched(), refresh, stop),
                               daemon=True)
    watcher.start()
    try:
        host.serve(folder, dev_addr)
    finally:
        stop.set()


class Refresher:
    """Compiles and writes the site source; on errors, shows them on every page."""

    def __init__(self, options: Options, folder: Path) -> None:
        self.options, self.folder = options, folder
        self.compiler = Compiler(replace(options, serving=True), folder=folder)

    def watched(self) -> list[Path]:
        config = source_config.read_config(source_config.find_config(self.options.config_file))
        paths = [path.resolve() for path in (self.options.playbook, config.docs_dir,
                                             config.path,
                                             config.templates(self.options.playbook)[0])
                 if path is not None and path.exists()]
        # A folder inside another watched one (the playbook's templates) is watched already.
        return [path for path in paths if not any(other in path.parents for other in paths)]

    def __call__(self) -> None:
        started = time.perf_counter()
        try:
            config = source_config.read_config(
                source_config.find_config(self.options.config_file))
            site = self.compiler.compile(config)
            site_files = [*site.files, SiteFile(PROBLEMS_URI, problems_script([]))]
            written = write_site_source(self.folder, site_files, site.config_text,
                                        site.theme)
            self.compiler.written()
            if written.changed or written.removed:
                print(f"playbook: {len(written.changed)} files changed, "
                      f"{len(written.removed)} removed in "
                      f"{time.perf_counter() - started:.2f} s", file=sys.stderr)
        except UserError as exc:
            lines = exc.lines()
            for line in lines:
                print(line, file=sys.stderr)
            self._show_problems(lines)

    def _show_problems(self, lines: list[str]) -> None:
        script = problems_script(lines).encode("utf-8")
        if (self.folder / CONFIG_FILE).is_file():
            write_file(self.folder / DOCS / PROBLEMS_URI, script)
            return
        # Nothing was ever built: a site of one page that lists the problems.
        config = source_config.read_config(source_config.find_config(self.options.config_file))
        css, javascript = theme_urls()
        text = source_config.merged(config, self.folder, nav=[], css=css,
                                    javascript=[*javascript, PROBLEMS_URI])
        page = SiteFile("index.md", "# The playbook has problems\n\nThey are listed below; "
                                    "this page reloads by itself once they are fixed.\n")
        write_site_source(self.folder, [page, *theme_files(), SiteFile(PROBLEMS_URI, script)],
                          text)


def problems_script(lines: list[str]) -> str:
    """The overlay script, with the problems it lists."""
    code = resources.files("generators").joinpath("assets/problems.js").read_text("utf-8")
    return f"window.__PLAYBOOK_PROBLEMS__ = {json.dumps(lines)};\n{code}"


def watch(paths: list[Path], on_change: Callable[[], None], stop: threading.Event) -> None:
    """Call `on_change` once a burst of changes to files under `paths` has ended
    (`QUIET_SECONDS` without another), until `stop` is set."""
    import watchdog.events
    import watchdog.observers

    changed = threading.Event()

    class Handler(watchdog.events.FileSystemEventHandler):
        def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
            if event.event_type in ("created", "deleted", "moved", "closed") or (
                    event.event_type == "modified" and not event.is_directory):
                changed.set()  # not "opened" or "closed_no_write": reading is no change

    observer = watchdog.observers.Observer()
    for path in paths:
        if path.is_dir():
            observer.schedule(Handler(), str(path), recursive=True)
        elif path.is_file():  # the config: its folder, not what lies below it
            observer.schedule(Handler(), str(path.parent), recursive=False)
    observer.start()
    try:
        while not stop.is_set():
            if not changed.wait(timeout=0.25):
                continue
            while changed.is_set():  # wait for the editor to finish writing
                changed.clear()
                time.sleep(QUIET_SECONDS)
            on_change()
    finally:
        observer.stop()
