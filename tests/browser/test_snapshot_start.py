"""Python starts from the build's snapshot of its memory with the engine imported, and the
usual way when that snapshot cannot be used, or would come in too slowly to pay for itself.

The build makes the snapshot with Node (generators/pyodide/snapshot.py); the page's early
loader fetches it alongside the runtime. Started from it, Python must still score, and
still import the engine's modules that are imported only when first asked for (the team
view, calibration): their files are unpacked from the wheel after the start."""

from __future__ import annotations

from typing import Any

import pytest

# (Null-safe: instant navigation changes the address before it swaps the content in.)
READY = ("document.querySelector('form.pb-assessment') !== null"
         " && document.querySelector('form.pb-assessment').dataset.state === 'ready'")
SCORED = "Number(document.querySelector('form.pb-assessment').dataset.scored || 0)"
# Imports the engine's views that the bridge imports only when first asked for.
LATE_IMPORTS = """() => window.__playbookPython.then(python => python.runPython(
  "import assessments.team, assessments.calibration, assessments.debrief\\n"
  + "assessments.team.__name__ + ' ' + assessments.calibration.__name__"))"""


def _scores_on_change(page: Any) -> None:
    before = page.evaluate(SCORED)
    page.locator("form.pb-assessment input[type=radio]").nth(1).check()
    page.wait_for_function(f"{SCORED} > {before}", timeout=30_000)
    assert page.locator("form.pb-assessment").get_attribute("data-state") == "ready"


def test_python_starts_from_the_snapshot_and_scores(page: Any, site_url: str) -> None:
    snapshots: list[str] = []
    page.on("request", lambda request: snapshots.append(request.url)
            if request.url.endswith(".snapshot") else None)
    page.goto(f"{site_url}assessments/team-health/")
    page.wait_for_function(READY, timeout=120_000)
    assert page.evaluate("window.__playbookSnapshot") == "used"
    assert len(snapshots) == 1, snapshots
    _scores_on_change(page)
    assert page.evaluate(LATE_IMPORTS) == "assessments.team assessments.calibration"


@pytest.mark.parametrize("answer", [
    {"status": 404, "body": "not found"},
    {"status": 200, "body": "not a snapshot of anything"},
    {"status": 200, "body": b"\x1f\x8b\x08\x00 a broken gzip stream"},
], ids=["missing", "not-a-snapshot", "broken-gzip"])
def test_python_starts_the_usual_way_without_a_usable_snapshot(
        page: Any, site_url: str, answer: dict[str, Any]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.context.route("**/assets/engine/*.snapshot", lambda route: route.fulfill(**answer))
    page.goto(f"{site_url}assessments/team-health/")
    page.wait_for_function(READY, timeout=120_000)
    assert page.evaluate("window.__playbookSnapshot") == "refused"
    assert not page.locator(".pb-loading[data-status='error']").count()
    _scores_on_change(page)
    assert page.evaluate(LATE_IMPORTS) == "assessments.team assessments.calibration"
    assert errors == []


def test_reached_by_instant_navigation_python_starts_from_the_snapshot(
        page: Any, site_url: str) -> None:
    """From a page without the engine, the theme's instant navigation brings the
    assessment in without a new head: the widget's loader starts Python, from the
    snapshot too."""
    page.goto(f"{site_url}assessments/")
    page.wait_for_function("typeof window.document$ === 'object' && window.document$ !== null")
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='team-health/']").first.click()
    page.wait_for_url("**/assessments/team-health/")
    page.wait_for_function(READY, timeout=120_000)
    assert page.evaluate("window.__sameDocument") is True  # no new document, no early loader
    assert page.evaluate("window.__playbookEarly") is None
    assert page.evaluate("window.__playbookSnapshot") == "used"
    _scores_on_change(page)
    assert page.evaluate(LATE_IMPORTS) == "assessments.team assessments.calibration"


def test_on_a_slow_network_python_starts_the_usual_way(page: Any, site_url: str) -> None:
    """At 10 Mbit/s the snapshot's 6 MB would take longer than Python's own start: the page
    stops its download and starts Python the usual way."""
    page.context.new_cdp_session(page).send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 20, "uploadThroughput": -1,
        "downloadThroughput": 10_000_000 / 8})
    page.goto(f"{site_url}assessments/team-health/")
    page.wait_for_function(READY, timeout=120_000)
    assert page.evaluate("window.__playbookSnapshot") == "too slow"
    _scores_on_change(page)
