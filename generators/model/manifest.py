"""The playbook manifest: `playbook/playbook.yml`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator

from generators.model.cadence import TimeZone
from generators.model.common import SLUG_PATTERN, Date, Label, Strict, Text, kind_name
from generators.model.intros import IndexIntros
from generators.model.version_scheme import (
    ANY_LABEL_PATTERN,
    DEFAULT_SCHEME,
    SchemeName,
    label_problem,
)
from generators.model.vocabulary import TermEntry, duplicate, terms_field


class Rename(Strict):
    """An entity whose id changed since the previous version."""

    kind: Annotated[str, StringConstraints(pattern=r"^[a-z-]+$"), AfterValidator(kind_name)] = (
        Field(description="Kind of the entity, e.g. 'role' or 'cadence' ('meeting' is another "
                          "name for cadence)."))
    old_id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")] = Field(
        description="The id in the previous version.")
    new_id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")] = Field(
        description="The id in this version.")


class Manifest(Strict):
    """What this playbook is, whose it is, and which version it is."""

    title: Label = Field(description="Title shown on every page of the site.")
    organisation: Label = Field(description="The organisation the playbook belongs to.")
    # Declared before `version`, whose check reads it.
    version_scheme: SchemeName | None = Field(
        default=None,
        description=f"How versions are labelled: {DEFAULT_SCHEME} ('2026-Q4', the default "
                    "when left out), semver ('v1.2', '1.2.3') or monthly ('2026-11').")
    version: str = Field(
        description="Label of this version, in the form of the version_scheme: '2026-Q4' "
                    "(quarterly), 'v1.2' (semver) or '2026-11' (monthly).",
        json_schema_extra={"pattern": ANY_LABEL_PATTERN})
    released: Date = Field(description="Release date of this version (YYYY-MM-DD).")
    description: Text = Field(description="What the playbook covers, in a paragraph or two.")
    index_intros: IndexIntros = Field(
        default_factory=IndexIntros,
        description="The opening text of index pages, by page, e.g. 'team_models: Four ways "
                    "to organise our team.' A page left out opens with a neutral sentence.")
    default_scale: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)] | None = Field(
        default=None,
        description="Id of the scale that competency levels are written on, for every "
                    "competency that names no scale of its own.")
    time_zone: TimeZone | None = Field(
        default=None,
        description="IANA time zone of the meeting times in schedules that name none, "
                    "e.g. 'Europe/London'.")
    role_families: list[TermEntry] = terms_field(
        "role families", "'- {id: leadership, title: Leadership}'")
    metric_areas: list[TermEntry] = terms_field("metric areas", "'- hiring'")
    renames: list[Rename] = Field(
        default_factory=list,
        description="Entities renamed since the previous version, for the changelog.")
    notes: list[Text] = Field(default_factory=list, description="Editorial notes.")

    @field_validator("version", mode="before")
    @classmethod
    def _version_is_text(cls, value: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise ValueError(f"expected text, got number {value} (a version label is text: "
                             "put it in quotes)")
        return value

    @field_validator("version")
    @classmethod
    def _version_fits_scheme(cls, value: str, info: ValidationInfo) -> str:
        if "version_scheme" not in info.data:
            return value  # the scheme itself is wrong, and reported
        problem = label_problem(value, info.data["version_scheme"])
        if problem is not None:
            raise ValueError(problem)
        return value

    @field_validator("role_families", "metric_areas")
    @classmethod
    def _terms_unique(cls, terms: list[Any]) -> list[Any]:
        twice = duplicate(terms)
        if twice is not None:
            raise ValueError(f"'{twice}' is declared twice")
        return terms

    @property
    def scheme(self) -> str:
        """The version scheme in force: the declared one, else the default."""
        return self.version_scheme or DEFAULT_SCHEME
