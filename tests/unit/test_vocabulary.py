"""A playbook's own vocabularies, optional fields, and no value the user did not write."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.compiler import compile_site
from generators.pipeline import Options
from tests.conftest import edit, rendered

MANIFEST_FAMILIES = """role_families:
  - {id: leadership, title: Leadership}
  - {id: specialist, title: Specialists}
  - {id: execution, title: Execution}
  - {id: support, title: Support}
"""


def pages(root: Path) -> dict[str, str]:
    """The Markdown pages and the host config of the playbook's site source."""
    site = compile_site(Options(root))
    found = {f.uri: f.data().decode("utf-8") for f in site.files if f.uri.endswith(".md")}
    found["mkdocs.yml"] = site.config_text
    return found


def test_a_declared_family_must_be_used_as_declared(playbook: Path) -> None:
    edit(playbook / "roles/sdr.yml", "family: execution", "family: executon")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:3:1: family: 'executon' is not a role family declared in "
        "playbook.yml (did you mean 'execution'?)",
    ]
    edit(playbook / "roles/sdr.yml", "family: executon", "family: engineering")
    assert rendered(playbook) == [
        "playbook/roles/sdr.yml:3:1: family: 'engineering' is not a role family declared in "
        "playbook.yml (declare it under role_families, or use one of: leadership, specialist, "
        "execution, support)",
    ]


def test_declared_families_give_titles_and_order(playbook: Path) -> None:
    edit(playbook / "playbook.yml", MANIFEST_FAMILIES,
         "role_families:\n  - specialist\n  - {id: execution, title: Doers}\n")
    edit(playbook / "roles/specialist.yml", "family: execution", "family: specialist")
    site = pages(playbook)
    index = site["roles/index.md"]
    assert index.index("## specialist") < index.index("## Doers")
    assert '<span class="pb-kind">Doers role</span>' in site["roles/sdr.md"]
    assert "  - Doers:\n    - Sales Development Representative: roles/sdr.md" in site[
        "mkdocs.yml"]


def test_undeclared_families_are_any_label_shown_as_written(playbook: Path) -> None:
    edit(playbook / "playbook.yml", MANIFEST_FAMILIES, "")
    edit(playbook / "roles/sdr.yml", "family: execution", "family: Go-to-Market & Sales")
    edit(playbook / "roles/specialist.yml", "family: execution", "family: ai research")
    assert rendered(playbook) == []
    site = pages(playbook)
    index = site["roles/index.md"]
    # A to Z, as written (escaped for Markdown and the navigation).
    assert index.index("## ai research") < index.index("## Go-to-Market &amp; Sales")
    assert "Go-to-Market &amp; Sales:" in site["mkdocs.yml"]


def test_only_earlier_families_undeclared_is_a_warning_naming_migrate(playbook: Path) -> None:
    edit(playbook / "playbook.yml", MANIFEST_FAMILIES, "")
    assert rendered(playbook) == [
        "playbook/playbook.yml:1:1: warning: role_families: roles use the role families that "
        "earlier versions built in, but playbook.yml declares none, so they are shown as "
        "written ('execution', not 'Execution') (run `playbook migrate`, or declare "
        "role_families)",
    ]


def test_vocabulary_declared_twice(playbook: Path) -> None:
    edit(playbook / "playbook.yml", "  - {id: support, title: Support}\n",
         "  - {id: support, title: Support}\n  - support\n")
    assert rendered(playbook) == [
        "playbook/playbook.yml:7:1: role_families: 'support' is declared twice",
    ]


METRIC = """id: pipeline
name: Pipeline
area: {area}
description: Open pipeline.
"""


def test_metric_areas_declared_and_indicator_optional(playbook: Path) -> None:
    (playbook / "metrics").mkdir()
    (playbook / "metrics/pipeline.yml").write_text(METRIC.format(area="sale"), encoding="utf-8")
    edit(playbook / "playbook.yml", MANIFEST_FAMILIES,
         MANIFEST_FAMILIES + "metric_areas:\n  - {id: sales, title: Revenue}\n  - hiring\n")
    assert rendered(playbook) == [
        "playbook/metrics/pipeline.yml:3:1: area: 'sale' is not a metric area declared in "
        "playbook.yml (did you mean 'sales'?)",
    ]
    edit(playbook / "metrics/pipeline.yml", "area: sale", "area: sales")
    site = pages(playbook)
    # no metric is placed on the indicator chain: one plain list, no word of indicators
    assert "The metrics this playbook tracks.\n\n\n| Metric | Area | Target |\n|---|---|---|\n" \
           "| [Pipeline](pipeline.md) | Revenue |  |" in site["metrics/index.md"]
    assert "indicator" not in site["metrics/index.md"].casefold()
    assert '<span class="pb-kind">Revenue</span>' in site["metrics/pipeline.md"]


