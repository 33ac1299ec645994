"""The `playbook` command, run as a user runs it: a subprocess, reading its output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generators.model import ENTITY_KINDS
from tests.conftest import DEFAULT_PLAYBOOK, edit

PLAYBOOK_COMMAND = Path(sys.executable).parent / "playbook"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PLAYBOOK_COMMAND), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=60, check=False)


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "schema", "new"):
        assert command in result.stdout


def test_validate_default_playbook_prints_counts() -> None:
    result = run("validate", "--playbook", str(DEFAULT_PLAYBOOK))
    assert result.returncode == 0, result.stderr
    assert "checked, no errors" in result.stdout
    assert "  role                13" in result.stdout.splitlines()
    assert result.stderr == ""


def test_validate_json_reports_ok_and_counts() -> None:
    result = run("validate", "--playbook", str(DEFAULT_PLAYBOOK), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["problems"] == []
    assert report["counts"]["role"] == 13
    assert report["counts"]["competency"] == 16
    assert set(report["counts"]) == {"manifest", *(kind.name for kind in ENTITY_KINDS)}


def test_validate_broken_playbook_exits_1_without_traceback(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "level: advanced", "level: expertt")
    result = run("validate", cwd=playbook.resolve().parent)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "playbook/roles/sdr.yml:16:5: required_competencies[1].level: 'expertt' is not a level "
        "of scale 'proficiency', the default_scale of playbook.yml (did you mean 'expert'?)",
        "1 error, 0 warnings",
    ]


def test_validate_broken_playbook_as_json(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "level: advanced", "level: expertt")
    result = run("validate", "--format", "json", cwd=playbook.resolve().parent)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["problems"] == [{
        "file": "playbook/roles/sdr.yml", "line": 16, "column": 5,
        "path": "required_competencies[1].level",
        "message": "'expertt' is not a level of scale 'proficiency', the default_scale of "
                   "playbook.yml",
        "hint": "did you mean 'expert'?", "severity": "error"}]


def test_schema_writes_one_file_per_kind(tmp_path: Path) -> None:
    result = run("schema", "--out", str(tmp_path / "schemas"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert names == sorted(f"{kind}.schema.json" for kind in ("manifest", *(
        k.name for k in ENTITY_KINDS)))


@pytest.fixture
def default_copy(tmp_path: Path) -> Path:
    target = tmp_path / "playbook"
    shutil.copytree(DEFAULT_PLAYBOOK, target)
    return target


@pytest.mark.parametrize("kind", [k.name for k in ENTITY_KINDS])
def test_new_writes_a_valid_starter(default_copy: Path, kind: str) -> None:
    result = run("new", kind, "brand-new", "--playbook", str(default_copy))
    assert result.returncode == 0, result.stderr
    folder = next(k.folder for k in ENTITY_KINDS if k.name == kind)
    written = default_copy / folder / "brand-new.yml"
    assert written.read_text(encoding="utf-8").startswith(
        f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    check = run("validate", "--playbook", str(default_copy), "--format", "json")
    errors = [p for p in json.loads(check.stdout)["problems"] if p["severity"] == "error"]
    assert errors == []


def test_new_refuses_a_bad_id_and_an_existing_file(default_copy: Path) -> None:
    bad = run("new", "role", "Field Marketer", "--playbook", str(default_copy))
    assert bad.returncode == 1
    assert bad.stderr == ("playbook: error: id: 'Field Marketer' is not a valid id (use "
                          "lower-case words joined by hyphens, e.g. 'field-marketer')\n")
    existing = run("new", "role", "sdr-absm", "--playbook", str(default_copy))
    assert existing.returncode == 1
    assert "already exists" in existing.stderr


def test_new_suggests_a_kind() -> None:
    result = run("new", "rol", "x")
    assert result.returncode == 1
    assert result.stderr == "playbook: error: unknown kind 'rol' (did you mean 'role'?)\n"


def test_new_meeting_writes_a_cadence(default_copy: Path) -> None:
    result = run("new", "meeting", "pipeline-review", "--playbook", str(default_copy))
    assert result.returncode == 0, result.stderr
    written = default_copy / "cadences/pipeline-review.yml"
    assert result.stdout == f"wrote {written}\n"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/cadence.schema.json\n")
    # The starter's commented schedule, switched on, is valid as written.
    written.write_text(text.replace("# schedule:", "schedule:"), encoding="utf-8")
    assert run("validate", "--playbook", str(default_copy)).returncode == 0


def test_new_names_meeting_among_the_kinds() -> None:
    assert run("new", "meetng", "x").stderr == (
        "playbook: error: unknown kind 'meetng' (did you mean 'meeting'?)\n")
    unknown = run("new", "spaceship", "x").stderr
    assert ", assessment, " in unknown
    assert unknown.endswith("; 'meeting' is another name for cadence)\n")


def test_assess_lists_the_assessments() -> None:
    result = run("assess", "--list", "--playbook", str(DEFAULT_PLAYBOOK), "--format", "json")
    assert result.returncode == 0, result.stderr
    ids = [item["id"] for item in json.loads(result.stdout)]
    assert "transformation-level" in ids and "skills-self-assessment" in ids


def test_assess_scores_a_browser_export(tmp_path: Path) -> None:
    export = {"format": "playbook-assessment", "format_version": 1,
              "assessment": "skills-self-assessment", "playbook_version": "2026-Q4",
              "role": "social-selling-specialist", "history": [],
              "answers": {"linkedin-platform-proficiency": "basic", "crm-utilization": "expert"}}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    result = run("assess", "skills-self-assessment", str(path), "--playbook",
                 str(DEFAULT_PLAYBOOK), "--format", "json")
    assert result.returncode == 0, result.stderr
    scored = json.loads(result.stdout)
    assert scored["role"] == "social-selling-specialist"
    assert scored["sections"][0]["plan"][0]["question"] == "linkedin-platform-proficiency"
    assert scored["sections"][0]["plan"][0]["priority"]["id"] == "high"
    text = run("assess", "skills-self-assessment", str(path), "--playbook", str(DEFAULT_PLAYBOOK))
    assert "Development plan:" in text.stdout


def test_assess_refuses_answers_for_another_assessment(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"assessment": "team-health", "answers": {}}), encoding="utf-8")
    result = run("assess", "team-maturity", str(path), "--playbook", str(DEFAULT_PLAYBOOK))
    assert result.returncode == 1
    assert result.stderr == (f"playbook: error: {path}: these answers are for 'team-health', "
                             "not 'team-maturity'\n")
    path.write_text("{not json", encoding="utf-8")
    result = run("assess", "team-maturity", str(path), "--playbook", str(DEFAULT_PLAYBOOK))
    assert result.returncode == 1
    assert "not valid JSON" in result.stderr and "Traceback" not in result.stderr
    unknown = run("assess", "team-maturty", str(path), "--playbook", str(DEFAULT_PLAYBOOK))
    assert unknown.returncode == 1
    assert "no assessment 'team-maturty' (did you mean 'team-maturity'?)" in unknown.stderr


def test_a_closed_pipe_gives_no_traceback() -> None:
    command = f"'{PLAYBOOK_COMMAND}' validate --playbook '{DEFAULT_PLAYBOOK}' | head -1"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.stdout.endswith("checked, no errors\n")
    assert "Traceback" not in done.stderr


def test_debug_shows_the_traceback_that_is_otherwise_hidden(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine/notes.txt").write_text("x", encoding="utf-8")
    args = ("build", "--playbook", str(DEFAULT_PLAYBOOK), "--site-dir", "mine")
    plain = run(*args, cwd=tmp_path)
    debug = run("--debug", *args, cwd=tmp_path)
    assert plain.returncode == debug.returncode == 1
    assert "Traceback" not in plain.stderr
    assert "Traceback (most recent call last)" in debug.stderr
    assert plain.stderr.splitlines()[-1] == debug.stderr.splitlines()[-1]


def test_an_unexpected_failure_is_one_line_naming_the_way_to_report_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from generators import cli

    def broken(args: object) -> int:
        raise KeyError("surprise")

    monkeypatch.setattr(cli, "_validate", broken)
    assert cli.main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "playbook: internal error: KeyError: 'surprise' (run again with --debug and report the "
        "traceback)\n")
