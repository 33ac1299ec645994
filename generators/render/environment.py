"""The Jinja2 environment that turns linked page contexts into Markdown.

Every value a template prints is made inert (`safety.inert`: `<`, `>`, `&` and
`{` escaped, links to unsafe addresses unlinked), so text from YAML can carry
Markdown but never live markup, whatever host renders the page. Escaped text and macro output are
`Markup`, so text passed through a macro is escaped once, and markup a template
writes itself stays markup. Templates can be overridden one by one from a
playbook's own `templates/` folder.

Templates are content, not code: they run in Jinja's immutable sandbox (no
attribute starting with `_`, no changing the objects they are given, no file or
process access), repetition and powers are capped so a template cannot exhaust
memory, and override files are read like every other playbook file (regular
files inside the playbook folder only).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    PackageLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from generators import files
from generators.errors import Problem, display_path
from generators.render import urls
from generators.render.blocks import cell_html, has_blocks, separate_lists
from generators.render.safety import inert

MAX_TEMPLATE_BYTES = 1024 * 1024
#: The longest text or list a template may make by repetition (`'x' * n`).
MAX_REPEAT = 1_000_000


class PlaybookSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with repetition and powers capped."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 100:
            raise SecurityError("powers above 100 are not allowed in templates")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) \
                        and len(seq) * times > MAX_REPEAT:
                    raise SecurityError(f"repetition longer than {MAX_REPEAT:,} is not allowed "
                                        "in templates")
        return super().call_binop(context, operator, left, right)


class OverrideLoader(BaseLoader):
    """Templates from a playbook's own folder, read as safely as its YAML files."""

    def __init__(self, folder: Path, root: Path, root_name: str) -> None:
        self.folder, self.root, self.root_name = folder, root, root_name

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        data = files.read_bytes(path, self.root, limit=MAX_TEMPLATE_BYTES,
                                folder_name=self.root_name)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise files.refused(path, "file is not valid UTF-8 text",
                                "save the file as UTF-8") from None
        return text, str(path), lambda: False


def make_environment(override_dir: Path | None = None, *, root: Path | None = None,
                     root_name: str = "the playbook folder") -> Environment:
    """A Jinja2 environment for the package templates, with `override_dir` first.

    When the playbook has templates of its own, every template runs in the sandbox
    (an override may import the built-in macros, and they it); the built-in templates
    alone are ours and run without its cost. Override files must lie inside `root`
    (default: `override_dir`'s parent, the playbook).
    """
    loaders: list[Any] = []
    if override_dir is not None and _files(override_dir):
        loaders.append(OverrideLoader(override_dir, root or override_dir.parent, root_name))
    loaders.append(PackageLoader("generators", "templates"))
    kind = PlaybookSandbox if len(loaders) > 1 else Environment
    env = kind(loader=ChoiceLoader(loaders), undefined=StrictUndefined,
               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
               finalize=_escape, autoescape=True)
    env.filters.update(href=_href, page_href=_page_href, cell=_cell, attr=_attr,
                       minutes=format_minutes, span=format_range)
    return env


def _files(folder: Path) -> list[Path]:
    """Everything in a templates folder (a FIFO too: reading it is refused by name)."""
    return [path for path in folder.rglob("*") if not path.is_dir()] if folder.is_dir() else []


def _escape(value: Any) -> Any:
    """Text made inert for Markdown (see `safety.inert`), its lists set apart so they
    render as lists; quotes stay as they are."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(inert(separate_lists(value)))


@pass_context
def _href(context: Context, target: str) -> str:
    """A relative link from the page being rendered to `target`."""
    return urls.relative(target, context["page_uri"])


@pass_context
def _page_href(context: Context, target: str) -> str:
    """A relative address from the page being rendered to the page of `target`, for an
    HTML link (which the host does not rewrite, as it does a Markdown link's `.md`)."""
    return context["to_root"] + urls.page_url(target, context["use_directory_urls"])


def _cell(value: Any) -> Markup:
    """Text made safe for one cell of a Markdown table. A table cell holds one line, so
    text with paragraphs or a list is written as HTML (see `blocks.cell_html`)."""
    text = str(value)
    if has_blocks(text):
        return Markup(cell_html(text))
    # str() first: Markup's own replace() would escape the replacement text again.
    return Markup(str(_escape(text)).replace("|", "\\|").replace("\n", " "))


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


def template_problem(exc: BaseException, template: str, page_uri: str) -> Problem:
    """Where a template failed, as `templates/NAME:line:1: template error: ...`.

    The line is the template's own: Jinja rewrites tracebacks so that template code
    shows with its file and line, and the last such frame is where it failed.
    """
    filename, line = template, 1
    if isinstance(exc, TemplateSyntaxError):
        filename, line = exc.filename or template, exc.lineno or 1
    else:
        for frame in traceback.extract_tb(exc.__traceback__):
            if not frame.filename.endswith(".py") and not frame.filename.startswith("<"):
                filename, line = frame.filename, frame.lineno or 1
    if isinstance(exc, TemplateNotFound):
        message = f"template '{exc.name}' not found"
    elif isinstance(exc, RecursionError):
        message = "templates call each other without end"
    else:
        detail = str(exc) or type(exc).__name__
        message = detail if isinstance(exc, SecurityError | TemplateSyntaxError) \
            else f"{_error_name(exc)}{detail}"
    shown = display_path(Path(filename)) if os.sep in filename else filename
    return Problem(shown, line, 1, "", f"template error: {message}",
                   f"while rendering {page_uri}")


def _error_name(exc: BaseException) -> str:
    """`ZeroDivisionError` -> `` (its message says it), `TypeError` -> `wrong type: `."""
    names = {TypeError: "wrong type: ", ValueError: "wrong value: ",
             KeyError: "no such key: ", IndexError: "", ZeroDivisionError: "",
             AttributeError: ""}
    return next((text for cls, text in names.items() if isinstance(exc, cls)), "")
