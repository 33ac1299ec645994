"""Content rules for assessments: every question must be answerable and scorable."""

from __future__ import annotations

from typing import Any

from generators import lint_scoring
from generators.errors import did_you_mean
from generators.model.walk import Loc
from generators.report import Reporter

_RULES_FOR_TYPE = {
    "maturity": {"cumulative-stages", "dimension-mean", "anchored-stages", "count"},
    "selector": {"points", "count"},
    "skills-gap": {"skills-gap"},
}


def run(report: Reporter) -> None:
    """Check every assessment."""
    for _kind, entity_id, assessment in report.entities("assessment"):
        _Checker(report, entity_id, assessment).check()


#: Rules that score a maturity model's stages or dimensions, so need one.
_RULES_ON_A_MODEL = ("cumulative-stages", "anchored-stages", "dimension-mean")


class _Checker:
    def __init__(self, report: Reporter, entity_id: str, assessment: Any) -> None:
        self.report, self.id, self.assessment = report, entity_id, assessment
        self.model = report.get("maturity-model", assessment.maturity_model)
        self.stages = [s.id for s in self.model.stages] if self.model else []
        self.dimensions = [d.id for d in self.model.dimensions] if self.model else []
        self.outcomes = [o.id for o in assessment.outcomes]

    def error(self, loc: Loc, message: str, hint: str = "") -> None:
        self.report.error("assessment", self.id, loc, message, hint)

    def check(self) -> None:
        a = self.assessment
        needs_model = [s.rule for s in a.sections if s.rule in _RULES_ON_A_MODEL]
        if a.type == "maturity" and a.maturity_model is None and (needs_model or
                                                                  a.stage_advice):
            self.error(("maturity_model",), "this assessment needs a maturity_model",
                       f"its {needs_model[0]} section scores the model's stages or dimensions"
                       if needs_model else "its stage_advice names the model's stages")
        if a.type == "selector" and not a.outcomes:
            self.error(("outcomes",), "a selector needs at least two outcomes")
        seen: dict[str, Loc] = {}
        for s_index, section in enumerate(a.sections):
            loc = ("sections", s_index)
            self._section(loc, section)
            for q_index, question in enumerate(section.questions):
                q_loc = (*loc, "questions", q_index)
                if question.id in seen:
                    self.error((*q_loc, "id"), f"duplicate question id '{question.id}'",
                               "question ids are unique across the whole assessment")
                seen.setdefault(question.id, q_loc)
                self._question(q_loc, section, question)
        for index, advice in enumerate(a.stage_advice):
            self._stage((("stage_advice", index, "stage")), advice.stage)
        self._verdicts(set(seen))
        lint_scoring.check(self.report, self.id, a, self.model)

    def _section(self, loc: Loc, section: Any) -> None:
        allowed = _RULES_FOR_TYPE[self.assessment.type]
        if section.rule not in allowed:
            self.error((*loc, "rule"),
                       f"rule '{section.rule}' does not apply to a {self.assessment.type} "
                       "assessment", "use one of " + ", ".join(sorted(allowed)))
        if section.rule == "cumulative-stages" and section.threshold is None:
            self.error((*loc, "threshold"), "cumulative-stages needs a threshold",
                       "e.g. 'threshold: 0.7' to need 70% of a stage's score")

    def _question(self, loc: Loc, section: Any, question: Any) -> None:
        if (question.scale is None) == (not question.options):
            self.error(loc, "a question needs either a scale or options, not both"
                       if question.scale else "a question needs a scale or options")
        if question.scale and question.points and question.points_from is None:
            self.error((*loc, "points_from"), "points on a scale question need points_from")
        self._points(loc, question)
        rule = section.rule
        if rule == "cumulative-stages" and question.stage is None:
            self.error((*loc, "stage"), "each question of a cumulative-stages section "
                       "needs the stage it is evidence for")
        if rule == "dimension-mean" and question.dimension is None:
            self.error((*loc, "dimension"), "each question of a dimension-mean section needs "
                       "a dimension")
        if question.stage is not None:
            self._stage((*loc, "stage"), question.stage)
        if self.model and question.dimension not in (None, *self.dimensions):
            self.error((*loc, "dimension"),
                       f"'{question.dimension}' is not a dimension of maturity model "
                       f"'{self.model.id}'", did_you_mean(str(question.dimension), self.dimensions))
        if rule == "anchored-stages":
            self._anchored(loc, question)
        if rule == "skills-gap" and question.scale is None:
            self.error((*loc, "scale"), "skills-gap questions are rated on a scale")

    def _points(self, loc: Loc, question: Any) -> None:
        tables = [((*loc, "points"), question.points)] + [
            ((*loc, "options", i, "points"), o.points) for i, o in enumerate(question.options)]
        for table_loc, points in tables:
            for outcome in points:
                if outcome not in self.outcomes:
                    self.error((*table_loc, outcome), f"unknown outcome '{outcome}'",
                               did_you_mean(outcome, self.outcomes))

    def _anchored(self, loc: Loc, question: Any) -> None:
        anchored = []
        for index, option in enumerate(question.options):
            if option.stage is None:
                self.error((*loc, "options", index, "stage"),
                           "each option of an anchored-stages question needs a stage")
            else:
                anchored.append(option.stage)
                self._stage((*loc, "options", index, "stage"), option.stage)
        missing = [stage for stage in self.stages if stage not in anchored]
        if question.options and missing:
            self.error((*loc, "options"), "options do not cover the scale: no answer for stage "
                       + ", ".join(f"'{m}'" for m in missing),
                       "add an option anchored to each stage of the model")

    def _stage(self, loc: Loc, stage: str) -> None:
        if self.model and stage not in self.stages:
            self.error(loc, f"'{stage}' is not a stage of maturity model '{self.model.id}'",
                       did_you_mean(stage, self.stages))

    def _verdicts(self, questions: set[str]) -> None:
        sections = [s.id for s in self.assessment.sections]
        for v_index, verdict in enumerate(self.assessment.verdicts):
            for c_index, cond in enumerate(verdict.when):
                loc = ("verdicts", v_index, "when", c_index)
                if (cond.section is None) == (cond.question is None):
                    self.error(loc, "a condition tests either a section or a question")
                if cond.section is not None and cond.section not in sections:
                    self.error((*loc, "section"), f"unknown section '{cond.section}'",
                               did_you_mean(cond.section, sections))
                if cond.question is not None and cond.question not in questions:
                    self.error((*loc, "question"), f"unknown question '{cond.question}'",
                               did_you_mean(cond.question, questions))
                if cond.min is None and cond.max is None:
                    self.error(loc, "a condition needs min or max")
