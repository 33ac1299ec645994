"""The semantic changelog on small hand-made bundles."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from generators.check import compile_playbook
from generators.versions import labels
from generators.versions.bundle import make_bundle
from generators.versions.diff import diff_bundles
from tests.conftest import CASES


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return make_bundle(compile_playbook(CASES / "minimal").playbook)


def _lines(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [line for entry in diff_bundles(old, new).entries for line in entry.lines()]


def test_no_change(base: dict[str, Any]) -> None:
    assert _lines(base, copy.deepcopy(base)) == []


def test_reordering_a_keyed_list_is_not_a_change(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    new["entities"]["role"]["sdr"]["required_competencies"].reverse()
    assert _lines(base, new) == []


def test_field_level_changes(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    sdr = new["entities"]["role"]["sdr"]
    sdr["required_competencies"][0]["level"] = "advanced"
    sdr["areas"][0]["activities"].append("Book meetings.")
    sdr["purpose"] = "Books meetings."
    assert _lines(base, new) == [
        "Sales Development Representative: responsibilities › Social Prospecting › activities: "
        "added Book meetings.",
        "Sales Development Representative: purpose: Opens conversations with target accounts. "
        "-> Books meetings.",
        "Sales Development Representative: crm utilization, required level Intermediate -> "
        "Advanced",
    ]


def test_ids_of_other_entities_are_named_by_the_version_they_belong_to(
        base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    roles = new["entities"]["role"]
    del roles["specialist"]
    roles["lead"] = dict(copy.deepcopy(roles["sdr"]), id="lead", name="Team Lead",
                         next_roles=[], allocation={})
    roles["sdr"]["next_roles"] = ["lead"]
    roles["sdr"]["allocation"]["pod"]["headcount"] = "2 per pod"
    new["entities"]["team-model"]["pod"]["name"] = "Pods"
    lines = [line for entry in diff_bundles(base, new).entries if entry.id == "sdr"
             for line in entry.lines()]
    assert lines == [
        "Sales Development Representative: allocation › Pods › headcount: 1-2 per pod "
        "-> 2 per pod",
        # The removed role by its title in the old version, the new one by its new title.
        "Sales Development Representative: next roles: removed Social Selling Specialist",
        "Sales Development Representative: next roles: added Team Lead",
    ]


def test_rename_declared_by_the_entity(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    role = new["entities"]["role"].pop("specialist")
    role["id"], role["previous_ids"] = "social-seller", ["specialist"]
    new["entities"]["role"]["social-seller"] = role
    new["entities"]["role"]["sdr"]["next_roles"] = ["social-seller"]
    entries = diff_bundles(base, new).entries
    assert [(e.id, e.status, e.previous_id) for e in entries] == [
        ("sdr", "changed", None), ("social-seller", "renamed", "specialist")]
    assert entries[1].lines() == ["Social Selling Specialist: renamed from 'specialist'"]


def test_rename_declared_by_the_manifest(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    new["entities"]["team-model"]["pods"] = dict(new["entities"]["team-model"].pop("pod"),
                                                 id="pods")
    new["manifest"]["renames"] = [{"kind": "team-model", "old_id": "pod", "new_id": "pods"}]
    entries = [e for e in diff_bundles(base, new).entries if e.kind == "team-model"]
    assert [(e.id, e.status) for e in entries] == [("pods", "renamed")]


def test_without_a_declaration_a_new_id_is_removed_and_added(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    new["entities"]["team-model"]["pods"] = dict(new["entities"]["team-model"].pop("pod"),
                                                 id="pods")
    entries = [(e.id, e.status) for e in diff_bundles(base, new).entries]
    assert entries == [("pod", "removed"), ("pods", "added")]


def test_roles_a_change_concerns(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    new["entities"]["competency"]["crm-utilization"]["summary"] = "Changed."
    entry = diff_bundles(base, new).entries[0]
    assert entry.roles == ["sdr"]
    assert entry.concerns("sdr") and not entry.concerns("specialist")


def test_version_labels_are_ordered() -> None:
    assert labels.previous(["2026-Q3", "2027-Q1", "2026-Q4"], "2027-Q1") == "2026-Q4"
    assert labels.previous(["2026-Q3", "2026-Q4"], "2026-Q3") is None
    assert sorted(["2027-Q1", "2026-Q4", "2026-Q3"], key=labels.parse) == [
        "2026-Q3", "2026-Q4", "2027-Q1"]
    with pytest.raises(labels.LabelError):
        labels.parse("2026-4")

