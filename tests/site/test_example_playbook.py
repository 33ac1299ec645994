"""The second example playbook, from another field (a security team's governance maturity
and a six-level engineering ladder), built by the `playbook` command as a user runs it: a
site of its own, in its own words, with nothing of the default playbook's domain."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.site.conftest import EXAMPLE
from tests.site_checks import playbook_strings, site_problems
from tests.test_cli import run


@pytest.fixture
def example_site(example_built: Path) -> Path:
    """`playbook build` of the example, from a folder with no mkdocs.yml of its own."""
    return example_built


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", article).split())


def test_the_example_validates_and_needs_no_migration() -> None:
    check = run("validate", "--playbook", str(EXAMPLE), "--format", "json")
    report = json.loads(check.stdout)
    assert report["ok"] is True and report["problems"] == []
    assert report["counts"]["role"] == 7 and report["counts"]["assessment"] == 2
    migrate = run("migrate", str(EXAMPLE), "--check")
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr
    assert "nothing to migrate" in migrate.stdout


def test_the_example_site_is_its_own(example_site: Path) -> None:
    """No empty section, no link to a page that is not built, no empty tab, and none of
    social, ABSM, sales or LinkedIn anywhere the playbook did not write them."""
    assert site_problems(example_site, playbook_strings(EXAMPLE)) == []
    home = page(example_site, "")
    assert '<span class="md-ellipsis">\n            Platform Security and Engineering Handbook' \
        in home or "Platform Security and Engineering Handbook</span>" in home
    assert "Team Playbook" not in home
    assert "Version v1.2, released 2026-11-02" in text_of(home)
    for absent in ("onboarding", "meetings", "hiring", "team-models", "management-models"):
        assert not (example_site / absent).exists(), absent


def test_levels_a_competency_does_not_expect_say_so(example_site: Path) -> None:
    text = text_of(page(example_site, "competencies/mentoring"))
    # Twice in the table of levels, once beside the first level where it is expected.
    assert text.count("Not expected at this level") == 3
    assert "Pairs with newer engineers every week." in text
    craft = page(example_site, "competencies/technical-craft")
    # a descriptor with a list renders as a list, emphasis as emphasis
    assert "<li>splits risky changes into safe steps;</li>" in craft
    assert "<em>dead</em>" in craft
    assert "- splits" not in text_of(craft)


def test_roles_are_grouped_by_the_playbooks_own_families(example_site: Path) -> None:
    roles = text_of(page(example_site, "roles"))
    assert roles.index("Engineering ladder") < roles.index("Security")
    lead = text_of(page(example_site, "roles/security-lead"))
    assert "SEK" in lead and "950,000" in lead


def test_metrics_without_indicators_are_one_plain_list(example_site: Path) -> None:
    text = text_of(page(example_site, "metrics"))
    assert "indicator" not in text.casefold()
    assert "Other metrics" not in text
    assert "Mean time to remediate" in text and "security" in text
