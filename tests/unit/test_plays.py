"""Plays and frameworks: what they check, with the exact messages a user reads."""

from __future__ import annotations

from pathlib import Path

from generators.model import KINDS
from generators.scaffold import starter_text
from generators.validate import load_playbook
from tests.conftest import edit, rendered

FRAMEWORK = """\
id: journey
title: Journey
summary: The stages a buyer goes through.
description: Read it from left to right.
ordered: true
items:
  - {id: status-quo, name: Status Quo, description: Nothing changes yet.}
  - {id: priority-shift, name: Priority Shift, description: Something prompts a change.}
"""

PLAY = """\
id: weekly-review
title: Weekly review
summary: Look back at the week.
purpose: Learn from the week.
roles: [sdr]
trigger: Friday afternoon
steps:
  - title: Read the numbers
    time_box: 15 minutes
topics: [journey/priority-shift]
"""


def _write(playbook: Path) -> Path:
    (playbook / "frameworks").mkdir()
    (playbook / "frameworks/journey.yml").write_text(FRAMEWORK, encoding="utf-8")
    (playbook / "plays").mkdir()
    play = playbook / "plays/weekly-review.yml"
    play.write_text(PLAY, encoding="utf-8")
    return play


def test_a_play_tagged_with_a_framework_item_is_clean(playbook: Path) -> None:
    _write(playbook)
    assert rendered(playbook) == []


def test_a_play_says_when_it_is_run(playbook: Path) -> None:
    edit(_write(playbook), "trigger: Friday afternoon\n", "")
    assert rendered(playbook) == [
        "playbook/plays/weekly-review.yml:1:1: trigger: a play says when it is run: it has "
        "neither a cadence nor a trigger (add 'cadence: ID' for the meeting it is run in, "
        "'trigger: ...' for what starts it, or both)",
    ]


def test_a_cadence_alone_is_enough_and_is_checked(playbook: Path) -> None:
    edit(_write(playbook), "trigger: Friday afternoon\n", "cadence: weekly-team-meting\n")
    assert rendered(playbook) == [
        "playbook/plays/weekly-review.yml:6:1: cadence: unknown cadence "
        "'weekly-team-meting'",
    ]


def test_an_unknown_topic_names_the_framework_or_the_item(playbook: Path) -> None:
    edit(_write(playbook), "topics: [journey/priority-shift]",
         "topics: [journey/priority-shfit, jorney/status-quo]")
    assert rendered(playbook) == [
        "playbook/plays/weekly-review.yml:10:10: topics[0]: framework 'journey' has no item "
        "'priority-shfit' (did you mean 'priority-shift'?)",
        "playbook/plays/weekly-review.yml:10:34: topics[1]: unknown framework 'jorney' "
        "(did you mean 'journey'?)",
    ]


def test_unknown_roles_metrics_and_competencies_are_reported(playbook: Path) -> None:
    edit(_write(playbook), "roles: [sdr]", "roles: [sdrr]\nmetrics: [reply-rate]\n"
         "competencies: [crm-utilisation]")
    assert rendered(playbook) == [
        "playbook/plays/weekly-review.yml:5:9: roles[0]: unknown role 'sdrr' "
        "(did you mean 'sdr'?)",
        "playbook/plays/weekly-review.yml:6:11: metrics[0]: unknown metric 'reply-rate'",
        "playbook/plays/weekly-review.yml:7:16: competencies[0]: unknown competency "
        "'crm-utilisation' (did you mean 'crm-utilization'?)",
    ]


def test_framework_items_have_unique_ids(playbook: Path) -> None:
    _write(playbook)
    edit(playbook / "frameworks/journey.yml", "{id: priority-shift", "{id: status-quo")
    edit(playbook / "plays/weekly-review.yml", "journey/priority-shift", "journey/status-quo")
    assert rendered(playbook) == [
        "playbook/frameworks/journey.yml:8:6: items[1].id: duplicate id 'status-quo' "
        "(already used by item 0 of items)",
    ]


def test_a_framework_has_at_least_two_items(playbook: Path) -> None:
    _write(playbook)
    edit(playbook / "frameworks/journey.yml",
         "  - {id: status-quo, name: Status Quo, description: Nothing changes yet.}\n", "")
    problems = rendered(playbook)
    assert problems[0].startswith("playbook/frameworks/journey.yml:6:1: items: ")
    assert "at least 2" in problems[0]


def test_the_starters_validate_as_written(playbook: Path) -> None:
    loaded, _problems = load_playbook(playbook)
    for kind, entity_id in (("play", "account-review"), ("framework", "themes")):
        folder = playbook / KINDS[kind].folder
        folder.mkdir()
        (folder / f"{entity_id}.yml").write_text(starter_text(KINDS[kind], entity_id, loaded),
                                                 encoding="utf-8")
    assert rendered(playbook) == []


def test_a_topic_is_written_framework_slash_item(playbook: Path) -> None:
    edit(_write(playbook), "topics: [journey/priority-shift]",
         "topics: [Journey/Priority Shift, journey]")
    assert rendered(playbook) == [
        "playbook/plays/weekly-review.yml:10:10: topics[0]: 'Journey/Priority Shift' is not a "
        "reference to an item (write the id of the entity and the id of its item, joined by "
        "'/', e.g. 'journey/priority-shift')",
        "playbook/plays/weekly-review.yml:10:34: topics[1]: 'journey' is not a reference to "
        "an item (write the id of the entity and the id of its item, joined by '/')",
    ]
