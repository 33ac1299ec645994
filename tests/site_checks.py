"""Checks that hold for the built site of any playbook: no empty section, no link to a page
that is not built, no empty navigation tab, and none of another domain's words in what the
compiler writes itself (only in the playbook's own text).

    problems = site_problems(site_folder, playbook_strings(playbook_folder))
    assert problems == []
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

#: Words of the default playbook's domain that the compiler must not write by itself.
DOMAIN_WORDS = ("social", "ABSM", "sales", "LinkedIn")

#: Built files that are not pages of the site (the theme's own, the search index).
NOT_PAGES = ("404.html", "assets/", "search/")


#: A glossary term's definition, written into the page beside the term for its tooltip.
TERM_TIP = re.compile(r'<abbr class="pb-term"[^>]*>(.*?)<span class="pb-term-tip"[^>]*>.*?'
                      r'</span></span></abbr>', re.S)


def without_term_tips(html: str) -> str:
    """A page's HTML with its glossary terms as plain words, without their definitions:
    the text as read."""
    return TERM_TIP.sub(r"\1", html)


def site_problems(site: Path, own_text: Iterable[str],
                  words: Iterable[str] = DOMAIN_WORDS) -> list[str]:
    """Every problem of the built site at `site`, each as `page: what`. `own_text` is the
    playbook's own text (see `playbook_strings`): a word of `words` is allowed only there."""
    own = list(own_text)
    problems = []
    for page in _pages(site):
        read = _read(site, page)
        problems += [f"{page}: empty section '{title}'" for title in read.empty]
        problems += [f"{page}: link to a missing page: {href}" for href in read.links
                     if not _exists(site, page, href)]
        problems += [f"{page}: navigation tab '{title}' leads to no page"
                     for title, href in read.tabs if not href or not _exists(site, page, href)]
        problems += [f"{page}: '{word}' in text the playbook did not write: {text[:80]!r}"
                     for text in read.text for word in foreign_words(text, own, words)]
    scripts = (site / "assets/playbook").glob("*.*s")  # the site's own scripts and styles
    for script in sorted(path for path in scripts if path.suffix in (".js", ".css")):
        text = script.read_text(encoding="utf-8")
        problems += [f"{script.relative_to(site)}: '{word}'" for word in words
                     if re.search(rf"\b{re.escape(word)}\b", text, re.I)]
    return sorted(set(problems))


def playbook_strings(folder: Path) -> list[str]:
    """Every string of a playbook's YAML files (values, and file names as ids)."""
    found: list[str] = []
    for path in sorted(folder.rglob("*.yml")):
        found.append(path.stem)
        _strings(yaml.safe_load(path.read_text(encoding="utf-8")), found)
    return found


def foreign_words(text: str, own: list[str], words: Iterable[str]) -> list[str]:
    """The words of `words` in `text` that are not part of the playbook's own text."""
    words = list(words)
    if not words:
        return []
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    if not pattern.search(text):
        return []
    text = _flat(text)
    mine = [_flat(s) for s in own if pattern.search(s)]
    if any(text in s for s in mine):  # a piece of one of its texts (emphasis splits them)
        return []
    for s in sorted(mine, key=len, reverse=True):
        text = text.replace(s, " ")
    return pattern.findall(text)


def _strings(value: Any, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)


def _flat(text: str) -> str:
    """Text with its whitespace collapsed and the Markdown marks it may carry removed."""
    return " ".join(re.sub(r"[*_`#>]|\]\([^)]*\)|\[", " ", text).split())


def _pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                  if not path.relative_to(site).as_posix().startswith(NOT_PAGES))


