"""The Jinja2 environment that turns linked page contexts into Markdown.

Every value a template prints is escaped for HTML (`<`, `>`, `&`), so text from
YAML can carry Markdown but never live markup. Escaped text and macro output are
`Markup`, so text passed through a macro is escaped once, and markup a template
writes itself stays markup. Templates can be overridden one by one from a
playbook's own `templates/` folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from generators.render import urls


def make_environment(override_dir: Path | None = None) -> Environment:
    """A Jinja2 environment for the package templates, with `override_dir` first."""
    loaders: list[Any] = []
    if override_dir is not None and override_dir.is_dir():
        loaders.append(FileSystemLoader(override_dir))
    loaders.append(PackageLoader("generators", "templates"))
    env = Environment(loader=ChoiceLoader(loaders), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      finalize=_escape, autoescape=True)
    env.filters.update(href=_href, cell=_cell, attr=_attr, minutes=format_minutes,
                       span=format_range)
    return env


def _escape(value: Any) -> Any:
    """Escape only `<`, `>` and `&` (quotes stay as they are: this is Markdown text)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


@pass_context
def _href(context: Context, target: str) -> str:
    """A relative link from the page being rendered to `target`."""
    return urls.relative(target, context["page_uri"])


def _cell(value: Any) -> Markup:
    """Text made safe for one cell of a Markdown table."""
    # str() first: Markup's own replace() would escape the replacement text again.
    text = str(_escape(str(value))).replace("|", "\\|").replace("\n", " ")
    return Markup(text)


def _attr(value: Any) -> Markup:
    """Text made safe inside a double-quoted HTML attribute."""
    return Markup(str(_escape(str(value))).replace('"', "&quot;"))


def format_minutes(minutes: float | None) -> str:
    """`90` -> `90 min`, `240` -> `4 h`."""
    if minutes is None:
        return "not set"
    if minutes >= 120 and minutes % 60 == 0:
        return f"{minutes / 60:g} h"
    return f"{minutes:g} min"


def format_range(value: Any, unit: str = "") -> str:
    """A `Range` as `30-45 min`, `20+ people` or `60 min`."""
    if value is None:
        return ""
    suffix = f" {unit}" if unit else ""
    if value.max is None:
        return f"{value.min:g}+{suffix}"
    if value.max == value.min:
        return f"{value.min:g}{suffix}"
    return f"{value.min:g}\u2013{value.max:g}{suffix}"
