"""`playbook migrate`: a playbook written for an earlier version keeps its meaning.

The default playbook needs nothing; put back into the earlier form (no declared
vocabularies, no default scale, competencies and pay ranges relying on what earlier
versions assumed) it fails to validate with a message naming `playbook migrate`, and
after migrating it validates and compiles to the same site source as the original.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generators.check import check
from generators.compiler import compile_site
from generators.errors import UserError
from generators.migrate import migrate
from generators.pipeline import Options
from tests.conftest import DEFAULT_PLAYBOOK, edit

PLAYBOOK_COMMAND = str(Path(sys.executable).parent / "playbook")


def playbook_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PLAYBOOK_COMMAND, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)


def site_source(root: Path) -> dict[str, bytes]:
    """Every file of the compiled site source (pages, bundle, calendars, config)."""
    site = compile_site(Options(root))
    found = {f.uri: f.data() for f in site.files}
    found["mkdocs.yml"] = site.config_text.encode("utf-8")
    return found


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.yml"))}


def earlier_form(root: Path) -> None:
    """Write the default playbook at `root` as an earlier version required it."""
    manifest = root / "playbook.yml"
    text = manifest.read_text(encoding="utf-8")
    text = re.sub(r"default_scale: proficiency\nrole_families:\n(  - .*\n)+metric_areas: .*\n",
                  "", text)
    assert "role_families" not in text and "default_scale" not in text
    manifest.write_text(text, encoding="utf-8")
    for path in sorted((root / "competencies").glob("*.yml")):
        edit(path, "scale: proficiency\n", "")
    for path in sorted((root / "roles").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("    currency: USD\n", ""), encoding="utf-8")


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("original") / "playbook"
    shutil.copytree(DEFAULT_PLAYBOOK, folder)
    cwd = os.getcwd()
    os.chdir(folder.parent)
    try:
        return site_source(Path("playbook"))
    finally:
        os.chdir(cwd)


def test_the_default_playbook_needs_nothing(tmp_path: Path) -> None:
    shutil.copytree(DEFAULT_PLAYBOOK, tmp_path / "playbook")
    before = snapshot(tmp_path / "playbook")
    assert check(tmp_path / "playbook").ok
    result = playbook_cli("migrate", "playbook", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "playbook: nothing to migrate\n", "")
    assert playbook_cli("migrate", "--check", "playbook", cwd=tmp_path).returncode == 0
    assert snapshot(tmp_path / "playbook") == before


def test_the_earlier_form_migrates_to_the_same_site(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    default_site: dict[str, bytes]) -> None:
    root = tmp_path / "playbook"
    shutil.copytree(DEFAULT_PLAYBOOK, root)
    earlier_form(root)
    monkeypatch.chdir(tmp_path)

    refused = playbook_cli("validate", cwd=tmp_path)
    assert refused.returncode == 1
    errors = [line for line in refused.stderr.splitlines() if ": warning: " not in line]
    assert errors[0] == (
        "playbook/competencies/account-strategy-development.yml:2:1: scale: no scale given "
        "(write 'scale: ID' here, or 'default_scale: ID' in playbook.yml; earlier versions "
        "assumed 'proficiency': `playbook migrate` writes that into playbook.yml)")
    assert "playbook/roles/absm-director.yml:107:3: compensation.base_salary.currency: " \
           "required field is missing (write its ISO 4217 code, e.g. 'currency: EUR'; earlier " \
           "versions assumed USD, and `playbook migrate` writes that in)" in errors
    assert all("playbook migrate" in line for line in errors[:-1]), errors

    before = snapshot(root)
    dry = playbook_cli("migrate", "--check", "playbook", cwd=tmp_path)
    assert dry.returncode == 1 and snapshot(root) == before
    assert dry.stderr == "9 changes needed: run playbook migrate playbook\n"

    done = playbook_cli("migrate", "playbook", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == dry.stdout
    lines = done.stdout.splitlines()
    assert lines[:3] == [
        "playbook/playbook.yml: added default_scale: proficiency (the scale earlier versions "
        "assumed)",
        "playbook/playbook.yml: added role_families: leadership, specialist, execution, support "
        "(the families earlier versions built in, with their titles)",
        "playbook/playbook.yml: added metric_areas: program, hiring, development, team, "
        "marketing, sales (the areas earlier versions built in)",
    ]
    assert lines[3] == ("playbook/roles/absm-director.yml: compensation.base_salary: added "
                        "currency: USD (the currency earlier versions assumed)")
    assert len(lines) == 9

    assert check(Path("playbook")).problems == []
    assert site_source(Path("playbook")) == default_site
    again = playbook_cli("migrate", "playbook", cwd=tmp_path)
    assert again.stdout == "playbook: nothing to migrate\n"


def test_edits_keep_comments_and_layout(playbook: Path) -> None:
    edit(playbook / "playbook.yml", "default_scale: proficiency\n", "")
    edit(playbook / "playbook.yml", "title: Minimal Playbook",
         "# The manifest.\ntitle: Minimal Playbook  # shown on every page")
    role = playbook / "roles/sdr.yml"
    role.write_text(role.read_text(encoding="utf-8") + (
        "compensation:  # from the 2025 survey\n"
        "  base_salary: {min: 50000, max: 60000}  # before tax\n"
        "  variable_percent:\n    min: 10\n    max: 20\n"
        "  signing_bonus:\n    min: 1000\n    # the top is a guess\n    max: 2000\n\n"
        "# end of file\n"), encoding="utf-8")
    before = role.read_text(encoding="utf-8")
    changes = [change.render() for change in migrate(playbook)]
    assert changes == [
        "playbook/playbook.yml: added default_scale: proficiency (the scale earlier versions "
        "assumed)",
        "playbook/roles/sdr.yml: compensation.base_salary: added currency: USD (the currency "
        "earlier versions assumed)",
        "playbook/roles/sdr.yml: compensation.signing_bonus: added currency: USD (the currency "
        "earlier versions assumed)",
    ]
    assert role.read_text(encoding="utf-8") == before.replace(
        "{min: 50000, max: 60000}", "{min: 50000, max: 60000, currency: USD}").replace(
        "    max: 2000\n", "    max: 2000\n    currency: USD\n")
    manifest = (playbook / "playbook.yml").read_text(encoding="utf-8")
    assert manifest.startswith("# The manifest.\ntitle: Minimal Playbook  # shown on every page")
    assert manifest.endswith("  - {id: support, title: Support}\ndefault_scale: proficiency\n")
    assert check(playbook).problems == []


def test_a_competency_off_another_default_scale_keeps_proficiency(playbook: Path) -> None:
    scale = (playbook / "scales/proficiency.yml").read_text(encoding="utf-8")
    stars = scale.replace("id: proficiency", "id: stars")
    for old, new in (("beginner", "one"), ("intermediate", "two"), ("advanced", "three"),
                     ("expert", "four")):
        stars = stars.replace(f"id: {old}", f"id: {new}")
    (playbook / "scales/stars.yml").write_text(stars, encoding="utf-8")
    edit(playbook / "playbook.yml", "default_scale: proficiency", "default_scale: stars")
    # Written for this version: on the default scale's levels, or naming its scale.
    on_stars = (playbook / "competencies/crm-utilization.yml").read_text(encoding="utf-8")
    for old, new in (("beginner", "one"), ("intermediate", "two"), ("advanced", "three"),
                     ("expert", "four")):
        on_stars = on_stars.replace(f"level: {old}", f"level: {new}")
    (playbook / "competencies/on-stars.yml").write_text(
        on_stars.replace("crm-utilization", "on-stars"), encoding="utf-8")
    edit(playbook / "competencies/crm-utilization.yml", "levels:", "scale: proficiency\nlevels:")
    before = {name: (playbook / "competencies" / name).read_bytes()
              for name in ("crm-utilization.yml", "on-stars.yml")}
    assert [change.render() for change in migrate(playbook)] == [
        "playbook/competencies/relationship-building.yml: added scale: proficiency (earlier "
        "versions assumed it, not the manifest's default_scale 'stars')",
    ]
    text = (playbook / "competencies/relationship-building.yml").read_text(encoding="utf-8")
    assert text.endswith("  - {level: expert, descriptor: Shapes.}\nscale: proficiency\n")
    assert before == {name: (playbook / "competencies" / name).read_bytes() for name in before}
    assert check(playbook).ok


def test_a_playbook_written_for_this_version_needs_nothing() -> None:
    example = Path(__file__).parent / "examples/secure-engineering"
    assert check(example).ok
    assert migrate(example, write=False) == []


def test_nothing_is_written_through_a_link(playbook: Path) -> None:
    edit(playbook / "playbook.yml", "default_scale: proficiency\n", "")
    real = playbook / "real-manifest.yml"
    (playbook / "playbook.yml").rename(real)
    (playbook / "playbook.yml").symlink_to("real-manifest.yml")
    before = real.read_bytes()
    with pytest.raises(UserError) as caught:
        migrate(playbook)
    assert str(caught.value) == ("playbook/playbook.yml:1:1: is a symbolic link; nothing is "
                                 "written through a link (replace the link with a real folder "
                                 "or file)")
    assert real.read_bytes() == before


def test_a_file_that_is_not_yaml_is_reported_and_nothing_written(playbook: Path) -> None:
    edit(playbook / "playbook.yml", "default_scale: proficiency\n", "")
    (playbook / "roles/broken.yml").write_text("id: [broken\n", encoding="utf-8")
    before = snapshot(playbook)
    result = playbook_cli("migrate", "playbook", cwd=playbook.parent.resolve())
    assert result.returncode == 1
    assert result.stderr == ("playbook/roles/broken.yml:2:1: invalid YAML: expected ',' or "
                             "']', but got '<stream end>' (a quote or bracket is not closed)\n")
    assert snapshot(playbook) == before


def test_a_folder_without_a_manifest(tmp_path: Path) -> None:
    result = playbook_cli("migrate", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ("playbook: error: nowhere/playbook.yml: manifest not found (pass "
                             "the folder that holds playbook.yml)\n")
