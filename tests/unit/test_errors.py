"""One test per error class, asserting the exact message a user reads."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import edit, rendered


def test_minimal_playbook_is_clean(playbook: Path) -> None:
    assert rendered(playbook) == []


def test_malformed_yaml(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "family: execution", "family: [execution")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:4:8: invalid YAML: expected ',' or ']', but got ':'",
    ]


def test_tab_indentation(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "  - id: prospecting", "\t- id: prospecting")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:6:1: invalid YAML: found character '\\t' that cannot start "
        "any token (indent with spaces, not tabs)",
    ]


def test_duplicate_key(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "family: execution\n", "family: execution\nfamily: support\n")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:4:1: family: duplicate key 'family' (first defined at line 3)",
    ]


def test_wrong_type(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "headcount: 1-2 per pod", "headcount: 2")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:19:24: allocation.pod.headcount: expected text, got number 2",
    ]


def test_unknown_field(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "purpose:", "purpse:")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:1:1: purpose: required field is missing",
        "playbook/roles/sdr.yml:4:1: purpse: unknown field 'purpse' (did you mean 'purpose'?)",
    ]


def test_missing_field(playbook: Path) -> None:
    edit(playbook / "exercises/analyze-and-engage.yml", "summary: Research an account and plan "
         "outreach.\n", "")
    assert rendered(playbook) == [
        "playbook/exercises/analyze-and-engage.yml:1:1: summary: required field is missing",
    ]


def test_missing_field_in_list_item_points_at_the_item(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "    name: Social Prospecting\n", "")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:6:5: areas[0].name: required field is missing",
    ]


def test_unknown_reference_with_suggestion(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "  - competency: crm-utilization",
         "  - competency: crm-utilisation")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:13:5: required_competencies[0].competency: unknown competency "
        "'crm-utilisation' (did you mean 'crm-utilization'?)",
        "playbook/competencies/crm-utilization.yml:1:1: warning: id: competency "
        "'crm-utilization' is not required by any role "
        "(add it to a role's required_competencies)",
    ][::-1]


def test_unknown_dict_key_reference(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "  pod: {present", "  pods: {present")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:19:3: allocation.pods: unknown team-model 'pods' "
        "(did you mean 'pod'?)",
    ]


def test_level_not_in_scale(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "level: advanced", "level: expertt")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:16:5: required_competencies[1].level: 'expertt' is not a level "
        "of scale 'proficiency', the default_scale of playbook.yml (did you mean 'expert'?)",
    ]


def test_duplicate_id(playbook: Path) -> None:
    (playbook / "roles/sdr-copy.yml").write_text(
        (playbook / "roles/sdr.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert rendered(playbook) == [
        "playbook/roles/sdr-copy.yml:1:1: id: id 'sdr' does not match the file name "
        "(rename the file to sdr.yml or the id to 'sdr-copy')",
        "playbook/roles/sdr.yml:1:1: id: duplicate role id 'sdr' "
        "(already used by playbook/roles/sdr-copy.yml)",
    ]


def test_duplicate_item_id_in_a_list(playbook: Path) -> None:
    edit(playbook / "exercises/analyze-and-engage.yml", "{id: personalization,", "{id: research,")
    assert rendered(playbook) == [
        "playbook/exercises/analyze-and-engage.yml:10:6: criteria[1].id: duplicate id 'research' "
        "(already used by item 0 of criteria)",
    ]


def test_weights_not_summing_to_100(playbook: Path) -> None:
    edit(playbook / "exercises/analyze-and-engage.yml", "weight: 50}\nbands", "weight: 40}\nbands")
    assert rendered(playbook) == [
        "playbook/exercises/analyze-and-engage.yml:8:1: criteria: criteria weights sum to 90, "
        "not 100 (adjust the weights so they add up to 100)",
    ]


def test_thresholds_not_increasing(playbook: Path) -> None:
    edit(playbook / "exercises/analyze-and-engage.yml", "min: 7,", "min: 4,")
    assert rendered(playbook) == [
        "playbook/exercises/analyze-and-engage.yml:14:29: bands[2].min: threshold 4 does not "
        "increase (previous 'average' is 5) (list bands from lowest to highest)",
    ]


def test_stage_numbers_not_increasing(playbook: Path) -> None:
    edit(playbook / "maturity-models/team-maturity.yml", "number: 2", "number: 1")
    assert rendered(playbook) == [
        "playbook/maturity-models/team-maturity.yml:6:22: stages[1].number: stage number 1 does "
        "not increase (previous 'forming' is 1) (list stages from lowest to highest)",
    ]


def test_career_cycle(playbook: Path) -> None:
    edit(playbook / "roles/specialist.yml", "required_competencies:",
         "next_roles: [sdr]\nrequired_competencies:")
    assert rendered(playbook) == [
        "playbook/roles/specialist.yml:10:1: next_roles: career next steps form a cycle: "
        "sdr -> specialist -> sdr (remove one of the links from next_roles)",
    ]


def test_missing_level_descriptor(playbook: Path) -> None:
    edit(playbook / "competencies/crm-utilization.yml",
         "  - {level: expert, descriptor: Shapes.}\n", "")
    assert rendered(playbook) == [
        "playbook/competencies/crm-utilization.yml:5:1: levels: no descriptor for level 'expert' "
        "of scale 'proficiency', the default_scale of playbook.yml (describe every level of the "
        "scale; where the competency is not expected, write "
        "'- {level: expert, expected: false}')",
    ]


def test_orphan_competency_is_a_warning(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "  - competency: crm-utilization\n    level: intermediate\n",
         "")
    assert rendered(playbook) == [
        "playbook/competencies/crm-utilization.yml:1:1: warning: id: competency "
        "'crm-utilization' is not required by any role (add it to a role's required_competencies)",
    ]


def test_every_problem_of_a_broken_playbook_in_one_run(playbook: Path) -> None:
    # specialist.yml does not validate, so sdr.yml's reference to it is not reported again.
    edit(playbook / "roles/sdr.yml", "level: advanced", "level: expertt")
    edit(playbook / "roles/specialist.yml", "family: execution", "family: [execution]")
    edit(playbook / "exercises/analyze-and-engage.yml", "weight: 50}\nbands", "weight: 40}\nbands")
    edit(playbook / "team-models/pod.yml", "best_for:", "best_four:")
    (playbook / "competencies/broken.yml").write_text("id: broken\nname: [oops\n", encoding="utf-8")
    lines = rendered(playbook)
    assert lines == [
        "playbook/competencies/broken.yml:3:1: invalid YAML: expected ',' or ']', but got "
        "'<stream end>' (a quote or bracket is not closed)",
        "playbook/exercises/analyze-and-engage.yml:8:1: criteria: criteria weights sum to 90, "
        "not 100 (adjust the weights so they add up to 100)",
        "playbook/roles/sdr.yml:16:5: required_competencies[1].level: 'expertt' is not a level "
        "of scale 'proficiency', the default_scale of playbook.yml (did you mean 'expert'?)",
        "playbook/roles/specialist.yml:3:1: family: expected text, got a list",
        "playbook/team-models/pod.yml:1:1: best_for: required field is missing",
        "playbook/team-models/pod.yml:8:1: best_four: unknown field 'best_four' "
        "(did you mean 'best_for'?)",
    ]
