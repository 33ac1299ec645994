"""The Pyodide runtime that assessment pages run the scoring engine with: where a build
finds it, and its licence notice.

A build takes the first of: the folder the config's `pyodide_dir` names; a
`node_modules/pyodide` (under the project, the working folder, or the compiler's own
folder); the pinned version in the user's cache. When none is there, `runtime_folder`
downloads the pinned npm package into that cache, once (see `fetch`), so a user who
installed the compiler with pip needs no Node.
"""

from __future__ import annotations

import json
import os
import re
import sys
from importlib import resources
from pathlib import Path
from typing import TextIO

from generators.files import digest
from generators.pyodide.pin import Pin, pinned

#: The files of the npm package a site needs (everything else in it is for Node).
RUNTIME_FILES = ("pyodide.js", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                 "python_stdlib.zip", "pyodide-lock.json", "package.json")
#: Written beside the runtime files wherever they are published (the package has none).
LICENSE_FILE = "LICENSE"
CACHE_NAME = "playbook-compiler"
MAX_NPMRC_BYTES = 1024 * 1024
_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}")


def cache_root() -> Path:
    """The user's cache of this compiler: `$XDG_CACHE_HOME/playbook-compiler`, by default
    `~/.cache/playbook-compiler`."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / CACHE_NAME


def is_complete(folder: Path) -> bool:
    """Whether `folder` holds every file of the runtime."""
    return all((folder / name).is_file() for name in RUNTIME_FILES)


def cached(pin: Pin | None = None, root: Path | None = None) -> Path | None:
    """The pinned runtime in the user's cache, if it was fetched before."""
    folder = (root or cache_root()) / (pin or pinned()).folder_name
    return folder if is_complete(folder) else None


def runtime_folder(found: Path | None, *, fetch: bool, project: Path,
                   progress: TextIO | None = sys.stderr) -> Path | None:
    """The runtime to copy: `found` (see `HostConfig.pyodide_dir`), else, with `fetch`,
    the pinned one, downloaded into the user's cache (raises `FetchError` when that
    fails); None when there is none and fetching is off."""
    if found is not None or not fetch:
        return found
    from generators.pyodide.fetch import fetch_pinned

    return fetch_pinned(pinned(), cache_root(), registry=npm_registry(project),
                        progress=progress)


def npm_registry(project: Path) -> str | None:
    """The npm registry the user configured, as npm reads it: the `npm_config_registry`
    environment variable, else a `registry=` line in the project's `.npmrc`, else in the
    user's (`$NPM_CONFIG_USERCONFIG` or `~/.npmrc`). None: npm's own registry."""
    # npm reads its settings from the environment whatever the case of their names.
    settings = {name.lower(): value for name, value in os.environ.items()
                if name.lower().startswith("npm_config_") and value}
    if "npm_config_registry" in settings:
        return settings["npm_config_registry"]
    user = settings.get("npm_config_userconfig")
    for rc in (project / ".npmrc", Path(user) if user else Path.home() / ".npmrc"):
        registry = _registry_in(rc)
        if registry:
            return registry
    return None


def _registry_in(rc: Path) -> str | None:
    try:
        if not rc.is_file() or rc.stat().st_size > MAX_NPMRC_BYTES:
            return None
        text = rc.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() == "registry" and not line.lstrip().startswith(("#", ";")):
            # npm expands ${NAME} from the environment in .npmrc values.
            return re.sub(r"\$\{(\w+)\}", lambda m: os.environ.get(m.group(1), ""),
                          value.strip().strip("\"'")) or None
    return None


def version_of(folder: Path) -> str:
    """The version its `package.json` gives the runtime in `folder`, for a folder name;
    a digest of its files when it gives none that is fit for one."""
    try:
        version = json.loads((folder / "package.json").read_bytes()[:MAX_NPMRC_BYTES])["version"]
    except (OSError, ValueError, KeyError, TypeError):
        version = None
    if isinstance(version, str) and _VERSION.fullmatch(version):
        return version
    return digest(b"".join((folder / name).read_bytes() for name in RUNTIME_FILES
                           if (folder / name).is_file()))[:16]


def licence_notice(version: str) -> str:
    """The notice shipped with every copy of the runtime: what it is, its licence
    (MPL-2.0, in full) and where its source code is."""
    text = resources.files(__package__ or "generators.pyodide").joinpath(
        "MPL-2.0.txt").read_text(encoding="utf-8")
    return (f"Pyodide {version}\n\n"
            f"The files in this folder are the Pyodide runtime, copied unchanged from the npm\n"
            f"package pyodide@{version} (https://www.npmjs.com/package/pyodide).\n"
            "Pyodide is distributed under the Mozilla Public License 2.0, reproduced below.\n"
            "Its source code is at https://github.com/pyodide/pyodide. Parts it bundles (the\n"
            "Python standard library in python_stdlib.zip, the Emscripten runtime) are under\n"
            "their own licences, listed in that repository.\n\n" + "-" * 72 + "\n\n" + text)
