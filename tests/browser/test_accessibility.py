"""axe-core on every kind of page of the default site, in the light and the dark scheme:
no violation of any impact, other than the few the theme itself causes, each listed in
THEME with the reason it is left alone. Assessment pages are checked before and after
answering, so the result view (bands in their colours, charts, plan, ties) is checked too."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, QuietHandler, copy_project

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules/axe-core/axe.min.js"

#: Violations caused by Material for MkDocs itself, by rule and by the element it finds:
#: (rule id, start of the CSS selector axe reports) -> why it is not ours to fix.
THEME = {
    ("landmark-unique", 'nav[data-md-level="1"]'):
        "Material labels the navigation of the current section (a <nav>) by the same "
        "section title as its entry in the navigation above it, so two landmarks share a "
        "name; the markup is the theme's (partials/nav-item.html), with no setting to change.",
}

#: Violations caused by Zensical's own theme (0.0.73, "modern"), on top of THEME.
ZENSICAL = {
    ("color-contrast", ".md-nav__link--active"):
        "Zensical draws the current page's entry of the navigation in its primary colour on "
        "a tinted background (3.75:1 in the light scheme, 4.21:1 in the dark one); the "
        "colours are the theme's.",
}

PAGES = {
    "home": "",
    "role": "roles/sdr-absm/",
    "competency": "competencies/buyer-journey-mapping/",
    "scale": "competencies/scales/proficiency/",
    "kit": "hiring/kits/social-selling-specialist/",
    "meetings": "meetings/",
    "meeting": "meetings/weekly-team-meeting/",
    "maturity model": "maturity/digital-transformation/",
    "metrics": "metrics/",
    "metric": "metrics/account-engagement-scores/",
    "play": "plays/content-library-audit/",
    "framework": "frameworks/buyers-journey/",
    "taxonomy": "frameworks/theme-categories/",
    "tags": "tags/",
    "glossary": "glossary/",
    "assessments": "assessments/",
    "scorecard on screen": "hiring/scorecards/candidate-scorecard/on-screen/",
}

#: Assessment pages and the answers that bring out each part of the result view.
ANSWERED = {
    "team-health": {"safe-to-take-risks": "strongly-disagree",
                    "goals-and-priorities-known": "strongly-agree",
                    "we-meet-our-goals": "neutral"},
    "skills-self-assessment": {"linkedin-platform-proficiency": "novice",
                               "crm-utilization": "basic", "roi-analysis": "expert"},
    "team-model-selector": {"company-size": "employees-200-1000"},
    "transformation-level": {"some-reps-sell-on-social": "yes",
                             "a-leader-openly-supports-social": "yes"},
}

RUN_AXE = """async () => {
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.flatMap(v => v.nodes.map(n => [v.id, v.impact,
        n.target.join(' '), (n.failureSummary || '').split('\\n').slice(1).join(' ')]));
}"""

READY = "document.querySelector('form.pb-assessment').dataset.state === 'ready'"


def _violations(page: Any, theme: dict[tuple[str, str], str] = THEME) -> list[str]:
    """Every violation on the page but the theme's own, one line each.

    Checked at rest: the theme fades its tabs out while the page scrolls, and a link
    caught halfway through that fade would measure as text the colour of its background.
    """
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; "
                               "animation: none !important; }")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE)
    return [f"{rule} ({impact}) at {target}: {summary}" for rule, impact, target, summary in found
            if not any(rule == r and target.startswith(t) for r, t in theme)]


def _answer(page: Any, assessment: str) -> None:
    form = page.locator("form.pb-assessment")
    for question, option in ANSWERED[assessment].items():
        before = int(form.get_attribute("data-scored") or 0)
        form.locator(f"input[name='{assessment}--{question}'][value='{option}']").check()
        page.wait_for_function("Number(document.querySelector('form.pb-assessment')"
                               f".dataset.scored || 0) > {before}")


def _serve(folder: Any, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_page_kinds_have_no_violation(page: Any, site_url: str, kind: str,
                                      scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + PAGES[kind], wait_until="networkidle")
    assert _violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("assessment", list(ANSWERED))
def test_assessments_before_and_after_answering(page: Any, site_url: str, assessment: str,
                                                scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}assessments/{assessment}/?role=sdr-absm")
    page.wait_for_function(READY, timeout=120_000)
    assert _violations(page) == [], "before answering"
    _answer(page, assessment)
    page.get_by_role("button", name="Save this result").click()
    page.get_by_role("button", name="Save this result").click()  # two saved: compare shows
    page.locator(".pb-compare-form").wait_for()
    assert _violations(page) == [], "after answering"


@pytest.fixture(scope="module")
def changes_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The default site built with a "What changed" page (against an earlier version with
    one role fewer and another role's purpose changed), served on 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("changes"))
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    script = """if True:
        import sys
        from pathlib import Path
        from generators import pipeline
        from generators.check import compile_playbook
        from generators.versions.bundle import make_bundle
        project, url = Path(sys.argv[1]), sys.argv[2]
        old = make_bundle(compile_playbook(project / "playbook").playbook)
        old["manifest"]["version"] = "2026-Q3"
        roles = old["entities"]["role"]
        roles.pop("sdr-absm")
        roles["social-selling-specialist"]["purpose"] = "An earlier purpose."
        pipeline.build(pipeline.Options(project / "playbook", project / "mkdocs.yml",
                                        site_url=url, previous=old), project / "site")
    """
    built = subprocess.run([sys.executable, "-c", script, str(project), url], cwd=project,
                           capture_output=True, text=True, timeout=300, check=False,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                                "PYTHONPATH": str(ROOT)})
    assert built.returncode == 0, built.stderr
    server = _serve(project / "site", port)
    yield url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_changes_page_has_no_violation(browser: Any, changes_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(changes_url + "changes/", wait_until="networkidle")
        assert "What changed in" in page.locator("article h1").inner_text()
        assert page.locator("article a[href$='/roles/sdr-absm/']").count() >= 1
        assert _violations(page) == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def zensical_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The default site built with Zensical, served on 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("zensical-schemes"))
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [str(Path(sys.executable).parent / "playbook"), "build", "--engine", "zensical",
               "--site-url", url, "--site-dir", "site"]
    built = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300,
                           check=False)
    assert built.returncode == 0, built.stderr
    server = _serve(project / "site", port)
    yield url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_zensical_follows_the_scheme_and_keeps_results_readable(browser: Any,
                                                                 zensical_url: str,
                                                                 scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(zensical_url + "assessments/team-health/")
        page.wait_for_function(READY, timeout=120_000)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        toggle = "Switch to light mode" if scheme == "dark" else "Switch to dark mode"
        assert page.locator(f"label[title='{toggle}']").count() >= 1
        _answer(page, "team-health")
        assert page.locator("svg.pb-chart rect.pb-chart-bar.pb-band--red").count() == 1
        assert _violations(page, THEME | ZENSICAL) == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_debrief_and_a_shared_result_have_no_violation(page: Any, site_url: str,
                                                           scheme: str, tmp_path: Path) -> None:
    from tests.browser.test_debrief import _criteria, _import, _three_files
    from tests.browser.test_share import _fragment

    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}hiring/scorecards/candidate-scorecard/on-screen/")
    page.wait_for_function("document.querySelector('form.pb-scorecard-form')"
                           ".dataset.state === 'ready'", timeout=120_000)
    _import(page, _three_files(tmp_path, _criteria(site_url)))
    assert page.locator(".pb-debrief-view tr.pb-flagged").count() >= 1
    assert _violations(page) == []

    shared = _fragment({"k": "pbr1", "a": "team-health", "v": None, "r": None,
                        "x": ANSWERED["team-health"]})
    page.goto("about:blank")
    page.goto(f"{site_url}assessments/team-health/{shared}")
    page.get_by_role("button", name="Add to my history").wait_for(timeout=120_000)
    assert _violations(page) == []
