"""Downloading the pinned Pyodide into the user cache, against a local HTTP server that
serves npm-like tarballs: checked, taken safely, put in place whole or not at all."""

from __future__ import annotations

import base64
import hashlib
import http.server
import io
import socket
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generators.pyodide import RUNTIME_FILES, is_complete
from generators.pyodide import fetch as fetching
from generators.pyodide.fetch import FetchError, fetch_pinned
from generators.pyodide.pin import Pin


def tarball(members: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    """A gzipped tar with `members` (name -> bytes) and symbolic `links` (name -> target)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return out.getvalue()


def package(**extra: bytes) -> dict[str, bytes]:
    """The runtime files of a fake npm package, and others that are not taken."""
    files = {f"package/{name}": f"content of {name}".encode() for name in RUNTIME_FILES}
    files["package/README.md"] = b"not for the site"
    files["package/console.html"] = b"not for the site"
    return files | extra


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


class Registry:
    """Serves `files` (URL path -> bytes) on 127.0.0.1 and counts the requests."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.requests: list[str] = []
        registry = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the handler's own name
                registry.requests.append(self.path)
                data = registry.files.get(self.path)
                if data is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def pin(self, data: bytes, version: str = "1.2.3") -> Pin:
        """A pin of a tarball this registry serves."""
        self.files[f"/pyodide/-/pyodide-{version}.tgz"] = data
        return Pin(version=version, tarball=f"https://registry.npmjs.org/pyodide/-/pyodide-"
                   f"{version}.tgz", integrity=integrity(data), license="MPL-2.0")


@pytest.fixture
def registry() -> Iterator[Registry]:
    served = Registry()
    yield served
    served.server.shutdown()
    served.server.server_close()


def leftovers(root: Path) -> list[str]:
    return sorted(path.name for path in root.iterdir()) if root.exists() else []


def test_fetches_once_only_the_runtime_files(registry: Registry, tmp_path: Path) -> None:
    pin = registry.pin(tarball(package()))
    shown = io.StringIO()
    folder = fetch_pinned(pin, tmp_path / "cache", registry=registry.url, progress=shown)
    assert folder == tmp_path / "cache" / "pyodide-1.2.3"
    assert sorted(p.name for p in folder.iterdir()) == sorted(RUNTIME_FILES)
    assert (folder / "pyodide.js").read_bytes() == b"content of pyodide.js"
    assert leftovers(tmp_path / "cache") == ["pyodide-1.2.3"]  # no staging folder left
    url = f"{registry.url}pyodide/-/pyodide-1.2.3.tgz"
    assert shown.getvalue().startswith(f"playbook: downloading Pyodide 1.2.3 from {url} ... "
                                       "done (")
    assert shown.getvalue().count("\n") == 1
    # A second build finds it and downloads nothing.
    assert fetch_pinned(pin, tmp_path / "cache", registry=registry.url) == folder
    assert registry.requests == ["/pyodide/-/pyodide-1.2.3.tgz"]


def test_a_tarball_that_does_not_match_the_pin_is_refused(registry: Registry,
                                                          tmp_path: Path) -> None:
    pin = registry.pin(tarball(package()))
    registry.files["/pyodide/-/pyodide-1.2.3.tgz"] = tarball(package(**{
        "package/pyodide.js": b"something else"}))
    with pytest.raises(FetchError) as caught:
        fetch_pinned(pin, tmp_path / "cache", registry=registry.url)
    assert str(caught.value) == (
        f"{registry.url}pyodide/-/pyodide-1.2.3.tgz: the download does not match the sha512 "
        "integrity pinned for pyodide 1.2.3; nothing was kept")
    assert leftovers(tmp_path / "cache") == []


def test_offline_is_one_line_naming_the_url(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    pin = Pin("1.2.3", "https://registry.npmjs.org/pyodide/-/pyodide-1.2.3.tgz",
              "sha512-AAAA", "MPL-2.0")
    shown = io.StringIO()
    with pytest.raises(FetchError) as caught:
        fetch_pinned(pin, tmp_path / "cache", registry=f"http://127.0.0.1:{port}",
                     progress=shown)
    message = str(caught.value)
    assert message.startswith(f"cannot download Pyodide 1.2.3 from http://127.0.0.1:{port}/"
                              "pyodide/-/pyodide-1.2.3.tgz (")
    assert message.endswith("); without a network, install it with 'npm ci' or point the "
                            "config's pyodide_dir at a copy")
    assert "\n" not in message
    assert shown.getvalue().endswith(" ... failed\n")
    assert leftovers(tmp_path / "cache") == []


def test_a_missing_package_names_the_http_status(registry: Registry, tmp_path: Path) -> None:
    pin = Pin("9.9.9", "https://registry.npmjs.org/pyodide/-/pyodide-9.9.9.tgz",
              "sha512-AAAA", "MPL-2.0")
    with pytest.raises(FetchError) as caught:
        fetch_pinned(pin, tmp_path / "cache", registry=registry.url)
    assert str(caught.value) == (f"cannot download Pyodide 9.9.9: {registry.url}pyodide/-/"
                                 "pyodide-9.9.9.tgz answered HTTP 404")
    assert leftovers(tmp_path / "cache") == []


def test_a_link_in_place_of_a_runtime_file_is_refused(registry: Registry,
                                                      tmp_path: Path) -> None:
    files = package()
    del files["package/pyodide.js"]
    pin = registry.pin(tarball(files, links={"package/pyodide.js": "/etc/passwd"}))
    with pytest.raises(FetchError, match=r"package/pyodide\.js is not a regular file$"):
        fetch_pinned(pin, tmp_path / "cache", registry=registry.url)
    assert leftovers(tmp_path / "cache") == []


def test_paths_outside_the_package_are_never_written(registry: Registry,
                                                     tmp_path: Path) -> None:
    pin = registry.pin(tarball(package(**{"../escaped": b"x", "/tmp/absolute": b"x",
                                          "package/../../escaped2": b"x"}),
                               links={"package/link": "../../.."}))
    folder = fetch_pinned(pin, tmp_path / "cache" / "deep", registry=registry.url)
    assert sorted(p.name for p in folder.iterdir()) == sorted(RUNTIME_FILES)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(RUNTIME_FILES)


def test_a_package_without_a_runtime_file_is_refused(registry: Registry,
                                                     tmp_path: Path) -> None:
    files = package()
    del files["package/pyodide.asm.wasm"]
    pin = registry.pin(tarball(files))
    with pytest.raises(FetchError, match=r": the package has no package/pyodide\.asm\.wasm$"):
        fetch_pinned(pin, tmp_path / "cache", registry=registry.url)
    assert leftovers(tmp_path / "cache") == []


def test_sizes_are_bounded(registry: Registry, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    data = tarball(package(**{"package/pyodide.asm.wasm": bytes(200_000)}))
    pin = registry.pin(data)
    monkeypatch.setattr(fetching, "MAX_FILE_BYTES", 100_000)
    with pytest.raises(FetchError, match=r"package/pyodide\.asm\.wasm is larger than"):
        fetch_pinned(pin, tmp_path / "cache", registry=registry.url)
    monkeypatch.setattr(fetching, "MAX_TARBALL_BYTES", len(data) - 1)
    with pytest.raises(FetchError, match=r"bytes, larger than the pinned package can be$"):
        fetch_pinned(pin, tmp_path / "cache", registry=registry.url)
    assert leftovers(tmp_path / "cache") == []


def test_not_a_tarball_is_refused(registry: Registry, tmp_path: Path) -> None:
    pin = registry.pin(b"<html>a proxy's error page</html>")
    with pytest.raises(FetchError, match=r"pyodide-1\.2\.3\.tgz: not a readable npm package"):
        fetch_pinned(pin, tmp_path / "cache", registry=registry.url)
    assert leftovers(tmp_path / "cache") == []


def test_an_incomplete_cache_folder_is_replaced(registry: Registry, tmp_path: Path) -> None:
    pin = registry.pin(tarball(package()))
    folder = fetch_pinned(pin, tmp_path / "cache", registry=registry.url)
    (folder / "python_stdlib.zip").unlink()
    assert not is_complete(folder)
    assert fetch_pinned(pin, tmp_path / "cache", registry=registry.url) == folder
    assert is_complete(folder)
    assert leftovers(tmp_path / "cache") == ["pyodide-1.2.3"]


def test_an_unwritable_cache_is_named(registry: Registry, tmp_path: Path) -> None:
    pin = registry.pin(tarball(package()))
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(FetchError, match=r"^cannot write Pyodide into .*/file/cache: "):
        fetch_pinned(pin, tmp_path / "file" / "cache", registry=registry.url)

