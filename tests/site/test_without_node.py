"""A user who installed the compiler with pip, and has no Node, builds a site with
assessments: the pinned Pyodide is downloaded once into the user cache.

The compiler is installed from a wheel of the sources into a new virtual environment
that sees the project's dependencies (already installed) but not the checkout; the
build runs from a folder holding only a copy of the playbook, with a PATH that has no
node or npm, so no `node_modules` can be found.
"""

from __future__ import annotations

import os
import shutil
import site
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from generators.pyodide import LICENSE_FILE, RUNTIME_FILES
from generators.pyodide.pin import pinned
from tests.conftest import DEFAULT_PLAYBOOK, ROOT

SOURCES = ("generators", "assessments", "playbook", "pyproject.toml", "setup.py", "README.md")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `bin` folder of a new virtual environment with the compiler pip-installed."""
    work = tmp_path_factory.mktemp("pip-only")
    source = work / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(work / "venv")],
                   check=True, timeout=120)
    target = work / "venv" / "bin" / "python"
    # The dependencies, as installed for the project (not the checkout itself: the
    # project's editable-install hook lives in a .pth file, which this line does not run).
    packages = Path(subprocess.run(
        [str(target), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    (packages / "project-dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w",
                    str(work / "dist"), str(source)], check=True, capture_output=True,
                   timeout=300)
    wheel = next((work / "dist").glob("playbook_compiler-*.whl"))
    subprocess.run([*pip, "--python", str(target), "install", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    return work / "venv" / "bin"


def playbook(bin_dir: Path, *args: str, cwd: Path, cache: Path,
             **env: str) -> subprocess.CompletedProcess[str]:
    """`playbook` as that user runs it: a PATH with no node or npm on it."""
    clean = {key: value for key, value in os.environ.items()
             if key not in ("PATH", "PYTHONPATH", "VIRTUAL_ENV", "NODE_PATH")}
    return subprocess.run([str(bin_dir / "playbook"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, check=False,
                          env={**clean, "PATH": str(bin_dir), "XDG_CACHE_HOME": str(cache),
                               "NO_MKDOCS_2_WARNING": "1", **env})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(DEFAULT_PLAYBOOK, tmp_path / "project" / "playbook")
    return tmp_path / "project"


def test_the_installed_compiler_is_not_the_checkout(installed: Path, project: Path) -> None:
    where = subprocess.run([str(installed / "python"), "-c",
                            "import generators; print(generators.__file__)"],
                           capture_output=True, text=True, check=True, cwd=project).stdout
    assert where.startswith(str(installed.parent)), where
    assert shutil.which("node", path=str(installed)) is None
    assert shutil.which("npm", path=str(installed)) is None


def test_without_node_the_build_fetches_pyodide_once(installed: Path, project: Path,
                                                     tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    refused = playbook(installed, "build", "--no-fetch", cwd=project, cache=cache)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1] == (
        "playbook: error: the assessments need Pyodide: build without --no-fetch to download "
        "the pinned version once, run 'npm ci' to install it, or set the plugin's pyodide_dir "
        "or pyodide_url")
    assert "Traceback" not in refused.stderr
    assert not (project / "site").exists() and not cache.exists()
    # So is an offline bundle: one line, no zip, nothing downloaded.
    no_bundle = playbook(installed, "bundle", "offline.zip", "--no-fetch", cwd=project,
                         cache=cache)
    assert no_bundle.returncode == 1 and "Traceback" not in no_bundle.stderr
    assert no_bundle.stderr.splitlines()[-1] == refused.stderr.splitlines()[-1]
    assert not (project / "offline.zip").exists() and not cache.exists()

    built = playbook(installed, "build", cwd=project, cache=cache)
    assert built.returncode == 0, built.stderr
    pin = pinned()
    assert f"playbook: downloading Pyodide {pin.version} from https://" in built.stderr
    folder = cache / "playbook-compiler" / f"pyodide-{pin.version}"
    assert sorted(p.name for p in folder.iterdir()) == sorted(RUNTIME_FILES)
    runtime = project / "site" / "assets" / "pyodide"
    assert sorted(p.name for p in runtime.iterdir()) == sorted([*RUNTIME_FILES, LICENSE_FILE])
    for name in RUNTIME_FILES:
        assert (runtime / name).read_bytes() == (folder / name).read_bytes()
    assert (runtime / "pyodide.asm.wasm").stat().st_size > 5_000_000
    assert (runtime / LICENSE_FILE).read_text().startswith(f"Pyodide {pin.version}\n")
    page = (project / "site" / "assessments" / "team-maturity" / "index.html").read_text()
    assert 'data-pyodide="assets/pyodide/"' in page
    # Without Node, no snapshot of Python is made: the pages start Python the usual way.
    assert [p.suffix for p in (project / "site" / "assets" / "engine").iterdir()] == [".whl"]
    assert '"snapshot": null' in (project / "site" / "assets" / "playbook" / "runtime.json"
                                  ).read_text()
    assert not (cache / "playbook-compiler" / "snapshots").exists()

    # A second build takes it from the cache: nothing is downloaded.
    again = playbook(installed, "build", "--no-fetch", "--force", cwd=project, cache=cache)
    assert again.returncode == 0, again.stderr
    assert "downloading" not in again.stderr


def test_offline_the_build_fails_in_one_line(installed: Path, project: Path,
                                             tmp_path: Path) -> None:
    with socket.socket() as probe:  # a registry address nothing answers on
        probe.bind(("127.0.0.1", 0))
        registry = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    cache = tmp_path / "cache"
    result = playbook(installed, "build", cwd=project, cache=cache,
                      npm_config_registry=registry)
    assert result.returncode == 1
    last = result.stderr.splitlines()[-1]
    version = pinned().version
    assert last.startswith(f"playbook: error: cannot download Pyodide {version} from "
                           f"{registry}pyodide/-/pyodide-{version}.tgz (")
    assert last.endswith("); without a network, install it with 'npm ci' or point the "
                         "config's pyodide_dir at a copy")
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
    assert [p.name for p in (cache / "playbook-compiler").iterdir()] == []
