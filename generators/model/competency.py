"""Competencies: what people must be able to do, level by level."""

from __future__ import annotations

from pydantic import Field

from generators.model.common import Entity, Label, ScaleRef, Slug, Strict, Text


class LevelDescriptor(Strict):
    """What a competency looks like at one level of its scale."""

    level: Slug = Field(description="Id of a level of the competency's scale.")
    descriptor: Text = Field(description="Observable behaviour at this level.")


class Resource(Strict):
    """A way to develop a competency: a book, course, certification or practice."""

    type: Label = Field(description="book, course, certification, practice or programme.")
    title: Label = Field(description="Name of the resource.")
    note: Text | None = Field(default=None, description="Why or how to use it.")


class Competency(Entity):
    """A competency of the framework, with a descriptor for every level."""

    name: Label = Field(description="Name of the competency, e.g. 'Buyer Journey Mapping'.")
    category: Label = Field(description="Category it belongs to, e.g. 'Strategic Thinking'.")
    summary: Text = Field(description="One or two sentences on what the competency is.")
    scale: ScaleRef = Field(default="proficiency",
                            description="Scale whose levels the descriptors are written for.")
    levels: list[LevelDescriptor] = Field(
        min_length=1, description="One descriptor for every level of the scale, lowest first.")
    assessed_by: list[Label] = Field(
        default_factory=list, description="How the competency is assessed.")
    resources: list[Resource] = Field(
        default_factory=list, description="Development resources for this competency.")
