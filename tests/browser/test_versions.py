"""Two published versions in Chromium: the version selector, staying on the same page,
falling back without a 404, and answers carried from one version to the next."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import free_port, serving
from tests.versions.helpers import edit_for_next_quarter, export_pages, new_repo, playbook

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def versions_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """2026-Q3 and 2026-Q4 (alias latest) published and served on 127.0.0.1."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    work = tmp_path_factory.mktemp("versions")
    repo = new_repo(work / "repo")
    for args in (["2026-Q3"], ["2026-Q4", "--alias", "latest"]):
        if args[0] == "2026-Q4":
            edit_for_next_quarter(repo)
        done = playbook("publish", *args, "--site-url", url, cwd=repo)
        assert done.returncode == 0, done.stderr
    pages = export_pages(repo, work / "pages")
    with serving(pages, port):
        yield url


def _switch(page: Any, version: str) -> None:
    """Pick a version in the selector with the keyboard, as a reader can."""
    page.locator(".md-version__current").first.wait_for()
    link = page.locator(".md-version__link", has_text=version).first
    link.focus()  # the list opens when it holds the focus
    page.keyboard.press("Enter")


def test_selector_lists_both_versions(page: Any, versions_url: str) -> None:
    page.goto(versions_url)
    page.wait_for_url(re.compile(r"/(latest|2026-Q4)/$"))  # the default alias: the newest
    page.locator(".md-version__current").first.wait_for()
    listed = page.locator(".md-version__link").all_inner_texts()
    assert any("2026-Q3" in text for text in listed)
    assert any("2026-Q4" in text for text in listed)


def test_switching_keeps_the_reader_on_the_same_role(page: Any, versions_url: str) -> None:
    page.goto(versions_url + "2026-Q4/roles/social-selling-specialist/")
    _switch(page, "2026-Q3")
    page.wait_for_url(re.compile(r"/2026-Q3/roles/social-selling-specialist/$"))
    page.locator("article h1", has_text="Social Selling Specialist").first.wait_for()


def test_a_page_missing_in_the_other_version_falls_back_without_404(page: Any,
                                                                    versions_url: str) -> None:
    responses: list[tuple[str, int]] = []
    page.on("response", lambda r: responses.append((r.url, r.status)))
    page.goto(versions_url + "2026-Q4/roles/field-marketer/")
    _switch(page, "2026-Q3")
    page.wait_for_url(re.compile(r"/2026-Q3/$"))
    assert "404" not in page.title()
    documents = [status for url, status in responses if url.rstrip("/").endswith("2026-Q3")]
    assert documents and all(status == 200 for status in documents)


def test_answers_saved_under_the_older_version_open_in_the_newer(page: Any,
                                                                 versions_url: str) -> None:
    ready = "document.querySelector('form.pb-assessment').dataset.state === 'ready'"
    page.goto(versions_url + "2026-Q3/assessments/team-maturity/")
    page.wait_for_function(ready, timeout=120_000)
    first = page.locator("fieldset.pb-question").first
    question = first.get_attribute("data-question")
    first.locator("input[value='yes']").check()
    page.wait_for_function("Number(document.querySelector('form.pb-assessment')"
                           ".dataset.scored) > 1")
    page.goto(versions_url + "2026-Q4/assessments/team-maturity/")
    page.wait_for_function(ready, timeout=120_000)
    restored = page.locator(f"fieldset[data-question='{question}'] input[value='yes']")
    assert restored.is_checked()
    assert "2026-Q3" in page.locator(".pb-results").inner_text()


def test_the_changes_of_a_role_keep_the_role_in_the_address(page: Any,
                                                            versions_url: str) -> None:
    # From the role page to its changes, by instant navigation.
    page.goto(versions_url + "2026-Q4/roles/social-selling-specialist/")
    page.get_by_role("link", name="All changes for this role").click()
    page.wait_for_url(re.compile(r"/2026-Q4/changes/\?role=social-selling-specialist$"))
    select = page.locator("select[data-change-filter]")
    # Instant navigation changes the address before it swaps the page's content in.
    page.wait_for_function("(document.querySelector('select[data-change-filter]') || {})"
                           ".value === 'social-selling-specialist'")
    count = page.locator(".pb-change-count")
    shown, total = (int(n) for n in re.findall(r"\d+", count.inner_text())[:2])
    assert 0 < shown < total
    shown_text = page.locator("article").inner_text()  # what is shown, not what is hidden
    assert "Attendees: added Field Marketer" in shown_text
    assert "No longer requires Visual Communication" not in shown_text
    assert page.locator("article h2", has_text="Meeting cadences").is_visible()
    assert not page.locator("article h2", has_text="Competencies").is_visible()
    # Another role: the address follows, and the link, opened anew, shows the same list.
    select.select_option("field-marketer")
    page.wait_for_url(re.compile(r"/changes/\?role=field-marketer$"))
    page.reload()
    assert select.input_value() == "field-marketer"
    select.select_option("")
    page.wait_for_url(re.compile(r"/changes/$"))


def test_the_home_page_leads_to_what_changed(page: Any, versions_url: str) -> None:
    page.goto(versions_url + "2026-Q4/")
    page.get_by_role("link", name="What changed since 2026-Q3").click()
    page.wait_for_url(re.compile(r"/2026-Q4/changes/$"))
    page.locator("article h1", has_text="What changed in 2026-Q4").wait_for()


def test_an_older_version_says_a_newer_one_exists_and_leads_to_the_same_page(
        page: Any, versions_url: str) -> None:
    page.goto(versions_url + "2026-Q4/roles/social-selling-specialist/")
    page.locator("article h1").first.wait_for()
    page.wait_for_timeout(500)  # the banner would be shown by now
    assert not page.locator(".md-banner--warning").is_visible()

    page.goto(versions_url + "2026-Q3/roles/social-selling-specialist/")
    banner = page.locator(".md-banner--warning")
    banner.wait_for()
    assert "This is version 2026-Q3 of the playbook. A newer version exists" in \
        banner.inner_text()
    link = banner.get_by_role("link", name="read this page in 2026-Q4")
    link.wait_for()
    link.click()
    page.wait_for_url(re.compile(r"/2026-Q4/roles/social-selling-specialist/$"))
    page.locator("article h1", has_text="Social Selling Specialist").first.wait_for()
    assert not page.locator(".md-banner--warning").is_visible()


def test_a_page_the_newer_version_lacks_leads_to_its_home(page: Any, versions_url: str) -> None:
    page.goto(versions_url + "2026-Q3/competencies/visual-communication/")
    link = page.locator(".md-banner--warning").get_by_role(
        "link", name="go to the home page of 2026-Q4")
    link.wait_for()
    page.wait_for_load_state("networkidle")  # the look for the same page there is over
    assert link.is_visible()
    assert (link.get_attribute("href") or "").endswith("/2026-Q4/")