def test_undeclared_metric_area_is_any_label(playbook: Path) -> None:
    (playbook / "metrics").mkdir()
    (playbook / "metrics/pipeline.yml").write_text(
        METRIC.format(area="Security") + "indicator: lagging\n", encoding="utf-8")
    assert rendered(playbook) == []
    assert '<span class="pb-kind">Lagging indicator · Security</span>' in pages(playbook)[
        "metrics/pipeline.md"]


def test_indicator_class_marked_as_recommendation(playbook: Path) -> None:
    (playbook / "metrics").mkdir()
    (playbook / "metrics/pipeline.yml").write_text(
        METRIC.format(area="Security") + "indicator: lagging\nindicator_basis: recommended\n",
        encoding="utf-8")
    (playbook / "metrics/patching.yml").write_text(
        METRIC.format(area="Security").replace("pipeline", "patching").replace(
            "Pipeline", "Patching") + "indicator: lagging\nindicator_basis: cited\n",
        encoding="utf-8")
    assert rendered(playbook) == []
    site = pages(playbook)
    assert ('<span class="pb-kind">Lagging indicator (our recommendation) · Security</span>'
            in site["metrics/pipeline.md"])
    assert '<span class="pb-kind">Lagging indicator · Security</span>' in site[
        "metrics/patching.md"]
    index = site["metrics/index.md"]
    assert "| [Pipeline](pipeline.md) | Lagging indicator (our recommendation) | Security |" \
        in index
    assert "| [Patching](patching.md) | Lagging indicator | Security |" in index
    assert "marked *(our recommendation)*" in index


def test_indicator_basis_needs_an_indicator(playbook: Path) -> None:
    (playbook / "metrics").mkdir()
    (playbook / "metrics/pipeline.yml").write_text(
        METRIC.format(area="Security") + "indicator_basis: cited\n", encoding="utf-8")
    assert rendered(playbook) == [
        "playbook/metrics/pipeline.yml:1:1: indicator_basis is set but indicator is not: say "
        "which indicator class the basis is for, or remove indicator_basis",
    ]


PAY = """compensation:
  base_salary: {{min: 50000, max: 60000{currency}}}
  variable_percent: {{min: 10, max: 20}}
"""


@pytest.mark.parametrize("currency,message", [
    (", currency: SEK", None),
    (", currency: JPY", None),
    (", currency: usd", "'usd' is not an ISO 4217 currency code (write it in capitals: 'USD')"),
    (", currency: EURO", "'EURO' is not an ISO 4217 currency code (did you mean 'EUR'?)"),
    (", currency: QQQ", "'QQQ' is not an ISO 4217 currency code"),
    ("", "required field is missing (write its ISO 4217 code, e.g. 'currency: EUR'; earlier "
         "versions assumed USD, and `playbook migrate` writes that in)"),
])
def test_currency_is_any_iso_4217_code(playbook: Path, currency: str,
                                       message: str | None) -> None:
    role = playbook / "roles/sdr.yml"
    role.write_text(role.read_text(encoding="utf-8") + PAY.format(currency=currency),
                    encoding="utf-8")
    problems = rendered(playbook)
    if message is None:
        assert problems == []
        code = currency.rsplit(" ", 1)[-1]
        assert f"| Base salary | {code} 50,000–60,000 |" in pages(playbook)["roles/sdr.md"]
    else:
        assert problems == [
            f"playbook/roles/sdr.yml:21:41: compensation.base_salary.currency: {message}"
            if currency else
            f"playbook/roles/sdr.yml:21:3: compensation.base_salary.currency: {message}"]


