"""Read playbook YAML safely, keeping the position of every key and value.

We compose the YAML node graph with PyYAML's safe loader and build plain Python
values from it ourselves, so that we can:

* reject duplicate keys (PyYAML silently keeps the last one);
* refuse tags other than the standard scalar ones (no object construction);
* stop alias bombs: the number of values built from one file is capped;
* stop documents nested too deeply, and aliases that contain themselves;
* refuse control characters in text, numbers too long to be numbers, and dates
  that are not real dates, each with its position;
* record a `file:line:column` for every path, which later steps use to place
  schema and cross-reference problems.

Files are read through `generators.files`: only regular files inside the playbook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generators.errors import Problem, display_path
from generators.files import FileRefused, read_bytes

#: A location inside a document: mapping keys and list indices from the root.
Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_VALUES_PER_FILE = 200_000
#: No playbook field nests deeper than a dozen levels; this leaves room and stays far
#: below what Python's stack allows.
MAX_DEPTH = 50

#: C0 controls but tab and newline, DEL and C1 controls: never text, and harmful in
#: HTML, calendar files and terminals.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# libyaml's parser when PyYAML was built with it (about 10x faster); same nodes and marks.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG_HINT = "remove the tag; playbook files hold plain data"

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class SourceFile:
    """One parsed YAML file: its data and where each part of it stands."""

    path: Path
    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def mark(self, loc: Loc) -> tuple[int, int]:
        """Line and column (1-based) of `loc`: its key when it is a field, else its value.

        Falls back to the nearest located parent, e.g. for a missing field.
        """
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if prefix in self.key_marks:
                return self.key_marks[prefix]
            if prefix in self.value_marks:
                return self.value_marks[prefix]
        return (1, 1)

    def problem(self, loc: Loc, message: str, hint: str = "", **kwargs: Any) -> Problem:
        """A problem located at `loc` in this file."""
        line, column = self.mark(loc)
        return Problem(self.name, line, column, format_loc(loc), message, hint, **kwargs)


def format_loc(loc: Loc) -> str:
    """`("areas", 2, "skills")` -> `areas[2].skills`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class YamlProblem(Exception):
    """A file cannot be read as playbook YAML."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.render())
        self.problem = problem


def read_yaml(path: Path, folder: Path | None = None) -> SourceFile:
    """Parse one YAML file of the playbook `folder` (default: the file's own folder) into a
    `SourceFile`, or raise `YamlProblem`."""
    name = display_path(path)
    text = _read_text(path, name, path.parent if folder is None else folder)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"invalid YAML: {exc.problem or exc.context}"
        raise YamlProblem(Problem(name, line, col, "", message, _yaml_hint(exc))) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        raise YamlProblem(Problem(name, 1, 1, "", f"invalid YAML: {exc}")) from None
    source = SourceFile(path, None)
    if node is None:
        raise YamlProblem(Problem(name, 1, 1, "", "file is empty",
                                  "a playbook file holds one mapping of fields"))
    builder = _Builder(source, name)
    source.data = builder.build(node, ())
    return source


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml for speed; on an error, again with the Python parser,
    whose messages say more (e.g. which character is wrong)."""
    try:
        return yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError as exc:
        if _COMPOSER is yaml.SafeLoader:
            raise
        first = exc
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:  # the Python parser recurses per level: keep libyaml's message
        raise first from None


def _read_text(path: Path, name: str, folder: Path) -> str:
    try:
        raw = read_bytes(path, folder, limit=MAX_FILE_BYTES)
    except FileRefused as exc:
        raise YamlProblem(exc.problem) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(Problem(name, 1, 1, "", "file starts with a byte-order mark",
                                  "save the file as UTF-8 without a BOM"))
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise YamlProblem(Problem(name, line, 1, "", "file is binary, not text",
                                  "playbook files are YAML text"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(Problem(name, line, column, "", "file is not valid UTF-8 text",
                                  "save the file as UTF-8")) from None


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or "")
    if "\\t" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "quote text that contains ': '"
    if "end of stream" in problem or "<stream end>" in problem or "unclosed" in problem:
        return "a quote or bracket is not closed"
    return ""


class _Builder:
    """Turns composed YAML nodes into plain values, recording positions."""

    def __init__(self, source: SourceFile, name: str) -> None:
        self.source = source
        self.name = name
        self.count = 0
        self.open_nodes: set[int] = set()
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_VALUES_PER_FILE:
            raise self._fail(node, "document expands to too many values "
                             "(anchors and aliases nested too deeply?)",
                             "write the values out instead of repeating aliases")
        if len(loc) > MAX_DEPTH:
            raise self._fail(node, f"values are nested more than {MAX_DEPTH} levels deep",
                             "playbook fields nest a few levels at most", loc=loc[:3])
        self.source.value_marks.setdefault(loc, _mark(node))
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if id(node) in self.open_nodes:
                raise self._fail(node, "an alias refers to a value that contains it",
                                 "write the values out instead of a recursive alias")
            self.open_nodes.add(id(node))
            try:
                if isinstance(node, yaml.MappingNode):
                    return self._mapping(node, loc)
                if node.tag != "tag:yaml.org,2002:seq":
                    raise self._fail(node, f"unsupported YAML tag {node.tag!r}", _TAG_HINT)
                return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
            finally:
                self.open_nodes.discard(id(node))
        if node.tag == _STR:  # most values: text, taken as it is
            return self._text(node, node.value, loc)
        if node.tag not in _SCALAR_TAGS:
            raise self._fail(node, f"unsupported YAML tag {node.tag!r}", _TAG_HINT)
        return self._scalar(node, loc)

    def _text(self, node: yaml.Node, text: str, loc: Loc) -> str:
        found = CONTROL_CHARACTERS.search(text)
        if found:
            raise self._fail(node, f"text contains the control character "
                             f"U+{ord(found.group()):04X}",
                             "remove it; playbook text is plain text", loc=loc)
        return text

    def _scalar(self, node: yaml.Node, loc: Loc) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            value = str(node.value)
            if node.tag == "tag:yaml.org,2002:timestamp":
                message = f"'{value}' is not a real date"
                hint = "use YYYY-MM-DD with a month and day that exist, or quote it as text"
            else:
                message = f"'{value[:20]}...' is too long to be a number" if len(value) > 20 \
                    else f"'{value}' cannot be read as a number"
                hint = "quote it if it is text"
            raise self._fail(node, message, hint, loc=loc) from None

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise self._fail(node, f"unsupported YAML tag {node.tag!r}", _TAG_HINT)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self._fail(key_node, "merge keys ('<<') are not supported",
                                 "write the fields out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._fail(key_node, "a mapping key must be plain text")
            key = self._text(key_node, str(key_node.value), loc)
            if key in result:
                first = self.source.key_marks[(*loc, key)]
                raise self._fail(key_node, f"duplicate key '{key}'",
                                 f"first defined at line {first[0]}", loc=(*loc, key))
            self.source.key_marks[(*loc, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _fail(self, node: yaml.Node, message: str, hint: str = "", loc: Loc = ()) -> YamlProblem:
        line, column = _mark(node)
        return YamlProblem(Problem(self.name, line, column, format_loc(loc), message, hint))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
