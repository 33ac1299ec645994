"""Find the playbook's files, read them, and validate each against its kind's model.

Every problem is collected; nothing stops at the first one. The result is a
`Playbook` holding the entities that validated, plus the problems of those that
did not.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generators.errors import Problem, did_you_mean, display_path
from generators.load import SourceFile, YamlProblem, read_yaml
from generators.model import BY_FOLDER, KIND_ALIASES, KINDS, MANIFEST, Entity, Kind
from generators.model.manifest import Manifest
from generators.schema_errors import explain

MANIFEST_FILE = "playbook.yml"
YAML_SUFFIXES = (".yml", ".yaml")
IGNORED_FOLDERS = {"schemas", "templates", "overrides"}


@dataclass
class Playbook:
    """All entities of a playbook, by kind and id, with where each was read from."""

    root: Path
    manifest: Manifest | None = None
    manifest_source: SourceFile | None = None
    entities: dict[str, dict[str, Entity]] = field(default_factory=dict)
    sources: dict[tuple[str, str], SourceFile] = field(default_factory=dict)
    broken: set[tuple[str, str]] = field(default_factory=set)
    """`(kind, file stem)` of files that did not validate; references to them are not
    reported again as unknown, so one broken file gives one set of problems."""
    scale_from_manifest: set[str] = field(default_factory=set)
    """Ids of the competencies that name no scale and take the manifest's default_scale."""

    def of(self, kind: str) -> dict[str, Entity]:
        """Entities of one kind, by id (empty when there are none)."""
        return self.entities.get(kind, {})

    def counts(self) -> dict[str, int]:
        """How many entities of each kind, manifest included."""
        counts = {"manifest": 1 if self.manifest else 0}
        counts.update({kind.name: len(self.of(kind.name)) for kind in BY_FOLDER.values()})
        return counts


#: A file's identity and state: changes whenever the file (or the link to it) does.
Stamp = tuple[int, int, int, int, int]
#: What reading one file gave: its source, its model, and its own problems.
ReadResult = tuple[SourceFile | None, BaseModel | None, list[Problem]]


class FileCache:
    """Files read before, by path, with the stamp they had: `playbook serve` reads again
    only the files that changed since."""

    def __init__(self) -> None:
        self.entries: dict[Path, tuple[Stamp, ReadResult]] = {}

    def read(self, root: Path, path: Path, kind: Kind) -> ReadResult:
        stamp = _stamp(path)
        known = self.entries.get(path)
        if stamp is not None and known is not None and known[0] == stamp:
            return known[1]
        result = _read(root, path, kind)
        if stamp is not None:
            self.entries[path] = (stamp, result)
        return result


def _stamp(path: Path) -> Stamp | None:
    try:
        info, link = os.stat(path), os.lstat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino, link.st_mtime_ns, link.st_ino)


def load_playbook(root: Path, cache: FileCache | None = None) -> tuple[Playbook, list[Problem]]:
    """Read and validate every file of the playbook at `root` (with `cache`, only the
    files that changed since the cache last saw them)."""
    playbook = Playbook(root)
    problems: list[Problem] = []
    if not root.is_dir():
        hint = "pass --playbook with the folder that holds playbook.yml"
        what = "playbook folder does not exist" if not root.exists() \
            else "this is a file, not a playbook folder"
        return playbook, [Problem(display_path(root), 1, 1, "", what, hint)]
    manifest_path = root / MANIFEST_FILE
    if os.path.lexists(manifest_path):
        source, model = _read_entity(root, manifest_path, MANIFEST, problems, cache)
        if isinstance(model, Manifest):
            playbook.manifest, playbook.manifest_source = model, source
    else:
        problems.append(Problem(display_path(manifest_path), 1, 1, "", "manifest not found",
                                "every playbook folder starts with a playbook.yml"))
    for kind, path in _discover(root, problems):
        source, model = _read_entity(root, path, kind, problems, cache)
        if source and isinstance(model, Entity):
            _add(playbook, kind, model, source, problems)
        else:
            playbook.broken.add((kind.name, path.stem))
    _inherit_default_scale(playbook)
    return playbook, problems


