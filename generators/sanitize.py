"""Clean the HTML of generated pages so that text from YAML never runs as code.

Templates already escape `<`, `>` and `&` in every value they print, so raw HTML in
YAML shows as text. What escaping cannot stop is Markdown that makes a link or an
image with a dangerous address, such as `[click](javascript:...)`. Every generated
page's HTML therefore goes through `nh3` (a binding of the Rust `ammonia`
sanitiser, maintained and fast) with an allowlist of the elements and attributes
the templates produce and only safe URL schemes.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "button", "caption", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd",
    "label", "legend", "li", "mark", "ol", "option", "p", "pre", "progress", "q", "s",
    "section", "select", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "role", "hidden", "lang", "dir", "tabindex"},
    "a": {"href", "download", "target"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"type", "name", "value", "checked", "disabled", "accept"},
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


def clean_html(html: str) -> str:
    """The page's HTML with scripts, event handlers and unsafe URLs removed."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     generic_attribute_prefixes={"data-", "aria-"}, link_rel=None,
                     strip_comments=False, filter_style_properties={"text-align"})
