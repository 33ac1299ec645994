"""Content rules per kind: scales that climb, weights that add up, levels that exist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generators import lint_assessments, lint_glossary, lint_schedules, lint_wording
from generators.errors import did_you_mean
from generators.model.walk import Loc
from generators.report import Reporter


def run(report: Reporter) -> None:
    """Apply every content rule to every entity."""
    for kind, rule in _RULES:
        for _kind, entity_id, entity in report.entities(kind):
            rule(report, entity_id, entity)
    lint_assessments.run(report)
    lint_schedules.run(report)
    lint_glossary.run(report)
    lint_wording.run(report)


def level_ids(report: Reporter, scale_id: str | None) -> list[str] | None:
    """Level ids of a scale, lowest first, or None when the scale does not exist."""
    scale = report.get("scale", scale_id)
    return [level.id for level in scale.levels] if scale else None


def _scale(report: Reporter, entity_id: str, scale: Any) -> None:
    report.check_increasing("scale", entity_id, ("levels",), scale.levels, "value", "value")


def scale_name(report: Reporter, competency: Any) -> str:
    """`scale 'x'`, saying where the scale comes from when the competency names none."""
    if competency.id in report.playbook.scale_from_manifest:
        return f"scale '{competency.scale}', the default_scale of playbook.yml"
    return f"scale '{competency.scale}'"


def _competency(report: Reporter, entity_id: str, competency: Any) -> None:
    levels = level_ids(report, competency.scale)
    if levels is None:
        return  # no scale, or an unknown one: already reported
    written = [d.level for d in competency.levels]
    for index, level in enumerate(written):
        if level not in levels:
            report.error("competency", entity_id, ("levels", index, "level"),
                         f"'{level}' is not a level of {scale_name(report, competency)}",
                         did_you_mean(level, levels))
    missing = [level for level in levels if level not in written]
    if missing:
        report.error("competency", entity_id, ("levels",),
                     f"no descriptor for level {_names(missing)} of "
                     f"{scale_name(report, competency)}",
                     f"describe every level of the scale; where the competency is not "
                     f"expected, write '- {{level: {missing[0]}, expected: false}}'")
    elif written != levels and len(written) == len(levels):
        report.error("competency", entity_id, ("levels",),
                     "level descriptors are not in the scale's order",
                     "order them " + " -> ".join(levels))
    for index, described in enumerate(competency.levels):
        _level_content(report, entity_id, index, described)


def _level_content(report: Reporter, entity_id: str, index: int, level: Any) -> None:
    """A level says what it looks like, or that it is not expected; not both, not neither."""
    if level.expected and not level.described:
        report.error("competency", entity_id, ("levels", index),
                     f"level '{level.level}' has no descriptor, criteria or examples",
                     "write one, or 'expected: false' when the competency is not expected "
                     "at this level")
    elif not level.expected and level.described:
        report.error("competency", entity_id, ("levels", index, "expected"),
                     f"level '{level.level}' is not expected but has a descriptor, criteria "
                     "or examples", "remove them, or 'expected: false'")


def _role(report: Reporter, entity_id: str, role: Any) -> None:
    for index, need in enumerate(role.required_competencies):
        competency = report.get("competency", need.competency)
        levels = level_ids(report, competency.scale) if competency else None
        if levels is None:
            continue
        loc = ("required_competencies", index)
        not_expected = {d.level for d in competency.levels if not d.expected}
        for field in ("level", "stretch_level"):
            level = getattr(need, field)
            if level is not None and level not in levels:
                report.error("role", entity_id, (*loc, field),
                             f"'{level}' is not a level of {scale_name(report, competency)}",
                             did_you_mean(level, levels))
            elif level in not_expected:
                report.error("role", entity_id, (*loc, field),
                             f"'{competency.name}' is not expected at level '{level}'",
                             "require a level its competency describes")
        if (need.stretch_level in levels and need.level in levels
                and levels.index(need.stretch_level) <= levels.index(need.level)):
            report.error("role", entity_id, (*loc, "stretch_level"),
                         f"stretch level '{need.stretch_level}' is not above '{need.level}'")
    seen = [need.competency for need in role.required_competencies]
    for index, competency_id in enumerate(seen):
        if competency_id in seen[:index]:
            report.error("role", entity_id, ("required_competencies", index, "competency"),
                         f"competency '{competency_id}' is listed twice")


def _exercise(report: Reporter, entity_id: str, exercise: Any) -> None:
    total = sum(c.weight for c in exercise.criteria)
    if abs(total - 100) > 1e-6:
        report.error("exercise", entity_id, ("criteria",),
                     f"criteria weights sum to {total:g}, not 100",
                     "adjust the weights so they add up to 100")
    report.check_increasing("exercise", entity_id, ("bands",), exercise.bands, "min",
                     "threshold")
    _check_top(report, "exercise", entity_id, ("bands",), exercise.bands, exercise.score_max)


def _scorecard(report: Reporter, entity_id: str, scorecard: Any) -> None:
    report.check_increasing("scorecard", entity_id, ("recommendations",),
                     scorecard.recommendations, "min", "threshold")
    scale = report.get("scale", scorecard.scale)
    if scale:
        items = sum(len(section.items) for section in scorecard.sections)
        _check_top(report, "scorecard", entity_id, ("recommendations",),
                   scorecard.recommendations, items * max(lv.value for lv in scale.levels))


def _check_top(report: Reporter, kind: str, entity_id: str, loc: Loc, bands: Sequence[Any],
               top: float) -> None:
    for index, band in enumerate(bands):
        if band.min > top:
            report.error(kind, entity_id, (*loc, index, "min"),
                         f"threshold {band.min:g} is above the highest possible score {top:g}")


def _onboarding_path(report: Reporter, entity_id: str, path: Any) -> None:
    for index in range(1, len(path.phases)):
        before, phase = path.phases[index - 1], path.phases[index]
        end = before.days.max if before.days.max is not None else before.days.min
        if phase.days.min <= end:
            report.error("onboarding-path", entity_id, ("phases", index, "days", "min"),
                         f"phase starts on day {phase.days.min:g}, before '{before.id}' ends "
                         f"(day {end:g})", "phases run in day order without overlap")


def _maturity_model(report: Reporter, entity_id: str, model: Any) -> None:
    report.check_increasing("maturity-model", entity_id, ("stages",), model.stages, "number",
                     "stage number")
    stages = [stage.id for stage in model.stages]
    for d_index, dimension in enumerate(model.dimensions):
        for c_index, cell in enumerate(dimension.by_stage):
            if cell.stage not in stages:
                report.error("maturity-model", entity_id,
                             ("dimensions", d_index, "by_stage", c_index, "stage"),
                             f"'{cell.stage}' is not a stage of this model",
                             did_you_mean(cell.stage, stages))


def _play(report: Reporter, entity_id: str, play: Any) -> None:
    if play.cadence is None and play.trigger is None:
        report.error("play", entity_id, ("trigger",),
                     "a play says when it is run: it has neither a cadence nor a trigger",
                     "add 'cadence: ID' for the meeting it is run in, 'trigger: ...' for what "
                     "starts it, or both")


def _names(items: Sequence[str]) -> str:
    return ", ".join(f"'{item}'" for item in items)


_RULES = (
    ("scale", _scale),
    ("competency", _competency),
    ("role", _role),
    ("exercise", _exercise),
    ("scorecard", _scorecard),
    ("onboarding-path", _onboarding_path),
    ("maturity-model", _maturity_model),
    ("play", _play),
)
