"""Version labels of each scheme: checked in the manifest, ordered for publishing, and
listed newest first in mike's versions.json."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from mike.versions import Versions

from generators.compiler import compile_site
from generators.pipeline import Options
from generators.publish.publish import declared_scheme
from generators.versions import labels
from tests.conftest import edit, rendered

#: Labels of each scheme, oldest first.
ORDERED = {
    None: ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q4", "2027-Q1"],
    "quarterly": ["2009-Q4", "2010-Q1", "2026-Q3"],
    "semver": ["v0.9", "v1.2", "v1.2.0", "v1.2.1", "v1.10", "v2.0.0", "v10.1"],
    "monthly": ["2025-12", "2026-01", "2026-02", "2026-09", "2026-10", "2026-11", "2027-01"],
}


@pytest.mark.parametrize("scheme", ORDERED, ids=str)
def test_labels_order_within_their_scheme(scheme: str | None) -> None:
    ordered = ORDERED[scheme]
    shuffled = random.Random(4).sample(ordered, len(ordered))
    assert sorted(shuffled, key=lambda label: labels.parse(label, scheme)) == ordered
    for index, label in enumerate(ordered):
        expected = ordered[index - 1] if index else None
        assert labels.previous(shuffled, label, scheme) == expected


@pytest.mark.parametrize("scheme", ORDERED, ids=str)
def test_mike_lists_versions_of_each_scheme_newest_first(scheme: str | None) -> None:
    # versions.json is written by mike, in the order of its own version sort.
    versions = Versions()
    for label in random.Random(7).sample(ORDERED[scheme], len(ORDERED[scheme])):
        versions.add(label)
    listed = [item["version"] for item in versions.to_json()]
    if scheme == "semver":  # mike counts v1.2 and v1.2.0 as one version
        listed.remove("v1.2.0")
        expected = [label for label in ORDERED[scheme] if label != "v1.2.0"][::-1]
    else:
        expected = ORDERED[scheme][::-1]
    assert listed == expected


def test_previous_passes_over_labels_of_another_scheme() -> None:
    assert labels.previous(["2026-Q3", "v1.0", "v1.1"], "v1.2", "semver") == "v1.1"
    assert labels.previous(["2026-Q3", "2026-10"], "2026-11", "monthly") == "2026-10"


@pytest.mark.parametrize("scheme,label,message", [
    (None, "v1.2", "'v1.2' is not a version label (use YEAR-QN, e.g. '2026-Q4'; for labels "
                   "such as 'v1.2' or '2026-11', declare version_scheme: semver or monthly in "
                   "playbook.yml)"),
    ("quarterly", "2026-Q5", "'2026-Q5' is not a quarterly version label (use YEAR-QN, e.g. "
                             "'2026-Q4')"),
    ("semver", "1", "'1' is not a semver version label (use MAJOR.MINOR or MAJOR.MINOR.PATCH, "
                    "with or without a leading v, e.g. 'v1.2')"),
    ("monthly", "2026-13", "'2026-13' is not a monthly version label (use YEAR-MM, e.g. "
                           "'2026-11')"),
])
def test_a_label_outside_the_scheme(scheme: str | None, label: str, message: str) -> None:
    with pytest.raises(labels.LabelError) as caught:
        labels.parse(label, scheme)
    assert str(caught.value) == message


def _set_version(playbook: Path, lines: str) -> None:
    edit(playbook / "playbook.yml", "version: 2026-Q3\n", lines)


@pytest.mark.parametrize("lines", [
    "version_scheme: semver\nversion: v1.2\n",
    "version_scheme: semver\nversion: 1.2.3\n",
    "version_scheme: monthly\nversion: 2026-11\n",
    "version_scheme: quarterly\nversion: 2026-Q4\n",
])
def test_the_manifest_accepts_labels_of_its_scheme(playbook: Path, lines: str) -> None:
    _set_version(playbook, lines)
    assert rendered(playbook) == []
    assert declared_scheme(playbook) == lines.split("\n")[0].split(": ")[1]


@pytest.mark.parametrize("lines,problem", [
    ("version: v1.2\n", "playbook/playbook.yml:3:1: version: 'v1.2' is not a version label "
     "(use YEAR-QN, e.g. '2026-Q4'; for labels such as 'v1.2' or '2026-11', declare "
     "version_scheme: semver or monthly in playbook.yml)"),
    ("version_scheme: monthly\nversion: 2026-Q4\n", "playbook/playbook.yml:4:1: version: "
     "'2026-Q4' is not a monthly version label (use YEAR-MM, e.g. '2026-11')"),
    ("version_scheme: semver\nversion: 1.2\n", "playbook/playbook.yml:4:1: version: expected "
     "text, got number 1.2 (a version label is text: put it in quotes)"),
    ("version_scheme: semvr\nversion: v1.2\n", "playbook/playbook.yml:3:1: version_scheme: "
     "'semvr' is not one of quarterly, semver, monthly (did you mean 'semver'?)"),
])
def test_the_manifest_refuses_labels_outside_its_scheme(playbook: Path, lines: str,
                                                       problem: str) -> None:
    _set_version(playbook, lines)
    assert rendered(playbook) == [problem]


def test_a_semver_playbook_builds_with_its_label(playbook: Path) -> None:
    _set_version(playbook, "version_scheme: semver\nversion: v1.2\n")
    site = compile_site(Options(playbook))
    bundle = next(f for f in site.files if f.uri == "playbook.json").data().decode("utf-8")
    assert '"version": "v1.2"' in bundle and '"version_scheme": "semver"' in bundle


def test_declared_scheme_is_none_when_not_declared_or_unreadable(tmp_path: Path) -> None:
    assert declared_scheme(tmp_path) is None
    (tmp_path / "playbook.yml").write_text("version_scheme: [semver\n", encoding="utf-8")
    assert declared_scheme(tmp_path) is None
    (tmp_path / "playbook.yml").write_text("version_scheme: weekly\n", encoding="utf-8")
    assert declared_scheme(tmp_path) is None
