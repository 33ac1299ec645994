"""A git repository with the default playbook, published as 2026-Q3 and then 2026-Q4."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PLAYBOOK_COMMAND = str(Path(sys.executable).parent / "playbook")
#: Roles that require the competency the second version removes.
VISUAL_ROLES = ("absm-data-analyst", "ops-enablement-leader", "absm-content-strategist")


def playbook(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([PLAYBOOK_COMMAND, *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=600, check=False)


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          check=True).stdout


def new_repo(path: Path) -> Path:
    """A git repository holding a copy of the project's playbook, docs and mkdocs.yml."""
    path.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "playbook", path / "playbook")
    shutil.copytree(ROOT / "docs", path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", path / "mkdocs.yml")
    set_version(path, "2026-Q3")
    git("init", "-q", "-b", "main", cwd=path)
    git("config", "user.email", "enablement@example.com", cwd=path)
    git("config", "user.name", "Enablement", cwd=path)
    commit(path, "2026-Q3")
    return path


def commit(path: Path, message: str) -> None:
    git("add", "-A", cwd=path)
    git("commit", "-q", "-m", message, cwd=path)


def set_version(path: Path, version: str) -> None:
    manifest = path / "playbook/playbook.yml"
    text = manifest.read_text(encoding="utf-8")
    current = next(line for line in text.splitlines() if line.startswith("version:"))
    manifest.write_text(text.replace(current, f"version: {version}"), encoding="utf-8")


def drop_requirement(role_file: Path, competency: str) -> None:
    """Remove one `- competency: X` item (and its fields) from a role file."""
    lines, kept, indent = role_file.read_text(encoding="utf-8").splitlines(True), [], None
    for line in lines:
        stripped, depth = line.strip(), len(line) - len(line.lstrip())
        if stripped == f"- competency: {competency}":
            indent = depth
            continue
        if indent is not None and (not stripped or depth > indent):
            continue
        indent = None
        kept.append(line)
    role_file.write_text("".join(kept), encoding="utf-8")


def edit_for_next_quarter(path: Path) -> None:
    """A changed required level, a changed meeting length, an added role (who attends that
    meeting), a removed competency (and the requirements that named it)."""
    book = path / "playbook"
    specialist = book / "roles/social-selling-specialist.yml"
    text = specialist.read_text(encoding="utf-8")
    start = text.index("competency: crm-utilization")
    at = text.index("level: intermediate", start)
    specialist.write_text(text[:at] + "level: advanced" + text[at + len("level: intermediate"):],
                          encoding="utf-8")
    meeting = book / "cadences/weekly-team-meeting.yml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("minutes: 60", "minutes: 45")
                       .replace("  - sdr-absm\n", "  - sdr-absm\n  - field-marketer\n", 1),
                       encoding="utf-8")
    (book / "roles/field-marketer.yml").write_text(
        "id: field-marketer\nname: Field Marketer\nfamily: specialist\n"
        "purpose: Runs events that bring target accounts together.\n"
        "areas:\n  - id: events\n    name: Events\n    activities: [Plan account events]\n",
        encoding="utf-8")
    for role in VISUAL_ROLES:
        drop_requirement(book / f"roles/{role}.yml", "visual-communication")
    (book / "competencies/visual-communication.yml").unlink()
    set_version(path, "2026-Q4")
    commit(path, "2026-Q4")


def tree(path: Path, ref: str, folder: str) -> str:
    """`git ls-tree -r` of a folder: every file with its content hash."""
    return git("ls-tree", "-r", ref, "--", folder, cwd=path)


def export_pages(path: Path, target: Path) -> Path:
    """The pages branch, checked out into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", "--format=tar", "gh-pages"], cwd=path,
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target
