"""Competencies: what people must be able to do, level by level."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Entity, Label, ScaleRef, Slug, Strict, Text


class LevelDescriptor(Strict):
    """What a competency looks like at one level of its scale, or that it is not expected
    there."""

    level: Slug = Field(description="Id of a level of the competency's scale.")
    expected: bool = Field(
        default=True,
        description="false when the competency is not expected at this level: the page then "
                    "says so, and the level has no descriptor, criteria or examples.")
    descriptor: Text | None = Field(default=None,
                                    description="Observable behaviour at this level.")
    criteria: list[Label] = Field(
        default_factory=list, description="What someone at this level does, point by point.")
    examples: list[Label] = Field(default_factory=list,
                                  description="Examples of work at this level.")

    @property
    def described(self) -> bool:
        """Whether the level says anything: a descriptor, criteria or examples."""
        return bool(self.descriptor or self.criteria or self.examples)


class Resource(Strict):
    """A way to develop a competency: a book, course, certification or practice."""

    type: Label = Field(description="book, course, certification, practice or programme.")
    title: Label = Field(description="Name of the resource.")
    note: Text | None = Field(default=None, description="Why or how to use it.")


class Competency(Entity):
    """A competency of the framework, described at every level of its scale."""

    name: Label = Field(description="Name of the competency, e.g. 'Threat Modelling'.")
    category: Label = Field(description="Category it belongs to, e.g. 'Strategic Thinking'.")
    summary: Text = Field(description="One or two sentences on what the competency is.")
    scale: ScaleRef | None = Field(
        default=None,
        description="Scale whose levels the competency is described on; the manifest's "
                    "default_scale when left out.")
    levels: list[LevelDescriptor] = Field(
        min_length=1,
        description="Every level of the scale, lowest first: a descriptor, criteria or "
                    "examples, or 'expected: false'.")
    assessed_by: list[Label] = Field(
        default_factory=list, description="How the competency is assessed.")
    resources: list[Resource] = Field(
        default_factory=list, description="Development resources for this competency.")