def _exists(site: Path, page: str, href: str) -> bool:
    """Whether a link from `page` leads to a file of the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return True  # another site, or a place on this page
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    path = site / target
    return path.is_file() or (path / "index.html").is_file()


class _Page(HTMLParser):
    """What a page holds: its links, its navigation tabs, the sections of its article that
    say nothing, and its text (title and body, not scripts)."""

    HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
    #: Elements that are content even without text.
    CONTENT = ("img", "input", "select", "table", "iframe", "svg", "hr", "form")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.tabs: list[tuple[str, str]] = []
        self.empty: list[str] = []
        self.text: list[str] = []
        self.open: list[list[Any]] = []  # [level, title, has content] of each heading open
        self.heading: list[Any] | None = None
        self.article = 0
        self.skip = 0
        self.tab: list[Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
            if "md-tabs__link" in (found.get("class") or ""):
                self.tab = ["", found["href"] or ""]
        if tag == "article":
            self.article += 1
        if not self.article:
            return
        if tag in self.HEADINGS:
            level = int(tag[1])
            self._close(level)
            self.heading = [level, "", False]
        elif tag in self.CONTENT:
            self._content()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag == "a" and self.tab is not None:
            self.tabs.append((self.tab[0].strip(), self.tab[1]))
            self.tab = None
        if tag in self.HEADINGS and self.heading is not None:
            self.open.append(self.heading)
            self.heading = None
        if tag == "article" and self.article:
            self.article -= 1
            self._close(1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if data.strip():
            self.text.append(data.strip())
        if self.tab is not None:
            self.tab[0] += data
        if self.heading is not None:
            self.heading[1] += data.replace("¶", "")
        elif self.article and data.strip():
            self._content()

    def _content(self) -> None:
        for heading in self.open:
            heading[2] = True

    def _close(self, level: int) -> None:
        while self.open and self.open[-1][0] >= level:
            heading = self.open.pop()
            if not heading[2]:
                self.empty.append(" ".join(heading[1].split()))


def _read(site: Path, page: str) -> _Page:
    parser = _Page()
    parser.feed((site / page).read_text(encoding="utf-8"))
    parser.close()
    return parser


def glued_lines(site: Path, own_text: Iterable[str]) -> list[str]:
    """Lines a template wrote as blocks of their own (a heading, a label such as
    `**Group**` or `*Closing:*`, a small print line) that Markdown put inside the list
    item before them, each as `page: what`.

    A Markdown list item takes in the next line unless a blank line separates them; the
    line then shows in the item's HTML after a line break. A continuation line that starts
    with emphasis or with heading, rule or table marks was meant as a block: that is a
    problem unless the playbook's own text (`own_text`, see `playbook_strings`) has that
    line break. A heading element inside a list item is always one."""
    own = [_flat(text) for text in own_text if "\n" in text.strip()]
    problems = []
    for page in _pages(site):
        parser = _ListItems()
        parser.feed((site / page).read_text(encoding="utf-8"))
        parser.close()
        problems += [f"{page}: heading inside a list item: {text!r}"
                     for text in parser.headings]
        problems += [f"{page}: line glued into the list item before it: {text!r}"
                     for text in parser.glued if not any(_flat(text) in s for s in own)]
    return problems


class _ListItems(HTMLParser):
    """The headings inside list items of a page's article, and the lines a list item took
    in that start like a block of their own."""

    #: Inline elements a template starts a line of its own with (a label, a small line).
    LABELS = ("strong", "b", "em", "i", "small")
    #: Blocks inside a list item: their own content is not the item's line.
    BLOCKS = ("ul", "ol", "table", "pre", "div", "details", "blockquote", "p", "hr")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.glued: list[str] = []
        self.article = 0
        self.items: list[dict[str, Any]] = []  # per open li: its state on the current line
        self.heading: list[str] | None = None
        self.line: list[str] | None = None  # a glued line being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.article += 1
        if not self.article:
            return
        if tag in _Page.HEADINGS and self.items:
            self.heading = []
        if tag == "li":
            self._end_line()
            self.items.append({"text": False, "newline": False, "blocks": 0})
        elif self.items and tag in self.BLOCKS:
            self._end_line()
            item = self.items[-1]
            if tag in ("p", "hr"):  # a paragraph of the item starts a line of its own
                item["text"] = item["newline"] = False
            else:
                item["blocks"] += 1
        elif self.items and self._at_line_start() and tag in self.LABELS:
            self.line = []
        if self.items:
            self.items[-1]["newline"] = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.article:
            self.article -= 1
        if not self.article:
            return
        if tag in _Page.HEADINGS and self.heading is not None:
            self.headings.append(" ".join("".join(self.heading).replace("¶", "").split()))
            self.heading = None
        if tag == "li" and self.items:
            self._end_line()
            self.items.pop()
        elif self.items and tag in self.BLOCKS and tag not in ("p", "hr") \
                and self.items[-1]["blocks"]:
            self.items[-1]["blocks"] -= 1

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.heading.append(data)
        if not self.items or self.items[-1]["blocks"]:
            return
        item = self.items[-1]
        first, *after = data.split("\n")
        self._text(first)
        for line in after:
            self._end_line()
            if item["text"]:
                item["newline"] = True
            if line.strip() and item["newline"] and re.match(r"\s*(#|=+\s*$|-{3,}|\|)", line):
                self.glued.append(line.strip())
            self._text(line)

    def _text(self, text: str) -> None:
        if self.line is not None:
            self.line.append(text)
        if text.strip():
            self.items[-1]["text"] = True
            self.items[-1]["newline"] = False

    def _at_line_start(self) -> bool:
        item = self.items[-1]
        return not item["blocks"] and item["newline"]

    def _end_line(self) -> None:
        if self.line is not None:
            self.glued.append(" ".join("".join(self.line).split()))
            self.line = None
