"""Self-assessments in Chromium: scored by the engine under Pyodide, same as the CLI,
kept across reloads, exported and imported, and only on pages that need them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEFAULT_PLAYBOOK, free_port, serving

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
                role: str | None = None, playbook: Path = DEFAULT_PLAYBOOK) -> dict[str, Any]:
    path = tmp_path / f"{assessment}.json"
    path.write_text(json.dumps({"answers": answers, "role": role}), encoding="utf-8")
    command = [str(Path(sys.executable).parent / "playbook"), "assess", assessment, str(path),
               "--playbook", str(playbook), "--format", "json"]
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
    page.locator(".pb-panel input[type=file]").set_input_files(str(exported))
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
    page.locator(".pb-panel input[type=file]").set_input_files(str(foreign))
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


EXAMPLE = DEFAULT_PLAYBOOK.parent / "tests/examples/secure-engineering"


@pytest.fixture(scope="module")
def example_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The secure-engineering example, built for and served on a free port of 127.0.0.1."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("example") / "site"
    result = subprocess.run([str(Path(sys.executable).parent / "playbook"), "build",
                             "--playbook", str(EXAMPLE), "--site-dir", str(site),
                             "--site-url", url], capture_output=True, text=True, timeout=300,
                            check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    with serving(site, port):
        yield url


# Answers per stream, in the order of the assessment's questions; the option of each value.
COVERAGE = {0: "no", 0.25: "a-few-teams", 0.5: "about-half", 1: "every-team"}
GOVERNANCE_QUESTIONS = {
    "strategy-metrics-a": ("risk-appetite-agreed", "security-plan-written",
                           "security-plan-reviewed"),
    "strategy-metrics-b": ("security-figures-collected", "security-targets-reviewed",
                           "figures-change-the-plan"),
    "policy-compliance-a": ("policies-written", "standards-checkable",
                            "standards-checked-automatically"),
    "policy-compliance-b": ("obligations-known", "obligations-mapped", "evidence-continuous"),
    "education-guidance-a": ("basic-training", "role-training", "training-refreshed"),
    "education-guidance-b": ("specialist-reachable", "champions-network",
                             "community-shares-lessons"),
}


def _governance_answers(streams: dict[str, tuple[float, ...]]) -> dict[str, str]:
    return {question: COVERAGE[value] for stream, values in streams.items()
            for question, value in zip(GOVERNANCE_QUESTIONS[stream], values, strict=True)}


def _shown_groups(page: Any) -> dict[str, tuple[str, str]]:
    """Each group and stream of the result view: (score text, band text)."""
    rows = page.locator(".pb-groups li.pb-group").evaluate_all(
        """items => items.map(li => [li.dataset.id,
            li.querySelector(':scope > .pb-group-score').textContent,
            (li.querySelector(':scope > .pb-group-band') || {}).textContent || ''])""")
    return {gid: (score, band) for gid, score, band in rows}


def test_governance_groups_show_the_hand_computed_scores(browser: Any, example_url: str,
                                                         tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        form = _open(page, example_url, "governance-maturity")
        answers = _governance_answers({
            "strategy-metrics-a": (1, 0.5, 0.25), "strategy-metrics-b": (1, 1, 0.5),
            "policy-compliance-a": (1, 0, 0), "policy-compliance-b": (0.25, 0.25, 0),
            "education-guidance-a": (0, 0, 0), "education-guidance-b": (0.5, 0.25, 0)})
        _answer(page, form, "governance-maturity", answers)
        # Stream sums, practice means of two streams, the function mean of three practices;
        # shown with at most two decimals (2.125 as 2.13, 0.375 as 0.38, 13/12 as 1.08).
        assert _shown_groups(page) == {
            "governance": ("1.08 of 3", "Level 1"),
            "strategy-metrics": ("2.13 of 3", "Level 2"),
            "strategy-metrics-a": ("1.75 of 3", "Level 1"),
            "strategy-metrics-b": ("2.5 of 3", "Level 2"),
            "policy-compliance": ("0.75 of 3", "Getting started"),
            "policy-compliance-a": ("1 of 3", "Level 1"),
            "policy-compliance-b": ("0.5 of 3", "Level 0"),
            "education-guidance": ("0.38 of 3", "Level 0"),
            "education-guidance-a": ("0 of 3", "Level 0"),
            "education-guidance-b": ("0.75 of 3", "Getting started"),
        }
        nested = ("li[data-id=governance] > ul > li[data-id=policy-compliance] > ul > "
                  "li[data-id=policy-compliance-b]")
        assert page.locator(nested).count() == 1
        headline = page.locator(".pb-headline-label").inner_text()
        assert "Level 1" in headline and "1.08 of 3" in headline
        results = page.locator(".pb-results").inner_text()
        assert "No result yet" not in results
        shown = _browser_result(page, "governance-maturity")
        assert shown == _cli_result(tmp_path, "governance-maturity", answers, playbook=EXAMPLE)
        advice = page.locator(".pb-next > ul.pb-advice > li").all_inner_texts()
        assert [text.split(" Read: ")[0] for text in advice] == [a["text"]
                                                                 for a in shown["advice"]]
        assert advice[0] == ("Write down who owns each practice, and review the scores "
                             "every quarter.")

        # Practices 1, 1 and 0: the function's mean is exactly 2/3.
        exact = _governance_answers({
            "strategy-metrics-a": (1, 0, 0), "strategy-metrics-b": (1, 0, 0),
            "policy-compliance-a": (1, 0, 0), "policy-compliance-b": (1, 0, 0),
            "education-guidance-a": (0, 0, 0), "education-guidance-b": (0, 0, 0)})
        _answer(page, form, "governance-maturity",
                {q: option for q, option in exact.items() if answers[q] != option})
        assert _shown_groups(page)["governance"] == ("0.67 of 3", "Getting started")
        assert "Getting started" in page.locator(".pb-headline-label").inner_text()
    finally:
        context.close()


def test_a_six_level_ladder_is_shown_out_of_six(browser: Any, example_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        form = _open(page, example_url, "engineering-skills")
        before = int(form.get_attribute("data-scored") or 0)
        page.select_option("select[name=role]", "staff-engineer")
        _scored(page, form, before)
        # Staff engineers need L4 technical craft and secure delivery.
        _answer(page, form, "engineering-skills", {"technical-craft": "l6",
                                                   "secure-delivery": "l2"})
        chart = str(page.locator(".pb-results svg.pb-chart").get_attribute("aria-label"))
        assert chart == ("Bar chart of Your skills: Technical craft 6 of 6 \u00b7 target 4; "
                         "Secure delivery 2 of 6 \u00b7 target 4 \u00b7 below target")
        assert " of 5" not in str(page.locator(".pb-results").text_content())
        # The skill below its target is marked in the chart too: its shortfall is hatched.
        assert page.locator(".pb-results svg.pb-chart rect.pb-chart-gap").count() == 2  # + key
        assert "short of the target" in str(page.locator("svg.pb-chart").text_content())
        table = page.locator("table.pb-score-table tbody tr").all_text_contents()
        assert [row for row in table if "below target" in row] == [table[1]]
        plan = page.locator(".pb-plan-table tbody tr").first.inner_text()
        assert "Secure delivery" in plan and "L4 Staff" in plan
    finally:
        context.close()


# Where the focus is, and what it looks like: the outline (or ring) of the focused control.
FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    let bg = 'rgba(0, 0, 0, 0)';  // behind the outline: the background around the control
    for (let node = el.parentElement; node && bg.endsWith(', 0)'); node = node.parentElement) {
        bg = getComputedStyle(node).backgroundColor;
    }
    if (bg.endsWith(', 0)')) { bg = getComputedStyle(document.body).backgroundColor; }
    return {outline: [style.outlineStyle, style.outlineWidth, style.outlineColor],
            shadow: style.boxShadow, background: bg,
            focused: document.activeElement === el, visible: el.matches(':focus-visible')};
}"""

