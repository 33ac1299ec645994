"""`playbook migrate`: rewrite a playbook written for an earlier version of the compiler
so that it means the same to this one.

Earlier versions filled in values a playbook did not write, and knew a fixed set of
role families and metric areas. This version fills in nothing, and takes a playbook's
own vocabularies. Migrating writes out what the earlier version assumed:

* `default_scale: proficiency` in the manifest, when it names no default scale and a
  competency names no scale;
* `scale: proficiency` in a competency that names no scale and is written on the
  levels of 'proficiency', when the manifest's default scale is another one (earlier,
  such a competency was on 'proficiency');
* `role_families` and `metric_areas` in the manifest, with the built-in titles, when
  the playbook uses only the built-in values and declares none;
* `currency: USD` in a pay range that names no currency;
* a source file for each source written as a label, and its id in the label's place
  (see `migrate_sources`).

Files are edited as text: a line is added, and every other line, comment and blank
line stays as it was. Each edit is checked by reading the file again; each file is
replaced in one step, never through a link and never outside the playbook folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generators import files, migrate_sources
from generators.errors import ContentError, Problem, UserError, display_path
from generators.load import MAX_FILE_BYTES, YamlProblem, read_yaml
from generators.model import ENTITY_KINDS
from generators.model.vocabulary import EARLIER_METRIC_AREAS, EARLIER_ROLE_FAMILIES
from generators.validate import MANIFEST_FILE, is_yaml

#: The scale and the currency earlier versions assumed when none was written.
EARLIER_SCALE = "proficiency"
EARLIER_CURRENCY = "USD"

Path_ = tuple[str, ...]


class MigrateError(UserError):
    """A file cannot be migrated as text; the message says what to write by hand."""


@dataclass(frozen=True)
class Change:
    """One edit of one file."""

    path: Path
    what: str

    def render(self) -> str:
        return f"{display_path(self.path)}: {self.what}"


@dataclass
class _File:
    """A playbook file being edited: its text, and its data as first read."""

    path: Path
    text: str
    data: Any
    added: list[tuple[Path_, str, Any]] = field(default_factory=list)
    """`(mapping path, key, value)` of every key added, to check the edit by."""
    renamed: dict[str, str] = field(default_factory=dict)
    """Labels of the `sources:` list replaced by source ids, to check the edit by."""


def migrate(root: Path, *, write: bool = True) -> list[Change]:
    """The changes the playbook at `root` needs, made unless `write` is false."""
    if not (root / MANIFEST_FILE).is_file():
        raise MigrateError(f"{display_path(root / MANIFEST_FILE)}: manifest not found (pass "
                           "the folder that holds playbook.yml)")
    problems: list[Problem] = []
    manifest = _read(root, root / MANIFEST_FILE, problems)
    folders = {kind.folder: [f for path in _yaml_files(root / kind.folder)
                             if (f := _read(root, path, problems)) is not None]
               for kind in ENTITY_KINDS}
    if problems or manifest is None:
        raise ContentError(problems)
    sources = migrate_sources.plan(
        root, [f for name, fs in folders.items() if name != migrate_sources.FOLDER for f in fs],
        folders[migrate_sources.FOLDER])
    changes: list[Change] = []
    for step in (_default_scale, _role_families, _metric_areas):
        changes += step(root, manifest, folders)
    for competency in folders["competencies"]:
        changes += _competency_scale(root, manifest, competency)
    for role in folders["roles"]:
        changes += _currencies(role)
    changes += [Change(path, what) for path, what in sources.changes]
    edited = [f for f in (manifest, *[f for fs in folders.values() for f in fs])
              if f.added or f.renamed]
    for item in edited:
        _check_edit(item)
    if write:
        for path in [*(item.path for item in edited), *(path for path, _ in sources.created)]:
            files.check_no_links(path, root)  # all refused before any is written
        for path, text in sources.created:  # first: the labels still name them until then
            files.write_new_file(path, text, root)
        for item in edited:
            files.write_file(item.path, item.text.encode("utf-8"))
    return changes


def _yaml_files(folder: Path) -> list[Path]:
    if folder.is_symlink() or not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if is_yaml(path))


def _read(root: Path, path: Path, problems: list[Problem]) -> _File | None:
    try:
        source = read_yaml(path, root)
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
    text = files.read_bytes(path, root, limit=MAX_FILE_BYTES).decode("utf-8")
    return _File(path, text, source.data)


# What earlier versions assumed, one step each.

def _default_scale(root: Path, manifest: _File, folders: dict[str, list[_File]]) -> list[Change]:
    if not isinstance(manifest.data, dict) or "default_scale" in manifest.data:
        return []
    if not any(isinstance(c.data, dict) and "scale" not in c.data
               for c in folders["competencies"]):
        return []  # every competency names its scale: nothing relies on the default
    if _level_ids(root, EARLIER_SCALE) is None:
        return []  # an earlier version would have refused this playbook: nothing to keep
    _add_key(manifest, (), "default_scale", EARLIER_SCALE, EARLIER_SCALE, EARLIER_SCALE)
    return [Change(manifest.path, f"added default_scale: {EARLIER_SCALE} (the scale earlier "
                                  "versions assumed)")]


def _role_families(_root: Path, manifest: _File,
                   folders: dict[str, list[_File]]) -> list[Change]:
    used = _values(folders["roles"], "family")
    if not _declares_none(manifest, "role_families", used, EARLIER_ROLE_FAMILIES):
        return []
    terms = [{"id": key, "title": title} for key, title in EARLIER_ROLE_FAMILIES.items()]
    block = "".join(f"\n  - {{id: {key}, title: {title}}}"
                    for key, title in EARLIER_ROLE_FAMILIES.items())
    flow = "[" + ", ".join(f"{{id: {key}, title: {title}}}"
                           for key, title in EARLIER_ROLE_FAMILIES.items()) + "]"
    _add_key(manifest, (), "role_families", block, flow, terms)
    return [Change(manifest.path, "added role_families: " + ", ".join(EARLIER_ROLE_FAMILIES)
                   + " (the families earlier versions built in, with their titles)")]


def _metric_areas(_root: Path, manifest: _File,
                  folders: dict[str, list[_File]]) -> list[Change]:
    used = _values(folders["metrics"], "area")
    if not _declares_none(manifest, "metric_areas", used, EARLIER_METRIC_AREAS):
        return []
    listed = "[" + ", ".join(EARLIER_METRIC_AREAS) + "]"
    _add_key(manifest, (), "metric_areas", listed, listed, list(EARLIER_METRIC_AREAS))
    return [Change(manifest.path, "added metric_areas: " + ", ".join(EARLIER_METRIC_AREAS)
                   + " (the areas earlier versions built in)")]


def _competency_scale(root: Path, manifest: _File, competency: _File) -> list[Change]:
    default = manifest.data.get("default_scale") if isinstance(manifest.data, dict) else None
    if default in (None, EARLIER_SCALE) or not isinstance(competency.data, dict) \
            or "scale" in competency.data:
        return []  # it takes the manifest's default, as it took 'proficiency' before
    levels = competency.data.get("levels")
    written = [item.get("level") for item in levels if isinstance(item, dict)] \
        if isinstance(levels, list) else []
    if written != _level_ids(root, EARLIER_SCALE) or written == _level_ids(root, str(default)):
        return []  # written on the default scale, for this version: nothing to keep
    _add_key(competency, (), "scale", EARLIER_SCALE, EARLIER_SCALE, EARLIER_SCALE)
    return [Change(competency.path, f"added scale: {EARLIER_SCALE} (earlier versions assumed "
                                    f"it, not the manifest's default_scale '{default}')")]


def _currencies(role: _File) -> Iterator[Change]:
    pay = role.data.get("compensation") if isinstance(role.data, dict) else None
    for name in ("base_salary", "signing_bonus"):
        money = pay.get(name) if isinstance(pay, dict) else None
        if isinstance(money, dict) and "currency" not in money:
            _add_key(role, ("compensation", name), "currency", EARLIER_CURRENCY,
                     EARLIER_CURRENCY, EARLIER_CURRENCY)
            yield Change(role.path, f"compensation.{name}: added currency: {EARLIER_CURRENCY} "
                                    "(the currency earlier versions assumed)")


def _level_ids(root: Path, scale_id: str) -> list[Any] | None:
    """The level ids of a scale of the playbook, or None when it has no such scale."""
    for suffix in (".yml", ".yaml"):
        path = root / "scales" / f"{scale_id}{suffix}"
        if path.is_file():
            try:
                data = read_yaml(path, root).data
            except YamlProblem:
                return None
            levels = data.get("levels") if isinstance(data, dict) else None
            return [item.get("id") for item in levels if isinstance(item, dict)] \
                if isinstance(levels, list) else None
    return None


def _values(items: list[_File], key: str) -> set[Any]:
    return {item.data.get(key) for item in items if isinstance(item.data, dict)}


def _declares_none(manifest: _File, key: str, used: set[Any],
                   earlier: Any) -> bool:
    """Whether the manifest declares no `key` while the playbook uses only the values
    earlier versions built in (at least one of them)."""
    return (isinstance(manifest.data, dict) and key not in manifest.data and bool(used)
            and all(isinstance(value, str) and value in earlier for value in used))


# Editing YAML as text.

def _add_key(item: _File, at: Path_, key: str, block: str, flow: str, value: Any) -> None:
    """Add `key` to the mapping at `at`: on a line of its own after the mapping's last
    line (`key: block`), or inside its braces (`key: flow`) when written as `{...}`."""
    node = _node_at(yaml.compose(item.text, Loader=yaml.SafeLoader), at)
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise MigrateError(f"{display_path(item.path)}: cannot add '{key}' here; add "
                           f"'{key}: {flow}' by hand")
    newline = "\r\n" if "\r\n" in item.text else "\n"
    if node.flow_style:
        end = node.end_mark.index - 1  # the closing brace
        item.text = f"{item.text[:end].rstrip()}, {key}: {flow}{item.text[end:]}"
    else:
        indent = " " * node.value[0][0].start_mark.column
        lines = item.text.splitlines(keepends=True)
        after = _last_line(node) + 1
        if after > 0 and not lines[after - 1].endswith(("\n", "\r")):
            lines[after - 1] += newline
        text = f"{indent}{key}:{'' if block.startswith(chr(10)) else ' '}{block}"
        text = text.replace("\n  ", newline + indent + "  ") + newline
        item.text = "".join([*lines[:after], text, *lines[after:]])
    item.added.append((at, key, value))


def _node_at(node: yaml.Node | None, at: Path_) -> yaml.Node | None:
    for part in at:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((value for key, value in node.value
                     if isinstance(key, yaml.ScalarNode) and key.value == part), None)
    return node


def _last_line(node: yaml.Node) -> int:
    """The (0-based) line a node's own text ends on, leaving out the blank lines and
    comments that follow it."""
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style \
            and node.value:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(last, tuple) else last)
    end = node.end_mark
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line


def _check_edit(item: _File) -> None:
    """The edited file must read as the original plus the keys added, nothing else."""
    expected = deepcopy(item.data)
    for at, key, value in item.added:
        _walk(expected, at)[key] = value
    if item.renamed:
        expected["sources"] = [item.renamed.get(label.strip(), label)
                               if isinstance(label, str) else label
                               for label in expected["sources"]]
    try:
        found = yaml.safe_load(item.text)
        same = found == expected
    except yaml.YAMLError:
        same = False
    if not same:
        what = ", ".join([*(key for _at, key, _value in item.added),
                          *(["the sources' ids"] if item.renamed else [])])
        raise MigrateError(f"{display_path(item.path)}: cannot add {what} without changing "
                           "what the file says; add it by hand")


def _walk(data: Any, at: Path_) -> Any:
    for part in at:
        data = data[part]
    return data

