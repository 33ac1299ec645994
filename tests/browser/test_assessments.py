"""Self-assessments in Chromium: scored by the engine under Pyodide, same as the CLI,
kept across reloads, exported and imported, and only on pages that need them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEFAULT_PLAYBOOK

pytestmark = pytest.mark.browser

READY = ("document.querySelector('form.pb-assessment')"
         " && document.querySelector('form.pb-assessment').dataset.state === 'ready'")


def _open(page: Any, site_url: str, assessment: str) -> Any:
    page.goto(f"{site_url}assessments/{assessment}/")
    page.wait_for_function(READY, timeout=120_000)
    return page.locator("form.pb-assessment")


def _scored(page: Any, form: Any, before: int) -> None:
    page.wait_for_function(f"Number(document.querySelector('form.pb-assessment')"
                           f".dataset.scored || 0) > {before}")


def _answer(page: Any, form: Any, assessment: str, answers: dict[str, str]) -> None:
    for question, option in answers.items():
        before = int(form.get_attribute("data-scored") or 0)
        form.locator(f"input[name='{assessment}--{question}'][value='{option}']").check()
        _scored(page, form, before)


def _browser_result(page: Any, assessment: str) -> dict[str, Any]:
    return dict(page.evaluate(f"window.__playbookLastResult['{assessment}']"))


def _cli_result(tmp_path: Path, assessment: str, answers: dict[str, str],
                role: str | None = None) -> dict[str, Any]:
    path = tmp_path / f"{assessment}.json"
    path.write_text(json.dumps({"answers": answers, "role": role}), encoding="utf-8")
    command = [str(Path(sys.executable).parent / "playbook"), "assess", assessment, str(path),
               "--playbook", str(DEFAULT_PLAYBOOK), "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    return dict(json.loads(done.stdout))


LADDER = {"some-reps-sell-on-social": "yes", "a-leader-openly-supports-social": "yes",
          "owner-of-social-selling-plan": "yes", "standard-social-selling-tool": "partly",
          "training-workshop-has-run": "yes", "top-three-sales-initiative": "no"}


def test_maturity_assessment_matches_the_cli_and_survives_reload(page: Any, site_url: str,
                                                                 tmp_path: Path) -> None:
    form = _open(page, site_url, "transformation-level")
    known = set(form.locator("fieldset.pb-question").evaluate_all(
        "nodes => nodes.map(n => n.dataset.question)"))
    answers = {q: a for q, a in LADDER.items() if q in known}
    assert len(answers) >= 5, "question ids of the default playbook changed"
    _answer(page, form, "transformation-level", answers)
    shown = _browser_result(page, "transformation-level")
    assert shown == _cli_result(tmp_path, "transformation-level", answers)
    headline = page.locator(".pb-results").inner_text()
    assert shown["overall"]["label"] in headline

    page.reload()
    page.wait_for_function(READY, timeout=120_000)
    page.wait_for_function("window.__playbookLastResult"
                           " && window.__playbookLastResult['transformation-level']")
    for question, option in answers.items():
        assert page.locator(f"input[name='transformation-level--{question}'][value='{option}']"
                            ).is_checked()
    assert _browser_result(page, "transformation-level") == shown


def test_skills_gap_matches_the_cli_and_exports_and_imports(page: Any, site_url: str,
                                                            tmp_path: Path) -> None:
    form = _open(page, site_url, "skills-self-assessment")
    before = int(form.get_attribute("data-scored") or 0)
    page.select_option("select[name=role]", "social-selling-specialist")
    _scored(page, form, before)
    answers = {"linkedin-platform-proficiency": "basic", "crm-utilization": "competent",
               "relationship-building": "competent", "roi-analysis": "novice"}
    _answer(page, form, "skills-self-assessment", answers)
    shown = _browser_result(page, "skills-self-assessment")
    assert shown == _cli_result(tmp_path, "skills-self-assessment", answers,
                                "social-selling-specialist")
    assert shown["sections"][0]["plan"][0]["question"] == "linkedin-platform-proficiency"
    assert "Your development plan" in page.locator(".pb-results").inner_text()

    with page.expect_download() as info:
        page.get_by_role("button", name="Export JSON").click()
    exported = tmp_path / "export.json"
    info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "playbook-assessment" and data["answers"] == answers
    # The exported file is valid CLI input and gives what the browser showed.
    command = [str(Path(sys.executable).parent / "playbook"), "assess", "skills-self-assessment",
               str(exported), "--playbook", str(DEFAULT_PLAYBOOK), "--format", "json"]
    cli = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    assert cli == shown

    # Forget everything, reload, and bring the answers back from the file.
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_function(READY, timeout=120_000)
    assert not page.locator("input[name='skills-self-assessment--crm-utilization']"
                            "[value='competent']").is_checked()
    page.locator("input[type=file]").set_input_files(str(exported))
    page.wait_for_function("document.querySelector(\"input[name='skills-self-assessment--"
                           "crm-utilization'][value='competent']\").checked")
    assert page.locator("select[name=role]").input_value() == "social-selling-specialist"
    page.wait_for_function("window.__playbookLastResult['skills-self-assessment']"
                           " && window.__playbookLastResult['skills-self-assessment'].answered"
                           " === 4")
    assert _browser_result(page, "skills-self-assessment") == shown


def test_a_foreign_import_changes_nothing(page: Any, site_url: str, tmp_path: Path) -> None:
    form = _open(page, site_url, "team-maturity")
    first = form.locator("fieldset.pb-question").first
    question = first.get_attribute("data-question")
    _answer(page, form, "team-maturity", {str(question): "yes"})
    stored = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"format": "playbook-assessment", "format_version": 1,
                                   "assessment": "team-health", "answers": {}}),
                       encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(foreign))
    message = page.locator(".pb-panel-message")
    message.wait_for()
    page.wait_for_function("document.querySelector('.pb-panel-message').innerText.length > 0")
    assert re.search(r"not .*this assessment", message.inner_text(), re.I)
    assert page.evaluate("JSON.stringify(Object.assign({}, localStorage))") == stored
    assert first.locator("input[value='yes']").is_checked()


def test_pages_without_an_assessment_load_no_pyodide(page: Any, site_url: str) -> None:
    for path in ("", "roles/sdr-absm/", "maturity/team-maturity/", "assessments/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    loaded = [url for url in page.requests
              if re.search(r"pyodide|runtime\.json|assets/engine|assets/assessments", url)]
    assert loaded == []


def test_pyodide_is_loaded_once_across_instant_navigation(page: Any, site_url: str) -> None:
    _open(page, site_url, "team-maturity")
    page.get_by_role("link", name="Metrics", exact=True).first.click()
    page.wait_for_url(re.compile(r"/metrics/$"))
    page.go_back()
    page.wait_for_function(READY, timeout=60_000)
    loads = [url for url in page.requests if url.endswith("pyodide.asm.wasm")]
    assert len(loads) == 1
