"""Time an assessment page in Debian's Chromium: start-up against bare Pyodide, and rescoring.

    python benchmarks/assessment_startup.py [--runs N] [--assessment ID] [--mbit SPEED]

Builds the default site, serves it on 127.0.0.1 (from a process of its own, so that the
server does not share an interpreter with the browser's driver) and, in fresh browser
contexts (cold cache, like a first visit), loads in turn, once per round:
  * assessment: the assessment page, until its answers can be scored (the widget reports
    `data-state="ready"`);
  * bare:       a blank page that only loads the same self-hosted Pyodide and runs one
    line of Python;
  * content:    the bare page's loader put into a copy of the assessment page without its
    scripts: the same content and stylesheets, no widget, no theme scripts. It shows how
    much of the difference is the page itself (parsing, styling, laying out and painting
    it while Pyodide downloads and starts on the same cores) rather than the widget.

Each is timed in two ways:
  * in the page (the figure the target is judged on): the same poller, added to every
    page before its own scripts, checks at every animation frame whether the page is
    ready and notes `performance.now()` (time since navigation) at the first frame that
    is: the frame that shows the reader a page they can score;
  * as Playwright sees it: from `goto` until `wait_for_function` returns. This adds
    Playwright's own latency, and unevenly: its poller is installed after the page's
    load event, by a message the page handles only once its main thread is free, so on
    a page whose load event comes just as Pyodide's long start-up task begins, the
    poller starts (and first looks) only after that task, a frame or more after the page
    was ready.

The overhead is given twice: as the median of each round's ratio (each round loads the
pages one after the other, so a drift in the machine's load hits both; the figure the
target is judged on), and as the ratio of the medians.

Then the median time of a rescore after an answer changes: in the page, from the change
to the new result drawn (`data-rescore-ms`: answers read, engine run under Pyodide,
result rendered), and from Playwright's click until it sees the new result (which adds
its own round trips and polling).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BARE_LOADER = """<script src="{runtime}pyodide.js"></script>
<script>
loadPyodide({{indexURL: new URL("{runtime}", location.href).href}})
  .then(py => {{ py.runPython("1 + 1"); window.__bareReady = true; }});
</script>"""
BARE_PAGE = ('<!doctype html><meta charset="utf-8"><title>bare pyodide</title>\n'
             + BARE_LOADER.format(runtime="assets/pyodide/"))
READY = {
    "assessment": ("document.querySelector('form.pb-assessment') && "
                   "document.querySelector('form.pb-assessment').dataset.state === 'ready'"),
    "bare": "window.__bareReady",
    "content": "window.__bareReady",
}
#: How each page loaded started Python: "used" (from the snapshot), "too slow", "refused",
#: or None (no snapshot: the usual way).
SNAPSHOTS: list[str | None] = []
# Added to every page before its own scripts: at each animation frame, whether the page is
# ready; the time of the first frame that finds it so is kept in window.__scorableAt.
FRAME_POLLER = """(() => {
  const ready = () => window.__bareReady === true || (document.querySelector(
    "form.pb-assessment") || {dataset: {}}).dataset.state === "ready";
  const look = () => {
    if (ready()) { window.__scorableAt = performance.now(); } else { requestAnimationFrame(look); }
  };
  requestAnimationFrame(look);
})();"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript"}

    def log_message(self, *args: Any) -> None:
        pass

    def handle(self) -> None:
        with contextlib.suppress(ConnectionError):  # a context closed while a file was sent
            super().handle()


def _serve(directory: str, port: Any) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=directory))
    port.send(server.server_address[1])
    server.serve_forever()


def _content_page(page: str) -> str:
    """The assessment page without its scripts (its own, the theme's, the preloads), with
    the bare page's loader at the top of its head."""
    text = re.sub(r'<template id="pb-theme-scripts">.*?</template>', "", page, flags=re.S)
    text = re.sub(r"<script\b.*?</script>", "", text, flags=re.S)
    text = re.sub(r'<link rel="(?:module)?preload"[^>]*>', "", text)
    head = text.index("<head>") + len("<head>")
    return text[:head] + BARE_LOADER.format(runtime="../../assets/pyodide/") + text[head:]


