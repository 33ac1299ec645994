"""A real `mkdocs build --strict` of the default playbook, checked page by page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from generators.check import check
from generators.model import ENTITY_KINDS
from generators.render.graph import Graph
from tests.conftest import DEFAULT_PLAYBOOK


class _Page(HTMLParser):
    """Collects links, resource URLs and element ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self.headings: list[int] = []
        self.tables_without_header = 0
        self._table_has_th: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag in ("script", "img", "iframe", "source") and values.get("src"):
            self.resources.append(str(values["src"]))
        # rel=canonical/alternate only name an address; these rels make the browser fetch.
        fetched = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}
        if tag == "link" and values.get("href") and fetched & set(
                str(values.get("rel", "")).split()):
            self.resources.append(str(values["href"]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self._table_has_th.append(False)
        if tag == "th" and self._table_has_th:
            self._table_has_th[-1] = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._table_has_th:
            self.tables_without_header += 0 if self._table_has_th.pop() else 1


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _target(site: Path, page: Path, href: str) -> Path | None:
    """The file a relative link points to, or None for external and special links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "#")) or not parts.path:
        return None
    if parts.path.startswith("/"):
        target = (site / unquote(parts.path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target


def test_a_page_for_every_entity(built_site: Path) -> None:
    graph = Graph(check(DEFAULT_PLAYBOOK).playbook)
    missing = []
    for kind in ENTITY_KINDS:
        for entity_id in graph.of(kind.name):
            uri = graph.uri(kind.name, entity_id)
            path, _, anchor = uri.partition("#")  # a glossary term is an anchor on its page
            html = built_site / path.removesuffix(".md").removesuffix("/index") / "index.html"
            if not html.is_file() or (anchor and anchor not in _parse(html).ids):
                missing.append(uri)
    assert missing == []


def test_no_broken_internal_link(built_site: Path) -> None:
    parsed = {path.resolve(): _parse(path) for path in _pages(built_site)}
    broken = []
    for path, page in parsed.items():
        for href in page.links + page.resources:
            target = _target(built_site, path, href)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{path.relative_to(built_site.resolve())}: {href}")
                continue
            fragment = urldefrag(href).fragment
            if fragment and target in parsed and unquote(fragment) not in parsed[target].ids:
                broken.append(f"{path.relative_to(built_site.resolve())}: {href} (no anchor)")
    assert broken == []


def test_no_resource_from_another_host(built_site: Path) -> None:
    external = [f"{p.relative_to(built_site)}: {url}" for p in _pages(built_site)
                for url in _parse(p).resources if urlsplit(url).netloc]
    assert external == []


def test_headings_in_order_and_tables_with_headers(built_site: Path) -> None:
    problems = []
    for path in _pages(built_site):
        page = _parse(path)
        content = [level for level in page.headings]
        for before, after in zip(content, content[1:], strict=False):
            if after > before + 1:
                problems.append(f"{path.relative_to(built_site)}: h{before} then h{after}")
                break
        if page.tables_without_header:
            problems.append(f"{path.relative_to(built_site)}: table without header")
    assert problems == []


@pytest.mark.parametrize("name,uri", [
    ("Insights Committee", "meetings/insights-committee/"),
    ("Buyer Journey Mapping", "competencies/buyer-journey-mapping/"),
    ("Pod Model", "team-models/pod/"),
])
def test_search_index_finds_entities_by_name(built_site: Path, name: str, uri: str) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    hits = [doc["location"] for doc in index["docs"] if name.lower() in doc["title"].lower()]
    assert uri in hits


def test_pages_are_tagged_by_kind(built_site: Path) -> None:
    role = (built_site / "roles/sdr-absm/index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-tag[^"]*"[^>]*>\s*Role\s*<', role)
    tags = (built_site / "tags/index.html").read_text(encoding="utf-8")
    for tag in ("Role", "Competency", "Meeting", "Maturity model", "Hiring kit"):
        assert f">{tag}<" in tags or f"> {tag} <" in tags or tag in tags


def test_navigation_is_pruned(built_site: Path) -> None:
    # With navigation.prune a page carries only its own branch of the nav, so the page
    # size does not grow with the number of entities in other sections.
    role = (built_site / "roles/sdr-absm/index.html").read_text(encoding="utf-8")
    nav_links = role.count('class="md-nav__link')
    assert nav_links < len(_pages(built_site)) / 2


def test_text_is_escaped_once_and_template_markup_stays_markup(built_site: Path) -> None:
    # Text from YAML is escaped once, however many macros it passes through, and the
    # markup the templates write themselves (line breaks, write-in boxes) stays markup.
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "&amp;amp;" not in html, page
        assert "&lt;br&gt;" not in html and "&lt;span" not in html, page
    index = (built_site / "management-models/index.html").read_text(encoding="utf-8")
    assert ">Hybrid Social Selling Programme (Hub &amp; Spoke)</a>" in index
    kit = (built_site / "hiring/kits/absm-content-strategist/index.html").read_text("utf-8")
    assert '<span class="pb-write-in"></span>' in kit
    questions = (built_site / "hiring/questions/behavioural-questions/index.html").read_text(
        "utf-8")
    assert "<br><em>Listen for:</em>" in questions
