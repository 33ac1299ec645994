"""Bytes of the Pyodide runtime (and engine wheel) a reader downloads, with the runtime cache.

    .venv/bin/python benchmarks/runtime_cache.py

Publishes the default playbook as 2026-Q3 and 2026-Q4 (they share one Pyodide at the
root of the pages branch) into a temporary git repository, serves the pages branch on
127.0.0.1 with a server that counts what it sends, and opens an assessment page in
Debian's Chromium with one browser profile (a persistent context):

  * first visit:  2026-Q4's assessment page, in a fresh profile;
  * second visit: the browser closed and started again on the same profile, the same page;
  * switch:       then 2026-Q3's assessment page (another published version).

For each it prints the runtime files' requests that reached the server and the body bytes
the server sent for them (the service worker's own requests included), and, as the page
saw it, the runtime responses that came from the network rather than the worker. Then
the same three visits in a new profile with the worker's files removed from the branch:
what the browser's HTTP cache alone saves.
"""

from __future__ import annotations

import functools
import http.server
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ASSESSMENT = "team-maturity"
#: The files the runtime cache keeps: Pyodide's, the engine's wheel and its snapshot.
RUNTIME = re.compile(r"/(pyodide\.js|pyodide\.mjs|pyodide\.asm\.mjs|pyodide\.asm\.js|"
                     r"pyodide\.asm\.wasm|python_stdlib\.zip|pyodide-lock\.json)$"
                     r"|/assets/engine/[^/]+\.(?:whl|snapshot)$|/_runtime/[^/]+/engines/[^/]+\.snapshot$")
READY = ("document.querySelector('form.pb-assessment')"
         " && document.querySelector('form.pb-assessment').dataset.state === 'ready'")
#: How many runtime files the page loaded, and how many entries the runtime caches hold.
CACHE_STATE = """async () => {
  const pattern = new RegExp(%s);
  const loaded = new Set(performance.getEntriesByType('resource')
    .map(e => e.name).filter(n => pattern.test(new URL(n).pathname)));
  let kept = 0;
  for (const name of await caches.keys()) {
    if (name.startsWith('playbook-runtime-')) {
      kept += (await (await caches.open(name)).keys()).length;
    }
  }
  return [loaded.size, kept];
}"""


@dataclass
class Sent:
    """What the server sent: one `(path, status, body bytes)` per request."""

    requests: list[tuple[str, int, int]] = field(default_factory=list)

    def runtime(self) -> list[tuple[str, int, int]]:
        return [item for item in self.requests if RUNTIME.search(item[0])]


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder and records every request's path, status and body bytes."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript"}

    def __init__(self, *args: Any, sent: Sent, **kwargs: Any) -> None:
        self.sent = sent
        self.body_bytes = 0
        super().__init__(*args, **kwargs)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        self.body_bytes += len(data)
        outputfile.write(data)

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        # Called as the status line goes out, before the body: the count is added after.
        self._status = int(code) if str(code).isdigit() else 0

    def handle_one_request(self) -> None:
        self.body_bytes, self._status = 0, 0
        super().handle_one_request()
        if getattr(self, "path", None) and self._status:
            self.sent.requests.append((urlsplit(self.path).path, self._status, self.body_bytes))

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


@contextmanager
def serve(folder: Path, port: int = 0) -> Iterator[tuple[str, Sent]]:
    """`folder` served on 127.0.0.1: its URL and the record of what was sent."""
    sent = Sent()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(CountingHandler, sent=sent, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """The runtime's traffic during one visit."""

    requests: int
    bytes: int
    from_network: int
    """Runtime responses the page received from the network, not from the worker."""


def visit(context: Any, url: str, sent: Sent, wait: float = 60.0) -> Visit:
    """Open `url` in a new page of `context`, wait until its assessment can score and the
    runtime cache holds what the page loaded, then close the page."""
    before = len(sent.requests)
    network: list[str] = []
    page = context.new_page()
    page.on("response", lambda r: network.append(r.url)
            if RUNTIME.search(urlsplit(r.url).path) and not r.from_service_worker else None)
    page.goto(url)
    page.wait_for_function(READY, timeout=120_000)
    state = CACHE_STATE % _js_string(RUNTIME.pattern)
    deadline = page.evaluate("Date.now()") + wait * 1000
    while True:
        loaded, kept = page.evaluate(state)
        if kept >= loaded or page.evaluate("Date.now()") > deadline:
            break
        page.wait_for_timeout(200)
    page.close()
    runtime = [item for item in sent.requests[before:] if RUNTIME.search(item[0])]
    return Visit(len(runtime), sum(size for _path, _status, size in runtime), len(network))


def _js_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def publish_two_versions(work: Path, url: str) -> Path:
    """2026-Q3 and 2026-Q4 (alias latest) published for `url`; the pages branch, exported."""
    sys.path.insert(0, str(ROOT))
    from tests.versions.helpers import edit_for_next_quarter, export_pages, new_repo, playbook

    repo = new_repo(work / "repo")
    for version in ("2026-Q3", "2026-Q4"):
        if version == "2026-Q4":
            edit_for_next_quarter(repo)
        alias = ["--alias", "latest"] if version == "2026-Q4" else []
        done = playbook("publish", version, *alias, "--site-url", url, cwd=repo)
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
    return export_pages(repo, work / "pages")


def measure(launch: Callable[[Path], Any], base: str, sent: Sent, profile: Path,
            wait: float = 60.0) -> dict[str, Visit]:
    """The three visits, in one browser profile; `launch` starts a persistent context.
    `wait`: how long a visit waits for the runtime cache to hold what the page loaded."""
    first_url = f"{base}2026-Q4/assessments/{ASSESSMENT}/"
    context = launch(profile)
    first = visit(context, first_url, sent, wait)
    context.close()  # the browser closes; its profile keeps the caches
    context = launch(profile)
    second = visit(context, first_url, sent, wait)
    switch = visit(context, f"{base}2026-Q3/assessments/{ASSESSMENT}/", sent, wait)
    context.close()
    return {"first visit": first, "second visit": second, "switch to 2026-Q3": switch}


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        work = Path(tmp)
        # The site's address must be known before publishing: take a free port first.
        with serve(work) as (probe, _sent):
            port = int(urlsplit(probe).port or 0)
        pages = publish_two_versions(work, f"http://127.0.0.1:{port}/")
        with serve(pages, port) as (base, sent):
            def launch(profile: Path) -> Any:
                return playwright.chromium.launch_persistent_context(
                    str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            cached = measure(launch, base, sent, work / "profile")
            for worker in pages.glob("**/playbook-sw.js"):
                worker.unlink()
            uncached = measure(launch, base, sent, work / "profile-without-worker", 0)
    print("runtime files (Pyodide, engine wheel and snapshot) fetched over the network, one "
          "Chromium profile, pages branch with 2026-Q3 and 2026-Q4 sharing _runtime/pyodide-*/")
    for title, visits in (("with the runtime cache's service worker", cached),
                          ("without it (the browser's HTTP cache only)", uncached)):
        print(title)
        for name, seen in visits.items():
            print(f"  {name:18} {seen.requests:2} requests reached the server "
                  f"{seen.bytes:>11,} bytes ({seen.bytes / 1e6:5.2f} MB)  "
                  f"{seen.from_network} responses from the network as the page saw them")


if __name__ == "__main__":
    main()
