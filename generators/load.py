"""Read playbook YAML safely, keeping the position of every key and value.

We compose the YAML node graph with PyYAML's safe loader and build plain Python
values from it ourselves, so that we can:

* reject duplicate keys (PyYAML silently keeps the last one);
* refuse tags other than the standard scalar ones (no object construction);
* stop alias bombs: the number of values built from one file is capped;
* record a `file:line:column` for every path, which later steps use to place
  schema and cross-reference problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generators.errors import Problem, display_path

#: A location inside a document: mapping keys and list indices from the root.
Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_VALUES_PER_FILE = 200_000

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


def read_yaml(path: Path) -> SourceFile:
    """Parse one YAML file into a `SourceFile`, or raise `YamlProblem`."""
    name = display_path(path)
    text = _read_text(path, name)
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
    except yaml.YAMLError:
        if _COMPOSER is yaml.SafeLoader:
            raise
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _read_text(path: Path, name: str) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise YamlProblem(Problem(
                name, 1, 1, "", f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB",
                "split it into smaller files"))
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(Problem(name, 1, 1, "", f"cannot read file: {exc.strerror}")) from None
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
        self.constructor = yaml.SafeLoader("")

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_VALUES_PER_FILE:
            raise self._fail(node, "document expands to too many values "
                             "(anchors and aliases nested too deeply?)",
                             "write the values out instead of repeating aliases")
        self.source.value_marks.setdefault(loc, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self._fail(node, f"unsupported YAML tag {node.tag!r}", _TAG_HINT)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if node.tag == _STR:  # most values: text, taken as it is
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise self._fail(node, f"unsupported YAML tag {node.tag!r}", _TAG_HINT)
        return self.constructor.construct_object(node, deep=True)

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
            key = str(key_node.value)
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
