"""One wording for results: for every assessment of the default playbook and of the
secure-engineering example, answered in full and in part, the sentences Chromium shows
(headline, progress, section lines, value texts, groups, averages, the development plan's
lead, advice or the note where it will be, answers not used) are the very lines
`playbook assess` prints; and every text of the result the browser shows, read aloud or
saved, is one the engine returned, so the browser composes none of its own."""

from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generators.check import compile_playbook
from generators.render.specs import build_specs
from tests.conftest import DEFAULT_PLAYBOOK, ROOT, QuietHandler

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "tests" / "examples" / "secure-engineering"
READY = ("document.querySelector('form.pb-assessment')"
         " && document.querySelector('form.pb-assessment').dataset.state === 'ready'")


def _answers(playbook: Path) -> list[tuple[str, dict[str, str]]]:
    """For each assessment, an answer to every question (options taken in turn, so
    results land on different stages, bands and values), and an answer to its first
    question only (a result still firming up)."""
    specs = build_specs(compile_playbook(playbook).playbook)
    chosen = []
    for assessment_id, spec in sorted(specs.items()):
        questions = [q for s in spec["sections"] for q in s["questions"]]
        every = {q["id"]: q["options"][(i * 2 + 1) % len(q["options"])]["id"]
                 for i, q in enumerate(questions)}
        chosen += [(assessment_id, every), (assessment_id, dict(list(every.items())[:1]))]
    return chosen


