"""Content rules for how assessments score: band limits, dimension groups, the overall
result, and skills-gap targets on the scale each question is answered on."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from generators.errors import did_you_mean
from generators.model.assessment import value_on_scale
from generators.model.walk import Loc
from generators.report import Reporter

_MEANS = ("mean", "weighted-mean")


def check(report: Reporter, entity_id: str, assessment: Any, model: Any) -> None:
    """Check the scoring of one assessment (`model`: its maturity model, if any)."""
    _Scoring(report, entity_id, assessment, model).check()


def _shown(limit: float | str) -> str:
    return limit if isinstance(limit, str) else f"{limit:g}"


def _exact(limit: float | str) -> Fraction:
    """A band limit as the engine reads it: a fraction, or the decimal as written."""
    return Fraction(limit if isinstance(limit, str) else repr(limit))


class _Scoring:
    def __init__(self, report: Reporter, entity_id: str, assessment: Any, model: Any) -> None:
        self.report, self.id, self.assessment = report, entity_id, assessment
        self.model = model
        self.dimensions = [d.id for d in model.dimensions] if model else []

    def error(self, loc: Loc, message: str, hint: str = "") -> None:
        self.report.error("assessment", self.id, loc, message, hint)

    def check(self) -> None:
        a = self.assessment
        self._overall()
        self._bands(("bands",), a.bands)
        for s_index, section in enumerate(a.sections):
            loc = ("sections", s_index)
            self._bands((*loc, "bands"), section.bands)
            self._bands((*loc, "priorities"), section.priorities)
            self._weights(loc, section)
            if section.groups and section.rule == "dimension-mean":
                self._groups(loc, section)
            if section.rule == "skills-gap":
                self._targets(loc, section)

    def _bands(self, loc: Loc, bands: list[Any]) -> None:
        """Band limits, numbers or fractions such as '2/3', increase strictly."""
        for index in range(1, len(bands)):
            before, now = bands[index - 1], bands[index]
            if _exact(now.min) <= _exact(before.min):
                self.error((*loc, index, "min"),
                           f"threshold {_shown(now.min)} does not increase (previous "
                           f"'{before.id}' is {_shown(before.min)})",
                           f"list {loc[-1]} from lowest to highest")

    def _overall(self) -> None:
        a = self.assessment
        if a.overall in _MEANS and a.type != "maturity":
            self.error(("overall",), f"overall '{a.overall}' applies only to a maturity "
                       "assessment")
        elif a.overall in _MEANS and not a.bands:
            self.error(("overall",), f"overall '{a.overall}' needs bands",
                       "add 'bands' to the assessment: the bands of the overall score, lowest "
                       "first")
        if a.bands and a.overall not in _MEANS:
            self.error(("bands",), "the assessment's bands are used only when overall is mean "
                       "or weighted-mean")

    def _weights(self, loc: Loc, section: Any) -> None:
        """A weight, aggregate or group where nothing would use it is a mistake."""
        if "weight" in section.model_fields_set and self.assessment.overall != "weighted-mean":
            self.error((*loc, "weight"), "a section's weight counts only when the assessment's "
                       "overall is weighted-mean")
        if section.rule != "dimension-mean":
            for field in ("aggregate", "groups"):
                if field in section.model_fields_set:
                    self.error((*loc, field), f"{field} applies only to a dimension-mean section")
        weighted = section.rule == "dimension-mean" and section.aggregate == "weighted-mean"
        for q_index, question in enumerate(section.questions):
            if "weight" in question.model_fields_set and not weighted:
                self.error((*loc, "questions", q_index, "weight"),
                           "a question's weight counts only in a dimension-mean section whose "
                           "aggregate is weighted-mean")

    def _groups(self, loc: Loc, section: Any) -> None:
        asked = {q.dimension for q in section.questions}
        names = [g.id for g in section.groups]
        parent: dict[str, str] = {}
        for g_index, group in enumerate(section.groups):
            g_loc = (*loc, "groups", g_index)
            if group.id in names[:g_index]:
                self.error((*g_loc, "id"), f"duplicate group id '{group.id}'")
            elif group.id in self.dimensions:
                self.error((*g_loc, "id"), f"'{group.id}' is a dimension of maturity model "
                           f"'{self.model.id}'", "give the group an id of its own")
            for m_index, member in enumerate(group.members):
                m_loc = (*g_loc, "members", m_index)
                if member == group.id:
                    self.error(m_loc, f"group '{group.id}' cannot contain itself")
                    continue
                if member not in names and member not in self.dimensions:
                    self.error(m_loc, f"'{member}' is not a dimension of the maturity model or "
                               "a group of this section", did_you_mean(member, [*self.dimensions,
                                                                                *names]))
                    continue
                if member not in names and member not in asked:
                    self.error(m_loc, f"dimension '{member}' has no questions in this section")
                if member in parent:
                    self.error(m_loc, f"'{member}' is already in group '{parent[member]}'",
                               "a dimension or group belongs to one group at most")
                else:
                    parent[member] = group.id
            for key in group.weights:
                if key not in group.members:
                    self.error((*g_loc, "weights", key), f"'{key}' is not a member of group "
                               f"'{group.id}'", did_you_mean(key, group.members))
            if group.weights and group.aggregate != "weighted-mean":
                self.error((*g_loc, "weights"), "weights count only when the group's aggregate "
                           "is weighted-mean")
            self._bands((*g_loc, "bands"), group.bands)
        self._loops(loc, names, parent)

    def _loops(self, loc: Loc, names: list[str], parent: dict[str, str]) -> None:
        reported: set[str] = set()
        for g_index, name in enumerate(names):
            chain, node = [name], parent.get(name)
            while node is not None and node not in chain:
                chain.append(node)
                node = parent.get(node)
            if node == name and name not in reported:
                reported.update(chain)
                self.error((*loc, "groups", g_index, "members"), "groups "
                           + ", ".join(f"'{n}'" for n in chain) + " contain each other",
                           "groups form a tree: each inside at most one other")

    def _targets(self, loc: Loc, section: Any) -> None:
        """Every target is a value on the scale its question is answered on."""
        roles = sorted(self.report.playbook.of("role").items())
        default_checked = False
        for q_index, question in enumerate(section.questions):
            q_loc = (*loc, "questions", q_index)
            scale = self.report.get("scale", question.scale)
            if scale is None:
                continue
            low, high = (min(lv.value for lv in scale.levels),
                         max(lv.value for lv in scale.levels))
            span = f"scale '{scale.id}' ({low:g} to {high:g})"
            for role_id, target in question.targets.items():
                if self.report.get("role", role_id) and not low <= target <= high:
                    self.error((*q_loc, "targets", role_id),
                               f"target {target:g} is outside {span}")
            default = section.default_target
            if default is not None and not default_checked and not low <= default <= high:
                default_checked = True
                self.error((*loc, "default_target"), f"default_target {default:g} is outside "
                           f"{span} of question '{question.id}'")
            derived, stuck = self._derived(question, scale, roles)
            if stuck:
                competency = self.report.get("competency", question.competency)
                self.error((*q_loc, "competency"),
                           "cannot work out the target of " + ", ".join(f"'{r}'" for r in stuck)
                           + f" on scale '{scale.id}': competency '{competency.id}' is "
                           f"described on scale '{competency.scale}'",
                           "give the question targets for these roles, or give the levels of "
                           "both scales a matching rating")
            elif not derived and default is None:
                self.error(q_loc, "no role has a target for this question",
                           "give it targets, a competency that roles require, or give the "
                           "section a default_target")

    def _derived(self, question: Any, scale: Any, roles: list[tuple[str, Any]]
                 ) -> tuple[bool, list[str]]:
        """Whether some role has a target, and the roles whose target cannot be worked out."""
        competency = self.report.get("competency", question.competency)
        derived, stuck = False, []
        for role_id, role in roles:
            if role_id in question.targets:
                derived = True
                continue
            need = next((n for n in role.required_competencies
                         if competency and n.competency == competency.id), None)
            level_scale = self.report.get("scale", competency.scale) if need else None
            if need is None or level_scale is None:
                continue
            if value_on_scale(need.level, level_scale, scale) is None:
                stuck.append(role_id)
            else:
                derived = True
        return derived, stuck
