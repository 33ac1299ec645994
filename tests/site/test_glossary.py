"""The glossary in the built default site: a page listing every term at its own anchor, and
on every page the first use of a term in running text marked with its definition."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from generators.check import check
from tests.conftest import DEFAULT_PLAYBOOK

#: Elements whose text is not running text: no term is marked inside them.
NOT_RUNNING = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "th",
               "button", "label", "option", "script", "style", "noscript"}


class _Uses(HTMLParser):
    """The terms marked on a page, and the running text before each, in page order."""

    def __init__(self, word: str) -> None:
        super().__init__(convert_charrefs=True)
        self.word = word
        self.marked: list[str] = []
        self.misplaced: list[str] = []
        self.unmarked_before_first: list[str] = []
        self._open: list[str] = []
        self._in_term = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "abbr" and "pb-term" in str(values.get("class", "")):
            term = str(values.get("aria-describedby", "")).removeprefix("pb-term-")
            self.marked.append(term)
            inside = [element for element in self._open if element in NOT_RUNNING]
            if inside:
                self.misplaced.append(f"{term} inside <{inside[-1]}>")
            self._in_term += 1
        if tag not in ("br", "img", "input", "hr", "meta", "link"):
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]
        if tag == "abbr" and self._in_term:
            self._in_term -= 1

    def handle_data(self, data: str) -> None:
        running = not self._in_term and not NOT_RUNNING & set(self._open)
        if running and "article" in self._open and re.search(rf"\b{self.word}\b", data) and \
                self.word.lower() not in self.marked:
            self.unmarked_before_first.append(data.strip())


def _uses(path: Path, word: str = "ABSM") -> _Uses:
    found = _Uses(word)
    found.feed(path.read_text(encoding="utf-8"))
    return found


def test_the_glossary_page_lists_every_term_at_its_anchor(built_site: Path) -> None:
    terms: dict[str, Any] = check(DEFAULT_PLAYBOOK).playbook.of("term")
    page = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    for term_id, term in terms.items():
        entry = re.search(rf'<dt id="{term_id}">(.*?)</dt>\s*<dd>(.*?)</dd>', page, re.S)
        assert entry is not None, term_id
        assert html.unescape(entry.group(1)) == term.term
        assert term.definition in html.unescape(re.sub(r"<[^>]+>", "", entry.group(2)))
    listed = re.findall(r'<dt id="([^"]+)">(.*?)</dt>', page)
    assert [name.casefold() for _id, name in listed] == sorted(
        name.casefold() for _id, name in listed)
    assert 'href="../glossary/"' in (built_site / "enablement/index.html").read_text(
        encoding="utf-8")  # in the navigation, under Enablement
    assert "pb-term" not in page  # the glossary defines its terms itself


def test_a_page_marks_the_first_use_of_absm_only(built_site: Path) -> None:
    page = built_site / "roles/absm-director/index.html"
    text = page.read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>[^<]*ABSM", text)  # the title uses it, unmarked
    assert re.search(r"<a [^>]*>[^<]*ABSM[^<]*</a>", text)  # and so do links
    uses = _uses(page)
    assert uses.marked.count("absm") == 1
    assert uses.misplaced == []
    assert uses.unmarked_before_first == []  # the first use in running text is the one
    # The term or its long form, whichever comes first, with the definition.
    tip = re.search(r'<abbr class="pb-term" tabindex="0" aria-describedby="pb-term-absm">'
                    r'(ABSM|[Aa]ccount-[Bb]ased [Ss]ocial [Mm]edia)<span class="pb-term-tip" '
                    r'id="pb-term-absm" role="tooltip" data-search-exclude=?(?:"")?> '
                    r'<span class="pb-term-definition">'
                    r'([^<]+)</span>', text)
    assert tip is not None
    absm: Any = check(DEFAULT_PLAYBOOK).playbook.of("term")["absm"]
    assert html.unescape(tip.group(2)) == absm.definition
    # Search finds the page by what it says, not by the definitions it shows on demand.
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"]
                    if doc["location"].startswith("roles/absm-director/"))
    assert "ABSM" in text and absm.definition not in html.unescape(text)


def test_every_page_marks_each_term_once_and_only_in_running_text(built_site: Path) -> None:
    problems, marked_pages = [], 0
    for path in sorted(built_site.rglob("*.html")):
        uses = _uses(path)
        repeated = sorted({term for term in uses.marked if uses.marked.count(term) > 1})
        if repeated:
            problems.append(f"{path.relative_to(built_site)}: marked twice: {repeated}")
        problems += [f"{path.relative_to(built_site)}: {m}" for m in uses.misplaced]
        marked_pages += bool(uses.marked)
    assert problems == []
    assert marked_pages > 100


def test_a_page_a_term_links_to_links_back_to_the_term(built_site: Path) -> None:
    page = (built_site / "metrics/ssi-score/index.html").read_text(encoding="utf-8")
    assert '<a href="../../glossary/#ssi">Glossary: SSI</a>' in page  # "Referenced by"