def test_a_role_without_responsibility_areas(playbook: Path) -> None:
    text = (playbook / "roles/sdr.yml").read_text(encoding="utf-8")
    start, end = text.index("areas:"), text.index("required_competencies:")
    (playbook / "roles/sdr.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    assert rendered(playbook) == []
    page = pages(playbook)["roles/sdr.md"]
    assert "## Responsibilities" not in page and "## Required competencies" in page


NOT_EXPECTED = "  - {level: beginner, expected: false}\n"


def test_a_level_not_expected_and_levels_as_lists(playbook: Path) -> None:
    competency = playbook / "competencies/crm-utilization.yml"
    edit(competency, "  - {level: beginner, descriptor: Starts.}\n", NOT_EXPECTED)
    edit(competency, "  - {level: advanced, descriptor: Leads.}\n",
         "  - level: advanced\n    criteria: [Builds reports, Trains others]\n"
         "    examples: [A pipeline dashboard]\n")
    assert rendered(playbook) == []
    site = pages(playbook)
    assert ("| Beginner | *Not expected at this level* |\n| Intermediate | Grows. |\n"
            "| Advanced | **Criteria:**<br>• Builds reports<br>• Trains others<br>"
            "**Examples:**<br>• A pipeline dashboard |") in site["competencies/crm-utilization.md"]
    assert ("| [crm utilization](crm-utilization.md) | *Not expected at this level* | Grows. | "
            "**Criteria:**") in site["competencies/index.md"]


def test_level_content_rules(playbook: Path) -> None:
    competency = playbook / "competencies/crm-utilization.yml"
    edit(competency, "  - {level: beginner, descriptor: Starts.}\n",
         "  - {level: beginner, expected: false, descriptor: Starts.}\n")
    edit(competency, "  - {level: advanced, descriptor: Leads.}\n", "  - {level: advanced}\n")
    edit(playbook / "roles/sdr.yml", "level: intermediate", "level: beginner")
    assert rendered(playbook) == [
        "playbook/competencies/crm-utilization.yml:6:23: levels[0].expected: level 'beginner' is "
        "not expected but has a descriptor, criteria or examples (remove them, or "
        "'expected: false')",
        "playbook/competencies/crm-utilization.yml:8:5: levels[2]: level 'advanced' has no "
        "descriptor, criteria or examples (write one, or 'expected: false' when the competency "
        "is not expected at this level)",
        "playbook/roles/sdr.yml:14:5: required_competencies[0].level: 'crm utilization' is not "
        "expected at level 'beginner' (require a level its competency describes)",
    ]


def test_a_missing_level_must_be_marked(playbook: Path) -> None:
    edit(playbook / "competencies/crm-utilization.yml",
         "  - {level: beginner, descriptor: Starts.}\n", "")
    assert rendered(playbook) == [
        "playbook/competencies/crm-utilization.yml:5:1: levels: no descriptor for level "
        "'beginner' of scale 'proficiency', the default_scale of playbook.yml (describe every "
        "level of the scale; where the competency is not expected, write "
        "'- {level: beginner, expected: false}')",
    ]


def test_no_scale_anywhere_is_reported_at_the_competency(playbook: Path) -> None:
    edit(playbook / "playbook.yml", "default_scale: proficiency\n", "")
    problems = rendered(playbook)
    hint = ("(write 'scale: ID' here, or 'default_scale: ID' in playbook.yml; earlier versions "
            "assumed 'proficiency': `playbook migrate` writes that into playbook.yml)")
    assert problems[:2] == [
        f"playbook/competencies/crm-utilization.yml:1:1: scale: no scale given {hint}",
        f"playbook/competencies/relationship-building.yml:1:1: scale: no scale given {hint}",
    ]
    # Nothing the user did not write: no 'proficiency' as the manifest's default scale.
    assert not any("default_scale" in p.split(": ", 1)[1][:30] for p in problems)


def test_a_competency_takes_the_manifest_default_and_its_own_scale_wins(
        playbook: Path) -> None:
    scale = (playbook / "scales/proficiency.yml").read_text(encoding="utf-8")
    (playbook / "scales/stars.yml").write_text(
        scale.replace("id: proficiency", "id: stars").replace("Proficiency", "Stars"),
        encoding="utf-8")
    edit(playbook / "playbook.yml", "default_scale: proficiency", "default_scale: stars")
    edit(playbook / "competencies/crm-utilization.yml", "levels:", "scale: proficiency\nlevels:")
    assert rendered(playbook) == []
    site = pages(playbook)
    assert "scales/stars.md" in site["competencies/relationship-building.md"]
    assert "scales/proficiency.md" in site["competencies/crm-utilization.md"]


def test_an_unknown_default_scale_is_reported_once_where_it_is_written(playbook: Path) -> None:
    edit(playbook / "playbook.yml", "default_scale: proficiency", "default_scale: proficency")
    assert [p for p in rendered(playbook) if "warning" not in p] == [
        "playbook/playbook.yml:6:1: default_scale: unknown scale 'proficency' "
        "(did you mean 'proficiency'?)",
    ]
