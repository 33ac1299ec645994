"""Publishing quarterly versions with mike, and the changelog between them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.site_checks import glued_lines, playbook_strings
from tests.versions.helpers import (
    edit_for_next_quarter,
    export_pages,
    git,
    new_repo,
    playbook,
    set_version,
    tree,
)

EXPECTED_CHANGES = [
    "Visual Communication: removed",
    "ABSM Content Strategist: no longer requires Visual Communication",
    "ABSM Data Analyst: no longer requires Visual Communication",
    "Field Marketer: added",
    "Sales Operations / Enablement Leader(s): no longer requires Visual Communication",
    "Social Selling Specialist (sales role): CRM Utilization, required level Intermediate "
    "-> Advanced",
    "Weekly Team Meeting: attendees: added Field Marketer",
    "Weekly Team Meeting: 60 -> 45 min",
]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A repository with 2026-Q3 and then 2026-Q4 (alias latest) published; and the
    file listing of 2026-Q3 right after it was published."""
    repo = new_repo(tmp_path_factory.mktemp("publish") / "repo")
    first = playbook("publish", "2026-Q3", cwd=repo)
    assert first.returncode == 0, first.stderr
    q3 = tree(repo, "gh-pages", "2026-Q3")
    edit_for_next_quarter(repo)
    second = playbook("publish", "2026-Q4", "--alias", "latest", cwd=repo)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == ("published 2026-Q4 on gh-pages, changes listed against "
                                     "2026-Q3; versions: 2026-Q4, 2026-Q3")
    # The project's mkdocs.yml names no site address: what the published site loses.
    assert "playbook: warning: the site has no address: published without one, it loses " \
        "instant navigation between pages, the sitemap and canonical links" in second.stderr
    return repo, q3


def test_versions_json_lists_both_newest_first(published: tuple[Path, str]) -> None:
    repo, _ = published
    versions = json.loads(git("show", "gh-pages:versions.json", cwd=repo))
    assert versions == [
        {"version": "2026-Q4", "title": "2026-Q4", "aliases": ["latest"]},
        {"version": "2026-Q3", "title": "2026-Q3", "aliases": []},
    ]


def test_the_untouched_version_is_byte_identical(published: tuple[Path, str]) -> None:
    repo, q3 = published
    assert tree(repo, "gh-pages", "2026-Q3") == q3
    assert "2026-Q4/roles/field-marketer/index.html" in tree(repo, "gh-pages", "2026-Q4")
    assert "2026-Q3/roles/field-marketer" not in q3


def test_republishing_without_force_is_refused(published: tuple[Path, str]) -> None:
    repo, q3 = published
    head = git("rev-parse", "gh-pages", cwd=repo)
    set_version(repo, "2026-Q3")
    try:
        result = playbook("publish", "2026-Q3", "--allow-dirty", cwd=repo)
    finally:
        set_version(repo, "2026-Q4")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "playbook: error: version 2026-Q3 is already published on gh-pages; publishing it "
        "again would replace it. Use --force to replace it")
    assert git("rev-parse", "gh-pages", cwd=repo) == head