def _inherit_default_scale(playbook: Playbook) -> None:
    """A competency that names no scale is on the manifest's default_scale: later steps see
    it filled in (on a copy: a cached model stays as its file says)."""
    default = playbook.manifest.default_scale if playbook.manifest else None
    if default is None:
        return
    competencies = playbook.entities.get("competency", {})
    for entity_id, competency in competencies.items():
        if getattr(competency, "scale", "") is None:
            competencies[entity_id] = competency.model_copy(update={"scale": default})
            playbook.scale_from_manifest.add(entity_id)


def is_yaml(path: Path) -> bool:
    """Whether a file name ends in .yml or .yaml, in any case (`.YML` too)."""
    return path.suffix.lower() in YAML_SUFFIXES


def _discover(root: Path, problems: list[Problem]) -> list[tuple[Kind, Path]]:
    found: list[tuple[Kind, Path]] = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry.name in IGNORED_FOLDERS:
            continue
        kind = BY_FOLDER.get(entry.name)
        if not entry.is_dir():
            if kind is not None:
                problems.append(Problem(display_path(entry), 1, 1, "",
                                        f"'{entry.name}' is not a folder",
                                        f"{kind.name} files go in a folder named {entry.name}/"))
            elif is_yaml(entry) and entry.name != MANIFEST_FILE:
                hint = ("the manifest is named playbook.yml"
                        if entry.stem.lower() == "playbook" else
                        "move it into a folder such as roles/ or cadences/")
                problems.append(Problem(display_path(entry), 1, 1, "",
                                        "file is outside a kind folder", hint))
            continue
        files = sorted(p for p in entry.iterdir() if is_yaml(p))
        if kind is None:
            if files:
                problems.append(Problem(display_path(entry), 1, 1, "",
                                        f"unknown kind folder '{entry.name}'",
                                        _folder_hint(entry.name)))
            continue
        found.extend((kind, path) for path in files)
    return found


def _folder_hint(name: str) -> str:
    alias = KIND_ALIASES.get(name.removesuffix("s"))
    if alias is not None:
        return f"{name} are {alias} files: put them in {KINDS[alias].folder}/"
    return did_you_mean(name, BY_FOLDER)


def _read_entity(root: Path, path: Path, kind: Kind, problems: list[Problem],
                 cache: FileCache | None) -> tuple[SourceFile | None, BaseModel | None]:
    source, model, found = cache.read(root, path, kind) if cache else _read(root, path, kind)
    problems.extend(found)
    return source, model


def _read(root: Path, path: Path, kind: Kind) -> ReadResult:
    try:
        source = read_yaml(path, root)
    except YamlProblem as exc:
        return None, None, [exc.problem]
    if not isinstance(source.data, dict):
        return source, None, [source.problem(
            (), f"expected a mapping of fields, got {_shape(source.data)}",
            f"a {kind.name} file holds one mapping such as 'id: ...'")]
    try:
        return source, kind.model.model_validate(source.data), []
    except ValidationError as exc:
        return source, None, explain(exc, source, kind.model)


def _add(playbook: Playbook, kind: Kind, entity: Entity, source: SourceFile,
         problems: list[Problem]) -> None:
    expected = source.path.stem
    if entity.id != expected:
        problems.append(source.problem(("id",), f"id '{entity.id}' does not match the file name",
                                       f"rename the file to {entity.id}.yml or the id to "
                                       f"'{expected}'"))
    same = playbook.entities.setdefault(kind.name, {})
    if entity.id in same:
        first = playbook.sources[(kind.name, entity.id)]
        problems.append(source.problem(("id",), f"duplicate {kind.name} id '{entity.id}'",
                                       f"already used by {first.name}"))
        return
    same[entity.id] = entity
    playbook.sources[(kind.name, entity.id)] = source


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"[:80]
