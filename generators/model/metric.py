"""Metrics and KPIs, placed on the leading -> current -> lagging chain."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generators.model.common import Entity, Label, Text


class Metric(Entity):
    """A metric or KPI the playbook tracks."""

    name: Label = Field(description="Name of the metric.")
    indicator: Literal["leading", "current", "lagging"] | None = Field(
        default=None,
        description="Leading (predicts), current (shows action now) or lagging (results); "
                    "leave out for a metric off that chain.")
    indicator_basis: Literal["cited", "recommended"] | None = Field(
        default=None,
        description="Where the indicator class comes from: 'cited' when the playbook's "
                    "sources place the metric there, 'recommended' when it is the playbook's "
                    "own recommendation (the site then says so next to the class). Only with "
                    "an indicator; leave out to show the class plainly.")
    area: Label = Field(
        description="Part of the playbook the metric belongs to: one of the manifest's "
                    "metric_areas when it declares them, else any label, shown as written.")
    description: Text = Field(description="What the metric shows and why it matters.")
    measured_by: Text | None = Field(default=None, description="How it is calculated or measured.")
    target: Label | None = Field(default=None, description="Target value, where one is set.")
    impact: Label | None = Field(default=None, description="What it influences.")

    @model_validator(mode="after")
    def _basis_needs_indicator(self) -> Metric:
        if self.indicator_basis is not None and self.indicator is None:
            raise ValueError("indicator_basis is set but indicator is not: say which "
                             "indicator class the basis is for, or remove indicator_basis")
        return self
