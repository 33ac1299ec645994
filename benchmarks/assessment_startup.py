"""Time an assessment page in Debian's Chromium: start-up against bare Pyodide, and rescoring.

    python benchmarks/assessment_startup.py [--runs N] [--assessment ID]

Builds the default site, serves it on 127.0.0.1 and, in fresh browser contexts
(cold cache, like a first visit), measures:
  * assessment: from navigation until the page's answers can be scored
    (the widget reports `data-state="ready"`);
  * bare:       a page that only loads the same self-hosted Pyodide and runs
    one line of Python;
and then the median time of a rescore after an answer changes: in the page, from
the change to the new result drawn (`data-rescore-ms`: answers read, engine run
under Pyodide, result rendered), and from Playwright's click until it sees the new
result (which adds its own round trips and polling).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BARE_PAGE = """<!doctype html><meta charset="utf-8"><title>bare pyodide</title>
<script src="assets/pyodide/pyodide.js"></script>
<script>
loadPyodide({indexURL: new URL("assets/pyodide/", location.href).href})
  .then(py => { py.runPython("1 + 1"); window.__bareReady = true; });
</script>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript"}

    def log_message(self, *args: Any) -> None:
        pass


def _stats(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    values = [v * scale for v in values]
    return (f"median {statistics.median(values):8.3f} {unit}   min {min(values):8.3f} {unit}   "
            f"max {max(values):8.3f} {unit}")


def _time_to(browser: Any, url: str, ready: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(ready, timeout=120_000)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def _rescoring(browser: Any, url: str, changes: int) -> tuple[list[float], list[float]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("document.querySelector('form.pb-assessment').dataset.state"
                           " === 'ready'", timeout=120_000)
    radios = page.locator("form.pb-assessment input[type=radio]")
    engine, on_screen = [], []
    for index in range(changes):
        form = page.locator("form.pb-assessment")
        before = int(form.get_attribute("data-scored") or 0)
        started = time.perf_counter()
        radios.nth(index % radios.count()).check()
        page.wait_for_function(f"Number(document.querySelector('form.pb-assessment')"
                               f".dataset.scored) > {before}")
        on_screen.append(time.perf_counter() - started)
        engine.append(float(form.get_attribute("data-rescore-ms") or "nan") / 1000)
    context.close()
    return engine, on_screen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--assessment", default="transformation-level")
    parser.add_argument("--changes", type=int, default=30)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([str(Path(sys.executable).parent / "playbook"), "build", "--site-dir",
                        str(site)], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        (site / "bare-pyodide.html").write_text(BARE_PAGE, encoding="utf-8")
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=CHROMIUM_ARGS)
            ready = ("document.querySelector('form.pb-assessment')"
                     " && document.querySelector('form.pb-assessment').dataset.state === 'ready'")
            ours, bare = [], []
            for _ in range(args.runs):  # interleaved, so drift in machine load hits both
                ours.append(_time_to(browser, f"{base}assessments/{args.assessment}/", ready))
                bare.append(_time_to(browser, f"{base}bare-pyodide.html", "window.__bareReady"))
            engine, on_screen = _rescoring(browser, f"{base}assessments/{args.assessment}/",
                                           args.changes)
            browser.close()
        server.shutdown()
        server.server_close()
    print(f"assessment page '{args.assessment}', {args.runs} cold runs each, "
          f"{os.cpu_count()} cores, Chromium headless")
    print(f"time to scorable   {_stats(ours)}")
    print(f"bare Pyodide page  {_stats(bare)}")
    overhead = statistics.median(ours) / statistics.median(bare) - 1
    print(f"overhead           {overhead:+.1%} (target: at most +5%)")
    print(f"rescore in page    {_stats(engine, 'ms', 1000)}   (score + draw; target: median "
          "under 50 ms)")
    print(f"click to result    {_stats(on_screen, 'ms', 1000)}   (as seen by Playwright, "
          "including its polling)")


if __name__ == "__main__":
    main()
