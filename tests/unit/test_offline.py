"""`playbook bundle`: what it refuses, with the exact message, and what it takes from the
pages branch (a small branch made with git here, not a real publish)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generators.offline import archive, launcher
from generators.output import MARKER
from tests.versions.helpers import git

PLAYBOOK_COMMAND = str(Path(sys.executable).parent / "playbook")
LAUNCHER_FILES = {"serve.py", "README.txt", "start.sh", "start.bat"}


def bundle(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([PLAYBOOK_COMMAND, "bundle", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, check=False)
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A folder as a build leaves it: the marker, a page."""
    folder = tmp_path / "site"
    (folder / "roles").mkdir(parents=True)
    (folder / MARKER).write_text("built\n", encoding="utf-8")
    (folder / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (folder / "roles/index.html").write_text("<h1>Roles</h1>", encoding="utf-8")
    return folder


def names(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as opened:
        return set(opened.namelist())


def test_a_built_site_is_bundled_with_its_launcher(site: Path, tmp_path: Path) -> None:
    done = bundle("copy.zip", "--site", str(site), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert names(tmp_path / "copy.zip") == {"site/index.html", "site/roles/index.html",
                                            *LAUNCHER_FILES}
    assert done.stdout.startswith("wrote copy.zip (6 files, ")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_an_existing_zip_is_kept_without_force(site: Path, tmp_path: Path) -> None:
    (tmp_path / "copy.zip").write_text("keep", encoding="utf-8")
    done = bundle("copy.zip", "--site", str(site), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "playbook: error: copy.zip exists; replace it with --force, or give another name"]
    assert (tmp_path / "copy.zip").read_text(encoding="utf-8") == "keep"
    forced = bundle("copy.zip", "--site", str(site), "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "site/index.html" in names(tmp_path / "copy.zip")


def test_a_folder_or_a_link_is_never_replaced(site: Path, tmp_path: Path) -> None:
    (tmp_path / "folder.zip").mkdir()
    (tmp_path / "target.zip").write_text("keep", encoding="utf-8")
    (tmp_path / "link.zip").symlink_to(tmp_path / "target.zip")
    folder = bundle("folder.zip", "--site", str(site), "--force", cwd=tmp_path)
    link = bundle("link.zip", "--site", str(site), "--force", cwd=tmp_path)
    assert folder.stderr.splitlines() == [
        "playbook: error: folder.zip is a folder; give the name of a zip file to write, such "
        "as playbook.zip"]
    assert link.stderr.splitlines() == [
        "playbook: error: link.zip is a symbolic link; give the name of a new zip file"]
    assert (folder.returncode, link.returncode) == (1, 1)
    assert (tmp_path / "link.zip").is_symlink()
    assert (tmp_path / "target.zip").read_text(encoding="utf-8") == "keep"


def test_only_a_folder_a_build_wrote_is_bundled(site: Path, tmp_path: Path) -> None:
    (site / MARKER).unlink()
    done = bundle("copy.zip", "--site", "site", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"playbook: error: site is not a site built by playbook (it has no {MARKER} file): "
        "build one with 'playbook build', or leave out --site to build one now"]
    assert not (tmp_path / "copy.zip").exists()


def test_outside_a_git_repository_versions_are_refused(tmp_path: Path) -> None:
    done = bundle("copy.zip", "--all-versions", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"playbook: error: {tmp_path.resolve()} is not inside a git repository: --version and "
        "--all-versions read the versions published on its pages branch; run this in the "
        "repository you publish from"]
    assert not (tmp_path / "copy.zip").exists()


def test_a_missing_pages_branch_is_named(tmp_path: Path) -> None:
    git("init", "-q", "-b", "main", cwd=tmp_path)
    done = bundle("copy.zip", "--version", "2026-Q4", "--branch", "pages", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "playbook: error: this repository has no branch 'pages': publish a version first with "
        "'playbook publish VERSION', or name the pages branch with --branch"]


RUNTIME_Q3 = "_runtime/pyodide-1/pyodide.js"
RUNTIME_Q4 = "_runtime/pyodide-2/pyodide.js"
VERSIONS = [{"version": "2026-Q4", "title": "2026-Q4", "aliases": ["latest"]},
            {"version": "2026-Q3", "title": "2026-Q3", "aliases": []}]
ROOT_PAGE = '<meta http-equiv="refresh" content="1; url=latest/" />'


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose pages branch holds two versions, each naming its own runtime
    at the branch's root, an alias written as a link, and the root page; and a work tree
    on main with a change not yet committed."""
    path = tmp_path / "repo"
    path.mkdir()
    git("init", "-q", "-b", "main", cwd=path)
    git("config", "user.email", "enablement@example.com", cwd=path)
    git("config", "user.name", "Enablement", cwd=path)
    (path / "notes.txt").write_text("main\n", encoding="utf-8")
    git("add", "notes.txt", cwd=path)
    git("commit", "-q", "-m", "main", cwd=path)
    git("checkout", "-q", "--orphan", "gh-pages", cwd=path)
    git("rm", "-q", "-r", "--cached", ".", cwd=path)
    (path / "notes.txt").unlink()
    files = {"versions.json": json.dumps(VERSIONS, indent=2), "index.html": ROOT_PAGE,
             ".nojekyll": "", RUNTIME_Q3: "// one", RUNTIME_Q4: "// two",
             "playbook-sw.js": "// the runtime cache's worker",
             "2026-Q3/index.html": f'<script src="../{RUNTIME_Q3}"></script>',
             "2026-Q4/index.html": f'<script src="../{RUNTIME_Q4}"></script>',
             "2026-Q4/assets/playbook/runtime.json": '{"pyodide": "../_runtime/pyodide-2/"}'}
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    (path / "latest").symlink_to("2026-Q4")
    git("add", "-A", cwd=path)
    git("commit", "-q", "-m", "pages", cwd=path)
    git("checkout", "-q", "-f", "main", cwd=path)
    git("clean", "-q", "-fdx", cwd=path)
    (path / "notes.txt").write_text("an edit in progress\n", encoding="utf-8")
    return path


def test_one_version_comes_with_the_runtime_it_names(repo: Path) -> None:
    done = bundle("../q3.zip", "--version", "2026-Q3", cwd=repo)
    assert done.returncode == 0, done.stderr
    out = repo.parent / "q3.zip"
    assert names(out) == {"site/2026-Q3/index.html", f"site/{RUNTIME_Q3}",
                          "site/versions.json", "site/index.html", "site/playbook-sw.js",
                          *LAUNCHER_FILES}
    with zipfile.ZipFile(out) as opened:
        assert json.loads(opened.read("site/versions.json")) == VERSIONS[1:]
        assert b'url=2026-Q3/"' in opened.read("site/index.html")
    # The branch was read, not checked out: the work tree is as it was.
    assert git("status", "--porcelain", cwd=repo) == " M notes.txt\n"
    assert git("branch", "--show-current", cwd=repo) == "main\n"


def test_an_alias_names_its_version(repo: Path) -> None:
    done = bundle("../latest.zip", "--version", "latest", cwd=repo)
    assert done.returncode == 0, done.stderr
    out = repo.parent / "latest.zip"
    assert names(out) == {"site/2026-Q4/index.html", "site/2026-Q4/assets/playbook/runtime.json",
                          f"site/{RUNTIME_Q4}", "site/versions.json", "site/index.html",
                          "site/playbook-sw.js", *LAUNCHER_FILES}
    with zipfile.ZipFile(out) as opened:
        assert opened.read("site/index.html").decode() == ROOT_PAGE  # leads to latest/
    assert done.stdout.startswith("wrote ../latest.zip (")
    assert "; versions 2026-Q4): unzip it" in done.stdout


def test_all_versions_keep_versions_json_as_published(repo: Path) -> None:
    done = bundle("../all.zip", "--all-versions", cwd=repo)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(repo.parent / "all.zip") as opened:
        assert opened.read("site/versions.json").decode() == json.dumps(VERSIONS, indent=2)
        assert {f"site/{RUNTIME_Q3}", f"site/{RUNTIME_Q4}"} <= set(opened.namelist())
        assert not any(name.startswith(("site/latest", "site/.")) for name in opened.namelist())


def test_an_unknown_version_is_named_with_what_is_published(repo: Path) -> None:
    done = bundle("../x.zip", "--version", "2026-Q1", "--version", "lastest", cwd=repo)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "playbook: error: no version '2026-Q1' on gh-pages (published: 2026-Q4 (latest), "
        "2026-Q3); did you mean '2026-Q4'?",
        "playbook: error: no version 'lastest' on gh-pages (published: 2026-Q4 (latest), "
        "2026-Q3); did you mean 'latest'?"]
    assert not (repo.parent / "x.zip").exists()


def test_zip_names_are_safe_relative_paths() -> None:
    for name in ("site/index.html", "site/2026-Q4/assets/pyodide/pyodide.asm.wasm"):
        assert archive.safe_name(name)
    for name in ("", "/etc/passwd", "site/../x", "site/./x", "site//x", "a\\b", "c:x",
                 "site/x\x1b[31m", "site/trailing.", "site/\udcff"):
        assert not archive.safe_name(name), name


def test_a_failed_bundle_leaves_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "copy.zip"
    with pytest.raises(RuntimeError), archive.ZipWriter(out, force=False, total=0) as writer:
        writer.add("site/index.html", b"<h1>Home</h1>", mtime=0)
        raise RuntimeError("interrupted")
    assert os.listdir(tmp_path) == []


def test_the_launcher_points_the_sitemap_at_its_own_address(tmp_path: Path) -> None:
    sitemap = (b"<urlset><url><loc>https://playbook.example.com/2026-Q4/</loc></url>"
               b"<url><loc>https://playbook.example.com/2026-Q4/roles/sdr/</loc></url></urlset>")
    assert launcher.local_sitemap(sitemap, "http://127.0.0.1:8765/2026-Q4/", tmp_path) == (
        b"<urlset><url><loc>http://127.0.0.1:8765/2026-Q4/</loc></url>"
        b"<url><loc>http://127.0.0.1:8765/2026-Q4/roles/sdr/</loc></url></urlset>")


def test_the_launcher_lists_the_pages_of_a_site_built_without_an_address(
        tmp_path: Path) -> None:
    for name in ("index.html", "404.html", "roles/index.html", "roles/sdr/index.html",
                 "print.html", "assets/x/index.html", "2026-Q3/sitemap.xml",
                 "2026-Q3/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert launcher.pages_in(tmp_path) == ["", "index.html", "print.html", "roles/",
                                           "roles/index.html", "roles/sdr/",
                                           "roles/sdr/index.html"]
    empty = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>'
    listed = launcher.local_sitemap(empty, "http://127.0.0.1:8765/", tmp_path)
    assert b"<url><loc>http://127.0.0.1:8765/roles/sdr/</loc></url>" in listed


def test_the_launcher_reads_aliases_from_versions_json(tmp_path: Path) -> None:
    (tmp_path / "versions.json").write_text(json.dumps(
        [*VERSIONS, {"version": "2026-Q2", "aliases": ["../up", "a/b", 3]}]), encoding="utf-8")
    assert launcher.aliases(tmp_path) == {"latest": "2026-Q4"}
    assert launcher.aliases(tmp_path / "missing") == {}
