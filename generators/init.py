"""`playbook init`: start a playbook in a new folder, empty or from an example.

The minimal playbook is a manifest, one scale and a README on what to add next; it
validates and builds as written. An example is a complete playbook to learn from and
adapt. Either is written into a hidden folder beside the target and moved into place
only when every file is written, so a failure never leaves half a playbook behind,
and nothing that already exists is ever replaced.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from importlib import resources
from pathlib import Path

from generators import files
from generators.errors import UserError, display_path
from generators.schema import modeline, render_schemas

#: The examples `--example` can write, with what each one is.
EXAMPLES = {
    "social-selling": "building and scaling a social selling team (the default playbook)",
}

#: Where a source checkout keeps each example (an installed package carries a copy).
_CHECKOUT = {"social-selling": Path(__file__).resolve().parent.parent / "playbook"}


#: The largest file an example may hold.
_MOST_BYTES = 5_000_000


class InitError(UserError):
    """The playbook cannot be started where or how the user asked."""


def init_playbook(folder: Path, *, title: str | None = None, organisation: str | None = None,
                  example: str | None = None, today: dt.date | None = None) -> list[Path]:
    """Write a new playbook into `folder` (new or empty); returns the files written."""
    _check_target(folder)
    if example is not None:
        wanted = _example_files(example)
    else:
        wanted = _minimal_files(folder, title, organisation, today or dt.date.today())
    for name, text in render_schemas().items():
        wanted.setdefault(f"schemas/{name}", text)
    staging = folder.parent / f".{folder.name}.init-{os.getpid()}"
    try:
        staging.mkdir()
        for name, data in sorted(wanted.items()):
            files.write_new_file(staging / name, data, staging)
        os.rename(staging, folder)  # replaces an empty folder in one step
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [folder / name for name in sorted(wanted)]


def _check_target(folder: Path) -> None:
    where = display_path(folder)
    if folder.is_symlink():
        raise InitError(f"{where} is a symbolic link; give a new folder to start the "
                        "playbook in")
    if folder.exists():
        if not folder.is_dir():
            raise InitError(f"{where} exists and is not a folder")
        if any(folder.iterdir()):
            raise InitError(f"{where} is not empty; init writes only into a new or empty "
                            "folder, so nothing there is replaced")
    if not folder.parent.is_dir():
        raise InitError(f"{display_path(folder.parent)} does not exist; create it first")


def _example_files(example: str) -> dict[str, str]:
    """Every YAML file of an example playbook, by path inside it."""
    root = example_folder(example)
    found = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in ("schemas", "__pycache__") or path.name.startswith("."):
            continue
        if path.suffix.lower() in (".yml", ".yaml", ".md", ".j2") and not path.is_dir():
            data = files.read_bytes(path, root, limit=_MOST_BYTES,
                                    folder_name="the example playbook")
            found[relative.as_posix()] = data.decode("utf-8")
    return found


def example_folder(example: str) -> Path:
    """Where the example's files are: in the installed package, else in the checkout."""
    if example not in EXAMPLES:
        known = "; ".join(f"{name}: {what}" for name, what in EXAMPLES.items())
        raise InitError(f"unknown example '{example}' (examples: {known})")
    packaged = resources.files("generators").joinpath("examples", example)
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = _CHECKOUT[example]
    if (checkout / "playbook.yml").is_file():
        return checkout
    raise InitError(f"the example '{example}' is not installed with this copy of the tool")


def _minimal_files(folder: Path, title: str | None, organisation: str | None,
                   today: dt.date) -> dict[str, str]:
    from generators.model import KINDS

    words = re.sub(r"[-_]+", " ", folder.resolve().name).split() or ["Team"]
    organisation = organisation or " ".join(word[:1].upper() + word[1:] for word in words)
    title = title or f"{organisation} Playbook"
    quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    manifest = f"""{modeline(KINDS["manifest"])}
title: {_quoted(title)}
organisation: {_quoted(organisation)}
version: {quarter}  # one label per published version, here year and quarter
released: {today.isoformat()}
description: >-
  What this playbook covers and who it is for. Replace this paragraph with your own.
default_scale: proficiency  # the scale competencies are written on, unless they say
"""
    scale = f"""{modeline(KINDS["scale"])}
id: proficiency
name: Proficiency
purpose: The levels competencies are written on, from learning a skill to leading others in it.
levels:  # lowest first; values must increase
  - id: learning
    label: Learning
    value: 1
    description: Builds the skill with guidance and support.
  - id: practising
    label: Practising
    value: 2
    description: Uses the skill well without help.
  - id: leading
    label: Leading
    value: 3
    description: Sets the standard for others and teaches the skill.
"""
    return {"playbook.yml": manifest, "scales/proficiency.yml": scale, "README.md": _README}


def _quoted(text: str) -> str:
    """A YAML string that reads back as `text`, quoted only when it has to be."""
    import json

    plain = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .,'&()/-]*", text) and not text.endswith(" ")
    return text if plain else json.dumps(text, ensure_ascii=False)


_README = """\
# Your playbook

This folder is a playbook: one YAML file per thing your team has written down, in one
folder per kind. It starts with a manifest (`playbook.yml`) and one scale
(`scales/proficiency.yml`); it already validates and builds.

## What to add next

Add what your team has, in any order; pages, navigation and home-page links appear
only for the kinds you add. Each command writes a starter file that validates as
written, for you to fill in:

    playbook new competency written-communication
    playbook new role platform-engineer
    playbook new onboarding-path first-90-days
    playbook new cadence weekly-planning
    playbook new assessment team-health

`playbook new` with an unknown kind lists every kind. After each change:

    playbook validate --playbook .     # every problem, with file, line and field
    playbook serve --playbook .        # a live preview that reloads as you save
    playbook build --playbook . --site-dir ../site

## Tips

- Change the scale to the levels your organisation uses: any number of levels, any
  names. A competency that is not expected at a level says so with
  `- {level: ID, expected: false}`.
- Ids are lower-case words joined by hyphens and must equal the file name; other
  files refer to an entity by its id.
- Files start with a `yaml-language-server` line, so an editor with YAML support
  completes field names from the schemas in `schemas/`.
"""
