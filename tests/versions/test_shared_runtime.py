"""Published versions share one Pyodide at the root of the pages branch; a version
published with its own copy keeps it; a single site keeps its copy inside."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generators.pyodide import LICENSE_FILE, RUNTIME_FILES
from generators.pyodide.pin import pinned
from tests.versions.helpers import (
    commit,
    edit_for_next_quarter,
    git,
    new_repo,
    playbook,
    set_version,
    tree,
)

RUNTIME = f"_runtime/pyodide-{pinned().version}/"


def publish_with_own_runtime(repo: Path, version: str) -> None:
    """Publish as versions were published before they shared a runtime: Pyodide inside."""
    script = ("import sys; from pathlib import Path; "
              "from generators.publish.publish import publish; "
              "publish(Path('playbook'), sys.argv[1], shared_runtime=False)")
    done = subprocess.run([sys.executable, "-c", script, version], cwd=repo,
                          capture_output=True, text=True, timeout=600, check=False,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                               "HOME": str(Path.home())})
    assert done.returncode == 0, done.stderr


def wasm_paths(repo: Path) -> list[str]:
    return sorted(line.split("\t")[1] for line in tree(repo, "gh-pages", ".").splitlines()
                  if line.endswith("/pyodide.asm.wasm"))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2026-Q3 published with its own runtime, then 2026-Q4 with the shared one."""
    repo = new_repo(tmp_path_factory.mktemp("shared-runtime") / "repo")
    publish_with_own_runtime(repo, "2026-Q3")
    edit_for_next_quarter(repo)
    done = playbook("publish", "2026-Q4", "--alias", "latest", cwd=repo)
    assert done.returncode == 0, done.stderr
    return repo


def test_the_runtime_is_on_the_branch_once_beside_the_versions(published: Path) -> None:
    names = sorted(line.split("\t")[1].removeprefix(RUNTIME)
                   for line in tree(published, "gh-pages", RUNTIME).splitlines())
    assert [n for n in names if not n.startswith("engines/")] == sorted(
        [*RUNTIME_FILES, LICENSE_FILE])
    # The older version keeps the copy it was published with; the new one has none.
    assert wasm_paths(published) == ["2026-Q3/assets/pyodide/pyodide.asm.wasm",
                                     RUNTIME + "pyodide.asm.wasm"]
    notice = git("show", f"gh-pages:{RUNTIME}{LICENSE_FILE}", cwd=published)
    assert notice.startswith(f"Pyodide {pinned().version}\n")
    assert "Mozilla Public License Version 2.0" in notice


def test_the_new_version_loads_the_shared_runtime(published: Path) -> None:
    runtime = json.loads(git("show", "gh-pages:2026-Q4/assets/playbook/runtime.json",
                             cwd=published))
    assert runtime["pyodide"] == "../" + RUNTIME
    page = git("show", "gh-pages:2026-Q4/assessments/team-maturity/index.html", cwd=published)
    assert f'data-pyodide="../{RUNTIME}"' in page
    # The early loader in the head: from the page up to the version's root, then one more.
    assert f'"../../../{RUNTIME}"' in page
    old = git("show", "gh-pages:2026-Q3/assessments/team-maturity/index.html", cwd=published)
    assert 'data-pyodide="assets/pyodide/"' in old


def test_the_snapshot_of_python_is_kept_beside_the_shared_runtime(published: Path) -> None:
    """Versions with the same engine keep one copy of it, not one each."""
    snapshots = [line.split("\t")[1] for line in tree(
        published, "gh-pages", RUNTIME + "engines").splitlines()]
    assert len(snapshots) == 1 and snapshots[0].endswith(".snapshot"), snapshots
    name = snapshots[0].rsplit("/", 1)[1]
    runtime = json.loads(git("show", "gh-pages:2026-Q4/assets/playbook/runtime.json",
                             cwd=published))
    assert runtime["snapshot"] == f"../{RUNTIME}engines/{name}"
    assert not [line for line in tree(published, "gh-pages", "2026-Q4/assets/engine")
                .splitlines() if line.endswith(".snapshot")]
    # The version published with its own runtime keeps its snapshot beside its wheel.
    own = json.loads(git("show", "gh-pages:2026-Q3/assets/playbook/runtime.json",
                         cwd=published))
    assert own["snapshot"].startswith("assets/engine/") and own["snapshot"].endswith(".snapshot")


def test_a_second_shared_version_adds_no_runtime(published: Path) -> None:
    before = tree(published, "gh-pages", "_runtime")
    head = git("rev-parse", "gh-pages", cwd=published)
    (published / "playbook/playbook.yml").write_text(
        (published / "playbook/playbook.yml").read_text().replace("version: 2026-Q4",
                                                                  "version: 2027-Q1"))
    commit(published, "2027-Q1")
    done = playbook("publish", "2027-Q1", cwd=published)
    assert done.returncode == 0, done.stderr
    assert tree(published, "gh-pages", "_runtime") == before
    assert len(wasm_paths(published)) == 2  # still the old version's and the shared one
    # mike's own commit only: no runtime commit before it.
    assert git("rev-parse", "gh-pages~1", cwd=published) == head


def test_a_failed_deploy_leaves_the_branch_as_it_was(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    mkdocs = repo / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text() + "\nhooks: [missing_hook.py]\n")
    commit(repo, "a config mike cannot build")
    done = playbook("publish", "2026-Q3", cwd=repo)
    assert done.returncode == 1
    assert "mike deploy failed; nothing was published" in done.stderr
    assert "Traceback" not in done.stderr.split("mike deploy failed")[0]
    assert git("branch", "--list", "gh-pages", cwd=repo) == ""  # not even the runtime


def test_the_runtime_folder_is_not_an_alias(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    done = playbook("publish", "2026-Q3", "--alias", "_runtime", cwd=repo)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "playbook: error: '_runtime' is the folder of the runtime all versions share; choose "
        "another alias")


def test_a_publish_replaces_a_root_worker_that_differs_and_keeps_the_runtime(
        published: Path, tmp_path: Path) -> None:
    # A worker from an older release sits at the branch's root.
    checkout = tmp_path / "pages"
    git("worktree", "add", str(checkout), "gh-pages", cwd=published)
    (checkout / "playbook-sw.js").write_text("// an older runtime cache's worker\n")
    git("add", "playbook-sw.js", cwd=checkout)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m",
        "an older worker", cwd=checkout)
    git("worktree", "remove", "--force", str(checkout), cwd=published)
    runtime = tree(published, "gh-pages", "_runtime")
    set_version(published, "2027-Q2")
    commit(published, "2027-Q2")
    done = playbook("publish", "2027-Q2", cwd=published)
    assert done.returncode == 0, done.stderr
    shipped = (Path(__file__).resolve().parents[2] / "generators/assets/playbook-sw.js")
    assert git("show", "gh-pages:playbook-sw.js", cwd=published) == shipped.read_text()
    assert tree(published, "gh-pages", "_runtime") == runtime  # the runtime is kept as is
    # One commit for the worker, then mike's.
    assert "playbook-sw.js" in git("log", "-1", "--format=%s", "gh-pages~1", cwd=published)
