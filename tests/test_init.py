"""`playbook init` and `playbook new` as a new user meets them: from nothing to a site."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generators.model import ENTITY_KINDS
from tests.conftest import DEFAULT_PLAYBOOK, ROOT
from tests.test_cli import run

#: Kinds whose starter needs another entity first, and which kind that is.
PREREQUISITE = {"hiring-profile": "role", "play": "role"}


def errors_of(folder: Path) -> list[str]:
    check = run("validate", "--playbook", str(folder), "--format", "json")
    report = json.loads(check.stdout)
    return [f"{p['file']}:{p['line']}: {p['message']}" for p in report["problems"]
            if p["severity"] == "error"]


def test_init_writes_a_minimal_playbook_that_validates_and_builds(tmp_path: Path) -> None:
    result = run("init", "acme-security", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "acme-security"
    manifest = (folder / "playbook.yml").read_text(encoding="utf-8")
    assert "title: Acme Security Playbook\n" in manifest
    assert "organisation: Acme Security\n" in manifest
    assert (folder / "scales/proficiency.yml").is_file()
    assert "playbook new" in (folder / "README.md").read_text(encoding="utf-8")
    assert (folder / "schemas/role.schema.json").is_file()
    assert errors_of(folder) == []
    site = tmp_path / "site"
    built = run("build", "--playbook", str(folder), "--site-dir", str(site), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Acme Security Playbook" in home


def test_init_takes_a_title_and_an_organisation(tmp_path: Path) -> None:
    result = run("init", "p", "--title", "How We Work: Platform", "--organisation",
                 "Northwind", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    manifest = (tmp_path / "p/playbook.yml").read_text(encoding="utf-8")
    assert 'title: "How We Work: Platform"\n' in manifest
    assert "organisation: Northwind\n" in manifest
    assert errors_of(tmp_path / "p") == []


@pytest.mark.parametrize("kind", [k.name for k in ENTITY_KINDS])
def test_every_starter_validates_in_a_new_playbook(tmp_path: Path, kind: str) -> None:
    """A starter refers only to what the new playbook has, or says what to add first."""
    assert run("init", "p", cwd=tmp_path).returncode == 0
    folder = tmp_path / "p"
    result = run("new", kind, "first-one", "--playbook", str(folder))
    if kind in PREREQUISITE:
        needed = PREREQUISITE[kind]
        assert result.returncode == 1
        assert result.stderr == (
            f"playbook: error: a {kind} refers to a {needed}, and this playbook has none yet: "
            f"add one first with `playbook new {needed} ID`\n")
        assert not any(folder.glob("*/first-one.yml"))
        assert run("new", needed, "needed-one", "--playbook", str(folder)).returncode == 0
        result = run("new", kind, "first-one", "--playbook", str(folder))
    assert result.returncode == 0, result.stderr
    assert errors_of(folder) == []


def test_a_competency_starter_is_written_on_the_playbooks_own_scale(tmp_path: Path) -> None:
    assert run("init", "p", cwd=tmp_path).returncode == 0
    folder = tmp_path / "p"
    (folder / "scales/proficiency.yml").unlink()
    (folder / "playbook.yml").write_text(
        (folder / "playbook.yml").read_text(encoding="utf-8").replace(
            "default_scale: proficiency", "default_scale: craft"), encoding="utf-8")
    refused = run("new", "competency", "writing", "--playbook", str(folder))
    assert refused.returncode == 1
    assert "add one first with `playbook new scale ID`" in refused.stderr
    (folder / "scales/craft.yml").write_text(
        "id: craft\nname: Craft\npurpose: Levels of craft.\nlevels:\n"
        "  - {id: novice, label: Novice, value: 1}\n  - {id: adept, label: Adept, value: 2}\n"
        "  - {id: master, label: Master, value: 3}\n  - {id: sage, label: Sage, value: 4}\n",
        encoding="utf-8")
    assert run("new", "competency", "writing", "--playbook", str(folder)).returncode == 0
    text = (folder / "competencies/writing.yml").read_text(encoding="utf-8")
    assert "scale: craft\n" in text
    assert [line.split(": ")[1] for line in text.splitlines() if "- level:" in line] == [
        "novice", "adept", "master", "sage"]
    assert errors_of(folder) == []


def test_init_example_writes_the_default_playbook(tmp_path: Path) -> None:
    result = run("init", "ours", "--example", "social-selling", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = {p.relative_to(tmp_path / "ours").as_posix()
               for p in (tmp_path / "ours").rglob("*.yml")}
    shipped = {p.relative_to(DEFAULT_PLAYBOOK).as_posix() for p in DEFAULT_PLAYBOOK.rglob("*.yml")}
    assert written == shipped
    for name in shipped:
        assert (tmp_path / "ours" / name).read_bytes() == (DEFAULT_PLAYBOOK / name).read_bytes()
    assert errors_of(tmp_path / "ours") == []


@pytest.mark.parametrize("setup", ["file", "full-folder", "link"])
def test_init_never_replaces_anything(tmp_path: Path, setup: str) -> None:
    target = tmp_path / "p"
    if setup == "file":
        target.write_text("keep me", encoding="utf-8")
    elif setup == "full-folder":
        target.mkdir()
        (target / "notes.txt").write_text("keep me", encoding="utf-8")
    else:
        (tmp_path / "elsewhere").mkdir()
        target.symlink_to(tmp_path / "elsewhere")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    result = run("init", "p", cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before
    if setup != "link":
        assert "keep me" in (target.read_text() if setup == "file"
                             else (target / "notes.txt").read_text())


def test_init_into_an_empty_folder_and_unknown_examples(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert run("init", "empty", cwd=tmp_path).returncode == 0
    assert (tmp_path / "empty/playbook.yml").is_file()
    unknown = run("init", "x", "--example", "gardening", cwd=tmp_path)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("playbook: error: unknown example 'gardening' (examples: "
                                     "social-selling: ")
    assert not (tmp_path / "x").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["empty"]  # no staging folder left


def test_the_installed_package_carries_the_example(tmp_path: Path) -> None:
    """A wheel built from the sources holds the default playbook, and `init --example`
    run from that wheel writes it (no checkout needed)."""
    source = tmp_path / "source"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((ROOT / name).read_bytes())
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(tmp_path / "dist"), str(source)], check=True,
                   capture_output=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("*.whl"))
    unpacked = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(unpacked)
    assert (unpacked / "generators/examples/social-selling/playbook.yml").is_file()
    script = ("import sys; sys.path.insert(0, sys.argv[1]); import generators; "
              "assert generators.__file__.startswith(sys.argv[1]), generators.__file__; "
              "from generators.cli import main; "
              "sys.exit(main(['init', 'ours', '--example', 'social-selling']))")
    result = subprocess.run([sys.executable, "-c", script, str(unpacked)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    roles = sorted(p.name for p in (tmp_path / "ours/roles").iterdir())
    assert roles == sorted(p.name for p in (DEFAULT_PLAYBOOK / "roles").iterdir())
