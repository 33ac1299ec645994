"""Definitions where a page first uses a term of the playbook's glossary.

Works on a page's Markdown after its template rendered it (text from YAML is inert by
then; the markup added here is ours), so it is the same on every host. The first use of
each term in running text is wrapped in an `<abbr>` that shows the definition when it is
hovered or focused and names it to screen readers; headings, links, code, admonition
titles, table headers and the inside of HTML tags are left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

#: Elements whose text is not running text: titles, links, code, form parts, scripts.
SKIPPED = frozenset({
    "a", "abbr", "button", "code", "dfn", "dt", "figcaption", "h1", "h2", "h3", "h4", "h5",
    "h6", "kbd", "label", "legend", "noscript", "option", "pre", "samp", "script", "select",
    "style", "summary", "svg", "textarea", "th", "title", "var",
})

#: What in a line is not text to mark: inline code, HTML comments and tags, Markdown
#: links and images (text and address), autolinks and attribute lists.
_TOKEN = re.compile(r"""(`+).*?\1 | <!--.*?--> | </?[A-Za-z][^<>]*>
    | !?\[(?:[^\]\\\n]|\\.)*\](?:\([^)\n]*\)|\[[^\]\n]*\])? | \{:?[^}\n]*\}""", re.X)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
#: Lines that are titles or link definitions: headings, admonition and details titles,
#: reference definitions.
_TITLE_LINE = re.compile(r"^\s{0,3}(#{1,6}(\s|$)|\[[^\]]+\]:)|^\s*(!!!|\?\?\?\+?)\s")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")
#: A tag left open at the end of a line: its attributes go on in the next lines.
_OPEN_TAG = re.compile(r"<[A-Za-z][^<>]*$")


def case_sensitive(word: str) -> bool:
    """Whether a word is matched with its case: one with a capital inside a word, as an
    abbreviation has ('ABSM', 'CoE', 'TeamLink'). Any other matches in any case."""
    return any(any(c.isupper() for c in part[1:]) for part in re.split(r"[\s-]+", word))


def _key(text: str) -> str:
    return " ".join(html.unescape(text).split())


class Glossary:
    """The terms of one playbook, as one pattern that finds any of their words."""

    def __init__(self, terms: Iterable[Any]) -> None:
        self.exact: dict[str, Any] = {}
        self.folded: dict[str, Any] = {}
        alternatives = []
        for term in terms:
            for word in term.words:
                sensitive = case_sensitive(word)
                (self.exact if sensitive else self.folded)[
                    _key(word) if sensitive else _key(word).casefold()] = term
                # Text on a page is escaped (`&` is `&amp;`): match the word as written there.
                body = r"[ \t]+".join(re.escape(html.escape(part, quote=False))
                                      for part in word.split())
                alternatives.append((len(word), body + "s?" if sensitive else f"(?i:{body})"))
        alternatives.sort(key=lambda item: -item[0])  # the longest word wins
        self.pattern = re.compile(
            r"(?<![\w&#])(?:" + "|".join(body for _n, body in alternatives) + r")(?!\w)"
        ) if alternatives else None

    def term_of(self, text: str) -> Any:
        """The term a match on the page stands for."""
        key = _key(text)
        found = self.exact.get(key) or self.folded.get(key.casefold())
        if found is None and key.endswith("s"):  # an abbreviation's plural: 'SDRs'
            found = self.exact.get(key[:-1])
        return found

    def mark(self, page: str) -> str:
        """`page` (Markdown) with the first use of each term in its running text marked."""
        if self.pattern is None or not self.pattern.search(page):
            return page
        return _Marker(self).run(page)


class _Marker:
    """One page's pass: which terms it has defined, and which elements it is inside."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.seen: set[str] = set()
        self.open: list[str] = []

    def run(self, page: str) -> str:
        lines = page.split("\n")
        fence, in_tag = "", False
        for index, line in enumerate(lines):
            if in_tag:  # attributes, not text, up to the end of the tag
                in_tag = ">" not in line
                continue
            if fence:
                if line.strip().startswith(fence):
                    fence = ""
                continue
            opener = _FENCE.match(line)
            if opener:
                fence = opener.group(1)
                continue
            title = bool(_TITLE_LINE.match(line)) or _TABLE_RULE.match(line) is not None or (
                index + 1 < len(lines) and _TABLE_RULE.match(lines[index + 1]) is not None)
            lines[index] = self._line(line, mark=not title)
            in_tag = _OPEN_TAG.search(line) is not None
        return "\n".join(lines)

    def _line(self, line: str, *, mark: bool) -> str:
        out, start = [], 0
        for token in _TOKEN.finditer(line):
            out.append(self._text(line[start:token.start()], mark))
            out.append(token.group(0))
            if token.group(0).startswith("<") and not token.group(0).startswith("<!--"):
                self._tag(token.group(0))
            start = token.end()
        out.append(self._text(line[start:], mark))
        return "".join(out)

    def _tag(self, tag: str) -> None:
        name = _TAG_NAME.match(tag)
        if name is None or name.group(1).lower() not in SKIPPED:
            return
        element = name.group(1).lower()
        if tag.startswith("</"):
            if element in self.open:  # close it and anything left open inside it
                del self.open[len(self.open) - 1 - self.open[::-1].index(element):]
        elif not tag.endswith("/>"):
            self.open.append(element)

    def _text(self, text: str, mark: bool) -> str:
        if not text or not mark or self.open:
            return text
        pattern = self.glossary.pattern
        assert pattern is not None
        return pattern.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        term = self.glossary.term_of(match.group(0))
        if term is None or term.id in self.seen:
            return match.group(0)
        self.seen.add(term.id)
        return markup(match.group(0), term.id, term.definition)


def markup(text: str, term_id: str, definition: str) -> str:
    """A term's use on a page (`text`, Markdown as the page has it) with its definition."""
    tip = f"pb-term-{term_id}"
    return (f'<abbr class="pb-term" tabindex="0" aria-describedby="{tip}">{text}'
            f'<span class="pb-term-tip" id="{tip}" role="tooltip" data-search-exclude> '
            f'<span class="pb-term-definition">{_plain(definition)}</span></span></abbr>')


def _plain(text: str) -> str:
    """Text that neither HTML nor Markdown reads as markup: every character that could
    start either is written as a character reference."""
    return "".join(c if c.isalnum() or c.isspace() or c in ",.;:'\"?%()/-" else f"&#{ord(c)};"
                   for c in text)
