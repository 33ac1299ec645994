"""The site folder: what a build may replace, and the swap that never loses the old site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generators import output


def _site(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(text, encoding="utf-8")
    output.mark_site(folder)
    return folder


def test_swap_replaces_the_old_site_and_leaves_no_hidden_copy(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "old")
    staging = output.staging_dir(site)
    (staging / "index.html").write_text("new", encoding="utf-8")
    output.swap_in(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failed_swap_puts_the_old_site_back(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path / "site", "old")
    staging = output.staging_dir(site)
    real_replace = os.replace

    def failing_replace(source: str | Path, target: str | Path) -> None:
        if Path(source) == staging:  # the new site cannot take its place
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        output.swap_in(staging, site)
    monkeypatch.undo()
    output.discard(staging)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_existing_hidden_name_is_never_used_or_removed(tmp_path: Path) -> None:
    site = _site(tmp_path / "site", "old")
    (tmp_path / ".site.old").mkdir()
    (tmp_path / ".site.old/mine.txt").write_text("mine", encoding="utf-8")
    staging = output.staging_dir(site)
    output.swap_in(staging, site)
    assert (tmp_path / ".site.old/mine.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(("target", "message"), [
    ("playbook", "playbook is the playbook folder"),
    ("playbook/out", "playbook/out is inside the playbook folder"),
    ("docs", "docs is the docs folder"),
    (".", ". is the current folder"),
    ("..", ".. contains the playbook folder"),
])
def test_protected_places_are_refused_even_when_forced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "playbook").mkdir()
    (tmp_path / "docs").mkdir()
    protected = output.Protected(Path("playbook"), Path("."), Path("docs"))
    with pytest.raises(output.SiteDirRefused, match=message.replace(".", r"\.")):
        output.check_site_dir(Path(target), protected, force=True)


def test_force_allows_a_foreign_folder_only(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine/notes.txt").write_text("x", encoding="utf-8")
    protected = output.Protected(Path("playbook"), Path("."))
    with pytest.raises(output.SiteDirRefused, match="not a site built by playbook"):
        output.check_site_dir(Path("mine"), protected)
    output.check_site_dir(Path("mine"), protected, force=True)
    output.mark_site(tmp_path / "mine")
    output.check_site_dir(Path("mine"), protected)  # a site of ours: no force needed
