"""The reader's work survives bad storage and bad files (Chromium)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

READY = "document.querySelector('form.pb-assessment').dataset.state === 'ready'"
KEY = "pbk:assessment:2026-Q4:team-maturity"


def _open(page: Any, site_url: str) -> Any:
    page.goto(site_url + "assessments/team-maturity/")
    page.wait_for_function(READY, timeout=120_000)
    return page.locator("form.pb-assessment")


def test_corrupt_storage_is_set_aside_with_a_message(page: Any, site_url: str) -> None:
    _open(page, site_url)
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json at all')")
    page.reload()
    page.wait_for_function(READY, timeout=120_000)
    notices = page.locator(".pb-results").inner_text()
    assert "could not be read" in notices
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':corrupt:'))"
                         ".map(k => localStorage.getItem(k))")
    assert kept == ["{not json at all"]


def test_full_storage_keeps_answers_in_memory_with_a_message(page: Any, site_url: str) -> None:
    page.add_init_script("""
        Storage.prototype.setItem = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };""")
    form = _open(page, site_url)
    first = form.locator("fieldset.pb-question").first
    first.locator("input[value='yes']").check()
    page.wait_for_function("Number(document.querySelector('form.pb-assessment')"
                           ".dataset.scored) > 1")
    assert "could not be saved in this browser" in page.locator(".pb-results").inner_text()
    assert first.locator("input[value='yes']").is_checked()
    result = page.evaluate("window.__playbookLastResult['team-maturity'].answered")
    assert result == 1


@pytest.mark.parametrize("content,message", [
    ("{ this is not json", "not"),
    (json.dumps(["a", "list"]), "not"),
    (json.dumps({"format": "playbook-assessment", "format_version": 1,
                 "assessment": "team-maturity", "answers": {"x": 1}}), "not"),
])
def test_malformed_imports_change_nothing(page: Any, site_url: str, tmp_path: Path,
                                          content: str, message: str) -> None:
    form = _open(page, site_url)
    first = form.locator("fieldset.pb-question").first
    first.locator("input[value='yes']").check()
    page.wait_for_function("Number(document.querySelector('form.pb-assessment')"
                           ".dataset.scored) > 1")
    stored = page.evaluate(f"localStorage.getItem('{KEY}')")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.locator(".pb-panel input[type=file]").set_input_files(str(bad))
    page.wait_for_function("document.querySelector('.pb-panel-message').innerText.length > 0")
    assert message in page.locator(".pb-panel-message").inner_text().lower()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == stored
    assert first.locator("input[value='yes']").is_checked()
