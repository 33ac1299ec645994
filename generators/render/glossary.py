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
_TOKEN = (r"(?P<ticks>`+).*?(?P=ticks)|<!--.*?-->|(?P<tag></?[A-Za-z][^<>]*>)"
          r"|!?\[(?:[^\]\\\n]|\\.)*\](?:\([^)\n]*\)|\[[^\]\n]*\])?|\{:?[^}\n]*\}")
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
        sensitive: list[list[str]] = []
        any_case: list[list[str]] = []
        for term in terms:
            for word in term.words:
                if case_sensitive(word):
                    self.exact[_key(word)] = term
                    sensitive += [_atoms(word), _atoms(word) + ["s"]]  # 'SDR', 'SDRs'
                else:
                    self.folded[_key(word).casefold()] = term
                    any_case.append(_atoms(word.lower()))
        self.pattern: re.Pattern[str] | None = None
        self.scanner: re.Pattern[str] | None = None
        if sensitive or any_case:
            # Words as a trie (shared beginnings written once; the longest word wins), each
            # match starting with one of their first letters and ending at a word's end.
            firsts = {seq[0] for seq in sensitive} | {
                case for seq in any_case for case in (seq[0], seq[0].upper())}
            words = "|".join(filter(None, [_trie(sensitive),
                                           f"(?i:{_trie(any_case)})" if any_case else ""]))
            starts = "".join(re.escape(c) for c in sorted(firsts))
            self.pattern = re.compile(rf"(?=[{starts}])(?<![\w&#])(?:{words})(?!\w)")
            # A line read once: what is not running text (taken first), or a word.
            self.scanner = re.compile(f"{_TOKEN}|(?P<word>{self.pattern.pattern})")

    def term_of(self, text: str) -> Any:
        """The term a match on the page stands for."""
        key = _key(text)
        found = self.exact.get(key) or self.folded.get(key.casefold())
        if found is None and key.endswith("s"):  # an abbreviation's plural: 'SDRs'
            found = self.exact.get(key[:-1])
        return found

    def mark(self, page: str) -> str:
        """`page` (Markdown) with the first use of each term in its running text marked."""
        if self.pattern is None:
            return page
        found = {term.id for term in map(self.term_of, self.pattern.findall(page)) if term}
        return _Marker(self, found).run(page) if found else page


_SPACE = "[ \t]+"


def _atoms(word: str) -> list[str]:
    """A word as the page has it (escaped: `&` is `&amp;`), one pattern per character."""
    parts = [[re.escape(c) for c in html.escape(part, quote=False)] for part in word.split()]
    return [atom for index, part in enumerate(parts) for atom in ([_SPACE] if index else []) + part]


def _trie(words: list[list[str]]) -> str:
    """A pattern matching any of `words` (sequences of atoms), longest first."""
    root: dict[str, Any] = {}
    for atoms in words:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, Any]) -> str:
        branches = [atom + pattern(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return pattern(root)


class _Marker:
    """One page's pass: which terms it has defined, and which elements it is inside."""

    def __init__(self, glossary: Glossary, found: set[str]) -> None:
        self.glossary = glossary
        self.found = found
        """The terms the page uses anywhere: once each is marked, the rest is left as is."""
        self.seen: set[str] = set()
        self.open: list[str] = []

    def run(self, page: str) -> str:
        lines = page.split("\n")
        fence, in_tag = "", False
        for index, line in enumerate(lines):
            if self.seen >= self.found:
                break
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
        if not mark and "<" not in line:
            return line  # no word to mark, no element to open or close
        scanner = self.glossary.scanner
        assert scanner is not None

        def replace(match: re.Match[str]) -> str:
            if match.group("tag"):
                self._tag(match.group("tag"))
            if match.group("word") is None or not mark or self.open:
                return match.group(0)
            return self._replace(match)

        return scanner.sub(replace, line)

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
