"""The playbook manifest: `playbook/playbook.yml`."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from generators.model.common import Date, Label, Strict, Text

VERSION_PATTERN = r"^\d{4}-Q[1-4]$"

VersionLabel = Annotated[
    str, StringConstraints(pattern=VERSION_PATTERN),
    Field(description="A quarterly version label such as '2026-Q4'."),
]


class Rename(Strict):
    """An entity whose id changed since the previous version."""

    kind: Annotated[str, StringConstraints(pattern=r"^[a-z-]+$")] = Field(
        description="Kind of the entity, e.g. 'role'.")
    old_id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")] = Field(
        description="The id in the previous version.")
    new_id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")] = Field(
        description="The id in this version.")


class Manifest(Strict):
    """What this playbook is, whose it is, and which version it is."""

    title: Label = Field(description="Title shown on every page of the site.")
    organisation: Label = Field(description="The organisation the playbook belongs to.")
    version: VersionLabel
    released: Date = Field(description="Release date of this version (YYYY-MM-DD).")
    description: Text = Field(description="What the playbook covers, in a paragraph or two.")
    default_scale: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")] = Field(
        default="proficiency",
        description="Id of the scale that competency levels are written on.")
    renames: list[Rename] = Field(
        default_factory=list,
        description="Entities renamed since the previous version, for the changelog.")
    notes: list[Text] = Field(default_factory=list, description="Editorial notes.")
