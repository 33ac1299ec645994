"""Text from YAML never runs as code: script tags, event handlers, javascript: links and
template syntax put into playbook fields come out as harmless text."""

from __future__ import annotations

import functools
import html as html_text
import http.server
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import QuietHandler, copy_project, mkdocs
from tests.hostile.live_markup import live_markup

PAYLOADS = [
    "<script>alert('pb-xss-1')</script>",
    "<img src=x onerror=\"alert('pb-xss-2')\">",
    "[click me](javascript:alert('pb-xss-3'))",
    "\"><svg onload=alert('pb-xss-4')>",
    "![pic](javascript:alert('pb-xss-5'))",
    "{{ 7 * 7 }} {% for x in [1] %}loop{% endfor %}",
]
HOSTILE = " ".join(PAYLOADS)

#: One text field of one entity of several kinds, each rendered on its own page.
TARGETS = [
    ("roles/sdr-absm.yml", "purpose"),
    ("competencies/crm-utilization.yml", "summary"),
    ("cadences/weekly-team-meeting.yml", "purpose"),
    ("metrics/time-to-hire.yml", "description"),
    ("maturity-models/team-maturity.yml", "summary"),
    ("team-models/pod.yml", "summary"),
    ("glossary/absm.yml", "definition"),  # shown where a page first uses the term
]


def _inject(path: Path, field: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[field] = HOSTILE
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    copy_project(project)
    for name, field in TARGETS:
        _inject(project / "playbook" / name, field)
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "out"


PAGES = ["roles/sdr-absm", "competencies/crm-utilization", "meetings/weekly-team-meeting",
         "metrics/time-to-hire", "maturity/team-maturity", "team-models/pod", "roles",
         "team-models", "glossary"]


@pytest.mark.parametrize("page", PAGES)
def test_no_live_markup_from_yaml(hostile_site: Path, page: str) -> None:
    html = (hostile_site / page / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "pb-xss" in article, "the payload should be on the page, as text"
    assert live_markup(html) == []
    # Template syntax in YAML is text, never evaluated (a reader sees it as written).
    assert "{{ 7 * 7 }}" in html_text.unescape(article)


def test_a_definition_shown_where_a_page_uses_its_term_is_text(hostile_site: Path) -> None:
    html = (hostile_site / "roles/absm-director/index.html").read_text(encoding="utf-8")
    tip = html[html.index('<span class="pb-term-tip" id="pb-term-absm"'):]
    assert "pb-xss" in tip[:tip.index("</abbr>")]
    assert live_markup(html) == []


@pytest.mark.browser
def test_no_script_runs_in_chromium(hostile_site: Path, browser: Any) -> None:
    handler = functools.partial(QuietHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in PAGES:
            page.goto(f"{base}{path}/")
            page.wait_for_load_state("load")
            for link in page.locator("article a").all():
                href = link.get_attribute("href") or ""
                assert not href.strip().lower().startswith("javascript:"), href
        assert dialogs == []
        assert page.evaluate("typeof window.__pbInjected") == "undefined"
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_the_checker_sees_live_markup() -> None:
    assert live_markup('<img src=x onerror="alert(1)">') == ["<img onerror=...>"]
    assert live_markup('<a href=" javascript:alert(1)">x</a>') != []
    assert live_markup("<script>alert('pb-xss-1')</script>") != []
    assert live_markup('<meta content="&lt;img onerror=alert(1)&gt;">') == []
