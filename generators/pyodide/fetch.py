"""Download the pinned Pyodide npm package into the user's cache, once.

The tarball is checked against the integrity hash `package-lock.json` pins before
anything is taken from it; only the runtime's regular files are taken (no links, no
other paths, each and all of bounded size); they go into a staging folder beside the
cache folder, which is renamed into place only once it is complete. A failure leaves
the cache as it was and is reported in one line naming the URL or folder.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import shutil
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import TextIO

from generators.errors import UserError
from generators.pyodide import RUNTIME_FILES, is_complete
from generators.pyodide.pin import Pin

#: The pinned tarball is 6.5 MB; nothing near these limits is the package.
MAX_TARBALL_BYTES = 64 * 1024 * 1024
MAX_FILE_BYTES = 32 * 1024 * 1024
TIMEOUT_SECONDS = 60
CHUNK = 256 * 1024
#: npm packs every file under this folder.
PACKAGE_FOLDER = "package/"


class FetchError(UserError):
    """The pinned Pyodide could not be downloaded or is not what the pin says."""


def fetch_pinned(pin: Pin, root: Path, *, registry: str | None = None,
                 progress: TextIO | None = None) -> Path:
    """The folder `root/pyodide-<version>` with the runtime files, downloaded from
    `registry` (npm's own when None) unless a complete copy is there."""
    final = root / pin.folder_name
    if is_complete(final):
        return final
    url = pin.url(registry)
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{pin.folder_name}.", dir=root))
        staging.chmod(0o755)  # a cache folder like any other, not a private one
    except OSError as exc:
        raise FetchError(f"cannot write Pyodide into {root}: {exc.strerror or exc}") from None
    try:
        tarball = staging / "package.tgz"
        _download(url, tarball, pin, progress)
        _extract(tarball, staging, url)
        tarball.unlink()
        _move_into_place(staging, final)
    except OSError as exc:
        raise FetchError(f"cannot write Pyodide into {final}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final


def _download(url: str, target: Path, pin: Pin, progress: TextIO | None) -> None:
    """Write the tarball at `url` to `target`, checking its size and integrity."""
    algorithm, _, expected = pin.integrity.partition("-")
    if algorithm != "sha512" or not expected:
        raise FetchError(f"the pin of pyodide {pin.version} has no sha512 integrity")
    digest = hashlib.sha512()
    shown = _Progress(progress, f"downloading Pyodide {pin.version} from {url}")
    try:
        with _open(url, pin) as response, target.open("wb") as out:
            total = int(response.headers.get("Content-Length") or 0)
            if total > MAX_TARBALL_BYTES:
                raise FetchError(f"{url}: {total} bytes, larger than the pinned package can be")
            done = 0
            while chunk := _read(response, url, pin):
                done += len(chunk)
                if done > MAX_TARBALL_BYTES:
                    raise FetchError(f"{url}: larger than the pinned package can be")
                digest.update(chunk)
                out.write(chunk)
                shown.update(done, total)
    except BaseException:
        shown.end("failed")
        raise
    if base64.b64encode(digest.digest()).decode("ascii") != expected:
        shown.end("failed")
        raise FetchError(f"{url}: the download does not match the sha512 integrity pinned for "
                         f"pyodide {pin.version}; nothing was kept")
    shown.end("done")


def _open(url: str, pin: Pin) -> http.client.HTTPResponse:
    try:
        response: http.client.HTTPResponse = urllib.request.urlopen(  # noqa: S310
            url, timeout=TIMEOUT_SECONDS)
        return response
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the connection
        raise FetchError(f"cannot download Pyodide {pin.version}: {url} answered HTTP "
                         f"{exc.code}") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise _unreachable(url, pin, getattr(exc, "reason", None) or exc) from None


def _read(response: http.client.HTTPResponse, url: str, pin: Pin) -> bytes:
    try:
        return response.read(CHUNK)
    except (OSError, http.client.HTTPException) as exc:
        raise _unreachable(url, pin, exc) from None


def _unreachable(url: str, pin: Pin, reason: object) -> FetchError:
    why = str(reason) or "no answer"
    return FetchError(f"cannot download Pyodide {pin.version} from {url} ({why}); without a "
                      "network, install it with 'npm ci' or point the config's pyodide_dir "
                      "at a copy")


def _extract(tarball: Path, target: Path, url: str) -> None:
    """Take the runtime files, and nothing else, out of the npm tarball."""
    wanted = {PACKAGE_FOLDER + name: name for name in RUNTIME_FILES}
    try:
        with tarfile.open(tarball, "r:gz") as archive:
            for member in archive:
                name = wanted.pop(member.name, None)
                if name is None:
                    continue
                if not member.isreg():
                    raise FetchError(f"{url}: {member.name} is not a regular file")
                if member.size > MAX_FILE_BYTES:
                    raise FetchError(f"{url}: {member.name} is larger than "
                                     f"{MAX_FILE_BYTES // (1024 * 1024)} MiB")
                source = archive.extractfile(member)
                if source is None:
                    raise FetchError(f"{url}: {member.name} cannot be read")
                with source, (target / name).open("xb") as out:
                    shutil.copyfileobj(source, out)
    except (tarfile.TarError, EOFError, ValueError) as exc:
        raise FetchError(f"{url}: not a readable npm package ({exc})") from None
    if wanted:
        raise FetchError(f"{url}: the package has no {', '.join(sorted(wanted))}")


def _move_into_place(staging: Path, final: Path) -> None:
    """Rename the complete staging folder to `final`; an incomplete `final` (a file
    deleted from the cache) is replaced, a complete one (fetched meanwhile) is kept."""
    (staging / "package.tgz").unlink(missing_ok=True)
    if final.exists() or final.is_symlink():
        if is_complete(final) and not final.is_symlink():
            return
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.rename(final, old)
        if old.is_symlink():
            old.unlink()
        else:
            shutil.rmtree(old, ignore_errors=True)
    os.rename(staging, final)


class _Progress:
    """One line on stderr while a download runs: updated in place on a terminal, else
    written once when it starts and finished when it ends."""

    def __init__(self, stream: TextIO | None, what: str) -> None:
        self.stream = stream
        self.what = what
        self.live = bool(stream is not None and stream.isatty())
        self.started = time.monotonic()
        self.shown = 0.0
        self.done = 0
        if stream is not None:
            stream.write(f"playbook: {what} ...")
            stream.flush()

    def update(self, done: int, total: int) -> None:
        self.done = done
        now = time.monotonic()
        if not self.live or now - self.shown < 0.2 or self.stream is None:
            return
        self.shown = now
        amount = f"{done / 1e6:.1f}" + (f" of {total / 1e6:.1f} MB" if total else " MB")
        self.stream.write(f"\rplaybook: {self.what} ... {amount}")
        self.stream.flush()

    def end(self, word: str) -> None:
        if self.stream is None:
            return
        seconds = time.monotonic() - self.started
        tail = f" {word} ({self.done / 1e6:.1f} MB, {seconds:.1f} s)" if word == "done" \
            else f" {word}"
        prefix = f"\rplaybook: {self.what} ..." if self.live else ""
        self.stream.write(prefix + tail + ("\x1b[K" if self.live else "") + "\n")
        self.stream.flush()
