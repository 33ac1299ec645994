"""Inputs that are not YAML and machines that fail: answers files and bundles that are
malformed, nested, of the wrong shape or huge; a damaged pages branch; a full or
read-only disk; and publishing from a working tree with uncommitted changes.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import DEFAULT_PLAYBOOK
from tests.hostile.cases_files import MKDOCS_YML, both, fifo, files_
from tests.hostile.harness import Case, git, git_repo, write_file

ASSESS = ("assess", "team-maturity", "--playbook", str(DEFAULT_PLAYBOOK))


def _bundle(work: Path) -> dict[str, Any]:
    from generators.check import compile_playbook
    from generators.versions.bundle import make_bundle

    return make_bundle(compile_playbook(work / "playbook").playbook)


def bundle_with(change: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    """A setup writing old.json, the minimal playbook's bundle changed by `change`."""
    def setup(work: Path) -> None:
        data = _bundle(work)
        change(data)
        write_file(work / "old.json", json.dumps(data))
    return setup


def answers(content: str | bytes) -> Callable[[Path], None]:
    return files_({"answers.json": content})


JSON_INPUTS = [
    Case(f"answers-{name}", (*ASSESS[:2], "answers.json", *ASSESS[2:]), answers(content),
         exit=code, seconds=5)
    for name, content, code in [
        ("malformed", '{"q1": "a",\n  "q2": }\n', 1),
        ("nested-deeply", "[" * 100_000 + "]" * 100_000, 1),
        ("a-list", "[1, 2, 3]\n", 1),
        ("answers-not-an-object", '{"answers": ["emerging"]}\n', 1),
        ("role-not-text", '{"answers": {}, "role": ["sdr-absm"]}\n', 1),
        ("for-another-assessment", '{"assessment": "team-health", "answers": {}}\n', 1),
        ("too-large", '{"x": "' + "y" * (2 * 1024 * 1024) + '"}\n', 1),
        ("not-a-number", '{"q": NaN}\n', 1),
        ("number-too-long", '{"q": ' + "9" * 5000 + "}\n", 1),
        ("not-utf8", '{"q": "caf\u00e9"}'.encode("latin-1"), 1),
        ("values-of-every-type", '{"a": {"b": [1, null, true]}, "c": 1.5, "d": null}\n', 0),
        ("control-characters", '{"\\u001b[2Jq": "\\u009b31m", "r\\u202eq": 1}\n', 0),
    ]
] + [
    Case("answers-fifo", (*ASSESS[:2], "pipe.json", *ASSESS[2:]), fifo("pipe.json")),
    Case("answers-a-folder", (*ASSESS[:2], "folder", *ASSESS[2:]),
         lambda w: (w / "folder").mkdir()),
    Case("answers-missing", (*ASSESS[:2], "nothing.json", *ASSESS[2:])),
    Case("bundle-malformed", ("diff", "old.json", "playbook"), files_({"old.json": "{]"})),
    Case("bundle-nested-deeply", ("diff", "old.json", "playbook"),
         files_({"old.json": '{"a":' * 100_000 + "1" + "}" * 100_000})),
    Case("bundle-not-a-bundle", ("diff", "old.json", "playbook"),
         files_({"old.json": '{"entities": []}'})),
    Case("bundle-schema-version", ("diff", "old.json", "playbook"),
         bundle_with(lambda b: b.update(schema_version=99))),
    Case("bundle-unknown-kind", ("diff", "old.json", "playbook"),
         bundle_with(lambda b: b["entities"].update(spaceship={}))),
    Case("bundle-wrong-type-deep", ("diff", "old.json", "playbook"),
         bundle_with(lambda b: b["entities"]["role"]["sdr"]["areas"][0].update(name=3))),
    Case("bundle-missing-field", ("diff", "old.json", "playbook"),
         bundle_with(lambda b: b["entities"]["role"]["sdr"].pop("purpose"))),
    Case("bundle-id-mismatch", ("diff", "old.json", "playbook"),
         bundle_with(lambda b: b["entities"]["role"].update(other=b["entities"]["role"]["sdr"]))),
    Case("bundle-manifest-wrong", ("diff", "old.json", "playbook"),
         bundle_with(lambda b: b["manifest"].update(version=2026))),
    Case("bundle-too-large", ("diff", "old.json", "playbook"),
         files_({"old.json": '{"x": "' + "y" * (65 * 1024 * 1024) + '"}'}), seconds=5),
    Case("bundle-fifo", ("diff", "old.json", "playbook"), fifo("old.json")),
    Case("bundle-neither-file-nor-version", ("diff", "nothing", "playbook")),
]