# Read from the playbooks when the module is collected.
CASES = ([("default", *case) for case in _answers(DEFAULT_PLAYBOOK)]
         + [("example", *case) for case in _answers(EXAMPLE)])


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Both playbooks, each built for and served on a free port of 127.0.0.1."""
    served, urls = [], {}
    for name, playbook in (("default", DEFAULT_PLAYBOOK), ("example", EXAMPLE)):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        url = f"http://127.0.0.1:{port}/"
        site = tmp_path_factory.mktemp(name) / "site"
        built = subprocess.run([str(Path(sys.executable).parent / "playbook"), "build",
                                "--playbook", str(playbook), "--site-dir", str(site),
                                "--site-url", url], capture_output=True, text=True,
                               timeout=300, check=False,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert built.returncode == 0, built.stderr
        handler = functools.partial(QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        served.append(server)
        urls[name] = url
    yield urls
    for server in served:
        server.shutdown()
        server.server_close()


# The sentences on the page, read as a person sees them; layout (badges, links, the
# swatch) is taken apart only to join each sentence as the text report writes it.
SHOWN = """() => {
  const root = document;
  const text = (el) => el ? el.textContent.replace(/\\s+/g, ' ').trim() : '';
  const label = root.querySelector('.pb-headline-label').cloneNode(true);
  label.querySelectorAll('.pb-badge, .pb-headline-score').forEach((el) => el.remove());
  const sections = Array.from(root.querySelectorAll('.pb-result-section')).map((s) => {
    const table = Array.from(s.querySelectorAll('.pb-score-table tbody th')).map(text);
    const values = Array.from(s.querySelectorAll('text.pb-chart-value[text-anchor=end]'))
      .map(text);
    return {
      title: text(s.querySelector('h3')),
      lines: Array.from(s.querySelectorAll('.pb-section-result')).map(text),
      entries: table.map((th, i) => th + ': ' + values[i]),
      groups: Array.from(s.querySelectorAll('.pb-group')).map((g) => {
        const band = g.querySelector(':scope > .pb-group-band');
        return text(g.querySelector('.pb-group-label')) + ': ' +
          text(g.querySelector('.pb-group-score')) + (band ? ' \\u00b7 ' + text(band) : '');
      })
    };
  });
  const one = (selector) => Array.from(root.querySelectorAll(selector)).map(text);
  return {
    progress: text(root.querySelector('.pb-headline .pb-answered')),
    more: one('.pb-categories').concat(one('.pb-plan > p'), one('.pb-issues li'),
                                       one('.pb-next > p')),
    kicker: text(root.querySelector('.pb-headline-kicker')),
    label: text(label),
    fit: text(root.querySelector('.pb-headline-label .pb-badge')),
    score: text(root.querySelector('.pb-headline-score')),
    summary: text(root.querySelector('.pb-headline-summary')),
    sections: sections,
    advice: Array.from(root.querySelectorAll('.pb-next .pb-advice > li'))
      .map((li) => li.firstChild ? li.firstChild.textContent.trim() : '')
  };
}"""


# The words the widget itself puts around the engine's: headings, column heads and the
# controls. Anything else the result shows must be (part of) a string of the engine's result.
CHROME = ["Your development plan", "Priority", "Skill", "Your rating", "Target", "Gap",
          "Resources and links", "Read:", "Why this result", "What to do next", "Note",
          "Go to the first unanswered question", "\u2013", ",", ";"]

# Every text of the result body (text, aria-label and title), and the announcement, that
# is not the engine's: a layout's cut (a label shortened with '…') counts as its whole.
NOT_THE_ENGINES = """([assessment, chrome]) => {
  const result = window.__playbookLastResult[assessment];
  const strings = [];
  const walk = (value) => {
    if (typeof value === 'string') { strings.push(value); }
    else if (Array.isArray(value)) { value.forEach(walk); }
    else if (value && typeof value === 'object') { Object.values(value).forEach(walk); }
  };
  walk(result);
  const engines = (t) => {
    const cut = t.endsWith('\u2026') ? t.slice(0, -1).trim() : t;
    return chrome.includes(t) || strings.some((s) => s.includes(cut));
  };
  const body = document.querySelector('.pb-result-body');
  const texts = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) { texts.push(walker.currentNode.textContent.trim()); }
  body.querySelectorAll('[aria-label], [title]').forEach((el) => {
    texts.push(el.getAttribute('aria-label') || el.getAttribute('title'));
  });
  const foreign = texts.filter((t) => t && !engines(t));
  const announced = document.querySelector('.pb-results > p[role=status]').textContent;
  if (announced !== result.announcement) { foreign.push('announced: ' + announced); }
  return foreign;
}"""

# A saved result, as the table of saved results shows it, and what the engine called it.
SAVED = """(assessment) => {
  const cells = document.querySelectorAll('.pb-history-table tbody tr:first-child td');
  return [cells[3].textContent, window.__playbookLastResult[assessment].summary_text];
}"""


def _browser(browser: Any, url: str, assessment: str, answers: dict[str, str]
             ) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{url}assessments/{assessment}/")
        page.wait_for_function(READY, timeout=120_000)
        form = page.locator("form.pb-assessment")
        for question, option in answers.items():
            form.locator(f"input[name='{assessment}--{question}'][value='{option}']").check()
        page.wait_for_function(
            f"(window.__playbookLastResult || {{}})['{assessment}']"
            f" && window.__playbookLastResult['{assessment}'].answered === {len(answers)}",
            timeout=60_000)
        shown = dict(page.evaluate(SHOWN))
        shown["foreign"] = page.evaluate(NOT_THE_ENGINES, [assessment, CHROME])
        page.get_by_role("button", name="Save this result").click()
        page.locator(".pb-history-table tbody tr").first.wait_for()
        shown["saved"] = page.evaluate(SAVED, assessment)
        return shown
    finally:
        context.close()


def _cli(tmp_path: Path, playbook: Path, assessment: str, answers: dict[str, str]
         ) -> list[str]:
    path = tmp_path / f"{assessment}.json"
    path.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    done = subprocess.run([str(Path(sys.executable).parent / "playbook"), "assess", assessment,
                           str(path), "--playbook", str(playbook)],
                          capture_output=True, text=True, check=True, timeout=60)
    return [line.strip() for line in done.stdout.splitlines()]


@pytest.mark.parametrize(("site", "assessment", "answers"), CASES,
                         ids=[f"{site}-{assessment}-{len(answers)}"
                              for site, assessment, answers in CASES])
def test_the_browser_and_the_cli_say_the_same(browser: Any, sites: dict[str, str],
                                              tmp_path: Path, site: str, assessment: str,
                                              answers: dict[str, str]) -> None:
    shown = _browser(browser, sites[site], assessment, answers)
    printed = _cli(tmp_path, DEFAULT_PLAYBOOK if site == "default" else EXAMPLE, assessment,
                   answers)
    fit = f" ({shown['fit']})" if shown["fit"] else ""
    place = f", {shown['score']}" if shown["score"] else ""
    sentences = [f"{shown['kicker']}: {shown['label']}{fit}{place}", shown["summary"],
                 shown["progress"], *shown["more"]]
    for section in shown["sections"]:
        assert f"{section['title']}:" in printed
        sentences += section["lines"] + section["entries"] + section["groups"]
    assert [s for s in sentences if s and s not in printed] == []
    # An advice line of the report ends with its links, in brackets.
    assert [text for text in shown["advice"] if not any(
        line == f"- {text}" or line.startswith(f"- {text} [") for line in printed)] == []
    assert len([s for s in sentences if s]) > 3
    assert shown["foreign"] == []
    assert shown["saved"][0] == shown["saved"][1]
