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


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "secure-engineering"
SKILLS = """\
id: skills
title: Skills
type: skills-gap
audience: everyone
summary: Rate yourself.
sections:
  - id: skills
    title: Skills
    rule: skills-gap
    questions:
      - id: crm
        text: CRM
        scale: {scale}
{extra}    priorities:
      - {{id: low, label: Low, min: -10, summary: Fine.}}
"""
FOUR_STEPS = """\
id: four-steps
name: Four steps
purpose: Self-ratings.
levels:
  - {id: one, label: One, value: 1}
  - {id: two, label: Two, value: 2}
  - {id: three, label: Three, value: 3}
  - {id: four, label: Four, value: 4}
"""


@pytest.fixture
def governance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the secure-engineering example at ./playbook."""
    shutil.copytree(EXAMPLE, tmp_path / "playbook")
    monkeypatch.chdir(tmp_path)
    return Path("playbook/assessments/governance-maturity.yml")


@pytest.fixture
def skills(playbook: Path) -> Path:
    """The minimal playbook with a four-step scale that has no rating crosswalk."""
    (playbook / "scales/four-steps.yml").write_text(FOUR_STEPS, encoding="utf-8")
    (playbook / "assessments").mkdir()
    return playbook / "assessments/skills.yml"


def _skills(path: Path, scale: str = "four-steps", extra: str = "") -> None:
    path.write_text(SKILLS.format(scale=scale, extra=extra), encoding="utf-8")


def test_a_competency_on_another_scale_needs_explicit_targets(skills: Path) -> None:
    _skills(skills, extra="        competency: crm-utilization\n")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/skills.yml:14:9: sections[0].questions[0].competency: cannot "
        "work out the target of 'sdr' on scale 'four-steps': competency 'crm-utilization' is "
        "described on scale 'proficiency' (give the question targets for these roles, or "
        "give the levels of both scales a matching rating)",
    ]
    _skills(skills, extra="        competency: crm-utilization\n        targets: {sdr: 3}\n")
    assert rendered(Path("playbook")) == []


def test_a_question_needs_a_target_for_some_role_or_a_default(skills: Path) -> None:
    _skills(skills)
    assert rendered(Path("playbook")) == [
        "playbook/assessments/skills.yml:11:9: sections[0].questions[0]: no role has a target "
        "for this question (give it targets, a competency that roles require, or give the "
        "section a default_target)",
    ]
    _skills(skills, extra="    default_target: 4\n")
    assert rendered(Path("playbook")) == []


def test_targets_lie_on_the_question_scale(skills: Path) -> None:
    _skills(skills, extra="        targets: {sdr: 5}\n    default_target: 0\n")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/skills.yml:14:19: sections[0].questions[0].targets.sdr: "
        "target 5 is outside scale 'four-steps' (1 to 4)",
        "playbook/assessments/skills.yml:15:5: sections[0].default_target: default_target 0 "
        "is outside scale 'four-steps' (1 to 4) of question 'crm'",
    ]


def test_a_role_level_on_the_same_scale_needs_no_crosswalk(skills: Path) -> None:
    # The minimal playbook's competencies are on 'proficiency': rating on it works as is.
    (skills.parent.parent / "scales/four-steps.yml").unlink()
    _skills(skills, scale="proficiency", extra="        competency: crm-utilization\n")
    assert rendered(Path("playbook")) == []


def test_groups_name_dimensions_or_groups_once_each(governance: Path) -> None:
    edit(governance, "members: [policy-compliance-a, policy-compliance-b]",
         "members: [policy-compliance-a, policy-complaince-b, strategy-metrics-a]\n"
         "        weights: {policy-compliance-a: 2}")
    edit(governance, "education-guidance]", "education-guidance, governance]")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/governance-maturity.yml:23:76: sections[0].groups[0].members[3]: "
        "group 'governance' cannot contain itself",
        "playbook/assessments/governance-maturity.yml:29:40: sections[0].groups[2].members[1]: "
        "'policy-complaince-b' is not a dimension of the maturity model or a group of this "
        "section (did you mean 'policy-compliance-b'?)",
        "playbook/assessments/governance-maturity.yml:29:61: sections[0].groups[2].members[2]: "
        "'strategy-metrics-a' is already in group 'strategy-metrics' (a dimension or group "
        "belongs to one group at most)",
        "playbook/assessments/governance-maturity.yml:30:9: sections[0].groups[2].weights: "
        "weights count only when the group's aggregate is weighted-mean",
    ]


def test_groups_may_not_contain_each_other(governance: Path) -> None:
    edit(governance, "members: [strategy-metrics-a, strategy-metrics-b]",
         "members: [strategy-metrics-a, strategy-metrics-b, education-guidance]")
    edit(governance, "members: [education-guidance-a, education-guidance-b]",
         "members: [education-guidance-a, education-guidance-b, strategy-metrics]")
    edit(governance, "members: [strategy-metrics, policy-compliance, education-guidance]",
         "members: [policy-compliance]")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/governance-maturity.yml:26:9: sections[0].groups[1].members: "
        "groups 'strategy-metrics', 'education-guidance' contain each other (groups form a "
        "tree: each inside at most one other)",
    ]


def test_band_limits_are_numbers_or_fractions(governance: Path) -> None:
    edit(governance, "min: 2/3\n    summary:", "min: two thirds\n    summary:")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/governance-maturity.yml:141:5: bands[1].min: expected a number "
        "or a fraction such as '2/3', got 'two thirds'",
    ]


def test_band_limits_written_as_fractions_must_increase(governance: Path) -> None:
    edit(governance, "min: 2/3\n        summary: Two", "min: 3/2\n        summary: Two")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/governance-maturity.yml:119:9: sections[0].bands[2].min: "
        "threshold 1 does not increase (previous 'getting-started' is 3/2) (list bands from "
        "lowest to highest)",
    ]


def test_overall_mean_needs_bands_and_bands_need_a_mean(governance: Path) -> None:
    text = governance.read_text(encoding="utf-8")
    governance.write_text(text[:text.index("\nbands:\n")] + "\nnotes: [Cut.]\n",
                          encoding="utf-8")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/governance-maturity.yml:11:1: overall: overall 'mean' needs "
        "bands (add 'bands' to the assessment: the bands of the overall score, lowest first)",
    ]
    governance.write_text(text.replace("overall: mean", "overall: first-section"),
                          encoding="utf-8")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/governance-maturity.yml:129:1: bands: the assessment's bands are "
        "used only when overall is mean or weighted-mean",
    ]


def test_weights_and_aggregates_only_where_they_count(governance: Path) -> None:
    edit(governance, "    aggregate: sum\n", "    aggregate: sum\n    weight: 2\n")
    edit(governance, "dimension: strategy-metrics-a\n        text: >-",
         "dimension: strategy-metrics-a\n        weight: 2\n        text: >-")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/governance-maturity.yml:20:5: sections[0].weight: a section's "
        "weight counts only when the assessment's overall is weighted-mean",
        "playbook/assessments/governance-maturity.yml:37:9: sections[0].questions[0].weight: "
        "a question's weight counts only in a dimension-mean section whose aggregate is "
        "weighted-mean",
    ]


def test_a_group_has_an_id_of_its_own_and_members_with_questions(governance: Path) -> None:
    edit(governance, "      - id: policy-compliance\n        name: Policy & Compliance\n"
         "        members: [policy-compliance-a, policy-compliance-b]",
         "      - id: policy-compliance-a\n        name: Policy & Compliance\n"
         "        members: [policy-compliance-b]")
    edit(governance, "members: [strategy-metrics, policy-compliance, education-guidance]",
         "members: [strategy-metrics, policy-compliance-a, education-guidance]")
    model = governance.parent.parent / "maturity-models/security-governance.yml"
    model.write_text(model.read_text(encoding="utf-8") + "  - id: supplier-security\n"
                     "    name: Supplier security\n", encoding="utf-8")
    edit(governance, "members: [education-guidance-a, education-guidance-b]",
         "members: [education-guidance-a, education-guidance-b, supplier-security]")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/governance-maturity.yml:27:9: sections[0].groups[2].id: "
        "'policy-compliance-a' is a dimension of maturity model 'security-governance' (give "
        "the group an id of its own)",
        "playbook/assessments/governance-maturity.yml:32:63: sections[0].groups[3].members[2]: "
        "dimension 'supplier-security' has no questions in this section",
    ]


def test_aggregate_and_groups_belong_to_dimension_mean(skills: Path) -> None:
    _skills(skills, extra="    default_target: 2\n    aggregate: sum\n")
    assert rendered(Path("playbook")) == [
        "playbook/assessments/skills.yml:15:5: sections[0].aggregate: aggregate applies only "
        "to a dimension-mean section",
    ]


COUNTED = """\
id: readiness
title: Readiness
type: maturity
audience: everyone
summary: Count what is in place.
{model}sections:
  - id: basics
    title: Basics
    rule: {rule}
    threshold: 0.5
    questions:
      - {{id: q1, text: First., stage: forming, dimension: people,
         options: [{{id: "no", label: "No", value: 0}}, {{id: "yes", label: "Yes", value: 1}}]}}
    bands:
      - {{id: low, label: Low, min: 0, summary: Little is in place.}}
"""


@pytest.mark.parametrize("rule", ["count", "cumulative-stages", "dimension-mean"])
def test_a_maturity_model_is_needed_only_by_rules_that_score_one(playbook: Path,
                                                                 rule: str) -> None:
    path = playbook / "assessments/readiness.yml"
    path.parent.mkdir()
    path.write_text(COUNTED.format(model="", rule=rule), encoding="utf-8")
    expected = [] if rule == "count" else [
        "playbook/assessments/readiness.yml:1:1: maturity_model: this assessment needs a "
        f"maturity_model (its {rule} section scores the model's stages or dimensions)"]
    assert rendered(playbook) == expected
