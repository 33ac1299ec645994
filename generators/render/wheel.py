"""Package the scoring engine as a pure-Python wheel for the browser.

Pyodide installs it with `loadPackage(url)`. The wheel holds only the
`assessments` package (standard library only), so it is built here in a few
milliseconds instead of through a full build backend. Its version carries a hash
of the sources, so browsers never run a stale cached engine.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from importlib import resources

from assessments import ENGINE_VERSION

DIST = "playbook_assessments"


def engine_sources() -> dict[str, bytes]:
    """The engine's modules, by path inside the wheel."""
    package = resources.files("assessments")
    return {f"assessments/{item.name}": item.read_bytes()
            for item in sorted(package.iterdir(), key=lambda p: p.name)
            if item.name.endswith(".py")}


def engine_wheel() -> tuple[str, bytes]:
    """`(file name, wheel bytes)` of the engine."""
    sources = engine_sources()
    digest = hashlib.sha256(b"".join(k.encode() + v for k, v in sources.items())).hexdigest()
    version = f"{ENGINE_VERSION}.0+{digest[:10]}"
    info = f"{DIST}-{version}.dist-info"
    files = dict(sources)
    files[f"{info}/METADATA"] = (f"Metadata-Version: 2.1\nName: {DIST}\nVersion: {version}\n"
                                 "Summary: Playbook assessment scoring engine\n").encode()
    files[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: playbook\nRoot-Is-Purelib: true\n"
                              b"Tag: py3-none-any\n")
    record = [f"{name},sha256={_b64(hashlib.sha256(data).digest())},{len(data)}"
              for name, data in files.items()]
    files[f"{info}/RECORD"] = ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    return f"{DIST}-{version}-py3-none-any.whl", buffer.getvalue()


def _b64(digest: bytes) -> str:
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
