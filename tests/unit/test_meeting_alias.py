"""'meeting' is another name for 'cadence' wherever a user writes a kind."""

from __future__ import annotations

import shutil
from pathlib import Path

from generators.check import check
from generators.errors import Severity
from generators.model import find_kind
from generators.model.common import EntityLink
from generators.model.manifest import Rename
from generators.model.walk import iter_instances
from tests.conftest import DEFAULT_PLAYBOOK, rendered


def test_meeting_finds_the_cadence_kind() -> None:
    kind = find_kind("meeting")
    assert kind is not None and kind.name == "cadence" and kind.folder == "cadences"


def test_a_link_or_a_rename_of_kind_meeting_means_a_cadence() -> None:
    assert EntityLink.model_validate({"kind": "meeting", "id": "sync"}).kind == "cadence"
    rename = Rename.model_validate({"kind": "meeting", "old_id": "sync", "new_id": "weekly"})
    assert rename.kind == "cadence"


def test_a_link_to_a_meeting_resolves(tmp_path: Path) -> None:
    root = tmp_path / "playbook"
    shutil.copytree(DEFAULT_PLAYBOOK, root)
    path = root / "assessments/integration-maturity.yml"
    text = path.read_text(encoding="utf-8")
    assert "{kind: cadence, id: weekly-alignment}" in text
    path.write_text(text.replace("{kind: cadence, id: weekly-alignment}",
                                 "{kind: meeting, id: weekly-alignment}"), encoding="utf-8")
    checked = check(root)
    assert [p.render() for p in checked.problems if p.severity == Severity.ERROR] == []
    links = [link for _loc, link in iter_instances(
        checked.playbook.of("assessment")["integration-maturity"], EntityLink)]
    assert ("cadence", "weekly-alignment") in {(link.kind, link.id) for link in links}


def test_a_folder_named_meetings_says_where_the_files_go(playbook: Path) -> None:
    (playbook / "meetings").mkdir()
    (playbook / "meetings/weekly-sync.yml").write_text("id: weekly-sync\n", encoding="utf-8")
    assert rendered(playbook)[0] == ("playbook/meetings:1:1: unknown kind folder 'meetings' "
                                     "(meetings are cadence files: put them in cadences/)")
