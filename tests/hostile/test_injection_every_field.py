"""Hostile text in every free-text field of one entity of each kind: the site builds,
and no page carries it as live markup."""

from __future__ import annotations

import html as html_text
import shutil
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from pydantic.types import StringConstraints

from generators.model import BY_FOLDER
from generators.model.common import RefTo
from generators.model.walk import model_at
from tests.conftest import DEFAULT_PLAYBOOK, ROOT, mkdocs
from tests.hostile.live_markup import live_markup
from tests.hostile.test_injection import HOSTILE, PAYLOADS

#: Fields whose text is an identifier or a value with a fixed form, not prose.
NOT_PROSE = {"period", "term", "aka"}  # a glossary word is refused if it holds markup


def _is_prose(annotation: Any) -> bool:
    """A free-text string field: no id pattern, no reference, no fixed choices."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        if any(isinstance(m, RefTo) for m in metadata):
            return False
        if any(isinstance(m, StringConstraints) and m.pattern for m in metadata):
            return False
        if any(getattr(m, "metadata", None) and any(
                getattr(x, "pattern", None) for x in m.metadata) for m in metadata):
            return False
        return _is_prose(base)
    if typing.get_origin(annotation) in (typing.Union, __import__("types").UnionType):
        return any(_is_prose(a) for a in typing.get_args(annotation) if a is not type(None))
    return annotation is str


def _field_type(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The annotation of the string at `loc` (a field, or an item of a list field)."""
    field_loc = loc if isinstance(loc[-1], str) else loc[:-1]
    owner = model_at(model, field_loc[:-1])
    if owner is None or not isinstance(field_loc[-1], str):
        return None
    info = owner.model_fields.get(field_loc[-1])
    if info is None or field_loc[-1] in NOT_PROSE:
        return None
    annotation = info.annotation
    if info.metadata:
        annotation = typing.Annotated[(annotation, *info.metadata)]
    if field_loc is not loc:  # a list item
        args = typing.get_args(annotation if typing.get_origin(annotation) is not
                               typing.Annotated else typing.get_args(annotation)[0])
        return args[0] if args else None
    return annotation


def _longest(annotation: Any) -> int | None:
    """The most characters a string field takes, if it says."""
    if typing.get_origin(annotation) in (typing.Union, __import__("types").UnionType):
        limits = [n for a in typing.get_args(annotation) if (n := _longest(a)) is not None]
        return min(limits) if limits else None
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in typing.get_args(annotation)[1:]:
            if isinstance(meta, StringConstraints) and meta.max_length:
                return meta.max_length
    return None


def _hostile(value: str, longest: int | None) -> str:
    """`value` followed by every payload, or as many whole payloads as a short field takes."""
    text = f"{value} {HOSTILE}"
    if longest is None or len(text) <= longest:
        return text
    fitting: list[str] = []
    for payload in PAYLOADS:
        if len(" ".join([*fitting, payload])) <= longest:
            fitting.append(payload)
    return " ".join(fitting)


def _poison(data: Any, model: type[BaseModel], loc: tuple[Any, ...] = ()) -> int:
    """Replace every free-text string in `data` by the hostile text; returns how many."""
    count = 0
    items = data.items() if isinstance(data, dict) else enumerate(data) \
        if isinstance(data, list) else []
    for key, value in list(items):
        here = (*loc, key)
        if isinstance(value, str):
            annotation = _field_type(model, here)
            if _is_prose(annotation):
                data[key] = _hostile(value, _longest(annotation))
                count += 1
        else:
            count += _poison(value, model, here)
    return count


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    project = tmp_path_factory.mktemp("every-field")
    shutil.copytree(DEFAULT_PLAYBOOK, project / "playbook")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    # Without declared vocabularies, a role family or a metric area is any label: prose.
    manifest = project / "playbook/playbook.yml"
    declared = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    del declared["role_families"], declared["metric_areas"]
    manifest.write_text(yaml.safe_dump(declared, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    counts = {}
    for folder, kind in BY_FOLDER.items():
        path = sorted((project / "playbook" / folder).glob("*.yml"))[0]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts[kind.name] = _poison(data, kind.model)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "out", counts


def test_every_kind_had_fields_poisoned(poisoned: tuple[Path, dict[str, int]]) -> None:
    _, counts = poisoned
    assert set(counts) == set(k.name for k in BY_FOLDER.values())
    assert all(count > 0 for count in counts.values()), counts


def test_no_page_carries_live_markup(poisoned: tuple[Path, dict[str, int]]) -> None:
    site, _ = poisoned
    carrying = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "pb-xss" not in html:
            continue
        carrying += 1
        name = page.relative_to(site)
        assert live_markup(html) == [], name
        assert "{{ 7 * 7 }}" in html_text.unescape(html), name  # YAML template syntax: text
    assert carrying >= 18  # at least one page per kind shows the text
