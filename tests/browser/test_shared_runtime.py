"""Published versions in Chromium: two that share the one Pyodide at the root of the
pages branch, and one published earlier with its own copy, all score an assessment."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import free_port, serving
from tests.versions.helpers import (
    commit,
    edit_for_next_quarter,
    export_pages,
    new_repo,
    playbook,
    set_version,
)
from tests.versions.test_shared_runtime import RUNTIME, publish_with_own_runtime, wasm_paths

pytestmark = pytest.mark.browser

ASSESSMENT = "team-maturity"


@pytest.fixture(scope="module")
def pages_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """2026-Q2 published with its own Pyodide, then 2026-Q3 and 2026-Q4 (alias latest)
    sharing one; the pages branch served on 127.0.0.1."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    work = tmp_path_factory.mktemp("shared-runtime-browser")
    repo = new_repo(work / "repo")
    set_version(repo, "2026-Q2")
    commit(repo, "2026-Q2")
    publish_with_own_runtime(repo, "2026-Q2")
    set_version(repo, "2026-Q3")
    commit(repo, "2026-Q3")
    for version in ("2026-Q3", "2026-Q4"):
        if version == "2026-Q4":
            edit_for_next_quarter(repo)
        alias = ["--alias", "latest"] if version == "2026-Q4" else []
        done = playbook("publish", version, *alias, "--site-url", url, cwd=repo)
        assert done.returncode == 0, done.stderr
    assert wasm_paths(repo) == ["2026-Q2/assets/pyodide/pyodide.asm.wasm",
                                RUNTIME + "pyodide.asm.wasm"]
    pages = export_pages(repo, work / "pages")
    with serving(pages, port):
        yield url


def _score(browser: Any, url: str) -> list[str]:
    """Open the assessment at `url`, answer a question, wait for Python's result; the
    paths Pyodide's runtime was loaded from."""
    context = browser.new_context()
    requests: list[str] = []
    wasm: list[tuple[str, int]] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.on("response", lambda r: wasm.append((urlsplit(r.url).path, r.status))
                if r.url.endswith("/pyodide.asm.wasm") else None)
        page.goto(url)
        page.wait_for_function("document.querySelector('form.pb-assessment').dataset.state"
                               " === 'ready'", timeout=120_000)
        page.locator("fieldset.pb-question").first.locator("input[value='yes']").check()
        page.wait_for_function("Number(document.querySelector('form.pb-assessment')"
                               ".dataset.scored || 0) > 1")
        result = page.evaluate(f"window.__playbookLastResult['{ASSESSMENT}']")
        assert isinstance(result, dict) and result, "no result from the engine"
    finally:
        context.close()
    foreign = [r for r in requests if urlsplit(r).hostname not in ("127.0.0.1", None)
               and urlsplit(r).scheme not in ("data", "blob", "about")]
    assert foreign == []
    assert all(status == 200 for _path, status in wasm), wasm
    return [path for path, _status in wasm]


@pytest.mark.parametrize("version", ["2026-Q3", "2026-Q4"])
def test_versions_that_share_the_runtime_score(browser: Any, pages_url: str,
                                               version: str) -> None:
    loaded = _score(browser, f"{pages_url}{version}/assessments/{ASSESSMENT}/")
    assert loaded == [f"/{RUNTIME}pyodide.asm.wasm"]


def test_the_alias_loads_the_shared_runtime_too(browser: Any, pages_url: str) -> None:
    # mike's alias is a link to the version's folder, at the same depth.
    loaded = _score(browser, f"{pages_url}latest/assessments/{ASSESSMENT}/")
    assert loaded == [f"/{RUNTIME}pyodide.asm.wasm"]


def test_a_version_published_with_its_own_runtime_still_scores(browser: Any,
                                                               pages_url: str) -> None:
    loaded = _score(browser, f"{pages_url}2026-Q2/assessments/{ASSESSMENT}/")
    assert loaded == ["/2026-Q2/assets/pyodide/pyodide.asm.wasm"]
