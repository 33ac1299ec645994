"""The same playbook built with Zensical, Material's successor, used in Chromium: the
pages, search, an assessment scored as the CLI scores it, text from YAML inert, and no
request leaving the site's host."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import copy_project, free_port, serving
from tests.hostile.live_markup import live_markup
from tests.hostile.test_injection import PAGES, TARGETS, _inject

pytestmark = pytest.mark.browser
PLAYBOOK_COMMAND = str(Path(sys.executable).parent / "playbook")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The default playbook with hostile text in six fields, built with Zensical and
    served on a free port; (its address, the project folder)."""
    project = tmp_path_factory.mktemp("zensical")
    copy_project(project)
    for name, field in TARGETS:
        _inject(project / "playbook" / name, field)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    built = subprocess.run([PLAYBOOK_COMMAND, "build", "--engine", "zensical", "--site-url",
                            url, "--site-dir", "site"], cwd=project, capture_output=True,
                           text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    with serving(project / "site", port):
        yield url, project


@pytest.fixture
def zpage(browser: Any) -> Iterator[Any]:
    """A fresh page whose every request must go to 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    dialogs: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
    foreign = sorted({u for u in requests if urlsplit(u).scheme not in ("data", "blob", "about")
                      and urlsplit(u).hostname != "127.0.0.1"})
    assert foreign == [], "requests left the site's host"
    assert dialogs == [], "text from YAML ran as script"


def test_home_and_role_pages(zensical_site: tuple[str, Path], zpage: Any) -> None:
    url, _ = zensical_site
    zpage.goto(url)
    assert "Social Selling Team Playbook" in zpage.title()
    zpage.evaluate("window.__samePage = true")
    zpage.locator("article a[href$='/roles/sdr-absm/']").first.click()
    zpage.wait_for_url(f"{url}roles/sdr-absm/")
    zpage.wait_for_function("document.querySelector('article')"
                            " && document.querySelector('article').innerText"
                            ".includes('Responsibilities')")
    # Instant navigation: the page was swapped in place, not loaded anew.
    assert zpage.evaluate("window.__samePage === true")


def test_tags_list_the_pages_of_each_kind(zensical_site: tuple[str, Path],
                                          zpage: Any) -> None:
    url, _ = zensical_site
    zpage.goto(f"{url}tags/")
    text = zpage.locator("article").inner_text()
    assert "Role" in text and "Meeting" in text
    assert zpage.locator("article a[href*='/roles/sdr-absm/']").count() >= 1


def test_search_finds_an_entity_by_name(zensical_site: tuple[str, Path], zpage: Any) -> None:
    url, _ = zensical_site
    zpage.goto(url)
    zpage.locator("button.md-search__button").first.click()
    zpage.keyboard.type("Weekly Team Meeting")
    # Zensical draws its results in a shadow root.
    zpage.wait_for_function("""() => [...document.querySelectorAll('*')]
        .filter(el => el.shadowRoot)
        .some(el => [...el.shadowRoot.querySelectorAll('a')]
            .some(a => new URL(a.href).pathname.endsWith('/meetings/weekly-team-meeting/')))""",
        timeout=30_000)


def test_an_assessment_scores_as_the_cli_does(zensical_site: tuple[str, Path], zpage: Any,
                                              tmp_path: Path) -> None:
    url, project = zensical_site
    zpage.goto(f"{url}assessments/transformation-level/")
    zpage.wait_for_function("document.querySelector('form.pb-assessment')"
                            " && document.querySelector('form.pb-assessment').dataset.state"
                            " === 'ready'", timeout=120_000)
    answers = {"some-reps-sell-on-social": "yes", "a-leader-openly-supports-social": "yes",
               "owner-of-social-selling-plan": "partly"}
    for question, option in answers.items():
        zpage.locator(f"input[name='transformation-level--{question}'][value='{option}']").check()
    zpage.wait_for_function("window.__playbookLastResult"
                            " && window.__playbookLastResult['transformation-level']"
                            " && window.__playbookLastResult['transformation-level'].answered"
                            f" === {len(answers)}")
    shown = zpage.evaluate("window.__playbookLastResult['transformation-level']")
    saved = tmp_path / "answers.json"
    saved.write_text(json.dumps(answers), encoding="utf-8")
    cli = subprocess.run([PLAYBOOK_COMMAND, "assess", "transformation-level", str(saved),
                          "--playbook", str(project / "playbook"), "--format", "json"],
                         capture_output=True, text=True, timeout=60, check=True)
    assert shown == json.loads(cli.stdout)
    assert shown["overall"]["label"] in zpage.locator(".pb-results").inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_text_from_yaml_is_inert(zensical_site: tuple[str, Path], zpage: Any,
                                 path: str) -> None:
    url, project = zensical_site
    html = (project / "site" / path / "index.html").read_text(encoding="utf-8")
    assert live_markup(html) == []
    zpage.goto(f"{url}{path}/")
    zpage.wait_for_load_state("load")
    text = zpage.locator("article").inner_text()
    assert "pb-xss" in text and "{{ 7 * 7 }}" in text  # shown as text
    for link in zpage.locator("article a").all():
        assert not (link.get_attribute("href") or "").strip().lower().startswith("javascript:")


def test_the_debrief_works_as_under_material(zensical_site: tuple[str, Path], zpage: Any,
                                             tmp_path: Path) -> None:
    from generators import assess

    url, project = zensical_site
    card = json.loads((project / "site/assets/scorecards/candidate-scorecard.json")
                      .read_text(encoding="utf-8"))
    files = []
    for name, rating in (("ana", 4), ("sam", 2)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps({
            "kind": "playbook-scorecard", "format_version": 1, "scorecard": card["id"],
            "candidate": "Robin", "round": "Panel", "interviewer": name.title(),
            "ratings": {c["id"]: rating for c in card["criteria"]}, "notes": {}}),
            encoding="utf-8")
        files.append(path)
    zpage.goto(f"{url}hiring/scorecards/candidate-scorecard/on-screen/")
    zpage.wait_for_function("document.querySelector('form.pb-scorecard-form')"
                            " && document.querySelector('form.pb-scorecard-form').dataset.state"
                            " === 'ready'", timeout=120_000)
    zpage.locator(".pb-debrief-tool input[type=file]").first.set_input_files(
        [str(p) for p in files])
    zpage.wait_for_function("document.querySelector('.pb-debrief-tool').dataset.state"
                            " === 'shown'", timeout=60_000)
    cli = assess.debrief(project / "playbook", "candidate-scorecard", files)
    shown = zpage.locator(".pb-debrief-view").inner_text()
    for sentence in (cli["score_text"], cli["recommendation_text"], cli["disagreements_text"]):
        assert sentence in shown
