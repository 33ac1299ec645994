"""The YAML reader: safe, positioned, and bounded."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generators.load import MAX_FILE_BYTES, YamlProblem, format_loc, read_yaml
from tests.conftest import rendered


def _problem(tmp_path: Path, content: bytes | str) -> str:
    path = tmp_path / "file.yml"
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.write_bytes(data)
    with pytest.raises(YamlProblem) as info:
        read_yaml(path)
    problem = info.value.problem
    return problem.render().removeprefix(f"{problem.file}:")


def test_positions_are_kept_for_keys_and_values(tmp_path: Path) -> None:
    path = tmp_path / "role.yml"
    path.write_text("id: a\nareas:\n  - name: x\n    skills: [one, two]\n", encoding="utf-8")
    source = read_yaml(path)
    assert source.data == {"id": "a", "areas": [{"name": "x", "skills": ["one", "two"]}]}
    assert source.mark(("areas", 0, "skills")) == (4, 5)
    assert source.mark(("areas", 0, "skills", 1)) == (4, 19)
    assert source.mark(("areas", 0, "missing")) == (3, 5)


def test_format_loc() -> None:
    assert format_loc(("areas", 2, "skills", 0)) == "areas[2].skills[0]"
    assert format_loc(()) == ""


def test_empty_file(tmp_path: Path) -> None:
    assert _problem(tmp_path, "# only a comment\n") == (
        "1:1: file is empty (a playbook file holds one mapping of fields)")


def test_not_utf8(tmp_path: Path) -> None:
    assert _problem(tmp_path, b"id: a\nname: caf\xe9\n") == (
        "2:10: file is not valid UTF-8 text (save the file as UTF-8)")


def test_python_tags_are_refused(tmp_path: Path) -> None:
    assert _problem(tmp_path, "id: !!python/object:os.system x\n") == (
        "1:5: unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system' "
        "(remove the tag; playbook files hold plain data)")


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    start = time.perf_counter()
    message = _problem(tmp_path, "\n".join(lines) + "\n")
    assert time.perf_counter() - start < 2
    assert "document expands to too many values" in message


def test_big_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "file.yml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(YamlProblem) as info:
        read_yaml(path)
    assert info.value.problem.message == "file is larger than 4 MiB"


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    assert _problem(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n") == (
        "3:3: merge keys ('<<') are not supported (write the fields out)")


def test_list_where_a_mapping_is_expected(playbook: Path) -> None:
    (playbook / "roles/sdr.yml").write_text("- id: sdr\n", encoding="utf-8")
    assert rendered(playbook)[0] == (
        "playbook/roles/sdr.yml:1:1: expected a mapping of fields, got a list "
        "(a role file holds one mapping such as 'id: ...')")


def test_missing_playbook_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert rendered(Path("nowhere")) == [
        "nowhere:1:1: playbook folder does not exist "
        "(pass --playbook with the folder that holds playbook.yml)"]


def test_unknown_kind_folder(playbook: Path) -> None:
    (playbook / "rolse").mkdir()
    (playbook / "rolse/x.yml").write_text("id: x\n", encoding="utf-8")
    assert rendered(playbook) == [
        "playbook/rolse:1:1: unknown kind folder 'rolse' (did you mean 'roles'?)"]
