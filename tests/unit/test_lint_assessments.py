"""Assessment lint rules, on a copy of the default playbook broken one way at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DEFAULT_PLAYBOOK, edit, edit_line, rendered


@pytest.fixture
def default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(DEFAULT_PLAYBOOK, tmp_path / "playbook")
    monkeypatch.chdir(tmp_path)
    return Path("playbook")


def test_options_must_cover_every_stage(default: Path) -> None:
    path = default / "assessments/scaling-readiness.yml"
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert text[36].strip() == "- id: team-over-20"
    del text[36:39]  # the team-size option anchored to 'enterprise'
    path.write_text("".join(text), encoding="utf-8")
    assert rendered(default) == [
        "playbook/assessments/scaling-readiness.yml:27:9: sections[0].questions[0].options: "
        "options do not cover the scale: no answer for stage 'enterprise' "
        "(add an option anchored to each stage of the model)",
    ]


def test_stage_must_belong_to_the_model(default: Path) -> None:
    edit(default / "assessments/scaling-readiness.yml", "stage: foundation\n          - id: team-9",
         "stage: fundation\n          - id: team-9")
    assert rendered(default) == [
        "playbook/assessments/scaling-readiness.yml:33:13: "
        "sections[0].questions[0].options[1].stage: 'fundation' is not a stage of maturity "
        "model 'scaling-stages' (did you mean 'foundation'?)",
        "playbook/assessments/scaling-readiness.yml:27:9: sections[0].questions[0].options: "
        "options do not cover the scale: no answer for stage 'foundation' "
        "(add an option anchored to each stage of the model)",
    ][::-1]


def test_points_must_name_an_outcome(default: Path) -> None:
    edit_line(default / "assessments/team-model-selector.yml", 50, "hybrid", "hybird")
    assert rendered(default) == [
        "playbook/assessments/team-model-selector.yml:50:30: "
        "sections[0].questions[0].options[2].points.hybird: unknown outcome 'hybird' "
        "(did you mean 'hybrid'?)",
    ]


def test_links_must_resolve(default: Path) -> None:
    path = default / "assessments/team-model-selector.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("kind: team-model, id: hybrid")
    path.write_text(text[:first] + "kind: team-model, id: hybird" + text[first + 28:],
                    encoding="utf-8")
    problems = rendered(default)
    assert len(problems) == 1
    assert problems[0].endswith(".id: unknown team-model 'hybird' (did you mean 'hybrid'?)")
