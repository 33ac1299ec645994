"""The corpus of bad inputs: each case breaks a copy of the minimal playbook one way.

A case is (name, {relative path: new content, or None to delete}). The expected
output of `playbook validate` for each is in tests/hostile/expected/<name>.txt,
reviewed by hand (regenerate with `python -m tests.hostile.cases` and read the diff).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import CASES

SDR = (CASES / "minimal/roles/sdr.yml").read_text(encoding="utf-8")
SPECIALIST = (CASES / "minimal/roles/specialist.yml").read_text(encoding="utf-8")
EXERCISE = (CASES / "minimal/exercises/analyze-and-engage.yml").read_text(encoding="utf-8")


def bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


CASES_TABLE: list[tuple[str, dict[str, str | bytes | None]]] = [
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
    ("missing-manifest", {"playbook.yml": None}),
    ("id-not-file-name", {"roles/sdr.yml": SDR.replace("id: sdr\n", "id: sdr-two\n", 1)}),
]

#: Cases that need more than new file contents.
SPECIAL = ["missing-folder", "unreadable-file", "symlink-outside"]


def build_case(name: str, target: Path) -> Path:
    """A broken playbook for case `name` at target/playbook; returns that folder."""
    book = target / "playbook"
    if name == "missing-folder":
        return target / "no-such-playbook"
    shutil.copytree(CASES / "minimal", book)
    if name == "unreadable-file":
        (book / "roles/sdr.yml").unlink()
        (book / "roles/sdr.yml").mkdir()  # a folder where a file should be cannot be read
        return book
    if name == "symlink-outside":
        outside = target / "elsewhere.yml"
        outside.write_text(SDR.replace("id: sdr\n", "id: linked\n", 1), encoding="utf-8")
        os.symlink(outside, book / "roles/linked.yml")
        return book
    for path, content in dict(CASES_TABLE)[name].items():
        file = book / path
        if content is None:
            file.unlink()
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            file.write_bytes(content)
        else:
            file.write_text(content, encoding="utf-8")
    return book


ALL_CASES = [name for name, _ in CASES_TABLE] + SPECIAL
EXPECTED = Path(__file__).resolve().parent / "expected"


if __name__ == "__main__":
    import subprocess
    import sys
    import tempfile

    EXPECTED.mkdir(exist_ok=True)
    for case in ALL_CASES:
        with tempfile.TemporaryDirectory() as tmp:
            book = build_case(case, Path(tmp))
            done = subprocess.run([str(Path(sys.executable).parent / "playbook"), "validate",
                                   "--playbook", book.name], cwd=tmp, capture_output=True,
                                  text=True, check=False)
            (EXPECTED / f"{case}.txt").write_text(done.stderr, encoding="utf-8")
    print(f"wrote {len(ALL_CASES)} expected outputs to {EXPECTED}")
