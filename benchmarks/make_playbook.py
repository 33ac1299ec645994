"""Write a valid synthetic playbook of about N entities, for benchmarks.

    python benchmarks/make_playbook.py N [--out DIR] [--from DIR]

The default playbook is copied as many times as it takes to reach about N
entities (138 a copy; the 6 scales are shared): copy k gives every entity id
the suffix `-gK`, names it for a region ("Sales Leader(s) (EMEA)"), and points
every reference at the entity of the same copy, so the text is realistic, every
kind grows together, and the result passes `playbook validate`.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generators.check import compile_playbook  # noqa: E402
from generators.model import BY_FOLDER, ENTITY_KINDS  # noqa: E402
from generators.model.common import EntityLink  # noqa: E402
from generators.model.walk import iter_instances, iter_refs  # noqa: E402

#: Kinds every copy shares, as in a real playbook: one set of scales, one list of sources
#: and one glossary (whose links lead to the entities of the first copy).
SHARED = {"scale", "source", "term"}
#: Copy k of an entity is named for a region, as a large company splits its teams.
REGIONS = ("North America", "EMEA", "APAC", "LATAM", "DACH", "Nordics", "UK & Ireland",
           "Benelux", "France", "Iberia", "Japan", "ANZ")


def _region(index: int) -> str:
    region = REGIONS[index % len(REGIONS)]
    return region if index < len(REGIONS) else f"{region} {index // len(REGIONS) + 1}"


def _suffixed(target: str, suffix: str) -> str:
    """The id `target` in a copy; an item of an entity (`framework/item`) is named by its
    entity's id, so that part takes the suffix."""
    owner, slash, item = target.partition("/")
    return f"{owner}{suffix}{slash}{item}"


#: A Markdown link in a text to the page of an entity of a kind that is copied (or, with
#: no folder, to a page beside the text's own).
_COPIED_FOLDERS = "|".join(
    re.escape(k.pages) for k in ENTITY_KINDS if k.pages and k.name not in SHARED)
_PAGE_LINK = re.compile(r"(\]\((?:(?:\.\./)*(?:" + _COPIED_FOLDERS + r")/)?)([a-z0-9-]+)(\.md)")


def _relinked(value: Any, suffix: str) -> Any:
    """`value` with the links its texts make to entities' pages pointing into the copy."""
    if isinstance(value, str):
        return _PAGE_LINK.sub(lambda m: m[1] + m[2] + suffix + m[3], value)
    if isinstance(value, list):
        return [_relinked(item, suffix) for item in value]
    if isinstance(value, dict):
        return {key: _relinked(item, suffix) for key, item in value.items()}
    return value


def _copy_entity(kind: str, entity: Any, suffix: str) -> dict[str, Any]:
    data = entity.model_dump(mode="json", exclude_defaults=True)
    if kind in SHARED:
        suffix = "-g0"  # what a shared entity refers to is in the first copy
    else:
        data["id"] = entity.id + suffix
        for field in ("name", "title"):
            if isinstance(data.get(field), str):
                data[field] = f"{data[field]} ({_region(int(suffix[2:]))})"
    refs = list(iter_refs(entity, type(entity)))
    for loc, target_kind, target in sorted(refs, key=lambda r: -len(r[0])):
        if target_kind in SHARED:
            continue
        parent = data
        try:
            for part in loc[:-1]:
                parent = parent[part]
        except (KeyError, IndexError, TypeError):
            continue  # a default left out of the dump
        is_value = isinstance(parent, list) or (
            isinstance(parent, dict) and loc[-1] in parent and parent[loc[-1]] == target)
        if is_value:
            parent[loc[-1]] = _suffixed(target, suffix)
        elif isinstance(parent, dict) and loc[-1] == target and target in parent:
            parent[_suffixed(target, suffix)] = parent.pop(target)  # a dict keyed by id
    for loc, link in iter_instances(entity, EntityLink):
        if link.kind in SHARED:
            continue
        node = data
        for part in loc:
            node = node[part]
        node["id"] = _suffixed(link.id, suffix)
    return _relinked(data, suffix)


def make_playbook(target_size: int, out: Path, source: Path = ROOT / "playbook") -> int:
    """Write about `target_size` entities into `out`; returns how many were written."""
    playbook = compile_playbook(source).playbook
    per_copy = sum(len(playbook.of(k.name)) for k in BY_FOLDER.values() if k.name not in SHARED)
    copies = max(1, math.ceil(target_size / per_copy))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    manifest = playbook.manifest.model_dump(mode="json") if playbook.manifest else {}
    manifest = _relinked(manifest, "-g0")  # the home page's links lead into the first copy
    manifest["title"] = f"Synthetic playbook ({target_size} entities)"
    (out / "playbook.yml").write_text(yaml.safe_dump(manifest, sort_keys=False), "utf-8")
    written = 0
    for folder, kind in BY_FOLDER.items():
        (out / folder).mkdir()
        for entity in playbook.of(kind.name).values():
            for index in range(1 if kind.name in SHARED else copies):
                suffix = f"-g{index}"
                data = _copy_entity(kind.name, entity, suffix)
                path = out / folder / f"{data['id']}.yml"
                path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                                "utf-8")
                written += 1
    return written + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="about how many entities to write")
    parser.add_argument("--out", type=Path, default=None, help="folder (default: ./synthetic-N)")
    parser.add_argument("--from", dest="source", type=Path, default=ROOT / "playbook",
                        help="playbook to copy (default: the default playbook)")
    args = parser.parse_args()
    out = args.out or Path(f"synthetic-{args.size}")
    written = make_playbook(args.size, out, args.source)
    print(f"wrote {written} entities to {out}")


if __name__ == "__main__":
    main()
