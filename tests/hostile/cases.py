"""Bad content: each case breaks a copy of the minimal playbook one way and runs
`playbook validate`. A case is (name, {relative path: new content, or None to delete}).

The expected output of each is in tests/hostile/expected/<name>.txt, reviewed by hand
(regenerate with `python -m tests.hostile.corpus` and read the diff).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from tests.conftest import CASES
from tests.hostile.harness import Case, write_file

SDR = (CASES / "minimal/roles/sdr.yml").read_text(encoding="utf-8")
SPECIALIST = (CASES / "minimal/roles/specialist.yml").read_text(encoding="utf-8")
EXERCISE = (CASES / "minimal/exercises/analyze-and-engage.yml").read_text(encoding="utf-8")
COMPETENCY = (CASES / "minimal/competencies/crm-utilization.yml").read_text(encoding="utf-8")
MANIFEST = (CASES / "minimal/playbook.yml").read_text(encoding="utf-8")
VALIDATE = ("validate", "--playbook", "playbook")

CADENCE = """\
id: all-meetings
name: All meetings
frequency: weekly
minutes: 30
purpose: Everyone meets.
attendees: [sdr]
agenda: [News]
"""


LOOP = """\
id: panel
name: Panel
summary: One round with the whole panel.
rounds:
  - id: index
    name: Panel round
    interviewers: [Hiring Manager]
    focus: [Fit]
    minutes: {min: 30, max: 45}
    criteria: [Fit]