# Focus the control before `selector` (document order), so that one Tab reaches it.
FOCUS_BEFORE = """selector => {
    const all = [...document.querySelectorAll(
        'a[href], button, input:not([type=hidden]):not([tabindex="-1"]), select, ' +
        '[tabindex="0"]')];
    const target = document.querySelector(selector);
    const before = all[all.indexOf(target) - 1];
    before.focus();
    return document.activeElement === before;
}"""


def _rgba(text: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in re.findall(r"[\d.]+", text)]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(colour: str, background: str) -> float:
    """The contrast of `colour` (composited over `background`) with `background`."""
    fr, fg, fb, alpha = _rgba(colour)
    br, bgr, bb, _ = _rgba(background)
    mixed = (fr * alpha + br * (1 - alpha), fg * alpha + bgr * (1 - alpha),
             fb * alpha + bb * (1 - alpha))
    lighter, darker = sorted((_luminance(mixed), _luminance((br, bgr, bb))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _tab_to(page: Any, selector: str) -> dict[str, Any]:
    assert page.evaluate(FOCUS_BEFORE, selector)
    page.keyboard.press("Tab")
    return dict(page.locator(selector).first.evaluate(FOCUS_STYLE))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_is_visible_on_every_control(page: Any, site_url: str,
                                                    scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    _open(page, site_url, "skills-self-assessment")
    first_radio = "fieldset.pb-question input[type=radio]"
    for selector in ("select[name=role]", first_radio, ".pb-controls button.pb-button"):
        seen = _tab_to(page, selector)
        assert seen["focused"] and seen["visible"], (selector, seen)
        style, width, colour = seen["outline"]
        assert style != "none" and float(width.rstrip("px")) >= 2, (selector, seen)
        assert _contrast(colour, seen["background"]) >= 3, (selector, seen)
        if selector == first_radio:  # the whole answer around a focused radio is ringed too
            ring = page.locator("fieldset.pb-question .pb-options label").first.evaluate(
                "el => getComputedStyle(el).boxShadow")
            assert ring != "none"
    # The page really is in the scheme asked for.
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
        "slate" if scheme == "dark" else "default")


def test_loading_status_is_at_the_top_and_replaced_when_ready(page: Any,
                                                              site_url: str) -> None:
    held: list[Any] = []
    page.route("**/assets/engine/*.whl", lambda route: held.append(route))  # held back
    page.goto(f"{site_url}assessments/team-health/", wait_until="domcontentloaded")
    status = page.locator(".pb-loading[data-loading-for='team-health']")
    page.wait_for_selector(".pb-loading[data-status='loading']")
    assert status.get_attribute("role") == "status"
    assert "Loading the scoring engine" in status.inner_text()
    assert status.locator("progress").count() == 1
    box = status.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 900, "seen without scrolling"
    assert page.evaluate("""() => {
        const line = document.querySelector('.pb-loading');
        const form = document.querySelector('form.pb-assessment');
        return !!(line.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    while not held:
        page.wait_for_timeout(50)
    for route in held:
        route.continue_()
    page.wait_for_function(READY, timeout=120_000)
    assert status.get_attribute("data-status") == "ready"
    assert status.inner_text().startswith("Ready: your result updates as you answer.")
    assert status.locator("progress").count() == 0
    # The link leads to the result on this page (the theme, which runs once the result is
    # drawn, writes every link of the page out in full).
    assert page.evaluate("""() => {
        const to = new URL(document.querySelector('.pb-loading a').href);
        return to.pathname === location.pathname && to.hash === '#team-health--result';
    }""")
    assert page.locator("section.pb-results#team-health--result").count() == 1


HEALTH = {"safe-to-take-risks": "strongly-disagree", "failures-reviewed-openly": "disagree",
          "goals-and-priorities-known": "agree", "roles-are-clear": "strongly-agree",
          "we-meet-our-goals": "neutral", "efficient-use-of-time": "neutral"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_team_health_bands_show_in_red_amber_and_green_with_words(page: Any, site_url: str,
                                                                   scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    form = _open(page, site_url, "team-health")
    _answer(page, form, "team-health", HEALTH)
    results = page.locator(".pb-results")
    # Psychological Safety 1.5 (red), Clarity 4.5 (green), Effectiveness 3 (amber).
    values = page.locator("svg.pb-chart text.pb-chart-value").all_text_contents()
    assert values[:3] == ["1.5 of 5 \u00b7 Act now, red", "4.5 of 5 \u00b7 Sustain, green",
                          "3 of 5 \u00b7 Watch, amber"]
    fills = {colour: page.locator(f"svg.pb-chart rect.pb-chart-bar.pb-band--{colour}")
             .evaluate("el => getComputedStyle(el).fill") for colour in ("red", "amber", "green")}
    red, amber, green = (_rgba(fills[c])[:3] for c in ("red", "amber", "green"))
    assert red[0] > 150 and red[1] < 120 and red[2] < 120, fills
    assert amber[0] > 200 and 140 < amber[1] < 220 and amber[2] < 100, fills
    assert green[1] > green[0] + 40 and green[1] > green[2] + 40, fills
    badge = results.locator(".pb-result-section .pb-badge.pb-band--amber")
    assert badge.inner_text() == "Watch, amber"  # the colour is said in words too
    headline = page.locator(".pb-headline")
    assert "pb-tone--amber" in str(headline.get_attribute("class"))
    assert headline.locator(".pb-headline-label").inner_text().startswith("Watch (amber)")
    assert "band 2 of 3" in headline.inner_text()  # the model calls its stages bands
    table = results.locator("table.pb-score-table").text_content()
    assert table is not None and "Act now, red" in table and "Sustain, green" in table


def test_a_tie_names_both_outcomes_and_points_are_counted(page: Any, site_url: str) -> None:
    form = _open(page, site_url, "team-model-selector")
    results = page.locator(".pb-results")
    assert "No result yet" in page.locator(".pb-headline-label").inner_text()
    _answer(page, form, "team-model-selector", {"company-size": "employees-200-1000"})
    label = page.locator(".pb-headline-label")
    assert label.inner_text().startswith("Pod Model and Hybrid Model fit equally")
    assert label.locator("a").all_inner_texts() == ["Pod Model", "Hybrid Model"]
    assert page.locator(".pb-headline-kicker").inner_text().lower() == "equal best fits"
    assert "Tied for first place" in results.locator(".pb-section-result").inner_text()
    labels = page.locator("svg.pb-chart text.pb-chart-label").all_text_contents()
    values = page.locator("svg.pb-chart text.pb-chart-value").all_text_contents()
    assert labels[:2] == ["Pod Model", "Hybrid Model"]  # by points, ties in order
    assert values[:4] == ["2 of 14 points", "2 of 14 points", "0 of 14 points",
                          "0 of 14 points"]
    # Pod takes a one-point lead.
    _answer(page, form, "team-model-selector", {"scalability-need": "scalability-medium"})
    assert label.inner_text().startswith("Pod Model")
    assert "fit equally" not in label.inner_text()
    text = results.inner_text()
    assert "The best fit leads by 1 point:" in text
    assert "Pod Model: 3 points" in text and "Distributed Model: 1 point\n" in text + "\n"
    assert not re.search(r"\b1 points\b", text)


def test_a_ladder_of_levels_from_0_reads_as_levels(page: Any, site_url: str) -> None:
    form = _open(page, site_url, "transformation-level")
    _answer(page, form, "transformation-level", {"some-reps-sell-on-social": "yes",
                                                 "a-leader-openly-supports-social": "yes"})
    assert page.locator(".pb-headline-kicker").inner_text().lower() == "your level"
    assert "level 1 of 0\u20135" in page.locator(".pb-headline").inner_text()
    section = page.locator(".pb-result-section .pb-section-result").first.inner_text()
    assert section == "Level: Random Acts of Social (level 1 of 0\u20135)"
    assert not re.search(r"\b(stage|level) \d of 5\b", page.locator(".pb-results").inner_text())


def test_a_role_page_opens_the_skills_assessment_with_its_role(page: Any,
                                                               site_url: str) -> None:
    page.goto(f"{site_url}roles/sdr-absm/")
    links = page.locator("#self-assessments + ul a")
    assert links.count() >= 1
    skills = page.locator("#self-assessments + ul a[href*='skills-self-assessment']")
    assert str(skills.get_attribute("href")).endswith(
        "/assessments/skills-self-assessment/?role=sdr-absm")
    skills.click()
    page.wait_for_url(re.compile(r"/assessments/skills-self-assessment/\?role=sdr-absm$"))
    page.wait_for_function(READY, timeout=120_000)
    assert page.locator("select[name=role]").input_value() == "sdr-absm"
    form = page.locator("form.pb-assessment")
    _answer(page, form, "skills-self-assessment", {"crm-utilization": "basic"})
    assert _browser_result(page, "skills-self-assessment")["role"] == "sdr-absm"
    assert "Compared with the targets for Sales Development Representative" in (
        page.locator(".pb-headline").inner_text())

    # Another role chosen here changes the address, which stays shareable.
    before = int(form.get_attribute("data-scored") or 0)
    page.select_option("select[name=role]", "social-selling-specialist")
    _scored(page, form, before)
    assert page.url.endswith("?role=social-selling-specialist")

    # A shared link wins over the role remembered in this browser...
    page.goto(f"{site_url}assessments/skills-self-assessment/?role=sdr-absm")
    page.wait_for_function(READY, timeout=120_000)
    page.wait_for_function("window.__playbookLastResult"
                           " && window.__playbookLastResult['skills-self-assessment']")
    assert page.locator("select[name=role]").input_value() == "sdr-absm"
    assert _browser_result(page, "skills-self-assessment")["role"] == "sdr-absm"
    # ...and a role the playbook does not have is said, not silently dropped.
    page.goto(f"{site_url}assessments/skills-self-assessment/?role=astronaut")
    page.wait_for_function(READY, timeout=120_000)
    notice = page.locator(".pb-notices .pb-notice--warning")
    assert "\u201castronaut\u201d, which is not a role of this playbook" in notice.inner_text()
    assert page.locator("select[name=role]").input_value() == "sdr-absm"  # remembered
