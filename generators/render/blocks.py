"""Block Markdown in text fields: paragraphs, lists, emphasis and links render wherever a
long text is printed.

Python-Markdown (which MkDocs and Zensical use) starts a list only after a blank line,
so a text written as "Steps:\\n- one\\n- two" would read as one run-on line:
`separate_lists` puts the blank line in. A Markdown table cell holds one line of
inline content, so a cell whose text has block structure is written as HTML instead
(`cell_html`): the text is made inert first (`safety.inert`), turned into HTML,
sanitised (`safety.clean_html`), and written out again with every character a host's
Markdown could act on as a character reference, so the host passes it through as it is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

from generators.render.safety import clean_html, inert

#: A line that starts a list item: `- `, `* `, `+ `, `1. ` or `1) `, maybe indented.
_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")

#: Text whose Markdown has more than one paragraph line: a blank line, a list item, a
#: quote, a heading or a fenced code block at the start of a line.
_BLOCK = re.compile(r"\n[ \t]*\n|^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]|^[ \t]*>|^ {0,3}#{1,6}[ \t]"
                    r"|^ {0,3}(?:```|~~~)", re.M)


def separate_lists(text: str) -> str:
    """`text` with a blank line before each list that follows a line of text."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    in_list = bool(_ITEM.match(lines[0]))
    for line in lines[1:]:
        if not line.strip():
            in_list = False
        elif _ITEM.match(line):
            if not in_list and out[-1].strip():
                out.append("")
            in_list = True
        out.append(line)
    return "\n".join(out)


def has_blocks(text: str) -> bool:
    """Whether `text` is more than one paragraph line of Markdown."""
    return "\n" in text and _BLOCK.search(text) is not None


def cell_html(text: str) -> str:
    """Block Markdown as one line of safe HTML, for a Markdown table cell."""
    rendered = markdown.markdown(inert(separate_lists(text)))
    writer = _OneLine()
    writer.feed(clean_html(rendered))
    writer.close()
    return "".join(writer.parts).strip()


#: Characters a host's Markdown (with the usual extensions) could act on in text.
_ACTIVE = {ord(c): f"&#{ord(c)};" for c in "&<>\\`*_[](){}|!~=^+"}
#: The same in an attribute value, which a host keeps whole inside its tag.
_ACTIVE_ATTR = {ord(c): f"&#{ord(c)};" for c in "&<>\"'\\`|"}


class _OneLine(HTMLParser):
    """Sanitised HTML written out again on one line, its text inert to Markdown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag}{_attributes(attrs)}>")
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag}{_attributes(attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        text = data.translate(_ACTIVE)
        # A line break ends a table row: keep it only where it shows (in code blocks).
        self.parts.append(text.replace("\n", "&#10;") if self.pre else
                          re.sub(r"\s*\n\s*", " ", text))


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    # The parser gives each value with its character references resolved, once.
    return "".join(f' {name}="{(value or "").translate(_ACTIVE_ATTR)}"' for name, value in attrs)