"""


def bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def deep_block(levels: int) -> str:
    """The SDR role with an extra mapping nested `levels` deep, indentation style."""
    lines = ["extra:"] + ["  " * (i + 1) + f"l{i}:" for i in range(levels)]
    return SDR + "\n".join(lines) + " end\n"


def role_with_id(new_id: str) -> str:
    return SDR.replace("id: sdr\n", f"id: {new_id}\n", 1)


CONTENT: list[tuple[str, dict[str, str | bytes | None]]] = [
    ("malformed-yaml", {"roles/sdr.yml": SDR.replace("family: execution", "family: [execution")}),
    ("tab-indentation", {"roles/sdr.yml": SDR.replace("  - id: prospecting", "\t- id: x")}),
    ("unclosed-quote", {"roles/sdr.yml": SDR.replace("name: Sales Development Representative",
                                                     'name: "Sales Development')}),
    ("duplicate-key", {"roles/sdr.yml": SDR.replace("family: execution\n",
                                                    "family: execution\nfamily: support\n")}),
    ("alias-bomb", {"roles/bomb.yml": bomb()}),
    ("huge-file", {"roles/huge.yml": "id: huge\nname: " + "x" * (20 * 1024 * 1024) + "\n"}),
    ("binary-bytes", {"roles/sdr.yml": b"id: sdr\n\x00\x01\x02\xff\n"}),
    ("not-utf8", {"roles/sdr.yml": SDR.replace("name: Sales", "name: Caf\u00e9").encode(
        "latin-1")}),
    ("byte-order-mark", {"roles/sdr.yml": b"\xef\xbb\xbf" + SDR.encode()}),
    ("empty-file", {"roles/sdr.yml": ""}),
    ("only-comments", {"roles/sdr.yml": "# nothing here yet\n"}),
    ("list-not-mapping", {"roles/sdr.yml": "- id: sdr\n- id: other\n"}),
    ("scalar-not-mapping", {"roles/sdr.yml": "just some text\n"}),
    ("wrong-type-text", {"roles/sdr.yml": SDR.replace("headcount: 1-2 per pod", "headcount: 2")}),
    ("wrong-type-list", {"roles/sdr.yml": SDR.replace("next_roles: [specialist]",
                                                      "next_roles: specialist")}),
    ("unknown-field", {"roles/sdr.yml": SDR.replace("purpose:", "purpse:")}),
    ("missing-field", {"exercises/analyze-and-engage.yml": EXERCISE.replace(
        "summary: Research an account and plan outreach.\n", "")}),
    ("dangling-reference", {"roles/sdr.yml": SDR.replace("next_roles: [specialist]",
                                                         "next_roles: [specialst]")}),
    ("duplicate-id", {"roles/sdr-copy.yml": SDR}),
    ("id-with-slash", {"roles/sdr.yml": SDR.replace("id: sdr\n", "id: roles/sdr\n", 1)}),
    ("id-with-dots", {"roles/sdr.yml": SDR.replace("id: sdr\n", "id: ../sdr\n", 1)}),
    ("id-upper-case", {"roles/sdr.yml": SDR.replace("id: sdr\n", "id: SDR\n", 1)}),
    ("negative-duration", {"exercises/analyze-and-engage.yml": EXERCISE.replace(
        "minutes: {min: 60, max: 60}", "minutes: {min: -60, max: 60}")}),
    ("huge-weight", {"exercises/analyze-and-engage.yml": EXERCISE.replace(
        "weight: 50}\nbands", "weight: 1e308}\nbands")}),
    ("nan-threshold", {"exercises/analyze-and-engage.yml": EXERCISE.replace(
        "min: 5,", "min: .nan,")}),
    ("infinite-threshold", {"exercises/analyze-and-engage.yml": EXERCISE.replace(
        "min: 7,", "min: .inf,")}),
    ("weights-not-100", {"exercises/analyze-and-engage.yml": EXERCISE.replace(
        "weight: 50}\nbands", "weight: 40}\nbands")}),
    ("thresholds-not-increasing", {"exercises/analyze-and-engage.yml": EXERCISE.replace(
        "min: 7,", "min: 4,")}),
    ("circular-career", {"roles/specialist.yml": SPECIALIST.replace(
        "required_competencies:", "next_roles: [sdr]\nrequired_competencies:")}),
    ("level-outside-scale", {"roles/sdr.yml": SDR.replace("level: advanced", "level: expertt")}),
    ("python-tag", {"roles/sdr.yml": SDR.replace("name: Sales Development Representative",
                                                 "name: !!python/object/apply:os.system [ls]")}),
    ("merge-key", {"roles/sdr.yml": SDR + "base: &b {x: 1}\nother:\n  <<: *b\n"}),
    ("unknown-kind-folder", {"rolse/sdr.yml": SDR}),
    ("file-outside-kind-folder", {"sdr.yml": SDR}),
    ("manifest-misnamed", {"playbook.yml": None, "playbook.yaml": MANIFEST}),
    ("missing-manifest", {"playbook.yml": None}),
    ("id-not-file-name", {"roles/sdr.yml": SDR.replace("id: sdr\n", "id: sdr-two\n", 1)}),
    # YAML that parses but is pathological.
    ("deep-flow-nesting", {"roles/deep.yml": "id: deep\nname: " + "[" * 5000 + "]" * 5000}),
    ("deep-flow-below-parser-limit", {"roles/deep.yml": "id: deep\nname: " + "[" * 600
                                      + "]" * 600}),
    ("deep-block-nesting", {"roles/sdr.yml": deep_block(80)}),
    ("recursive-alias", {"roles/sdr.yml": SDR + "extra: &loop [x, *loop]\n"}),
    ("huge-integer", {"roles/sdr.yml": SDR.replace("family: execution\n",
                                                   "family: execution\nrank: " + "9" * 5000
                                                   + "\n")}),
    ("impossible-date", {"playbook.yml": MANIFEST.replace("2026-07-01", "2026-02-30")}),
    ("date-like-text", {"playbook.yml": MANIFEST.replace("2026-07-01", "2026-13-45")}),
    ("year-9999", {"playbook.yml": MANIFEST.replace("2026-07-01", "9999-12-31")}),
    ("date-where-text-belongs", {"roles/sdr.yml": SDR.replace(
        "purpose: Opens conversations with target accounts.", "purpose: 2026-07-01")}),
    ("number-key", {"roles/sdr.yml": SDR + "1: one\n"}),
    ("null-key", {"roles/sdr.yml": SDR + "null: nothing\n"}),
    ("list-key", {"roles/sdr.yml": SDR + "? [a, b]\n: x\n"}),
    ("long-text", {"roles/sdr.yml": SDR.replace(
        "purpose: Opens conversations with target accounts.", "purpose: " + "word " * 5000)}),
    # Text that is not text.
    ("control-escape", {"roles/sdr.yml": SDR.replace(
        "name: Sales Development Representative", 'name: "Sales \\e[31mDevelopment"')}),
    ("control-c1", {"roles/sdr.yml": SDR.replace(
        "name: Sales Development Representative", 'name: "Sales \\x9b31m"')}),
    ("control-delete", {"roles/sdr.yml": SDR.replace(
        "name: Sales Development Representative", 'name: "Sales\\x7f"')}),
    ("control-carriage-return", {"roles/sdr.yml": SDR.replace(
        "name: Sales Development Representative", 'name: "Sales\\rRep"')}),
    ("control-in-key", {"roles/sdr.yml": SDR + '"ke\\x01y": 1\n'}),
    ("control-in-file-name", {"roles/bad\x1b[31mname.yml": role_with_id("bad-name")}),
    ("windows-line-endings", {"roles/sdr.yml": SDR.replace("\n", "\r\n")}),
    ("extension-upper-case", {"roles/sdr-two.YML": role_with_id("sdr-two"),
                              "roles/sdr-three.Yaml": role_with_id("sdr-three")}),
    # Ids the site itself uses.
    ("reserved-role-index", {"roles/index.yml": role_with_id("index")}),
    ("reserved-competency-by-role", {"competencies/by-role.yml": COMPETENCY.replace(
        "id: crm-utilization", "id: by-role")}),
    ("reserved-competency-scales", {"competencies/scales.yml": COMPETENCY.replace(
        "id: crm-utilization", "id: scales")}),
    ("reserved-cadence-all-meetings", {"cadences/all-meetings.yml": CADENCE}),
    ("reserved-round-index", {"interview-loops/panel.yml": LOOP}),
]

#: Cases above whose playbook is valid: the run must succeed.
VALID = {"windows-line-endings", "extension-upper-case"}


def _edit(edits: dict[str, str | bytes | None], work: Path) -> None:
    for path, content in edits.items():
        file = work / "playbook" / path
        if content is None:
            file.unlink()
        else:
            write_file(file, content)


def _missing_folder(work: Path) -> None:
    pass


def _unreadable(work: Path) -> None:
    (work / "playbook/roles/sdr.yml").unlink()
    (work / "playbook/roles/sdr.yml").mkdir()  # a folder where a file should be


CASES_CONTENT = [Case(name, VALIDATE, partial(_edit, edits), exit=0 if name in VALID else 1,
                      seconds=3)
                 for name, edits in CONTENT] + [
    Case("missing-folder", ("validate", "--playbook", "no-such-playbook"), seconds=3),
    Case("unreadable-file", VALIDATE, _unreadable, seconds=3),
]
