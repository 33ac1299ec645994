"""The offline copy as a reader gets it: the zip unzipped into an empty folder, its
launcher started (with Python's standard library only), and the site read in Chromium
with every request to another host refused: a role page, search, the version selector,
and an assessment scored by Python in the browser."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import search_site
from tests.conftest import copy_project
from tests.versions.helpers import edit_for_next_quarter, new_repo, playbook

pytestmark = pytest.mark.browser

READY = ("document.querySelector('form.pb-assessment')"
         " && document.querySelector('form.pb-assessment').dataset.state === 'ready'")


def _served(archive: Path, folder: Path) -> Iterator[str]:
    """The zip unzipped into the empty `folder` and served by its own launcher."""
    folder.mkdir()
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    assert {"serve.py", "README.txt", "site"} <= {p.name for p in folder.iterdir()}
    assert "python3 serve.py" in (folder / "README.txt").read_text(encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # -S -I: no site-packages, no environment: the launcher needs the standard library only.
    server = subprocess.Popen([sys.executable, "-S", "-I", "serve.py", "--no-browser",
                               "--port", str(port)], cwd=folder, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    assert server.stdout is not None
    line = server.stdout.readline()
    url = f"http://127.0.0.1:{port}/"
    assert line.startswith(f"Serving the playbook at {url} "), line + server.stderr.read()
    try:
        yield url
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl-C
        out, err = server.communicate(timeout=10)
    assert server.returncode == 0, err
    assert out.strip().endswith("Stopped.")


@pytest.fixture(scope="module")
def plain_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`playbook bundle` of the default playbook, built now."""
    work = tmp_path_factory.mktemp("offline-plain")
    project = copy_project(work / "project")
    done = playbook("bundle", str(work / "playbook.zip"), cwd=project)
    assert done.returncode == 0, done.stderr
    yield from _served(work / "playbook.zip", work / "unzipped")


@pytest.fixture(scope="module")
def versions_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`playbook bundle --all-versions` of 2026-Q3 and 2026-Q4 (alias latest)."""
    work = tmp_path_factory.mktemp("offline-versions")
    repo = new_repo(work / "repo")
    for args in (["2026-Q3"], ["2026-Q4", "--alias", "latest"]):
        if args[0] == "2026-Q4":
            edit_for_next_quarter(repo)
        done = playbook("publish", *args, cwd=repo)
        assert done.returncode == 0, done.stderr
    done = playbook("bundle", str(work / "versions.zip"), "--all-versions", cwd=repo)
    assert done.returncode == 0, done.stderr
    yield from _served(work / "versions.zip", work / "unzipped")


@pytest.fixture
def offline_page(browser: Any) -> Iterator[Any]:
    """A page whose requests to any host but 127.0.0.1 are refused and listed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    refused: list[str] = []

    def only_here(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_here)
    page = context.new_page()
    yield page
    context.close()
    assert refused == [], "the offline copy asked another host"


def _role_page(page: Any, url: str) -> None:
    page.goto(url + "roles/social-selling-specialist/")
    page.locator("article h1", has_text="Social Selling Specialist").first.wait_for()


def _search(page: Any, url: str) -> None:
    """Search finds a competency by name and leads to its page, without a reload."""
    page.goto(url)
    page.evaluate("window.__sameDocument = true")
    search_site(page, "Buyer Journey Mapping").click()
    page.wait_for_url(re.compile(r"/competencies/buyer-journey-mapping/"))
    page.locator("article.md-content__inner > h1", has_text="Buyer Journey Mapping").wait_for()
    # The launcher's sitemap lists its own address, so the theme's instant navigation
    # (which keeps Python loaded between assessment pages) works in the copy too.
    assert page.evaluate("window.__sameDocument === true")


def _score(page: Any, url: str, assessment: str) -> None:
    """Answer every question of an assessment; Python in the browser shows a result."""
    page.goto(f"{url}assessments/{assessment}/")
    page.wait_for_function(READY, timeout=120_000)
    questions = page.locator("fieldset.pb-question")
    assert questions.count() >= 3
    for index in range(questions.count()):
        questions.nth(index).locator("input[type='radio']").first.check()
    page.wait_for_function(f"window.__playbookLastResult"
                           f" && window.__playbookLastResult['{assessment}']")
    label = page.evaluate(f"window.__playbookLastResult['{assessment}'].overall.label")
    page.wait_for_function("(label) => document.querySelector('.pb-results')"
                           ".innerText.includes(label)", arg=label)


def test_a_plain_build_reads_searches_and_scores_offline(offline_page: Any,
                                                         plain_url: str) -> None:
    _role_page(offline_page, plain_url)
    _search(offline_page, plain_url)
    _score(offline_page, plain_url, "transformation-level")


def test_all_versions_switch_and_score_offline(offline_page: Any, versions_url: str) -> None:
    page = offline_page
    page.goto(versions_url)  # the root page leads to latest, which the launcher resolves
    page.wait_for_url(re.compile(r"/2026-Q4/$"))
    _role_page(page, versions_url + "2026-Q4/")
    page.locator(".md-version__current").first.wait_for()
    listed = page.locator(".md-version__link").all_inner_texts()
    assert any("2026-Q3" in text for text in listed)
    link = page.locator(".md-version__link", has_text="2026-Q3").first
    link.focus()  # the list opens when it holds the focus
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/2026-Q3/roles/social-selling-specialist/$"))
    page.locator("article h1", has_text="Social Selling Specialist").first.wait_for()
    _search(page, versions_url + "2026-Q3/")
    _score(page, versions_url + "2026-Q4/", "transformation-level")
