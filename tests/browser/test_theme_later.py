"""An assessment page runs the theme's scripts once its first result is drawn.

The theme's bundle and the site's extra scripts are kept in a <template> on pages that run
the engine, so that Pyodide's start has the page's main thread to itself; the early loader
runs them after the first result, at once when the reader acts (a key, a pointer, focus),
or after ten seconds. These tests hold the engine wheel back to see the page before its
result, then check that the theme runs, and that its search works, in both cases.
"""

from __future__ import annotations

import time
from typing import Any

from tests.browser.conftest import search_site

READY = "document.querySelector('form.pb-assessment').dataset.state === 'ready'"
THEME_RAN = "typeof window.document$ === 'object' && window.document$ !== null"
BUNDLE = "document.querySelectorAll('script[src*=\"javascripts/bundle.\"]').length"
# When the form became ready and when the theme had run, in the page's own clock.
TIMES = """
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form.pb-assessment');
  if (form) {
    new MutationObserver(() => {
      if (form.dataset.state === 'ready' && !window.__readyAt) {
        window.__readyAt = performance.now();
      }
    }).observe(form, { attributes: true });
  }
});
document.addEventListener('playbook:theme', () => { window.__themeAt = performance.now(); });
"""


def _hold_wheel(page: Any) -> list[Any]:
    """Hold back every request for the engine wheel (on the context: the runtime cache's
    worker fetches for the page too); the list fills with the held routes."""
    held: list[Any] = []
    page.context.route("**/assets/engine/*.whl", lambda route: held.append(route))
    return held


def _release(page: Any, held: list[Any]) -> None:
    while not held:
        page.wait_for_timeout(50)
    for route in held:
        route.continue_()


def test_the_theme_runs_after_the_first_result_and_its_search_works(page: Any,
                                                                     site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(TIMES)
    held = _hold_wheel(page)
    page.goto(f"{site_url}assessments/team-health/", wait_until="domcontentloaded")
    page.wait_for_selector(".pb-loading[data-status='loading']")
    page.wait_for_timeout(1500)
    # No result yet: the theme waits, its bundle kept in the template, not run.
    assert page.evaluate(THEME_RAN) is False
    assert page.evaluate(BUNDLE) == 0
    assert page.locator("template#pb-theme-scripts").count() == 1
    _release(page, held)
    page.wait_for_function(READY, timeout=120_000)
    page.wait_for_function(THEME_RAN, timeout=30_000)
    page.wait_for_function("window.__themeAt !== undefined")
    ready_at, theme_at = page.evaluate("[window.__readyAt, window.__themeAt]")
    assert theme_at > ready_at
    assert page.evaluate(BUNDLE) == 1
    # The theme works: its search finds pages, and the result is still there.
    assert search_site(page, "pipeline").count() == 1
    assert page.locator(".pb-result-body").inner_text().strip() != ""
    assert errors == []
    # The head preloaded Pyodide and the spec: each was asked for once, and used (the
    # browser warns of a preload left unused, as when the theme loads one again).
    for name in ("/pyodide.js", "/team-health.json"):
        assert len([url for url in page.requests if url.endswith(name)]) == 1, name
    page.wait_for_timeout(3500)  # the browser warns a few seconds after the page's load
    assert [text for text in console if "preload" in text] == []


def test_a_key_press_runs_the_theme_before_the_result(page: Any, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    held = _hold_wheel(page)
    page.goto(f"{site_url}assessments/team-health/", wait_until="domcontentloaded")
    page.wait_for_selector(".pb-loading[data-status='loading']")
    assert page.evaluate(THEME_RAN) is False
    pressed = time.monotonic()
    page.keyboard.press("Tab")
    page.wait_for_function(THEME_RAN, timeout=9_000)  # not the ten seconds' fallback
    assert time.monotonic() - pressed < 9
    assert page.locator("form.pb-assessment").get_attribute("data-state") == "loading"
    assert search_site(page, "pipeline").count() == 1
    _release(page, held)
    page.wait_for_function(READY, timeout=120_000)
    assert errors == []


def test_pages_without_the_engine_run_the_theme_as_usual(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}roles/", wait_until="domcontentloaded")
    assert page.locator("template#pb-theme-scripts").count() == 0
    assert page.evaluate(BUNDLE) == 1
    page.wait_for_function(THEME_RAN, timeout=30_000)


def test_a_dark_system_gets_the_dark_palette_and_its_toggle_before_the_theme_runs(
        browser: Any, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        held = _hold_wheel(page)
        page.goto(f"{site_url}assessments/team-health/", wait_until="domcontentloaded")
        page.wait_for_selector(".pb-loading[data-status='loading']")
        assert page.evaluate(THEME_RAN) is False
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        toggle = page.locator("label[title='Switch to light mode']")
        assert toggle.is_visible()
        assert page.locator("label[title='Switch to dark mode']").is_hidden()
        _release(page, held)
        page.wait_for_function(READY, timeout=120_000)
        page.wait_for_function(THEME_RAN, timeout=30_000)
        # The theme, once it runs, agrees; its toggle switches to the light palette.
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        toggle.click()
        page.wait_for_function(
            "document.body.getAttribute('data-md-color-scheme') === 'default'")
    finally:
        context.close()
