#!/usr/bin/env python3
"""Serve this offline copy of the playbook site on this computer, and open it.

    python3 serve.py [--port N] [--no-browser]

The site is the folder `site` beside this file. Its self-assessments run Python in the
browser (Pyodide), which a browser loads only from a web address, never from pages
opened as files: this script gives the site that address, on 127.0.0.1, which only this
computer can reach. It needs Python 3.8 or newer and nothing else. Ctrl-C stops it.

Answers saved in the browser are kept per address, so the same port is used each time
when it is free. A version's alias (such as `latest`) leads to its version, as the
site's `versions.json` lists it.
"""

from __future__ import annotations

import argparse
import errno
import functools
import http.server
import io
import json
import os
import re
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote, unquote, urlsplit

SITE = Path(__file__).resolve().parent / "site"
DEFAULT_PORT = 8765
TEXT = "; charset=utf-8"
#: Types by file name ending, whatever the system's own tables say (some map `.js` to
#: text/plain, which a browser refuses to run as a module).
TYPES = {
    "": "application/octet-stream", ".html": "text/html" + TEXT, ".htm": "text/html" + TEXT,
    ".css": "text/css" + TEXT, ".js": "text/javascript" + TEXT,
    ".mjs": "text/javascript" + TEXT, ".cjs": "text/javascript" + TEXT,
    ".json": "application/json", ".map": "application/json",
    ".webmanifest": "application/manifest+json", ".wasm": "application/wasm",
    ".zip": "application/zip", ".whl": "application/zip", ".gz": "application/gzip",
    ".tar": "application/x-tar", ".xml": "application/xml", ".txt": "text/plain" + TEXT,
    ".md": "text/markdown" + TEXT, ".ics": "text/calendar" + TEXT,
    ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
    ".ico": "image/x-icon", ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf",
    ".pdf": "application/pdf", ".csv": "text/csv" + TEXT,
}
LOC = re.compile(rb"<loc>([^<]*)</loc>")


def aliases(site: Path) -> dict[str, str]:
    """Each alias in the site's versions.json, and the version it stands for."""
    try:
        listed = json.loads((site / "versions.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found = {}
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, dict) and isinstance(item.get("version"), str):
            for alias in item.get("aliases") or []:
                if isinstance(alias, str) and alias and "/" not in alias and alias != "..":
                    found[alias] = item["version"]
    return found


def local_sitemap(data: bytes, here: str, folder: Path) -> bytes:
    """The sitemap of the site in `folder` with its addresses leading to `here`, where
    that folder is served, instead of the address the site was built for; for a site
    built without an address (an empty sitemap), one that lists its pages.

    The theme moves between pages without reloading them (which keeps Python loaded),
    and finds the same page in another version, only for addresses its sitemap lists."""
    locations = LOC.findall(data)
    if not locations:
        pages = "".join(f"<url><loc>{here}{quote(page)}</loc></url>" for page in pages_in(folder))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps'
                f'.org/schemas/sitemap/0.9">{pages}</urlset>\n').encode()
    common = os.path.commonprefix(locations)
    base = common[:common.rfind(b"/") + 1]
    return LOC.sub(lambda m: b"<loc>" + here.encode() + m.group(1)[len(base):] + b"</loc>",
                   data)


def pages_in(folder: Path) -> list[str]:
    """The pages of the site in `folder`, relative to it: each HTML file but the 404
    page (an `index.html` also as its folder), leaving out assets and any folder that
    holds a site of its own."""
    found = []
    for root, folders, names in os.walk(folder):
        here = Path(root)
        folders[:] = sorted(name for name in folders if not (here / name / "sitemap.xml").exists()
                            and not (here == folder and name == "assets"))
        prefix = here.relative_to(folder).as_posix() + "/" if here != folder else ""
        for name in sorted(names):
            if name.endswith(".html") and name != "404.html":
                found += [prefix, prefix + name] if name == "index.html" else [prefix + name]
    return found


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder: no folder listings, no caching without asking again."""

    extensions_map = TYPES
    aliases: dict[str, str] = {}

    def send_head(self) -> BinaryIO | io.BytesIO | None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        top = path.lstrip("/").split("/", 1)[0]
        if top in self.aliases and not (SITE / top).exists():
            rest = path.lstrip("/")[len(top):] or "/"
            target = "/" + quote(self.aliases[top]) + quote(rest)
            self.send_response(302)
            self.send_header("Location", target + (f"?{parts.query}" if parts.query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path.endswith("/sitemap.xml"):
            file = Path(self.translate_path(self.path))
            if file.is_file():
                host = self.headers.get("Host") or ""
                if not re.fullmatch(r"[\w.:\[\]-]+", host):
                    host = f"127.0.0.1:{self.connection.getsockname()[1]}"
                here = f"http://{host}{path[:-len('sitemap.xml')]}"
                data = local_sitemap(file.read_bytes(), here, file.parent)
                return self._send(data, "application/xml")
        return super().send_head()

    def _send(self, data: bytes, kind: str) -> io.BytesIO:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def list_directory(self, path: str | os.PathLike[str]) -> io.BytesIO | None:
        self.send_error(404, "Not found")
        return None

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """A missing page shows the site's own 404 page: its version's, else the root's."""
        top = unquote(urlsplit(self.path).path).lstrip("/").split("/", 1)[0]
        pages = [SITE / top / "404.html"] if top and top not in ("..", ".") else []
        page = next((p for p in [*pages, SITE / "404.html"] if p.is_file()), None)
        if code != 404 or page is None:
            super().send_error(code, message, explain)
            return
        data = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", TYPES[".html"])
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib name
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # On Windows this option would let a second server take a port in use.
    allow_reuse_address = sys.platform != "win32"


def bind(port: int, chosen: bool) -> Server:
    """A server on 127.0.0.1:`port`; when that port is taken and was not asked for, on
    any free one."""
    handler = functools.partial(SiteHandler, directory=str(SITE))
    try:
        return Server(("127.0.0.1", port), handler)
    except OSError as exc:
        if chosen or exc.errno != errno.EADDRINUSE:
            raise
    print(f"Port {port} is in use; another one is used instead (answers saved in the "
          "browser at the usual address do not show at this one).", flush=True)
    return Server(("127.0.0.1", 0), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve this offline copy of the playbook "
                                                 "site on this computer and open it.")
    parser.add_argument("--port", type=int, default=None,
                        help=f"port on 127.0.0.1 (default: {DEFAULT_PORT}, or any free one "
                             "when that is in use; 0: any free one)")
    parser.add_argument("--no-browser", action="store_true", help="do not open the browser")
    args = parser.parse_args(argv)
    if not (SITE / "index.html").is_file():
        print(f"serve.py: error: there is no site in {SITE}: unzip the whole archive and run "
              "this again from the folder it made", file=sys.stderr)
        return 1
    SiteHandler.aliases = aliases(SITE)
    port = DEFAULT_PORT if args.port is None else args.port
    try:
        server = bind(port, chosen=args.port is not None)
    except OSError as exc:
        print(f"serve.py: error: cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}; "
              "choose another port with --port (0: any free one)", file=sys.stderr)
        return 1
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Serving the playbook at {url} (this computer only). Press Ctrl-C to stop.",
          flush=True)
    if not args.no_browser:
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