def _stats(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    values = [v * scale for v in values]
    return (f"median {statistics.median(values):8.3f} {unit}   min {min(values):8.3f} {unit}   "
            f"max {max(values):8.3f} {unit}")


def _time_to(browser: Any, url: str, ready: str,
             mbit: float | None = None) -> tuple[float, float]:
    """Seconds from navigation to the first frame that is ready (in the page), and from
    `goto` until Playwright sees it ready; `mbit`: the download speed Chromium allows
    (Mbit/s, with 20 ms of latency), or None for the local host's."""
    context = browser.new_context()
    context.add_init_script(FRAME_POLLER)
    page = context.new_page()
    if mbit:
        context.new_cdp_session(page).send("Network.emulateNetworkConditions", {
            "offline": False, "latency": 20, "uploadThroughput": -1,
            "downloadThroughput": mbit * 1_000_000 / 8})
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(ready, timeout=120_000)
    elapsed = time.perf_counter() - started
    page.wait_for_function("window.__scorableAt !== undefined", timeout=120_000)
    in_page = page.evaluate("window.__scorableAt") / 1000
    SNAPSHOTS.append(page.evaluate("window.__playbookSnapshot || null"))
    context.close()
    return in_page, elapsed


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


def _overheads(times: dict[str, list[tuple[float, float]]], name: str, way: int) -> str:
    ratios = [ours[way] / bare[way] for ours, bare in zip(times[name], times["bare"],
                                                           strict=True)]
    of_medians = (statistics.median(t[way] for t in times[name])
                  / statistics.median(t[way] for t in times["bare"]))
    return (f"{statistics.median(ratios) - 1:+.1%} (median of the rounds' ratios; "
            f"ratio of the medians {of_medians - 1:+.1%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="cold rounds (default 9)")
    parser.add_argument("--assessment", default="transformation-level")
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--mbit", type=float, default=None,
                        help="download speed to emulate, in Mbit/s (default: no limit)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([str(Path(sys.executable).parent / "playbook"), "build", "--site-dir",
                        str(site)], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        (site / "bare-pyodide.html").write_text(BARE_PAGE, encoding="utf-8")
        page = site / "assessments" / args.assessment / "index.html"
        (page.parent / "content.html").write_text(
            _content_page(page.read_text(encoding="utf-8")), encoding="utf-8")
        receive, send = multiprocessing.Pipe(duplex=False)
        server = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(str(site), send), daemon=True)
        server.start()
        base = f"http://127.0.0.1:{receive.recv()}/"
        urls = {"assessment": f"{base}assessments/{args.assessment}/",
                "bare": f"{base}bare-pyodide.html",
                "content": f"{base}assessments/{args.assessment}/content.html"}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in urls}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                     args=CHROMIUM_ARGS)
                started_by: list[str | None] = []
                for run in range(1, args.runs + 1):
                    for name, url in urls.items():
                        times[name].append(_time_to(browser, url, READY[name], args.mbit))
                        if name == "assessment":
                            started_by.append(SNAPSHOTS[-1])
                    print(f"  round {run}: " + ", ".join(
                        f"{name} {times[name][-1][0]:.3f} s" for name in urls),
                        file=sys.stderr, flush=True)
                engine, on_screen = _rescoring(browser, urls["assessment"], args.changes)
                browser.close()
        finally:
            server.terminate()
    speed = f", downloads at {args.mbit:g} Mbit/s" if args.mbit else ""
    print(f"assessment page '{args.assessment}', {args.runs} cold rounds, "
          f"{os.cpu_count()} cores, Chromium headless{speed}")
    for way, title in ((0, "in the page, navigation to the first frame that is ready:"),
                       (1, "as Playwright sees it, goto until wait_for_function returns:")):
        print(title)
        print(f"  assessment page     {_stats([t[way] for t in times['assessment']])}")
        print(f"  bare Pyodide page   {_stats([t[way] for t in times['bare']])}")
        print(f"  content, no scripts {_stats([t[way] for t in times['content']])}")
        target = " target: at most +5%" if way == 0 else ""
        print(f"  overhead            {_overheads(times, 'assessment', way)}{target}")
        print(f"  content's overhead  {_overheads(times, 'content', way)}")
    ways = ", ".join(f"{way or 'no snapshot'}: {started_by.count(way)}"
                     for way in dict.fromkeys(started_by))
    print(f"the assessment page's Python started from its snapshot: {ways}")
    print(f"rescore in page    {_stats(engine, 'ms', 1000)}   (score + draw; target: median "
          "under 50 ms)")
    print(f"click to result    {_stats(on_screen, 'ms', 1000)}   (as seen by Playwright, "
          "including its polling)")


if __name__ == "__main__":
    main()
