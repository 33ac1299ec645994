"""Text from YAML never runs as code, on any host.

The page source a host receives is Markdown. Whatever host turns it into HTML
(MkDocs, ProperDocs, Zensical, with whatever Markdown extensions the user's
config enables), text that came from YAML must not be able to become markup. So
every value a template prints is made inert as it is printed (`inert`):

* `<`, `>` and `&` are escaped: no raw HTML, no entities, no autolinks, no
  `--8<--` snippet includes;
* `{` is written as a character reference: no `{: onclick=...}` attribute lists,
  no `{{ ... }}` for a macros plugin;
* a Markdown link or image whose address has a scheme other than http, https,
  mailto or tel (`javascript:`, `data:`, `vbscript:`...) loses its link syntax and
  shows as the text it is.

The built-in templates are ours; a playbook's own templates are not, so a page
rendered with one is also checked as a whole (`unsafe_markup`): its Markdown is
turned into HTML and run through `nh3` (a binding of the Rust `ammonia`
sanitiser) with the allowlist below; anything the sanitiser would remove is an
error naming the template.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "button", "caption", "code", "col", "colgroup",
    "datalist", "dd", "del", "details", "div", "dl", "dt", "em", "fieldset", "figcaption",
    "figure",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd",
    "label", "legend", "li", "mark", "noscript", "ol", "option", "p", "pre", "progress", "q", "s",
    "section", "select", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "role", "hidden", "lang", "dir", "tabindex"},
    "a": {"href", "download", "target"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "name", "value", "checked", "disabled", "accept", "autocomplete",
              "list"},
    "textarea": {"name", "rows"},
    "label": {"for"},
    "select": {"name"},
    "option": {"value", "selected"},
    "button": {"type", "disabled"},
    "form": {"action", "method"},
    "progress": {"max", "value"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

#: Where a Markdown link or image address starts: `](` (inline) or `[label]:` at the
#: start of a line (a reference definition).
_ADDRESS = re.compile(r"(\]\s*\(\s*|^[ ]{0,3}\[[^\]\n]*\]:[ \t]*)(\S*)", re.M)
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.\-]*):")


def inert(text: str) -> str:
    """`text` as Markdown that no host can turn into markup (see the module doc)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("{", "&#123;")
    return _ADDRESS.sub(_unlink, text) if "]" in text else text


def _unlink(match: re.Match[str]) -> str:
    opener, address = match.group(1), match.group(2)
    # Markdown drops a backslash before punctuation: `javascript\:` is `javascript:`.
    scheme = _SCHEME.match(address.replace("\\", ""))
    if scheme is None or scheme.group(1).lower() in URL_SCHEMES:
        return match.group(0)
    return opener.replace("(", "&#40;").replace("]:", "]&#58;") + address


def clean_html(html: str) -> str:
    """`html` with scripts, event handlers and unsafe URLs removed."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     generic_attribute_prefixes={"data-", "aria-"}, link_rel=None,
                     strip_comments=False, filter_style_properties={"text-align"})


#: The Markdown extensions the site's pages are written for.
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "pymdownx.details"]


def unsafe_markup(page_markdown: str) -> list[str]:
    """What the sanitiser would remove from this page once it is HTML: each tag or
    attribute as `<tag attribute>`; empty when the page is safe as it is."""
    return sorted(set(_removed(markdown.markdown(page_markdown, extensions=EXTENSIONS))))


#: What a `<noscript>` holds. The sanitiser reads it as a browser that runs scripts does,
#: as text, and keeps it; a browser with JavaScript off reads it as markup.
_NOSCRIPT = re.compile(r"<noscript\b[^>]*>(.*?)</noscript\s*>", re.S | re.I)


def _removed(html: str) -> list[str]:
    before, after = _markup(html), _markup(clean_html(html))
    removed = []
    for item in before:
        if item in after:
            after.remove(item)
        else:
            removed.append(item)
    for inner in _NOSCRIPT.findall(html):  # must be as clean as the page around it
        removed += _removed(inner)
    return removed


def _markup(html: str) -> list[str]:
    found: list[str] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "noscript":  # as a browser that runs scripts reads it: as text
                self.set_cdata_mode(tag)
            found.append(f"<{tag}>")
            # nh3 removes an attribute it refuses (a bad URL takes its href with it) and
            # may rewrite the value of one it keeps: compare names only.
            found.extend(f"<{tag} {name}>" for name, _value in attrs)

    Collector(convert_charrefs=True).feed(html)
    return found