def test_bad_labels_and_bad_content_publish_nothing(published: tuple[Path, str]) -> None:
    repo, _ = published
    head = git("rev-parse", "gh-pages", cwd=repo)
    label = playbook("publish", "2026-Q5", cwd=repo)
    assert label.stderr.splitlines()[-1] == (
        "playbook: error: '2026-Q5' is not a version label (use YEAR-QN, e.g. '2026-Q4'; for "
        "labels such as 'v1.2' or '2026-11', declare version_scheme: semver or monthly in "
        "playbook.yml)")
    mismatch = playbook("publish", "2027-Q1", cwd=repo)
    assert mismatch.stderr.splitlines()[-1] == (
        "playbook: error: playbook.yml says version 2026-Q4, not 2027-Q1: update its "
        "'version' field, or publish that label")
    role = repo / "playbook/roles/field-marketer.yml"
    role.write_text(role.read_text(encoding="utf-8").replace("family: specialist",
                                                             "family: [specialist"),
                    encoding="utf-8")
    set_version(repo, "2027-Q1")
    try:
        dirty = playbook("publish", "2027-Q1", cwd=repo)
        broken = playbook("publish", "2027-Q1", "--allow-dirty", cwd=repo)
    finally:
        git("checkout", "--", "playbook", cwd=repo)
    assert dirty.returncode == 1
    assert dirty.stderr.splitlines()[-1] == (
        "playbook: error: uncommitted changes in playbook/playbook.yml, "
        "playbook/roles/field-marketer.yml: commit them first, or publish them anyway with "
        "--allow-dirty")
    assert broken.returncode == 1
    assert "playbook/roles/field-marketer.yml:4:8: invalid YAML" in broken.stderr
    assert all(code.returncode == 1 for code in (label, mismatch))
    assert git("rev-parse", "gh-pages", cwd=repo) == head


def test_changelog_lists_exactly_the_edits(published: tuple[Path, str]) -> None:
    repo, _ = published
    result = playbook("diff", "2026-Q3", "2026-Q4", cwd=repo)
    assert result.returncode == 0, result.stderr
    lines = [line[4:] for line in result.stdout.splitlines()[1:]]
    assert lines == EXPECTED_CHANGES
    # The same comparison from git refs (the playbook folder at each commit).
    refs = playbook("diff", "HEAD~1", "HEAD", "--format", "json", cwd=repo)
    data = json.loads(refs.stdout)
    assert (data["from"], data["to"]) == ("2026-Q3", "2026-Q4")
    # One entry per entity; one line per change (an added or removed entity is one line).
    assert sum(max(len(entry["changes"]), 1) for entry in data["changes"]) == len(
        EXPECTED_CHANGES)


def test_changelog_for_one_role(published: tuple[Path, str]) -> None:
    repo, _ = published
    result = playbook("diff", "2026-Q3", "2026-Q4", "--role", "social-selling-specialist",
                      cwd=repo)
    assert [line[4:] for line in result.stdout.splitlines()[1:]] == [
        "Social Selling Specialist (sales role): CRM Utilization, required level Intermediate "
        "-> Advanced",
        "Weekly Team Meeting: attendees: added Field Marketer",
        "Weekly Team Meeting: 60 -> 45 min",
    ]


def test_published_site_has_bundle_changes_page_and_role_links(published: tuple[Path, str],
                                                               tmp_path: Path) -> None:
    repo, _ = published
    pages = export_pages(repo, tmp_path / "pages")
    bundle = json.loads((pages / "2026-Q4/playbook.json").read_text(encoding="utf-8"))
    assert bundle["schema_version"] == 1
    assert bundle["manifest"]["version"] == "2026-Q4"
    assert "field-marketer" in bundle["entities"]["role"]
    changes = (pages / "2026-Q4/changes/index.html").read_text(encoding="utf-8")
    assert "What changed in 2026-Q4" in changes
    assert "Weekly Team Meeting" in changes and "60 -&gt; 45 min" in changes
    role = (pages / "2026-Q4/roles/social-selling-specialist/index.html").read_text(
        encoding="utf-8")
    assert "Changes in 2026-Q4" in role
    assert 'href="../../changes/?role=social-selling-specialist"' in role
    # Names, not ids; the page's own lines each a block of their own.
    listed = re.sub(r"<[^>]+>", " ", changes.split("</select>")[1].split("</article>")[0])
    assert "Attendees: added Field Marketer" in listed and "field-marketer" not in listed
    home = (pages / "2026-Q4/index.html").read_text(encoding="utf-8")
    assert 'href="changes/">What changed since 2026-Q3</a>' in home
    assert glued_lines(pages / "2026-Q4", playbook_strings(repo / "playbook")) == []
    assert not (pages / "2026-Q3/changes").exists()
