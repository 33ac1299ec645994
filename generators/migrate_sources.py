"""`playbook migrate`, for sources written as labels.

Earlier versions took any label in an entity's `sources:` (a title, a file name). This
version names a source by the id of its file in `sources/`, so that a page can show the
source's title and link to it. Migrating writes a source file for each distinct label
that is not the id of a source (its title is the label; an existing source with that
title is used instead), and puts the id in the label's place. Only the label's own text
changes; an existing file is never replaced.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generators.errors import UserError, display_path
from generators.model import KINDS
from generators.schema import modeline

FOLDER = "sources"
#: How long a made-up id may grow before it stops at a word (ids are at most 80).
_ID_LENGTH = 60


@dataclass
class SourcesPlan:
    """The source files to create and what each change does, for the report."""

    created: list[tuple[Path, str]] = field(default_factory=list)
    """`(path, text)` of each new source file."""
    changes: list[tuple[Path, str]] = field(default_factory=list)


def plan(root: Path, entity_files: list[Any], existing: list[Any]) -> SourcesPlan:
    """Name every source of `entity_files` by id: create what is missing, and edit the
    files' text (each item's `text`, with the labels replaced recorded in `renamed`).
    `existing` holds the files of `sources/`, as read."""
    ids = {_id_of(item): item for item in existing}
    by_title = {item.data["title"].strip(): source_id for source_id, item in ids.items()
                if isinstance(item.data, dict) and isinstance(item.data.get("title"), str)}
    folder = root / FOLDER
    present = {path.stem for path in folder.iterdir()} \
        if folder.is_dir() and not folder.is_symlink() else set()
    found = SourcesPlan()
    chosen: dict[str, str] = {}  # label -> id
    for item in entity_files:
        for label in _labels(item):
            if label in ids or label in chosen:
                continue
            source_id = by_title.get(label)
            if source_id is None:
                source_id = _free_id(label, set(ids) | present | set(chosen.values()))
                path = root / FOLDER / f"{source_id}.yml"
                found.created.append((path, _source_text(source_id, label)))
                found.changes.append((path, f"added source '{source_id}' for the label "
                                            f"{json.dumps(label, ensure_ascii=False)}"))
            chosen[label] = source_id
    for item in entity_files:
        renamed = {label: chosen[label] for label in _labels(item)
                   if label in chosen and chosen[label] != label}
        if renamed:
            _rename(item, renamed)
            found.changes.append((item.path, "sources: " + ", ".join(
                f"{json.dumps(label, ensure_ascii=False)} -> {source_id}"
                for label, source_id in renamed.items())))
    return found


def _id_of(item: Any) -> str:
    return str(item.path.stem)


def _labels(item: Any) -> list[str]:
    """The labels in a file's `sources:` list, trimmed, in order, each once."""
    sources = item.data.get("sources") if isinstance(item.data, dict) else None
    if not isinstance(sources, list):
        return []
    return list(dict.fromkeys(s.strip() for s in sources if isinstance(s, str) and s.strip()))


def _free_id(label: str, taken: set[str]) -> str:
    """An id made of the label's words, not yet taken by a source file or another label."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    words: list[str] = []
    for word in re.findall(r"[a-z0-9]+", plain):
        if words and len("-".join([*words, word])) > _ID_LENGTH:
            break
        words.append(word[:_ID_LENGTH])
    base = "-".join(words) or "source"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _source_text(source_id: str, label: str) -> str:
    title = label if _reads_back(label) else json.dumps(label, ensure_ascii=False)
    return f"{modeline(KINDS['source'])}\nid: {source_id}\ntitle: {title}\n"


def _reads_back(label: str) -> bool:
    try:
        return bool(yaml.safe_load(f"title: {label}\n") == {"title": label})
    except yaml.YAMLError:
        return False


def _rename(item: Any, renamed: dict[str, str]) -> None:
    """Replace each renamed label of the file's top-level `sources:` list by its id, in
    the text: every other character stays."""
    node = yaml.compose(item.text, Loader=yaml.SafeLoader)
    sources = next((value for key, value in node.value
                    if isinstance(key, yaml.ScalarNode) and key.value == "sources"), None) \
        if isinstance(node, yaml.MappingNode) else None
    if not isinstance(sources, yaml.SequenceNode):
        return
    spans = []
    for entry in sources.value:
        if not isinstance(entry, yaml.ScalarNode) or entry.value.strip() not in renamed:
            continue
        if entry.style not in (None, "'", '"'):
            raise UserError(f"{display_path(item.path)}:{entry.start_mark.line + 1}: sources: "
                            "cannot replace a label written as a block; write "
                            f"'{renamed[entry.value.strip()]}' in its place by hand")
        spans.append((entry.start_mark.index, entry.end_mark.index,
                      renamed[entry.value.strip()]))
    for start, end, source_id in sorted(spans, reverse=True):
        item.text = item.text[:start] + source_id + item.text[end:]
    item.renamed.update(renamed)
