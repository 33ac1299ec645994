"""How the changelog says things: entity titles, readable field paths, and the roles a
change concerns. Works on bundles (plain dicts); the model's types say only which values
are ids of other entities, so that a change names them (`refs.references`)."""

from __future__ import annotations

from typing import Any

from generators.versions.refs import references

Path = tuple[Any, ...]

FIELD_LABELS = {
    "minutes": "length", "required_competencies": "required competencies",
    "next_roles": "next roles", "areas": "responsibilities", "attendees": "attendees",
    "other_attendees": "other attendees", "agenda": "agenda", "levels": "levels",
    "stages": "stages", "criteria": "criteria", "weight": "weight", "phases": "phases",
    "activities": "activities", "questions": "questions", "options": "options",
}


def short(value: Any) -> str:
    """A value as a reader sees it, cut to a sensible length."""
    if value is None:
        return "none"
    if isinstance(value, dict):
        value = value.get("name") or value.get("label") or value.get("text") or value.get(
            "title") or value.get("id") or "an item"
    if isinstance(value, list):
        return ", ".join(short(v) for v in value) or "none"
    text = " ".join(str(value).split())
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return f"'{text[:77]}...'" if len(text) > 80 else text


def title(kind: str, entity: Any, bundle: dict[str, Any]) -> str:
    if kind == "hiring-profile":
        role = bundle["entities"].get("role", {}).get(entity.get("role", ""), {})
        return f"Hiring kit: {role.get('name', entity.get('role'))}"
    return str(entity.get("name") or entity.get("title") or entity.get("id"))


def _name(bundle: dict[str, Any], kind: str, entity_id: str) -> str:
    entity = bundle["entities"].get(kind, {}).get(entity_id)
    return title(kind, entity, bundle) if entity else entity_id


def _level_label(bundle: dict[str, Any], competency_id: str, level: str | None) -> str:
    if level is None:
        return "none"
    competency = bundle["entities"].get("competency", {}).get(competency_id, {})
    scale = bundle["entities"].get("scale", {}).get(competency.get("scale", ""), {})
    labels = {lv["id"]: lv["label"] for lv in scale.get("levels", [])}
    return str(labels.get(level, level))


def path_label(kind: str, path: Path, entity: dict[str, Any], bundle: dict[str, Any],
               old: dict[str, Any] | None = None, *others: dict[str, Any]) -> str:
    """`('areas', ('[id]', 'prospecting'), 'activities')` -> `responsibilities › Prospecting ›
    activities`: an item by its name where it has one, an id of another entity by that
    entity's title (in `bundle`, else in `old`). `others` are more versions of `entity`
    to find an item in (one that was removed)."""
    named, _value = references(kind, path)
    parts = []
    places: list[Any] = [entity, *others]
    for part, refers_to in zip(path, named, strict=True):
        if isinstance(part, tuple):
            places = [_item(place, part) for place in places]
            parts.append(_named(refers_to, part[1], bundle, old) if refers_to
                         else _item_name(places, part[1]))
        elif isinstance(part, int):
            places = [place[part] if isinstance(place, list) and part < len(place) else None
                      for place in places]
            parts.append(f"#{part + 1}")
        else:
            places = [place.get(part) if isinstance(place, dict) else None for place in places]
            parts.append(_named(refers_to, part, bundle, old) if refers_to
                         else FIELD_LABELS.get(part, part.replace("_", " ")))
    return " › ".join(parts)


def _item(place: Any, part: tuple[str, Any]) -> Any:
    """The item of a keyed list whose key is `part`."""
    key = part[0].strip("[]")
    if not isinstance(place, list):
        return None
    return next((item for item in place if isinstance(item, dict) and item.get(key) == part[1]),
                None)


def _item_name(places: list[Any], key: Any) -> str:
    for place in places:
        if isinstance(place, dict):
            name = place.get("name") or place.get("label") or place.get("title")
            if name:
                return str(name)
    return str(key)


def _named(kind: str | None, value: Any, first: dict[str, Any] | None,
           second: dict[str, Any] | None) -> Any:
    """An id of an entity of `kind` as that entity's title, in the version that has it
    (`first`, else `second`); a list of ids as a list of titles; anything else as it is."""
    if kind is None:
        return value
    if isinstance(value, list):
        return [_named(kind, item, first, second) for item in value]
    if not isinstance(value, str):
        return value
    for bundle in (first, second):
        if bundle is not None and value in bundle["entities"].get(kind, {}):
            return _name(bundle, kind, value)
    return value


