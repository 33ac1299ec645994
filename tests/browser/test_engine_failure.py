"""When the scoring engine cannot be loaded, an assessment and a scorecard say so in an
alert, the questions still work and keep what was answered, and "Try again" loads the
engine and scores, once the site answers again."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

WHEEL = "**/assets/engine/*.whl"


def _refuse_the_engine(page: Any) -> None:
    # On the context, not the page: once the runtime cache's worker runs, the page's
    # requests for the wheel reach the network through it, and only the context's routes
    # see a worker's requests.
    page.context.route(WHEEL, lambda route: route.fulfill(status=503, body="busy"))


@pytest.mark.parametrize("where, form, answer", [
    ("assessments/team-health/", "form.pb-assessment",
     "input[name='team-health--safe-to-take-risks'][value='agree']"),
    ("hiring/scorecards/candidate-scorecard/on-screen/", "form.pb-scorecard-form",
     "input[name='candidate-scorecard--initiative'][value='excellent']"),
])
def test_an_engine_that_fails_to_load_can_be_loaded_again(page: Any, site_url: str,
                                                          where: str, form: str,
                                                          answer: str) -> None:
    _refuse_the_engine(page)
    page.goto(site_url + where)
    page.wait_for_function(f"document.querySelector(\"{form}\").dataset.state === 'error'",
                           timeout=120_000)
    alert = page.locator(".pb-notice--error[role=alert]").first
    assert "The scoring engine could not be loaded" in alert.inner_text()
    assert "503" in alert.inner_text()
    # The questions still work, and what is answered is kept.
    page.locator(answer).check()
    assert page.locator(answer).is_checked()

    page.context.unroute(WHEEL)
    alert.get_by_role("button", name="Try again").click()
    page.wait_for_function(f"document.querySelector(\"{form}\").dataset.state === 'ready'",
                           timeout=120_000)
    page.wait_for_function(f"Number(document.querySelector(\"{form}\").dataset.scored || 0) > 0")
    assert page.locator(".pb-notice--error[role=alert]").count() == 0
    assert page.locator(answer).is_checked()
