"""Plays and frameworks in the built default site: every play links to the roles,
meeting, metrics, competencies and framework items it names, and each of those pages
links back to the play."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag

import pytest

from generators.check import check
from tests.conftest import DEFAULT_PLAYBOOK

FOLDERS = {"role": "roles", "cadence": "meetings", "metric": "metrics",
           "competency": "competencies", "play": "plays", "framework": "frameworks"}


class _Article(HTMLParser):
    """The links of a page's article, each with the heading it sits under."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.heading = ""
        self._in_article = self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "article":
            self._in_article = True
        elif self._in_article and re.fullmatch(r"h[1-6]", tag):
            self._in_heading, self.heading = True, ""
        elif self._in_article and tag == "a" and href and not self._in_heading:
            self.links.append((self.heading, href))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = False
        elif re.fullmatch(r"h[1-6]", tag):
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.heading += data.replace("¶", "").strip()


def _page(kind: str, entity_id: str) -> str:
    return f"{FOLDERS[kind]}/{entity_id}/"


def _links(site: Path, page: str) -> list[tuple[str, str]]:
    """(heading, target page with fragment) for each link of the page's article."""
    parser = _Article()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    found = []
    for heading, href in parser.links:
        url, fragment = urldefrag(href)
        if url.startswith(("http:", "https:", "mailto:")) or not url:
            continue
        target = posixpath.normpath(posixpath.join(page, url)) + "/"
        found.append((heading, target + (f"#{fragment}" if fragment else "")))
    return found


@pytest.fixture(scope="module")
def plays() -> dict[str, object]:
    return check(DEFAULT_PLAYBOOK).playbook.of("play")


def test_the_default_playbook_has_plays_and_they_have_pages(built_site: Path,
                                                           plays: dict[str, object]) -> None:
    assert len(plays) >= 8
    index = {target for _h, target in _links(built_site, "plays/")
             if target.startswith("plays/")}
    assert index == {_page("play", play_id) for play_id in plays}


def test_a_play_and_its_roles_link_both_ways(built_site: Path, plays: dict[str, object]) -> None:
    for play_id, play in plays.items():
        here = _page("play", play_id)
        out = {target for _h, target in _links(built_site, here)}
        for role_id in play.roles:  # type: ignore[attr-defined]
            assert _page("role", role_id) in out, (play_id, role_id)
            back = [h for h, target in _links(built_site, _page("role", role_id))
                    if target == here]
            assert back == ["Plays you run"], (role_id, play_id, back)


def test_a_play_and_its_meeting_metrics_and_competencies_link_both_ways(
        built_site: Path, plays: dict[str, object]) -> None:
    checked = 0
    for play_id, play in plays.items():
        here = _page("play", play_id)
        out = {target for _h, target in _links(built_site, here)}
        named = [("cadence", play.cadence)] if play.cadence else []  # type: ignore[attr-defined]
        named += [("metric", m) for m in play.metrics]  # type: ignore[attr-defined]
        named += [("competency", c) for c in play.competencies]  # type: ignore[attr-defined]
        for kind, entity_id in named:
            assert _page(kind, entity_id) in out, (play_id, kind, entity_id)
            assert here in {t for _h, t in _links(built_site, _page(kind, entity_id))}, (
                kind, entity_id, play_id)
            checked += 1
    assert checked > 20


def test_a_play_links_to_its_topics_and_the_framework_lists_it_by_item(
        built_site: Path, plays: dict[str, object]) -> None:
    play = plays["operation-land-grab"]
    assert "theme-categories/lead-generation" in play.topics  # type: ignore[attr-defined]
    out = {target for _h, target in _links(built_site, "plays/operation-land-grab/")}
    assert "frameworks/theme-categories/#lead-generation" in out
    framework = (built_site / "frameworks/theme-categories/index.html").read_text(
        encoding="utf-8")
    row = re.search(r'<tr>\s*<td><span id="lead-generation"></span>.*?</tr>', framework,
                    re.DOTALL)
    assert row is not None and "../../plays/operation-land-grab/" in row.group(0)
    brand_affinity = re.search(r'<span id="brand-affinity"></span>.*?</tr>', framework,
                               re.DOTALL)
    assert brand_affinity is not None
    assert "operation-land-grab" not in brand_affinity.group(0)


def test_an_ordered_framework_is_a_numbered_list(built_site: Path) -> None:
    page = (built_site / "frameworks/buyers-journey/index.html").read_text(encoding="utf-8")
    stages = re.search(r"<ol>(.*?)</ol>", page, re.DOTALL)
    assert stages is not None
    names = re.findall(r"<strong>(.*?)</strong>", stages.group(1))
    assert names == ["Status Quo", "Priority Shift", "Conceptual Solutions", "Vendor Review",
                     "Selection"]


def test_the_home_page_names_the_four_components_of_social_selling(built_site: Path) -> None:
    targets = [target for _h, target in _links(built_site, "")]
    for item in ("social-prospecting", "personal-branding", "employee-advocacy",
                 "social-relationship-management"):
        assert f"frameworks/social-selling-components/#{item}" in targets