def pages_branch(files: dict[str, str]) -> Callable[[Path], None]:
    """A setup making `work` a git repository with a gh-pages branch holding `files`,
    without touching the working tree."""
    def setup(work: Path) -> None:
        git_repo(work)
        index = {"GIT_INDEX_FILE": str(work.parent / "pages-index")}
        for name, text in files.items():
            blob = _git_out(work, "hash-object", "-w", "--stdin", data=text)
            _git_out(work, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}",
                     env=index)
        tree = _git_out(work, "write-tree", env=index)
        commit = _git_out(work, "commit-tree", tree, "-m", "pages")
        git(work, "update-ref", "refs/heads/gh-pages", commit)
    return setup


def _git_out(work: Path, *args: str, data: str | None = None,
             env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", *args], cwd=work, input=data, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, check=True).stdout.strip()


def damaged_bundle(work: Path) -> None:
    data = _bundle(work)
    data["entities"]["role"]["sdr"]["name"] = ["not", "text"]
    pages_branch({"versions.json": '[{"version": "2026-Q2", "title": "2026-Q2", '
                                   '"aliases": []}]',
                  "2026-Q2/playbook.json": json.dumps(data)})(work)


def uncommitted(edit: Callable[[Path], None]) -> Callable[[Path], None]:
    return both(files_({"mkdocs.yml": MKDOCS_YML, "docs/about.md": "# About\n"}), git_repo, edit)


def _append(path: str, text: str) -> Callable[[Path], None]:
    def edit(work: Path) -> None:
        with (work / path).open("a", encoding="utf-8") as handle:
            handle.write(text)
    return edit


PUBLISH = ("publish", "2026-Q3")

PAGES_BRANCH = [
    Case("versions-json-not-json", PUBLISH, pages_branch({"versions.json": "not json {"})),
    Case("versions-json-wrong-shape", PUBLISH, pages_branch({"versions.json": '{"v": 1}'})),
    Case("versions-json-item-wrong", PUBLISH,
         pages_branch({"versions.json": '[{"version": 2026, "aliases": []}]'})),
    Case("versions-json-aliases-wrong", PUBLISH,
         pages_branch({"versions.json": '[{"version": "2026-Q2", "aliases": "latest"}]'})),
    Case("published-bundle-damaged", ("diff", "2026-Q2", "playbook"), damaged_bundle),
    Case("publish-over-a-damaged-bundle", PUBLISH, damaged_bundle),
    Case("publish-build-area-holds-foreign-files", PUBLISH,
         both(files_({".playbook/site-source/notes.txt": "mine\n"}), git_repo)),
    Case("publish-uncommitted-change", PUBLISH,
         uncommitted(_append("playbook/roles/sdr.yml", "notes: [draft]\n"))),
    Case("publish-untracked-file", PUBLISH,
         uncommitted(files_({"playbook/roles/new-role.yml": "id: new-role\n"}))),
    Case("publish-uncommitted-config", PUBLISH,
         uncommitted(_append("mkdocs.yml", "site_description: draft\n"))),
    Case("publish-with-zensical", (*PUBLISH, "--engine", "zensical")),
    Case("publish-uncommitted-docs", PUBLISH,
         uncommitted(_append("docs/about.md", "More.\n"))),
]

MACHINE = [
    Case("full-disk-build", ("build", "--site-dir", "disk/site"), disk="full", seconds=15,
         memory_mb=400, changes=(".playbook",)),
    Case("read-only-build", ("build", "--site-dir", "disk/site"), disk="read-only",
         changes=(".playbook",)),
    Case("full-disk-new", ("new", "role", "abc", "--playbook", "disk/playbook"), disk="full"),
    Case("read-only-new", ("new", "role", "abc", "--playbook", "disk/playbook"),
         disk="read-only"),
    Case("full-disk-schema", ("schema", "--out", "disk/schemas"), disk="full"),
    Case("read-only-schema", ("schema", "--out", "disk/schemas"), disk="read-only"),
    Case("schema-out-is-a-file", ("schema", "--out", "notes.txt"), files_({"notes.txt": "x"})),
    Case("validate-name-too-long", ("validate", "--playbook", "p" * 300)),
]

CASES_INPUTS = JSON_INPUTS + PAGES_BRANCH + MACHINE