def describe(kind: str, path: Path, before: Any, after: Any, old: dict[str, Any],
             new: dict[str, Any], entities: tuple[Any, ...] = ()) -> str:
    """One change, in words: ids of other entities as their titles, each from the version
    it belongs to (a value removed from the old one, a value added from the new one).
    `entities` are the entity as it is now and as it was, to name the items on the path."""
    if kind == "role" and path and path[0] == "required_competencies" and len(path) >= 2:
        return _required_competency(path, before, after, old, new)
    if path == ("minutes",):
        return f"{short(before)} -> {short(after)} min"
    label = path_label(kind, path, entities[0] if entities else {}, new, old, *entities[1:])
    _names, refers_to = references(kind, path)
    before, after = _named(refers_to, before, old, new), _named(refers_to, after, new, old)
    if before is None:
        return f"{label}: added {short(after)}"
    if after is None:
        return f"{label}: removed {short(before)}"
    return f"{label}: {short(before)} -> {short(after)}"


def _required_competency(path: Path, before: Any, after: Any, old: dict[str, Any],
                         new: dict[str, Any]) -> str:
    competency_id = path[1][1]
    bundle = new if competency_id in new["entities"].get("competency", {}) else old
    name = _name(bundle, "competency", competency_id)
    if len(path) == 2 and before is None:
        return f"now requires {name} at {_level_label(bundle, competency_id, after['level'])}"
    if len(path) == 2 and after is None:
        return f"no longer requires {name}"
    field = path[2]
    if field in ("level", "stretch_level"):
        words = "required level" if field == "level" else "stretch level"
        return (f"{name}, {words} {_level_label(old, competency_id, before)} -> "
                f"{_level_label(new, competency_id, after)}")
    return f"{name}, {str(field).replace('_', ' ')}: {short(before)} -> {short(after)}"


def roles_concerned(kind: str, previous: dict[str, Any] | None, current: dict[str, Any] | None,
                    old: dict[str, Any], new: dict[str, Any]) -> list[str] | None:
    """The roles a change to this entity concerns; None means every role."""
    found: set[str] = set()
    for entity, bundle in ((previous, old), (current, new)):
        if entity is None:
            continue
        roles = _roles_in(kind, entity, bundle)
        if roles is None:
            return None
        found |= roles
    return sorted(found)


def _roles_in(kind: str, entity: dict[str, Any], bundle: dict[str, Any]) -> set[str] | None:
    roles = bundle["entities"].get("role", {})
    entity_id = entity.get("id")
    if kind == "role":
        return {str(entity_id)}
    if kind == "competency":
        return {rid for rid, r in roles.items()
                if any(n["competency"] == entity_id for n in r.get("required_competencies", []))}
    if kind == "cadence":
        return set(entity.get("attendees", [])) | ({entity["owner"]} if entity.get("owner")
                                                    else set())
    if kind in ("onboarding-path", "routine"):
        return set(entity.get("roles", [])) or None
    if kind == "hiring-profile":
        return {entity["role"]}
    if kind in ("exercise", "interview-loop", "scorecard", "question-set"):
        return _hiring_roles(kind, str(entity_id), bundle)
    if kind == "career-path":
        return {step["role"] for step in entity.get("steps", []) if step.get("role")}
    if kind == "team-model":
        return {rid for rid, r in roles.items() if entity_id in r.get("allocation", {})}
    if kind == "assessment" and entity.get("type") == "skills-gap":
        return None
    return set()


def _hiring_roles(kind: str, entity_id: str, bundle: dict[str, Any]) -> set[str] | None:
    field = {"exercise": "exercises", "interview-loop": "interview_loop",
             "scorecard": "scorecard", "question-set": "question_sets"}[kind]
    profiles = bundle["entities"].get("hiring-profile", {}).values()
    users = {p["role"] for p in profiles
             if entity_id == p.get(field) or entity_id in (p.get(field) or [])}
    if kind == "exercise":
        return users
    # Roles without a hiring profile use the shared loop, scorecard and questions.
    profiled = {p["role"] for p in profiles}
    others = set(bundle["entities"].get("role", {})) - profiled
    return users | others
