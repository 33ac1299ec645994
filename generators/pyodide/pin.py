"""The pinned Pyodide: the npm package `package-lock.json` locks, as data the installed
compiler carries (`pin.json`), so that a user without Node gets the same files.

`python -m generators.pyodide.pin` writes `pin.json` again from `package-lock.json`
(after `npm install pyodide@<version>`); a test checks that the two agree.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

PACKAGE = "pyodide"
#: npm's own registry: `package-lock.json` names tarballs there unless it says otherwise.
NPM_REGISTRY = "https://registry.npmjs.org/"
PIN_FILE = "pin.json"


@dataclass(frozen=True)
class Pin:
    """One exact version of the `pyodide` npm package."""

    version: str
    tarball: str
    """The package's tarball on npm's own registry."""
    integrity: str
    """Subresource integrity of the tarball, as npm records it: `sha512-<base64>`."""
    license: str

    @property
    def folder_name(self) -> str:
        return f"{PACKAGE}-{self.version}"

    def url(self, registry: str | None = None) -> str:
        """The tarball's URL on `registry` (npm's own when None)."""
        if not registry or registry.rstrip("/") == NPM_REGISTRY.rstrip("/"):
            return self.tarball
        path = self.tarball.removeprefix(NPM_REGISTRY)
        return registry.rstrip("/") + "/" + path


def pinned() -> Pin:
    """The Pyodide this compiler builds sites with."""
    data = json.loads(resources.files(__package__ or "generators.pyodide")
                      .joinpath(PIN_FILE).read_text(encoding="utf-8"))
    return Pin(**data)


def from_package_lock(path: Path) -> Pin:
    """The pin `package-lock.json` records for the `pyodide` package."""
    lock: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    entry = lock["packages"][f"node_modules/{PACKAGE}"]
    version = str(entry["version"])
    tarball = entry.get("resolved") or f"{NPM_REGISTRY}{PACKAGE}/-/{PACKAGE}-{version}.tgz"
    return Pin(version=version, tarball=str(tarball), integrity=str(entry["integrity"]),
               license=str(entry["license"]))


def main(argv: list[str] | None = None) -> int:
    """Write `pin.json` from a `package-lock.json` (default: the one of this checkout)."""
    args = sys.argv[1:] if argv is None else argv
    lock = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "package-lock.json"
    pin = from_package_lock(lock)
    target = Path(__file__).with_name(PIN_FILE)
    target.write_text(json.dumps(asdict(pin), indent=2) + "\n", encoding="utf-8")
    print(f"{target}: pyodide {pin.version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
