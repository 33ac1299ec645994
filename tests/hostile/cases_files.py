"""Files and folders in the way: where a site may be built, links and special files in
the playbook, templates that fail or reach out, and `playbook new` writing safely.

Every destructive case checks (in the harness) that nothing in the work folder
changed except the site it was allowed to write.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

from tests.conftest import CASES
from tests.hostile.harness import Case, build, no_setup, write_file

BUILD = ("build", "--playbook", "playbook")
TEMPLATE = (CASES / "minimal/roles/sdr.yml").read_text(encoding="utf-8")
ROLE_TEMPLATE = (Path(__file__).resolve().parents[2] / "generators/templates/role.md.j2"
                 ).read_text(encoding="utf-8")
SECRET = "secret-passphrase-do-not-leak"
MKDOCS_YML = "site_name: Test\nplugins: [playbook]\ntheme: {name: material, font: false}\n"


def files_(content: dict[str, str | bytes]) -> Callable[[Path], None]:
    """A setup writing the given files, by path relative to the work folder."""
    def setup(work: Path) -> None:
        for path, value in content.items():
            write_file(work / path, value)
    return setup


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(work: Path) -> None:
        for step in steps:
            step(work)
    return setup


def fifo(relative: str) -> Callable[[Path], None]:
    def setup(work: Path) -> None:
        (work / relative).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(work / relative)
    return setup


def unix_socket(work: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(work / "playbook/roles/sock.yml"))
    server.close()


def link(relative: str, target: str) -> Callable[[Path], None]:
    def setup(work: Path) -> None:
        (work / relative).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, work / relative)
    return setup


def outside(work: Path) -> None:
    """A file outside the work folder holding a secret, for links to point at."""
    write_file(work.parent / "outside/secret.yml", f"id: linked\nname: {SECRET}\n")
    write_file(work.parent / "outside/roles/sdr.yml", TEMPLATE)
    write_file(work.parent / "outside/secret.md", f"# {SECRET}\n")
    write_file(work.parent / "outside/mkdocs.yml", MKDOCS_YML + f"site_description: {SECRET}\n")


def prebuilt(work: Path) -> None:
    build(work, "--playbook", "playbook", "--site-dir", "site")


def project(work: Path) -> None:
    """An mkdocs.yml using the plugin, and a docs folder with one page."""
    write_file(work / "mkdocs.yml", MKDOCS_YML)
    write_file(work / "docs/about.md", "# About\n")


def template(line: str) -> Callable[[Path], None]:
    """A role template override with `line` inserted as its second line, over a site
    built before it."""
    lines = ROLE_TEMPLATE.splitlines(keepends=True)
    text = "".join([lines[0], line + "\n", *lines[1:]])
    return both(prebuilt, files_({"playbook/templates/role.md.j2": text}))


def in_template_folder(name: str, content: str | bytes) -> Callable[[Path], None]:
    def setup(work: Path) -> None:
        write_file(work / "playbook/templates" / name, content)
    return both(prebuilt, setup)


def home(work: Path) -> None:
    write_file(work / "home/diary.txt", "private\n")


def site_to(target: str, *more: str) -> tuple[str, ...]:
    return (*BUILD, "--site-dir", target, *more)


def mine(work: Path) -> None:
    write_file(work / "mine/notes.txt", "my own notes\n")


OUTPUT_FOLDERS = [
    Case("site-dir-not-empty", site_to("mine"), mine),
    Case("site-dir-only-hidden-files", site_to("mine"), files_({"mine/.git": "x"})),
    Case("site-dir-is-a-file", site_to("notes.txt"), files_({"notes.txt": "mine\n"})),
    Case("site-dir-is-a-fifo", site_to("pipe"), fifo("pipe")),
    Case("site-dir-is-a-link", site_to("link"), both(mine, link("link", "mine"))),
    Case("site-dir-is-the-playbook", site_to("playbook")),
    Case("site-dir-in-the-playbook", site_to("playbook/site")),
    Case("site-dir-is-the-current-folder", site_to(".")),
    Case("site-dir-holds-the-current-folder", site_to("..")),
    Case("site-dir-is-the-root", site_to("/")),
    Case("site-dir-is-home", site_to("home"), home),
    Case("site-dir-holds-home", site_to("people"), files_({"people/me/diary.txt": "x\n"}),
         env={"HOME": "people/me"}),
    Case("site-dir-is-docs", site_to("docs"), project),
    Case("site-dir-in-docs", site_to("docs/site"), project),
    Case("site-dir-is-the-config-folder", (*BUILD, "--config", "conf/mkdocs.yml", "--site-dir",
                                           "conf"),
         files_({"conf/mkdocs.yml": MKDOCS_YML, "conf/docs/about.md": "# About\n"})),
    Case("site-dir-parent-is-a-file", site_to("notes.txt/site"), files_({"notes.txt": "mine\n"})),
    Case("site-dir-name-too-long", site_to("x" * 300), changes=(".playbook",)),
    Case("site-dir-is-the-build-area", site_to(".playbook")),
    Case("site-dir-in-the-build-area", site_to(".playbook/trash")),
    Case("build-area-holds-foreign-files", site_to("site"),
         files_({".playbook/site-source/notes.txt": "mine\n"})),
    Case("zensical-ignores-a-plugin", site_to("site", "--engine", "zensical"),
         both(project, files_({"mkdocs.yml": MKDOCS_YML.replace(
             "plugins: [playbook]", "plugins: [search, tags, playbook, offline]")})),
         exit=0, changes=("site", ".playbook"), seconds=30, memory_mb=400),
    Case("force-never-the-playbook", site_to("playbook", "--force")),
    Case("force-never-home", site_to("home", "--force"), home),
    Case("force-replaces-a-foreign-folder", site_to("mine", "--force"), mine, exit=0,
         changes=("mine", ".playbook"), seconds=20, memory_mb=400),
    Case("rebuild-replaces-its-own-site", site_to("site"), prebuilt, exit=0,
         changes=("site", ".playbook"),
         seconds=20, memory_mb=400),
    Case("empty-folder-is-built-into", site_to("empty"), lambda w: (w / "empty").mkdir(),
         exit=0, changes=("empty", ".playbook"), seconds=20, memory_mb=400),
    Case("hidden-names-beside-the-site-are-kept", site_to("site"),
         both(prebuilt, files_({".site.old/keep.txt": "mine\n",
                                ".site.old-x/keep.txt": "mine\n"})),
         exit=0, changes=("site", ".playbook"), seconds=20, memory_mb=400),
]

LINKS_AND_SPECIAL_FILES = [
    Case("symlink-outside", ("validate", "--playbook", "playbook"),
         both(outside, link("playbook/roles/linked.yml", "../../../outside/secret.yml"))),
    Case("manifest-link-outside", ("validate", "--playbook", "playbook"),
         both(outside, lambda w: (w / "playbook/playbook.yml").unlink(),
              link("playbook/playbook.yml", "../../outside/secret.yml"))),
    Case("kind-folder-link-outside", ("validate", "--playbook", "playbook"),
         both(outside, lambda w: [p.unlink() for p in (w / "playbook/roles").iterdir()],
              lambda w: (w / "playbook/roles").rmdir(),
              link("playbook/roles", "../../outside/roles"))),
    Case("fifo-in-playbook", ("validate", "--playbook", "playbook"),
         fifo("playbook/roles/pipe.yml")),
    Case("socket-in-playbook", ("validate", "--playbook", "playbook"), unix_socket),
    Case("link-to-a-device", ("validate", "--playbook", "playbook"),
         link("playbook/roles/zero.yml", "/dev/zero")),
    Case("symlink-loop", ("validate", "--playbook", "playbook"),
         link("playbook/roles/loop.yml", "loop.yml")),
    Case("dangling-link", ("validate", "--playbook", "playbook"),
         link("playbook/roles/gone.yml", "nowhere.yml")),
    Case("kind-folder-is-a-file", ("validate", "--playbook", "playbook"),
         files_({"playbook/cadences": "not a folder\n"})),
    Case("manifest-is-a-folder", ("validate", "--playbook", "playbook"),
         both(lambda w: (w / "playbook/playbook.yml").unlink(),
              lambda w: (w / "playbook/playbook.yml").mkdir())),
    Case("playbook-is-a-file", ("validate", "--playbook", "playbook/playbook.yml")),
    Case("template-link-outside", site_to("site"),
         both(outside, prebuilt, link("playbook/templates/role.md.j2",
                                      "../../../outside/secret.md")), seconds=10),
    Case("template-fifo", site_to("site"), both(prebuilt, fifo("playbook/templates/role.md.j2")),
         seconds=10),
    Case("docs-page-link-outside", site_to("site"),
         both(outside, project, link("docs/secret.md", "../../outside/secret.md")),
         seconds=15, memory_mb=400),
    Case("docs-page-fifo", site_to("site"), both(project, fifo("docs/pipe.md")), seconds=15,
         memory_mb=400),
    Case("config-fifo", (*BUILD, "--config", "pipe.yml", "--site-dir", "site"), fifo("pipe.yml")),
    Case("config-link-outside", site_to("site"),
         both(outside, link("mkdocs.yml", "../outside/mkdocs.yml"))),
    Case("config-is-a-folder", (*BUILD, "--config", "playbook", "--site-dir", "site")),
]

TEMPLATES = [Case(f"template-{name}", site_to("site"), template(line), seconds=10)
             for name, line in [
                 ("division-by-zero", "{{ 1 / 0 }}"),
                 ("undefined-attribute", "{{ role.salary }}"),
                 ("wrong-type", "{{ role.name + 3 }}"),
                 ("private-attribute", "{{ role.__class__.__mro__ }}"),
                 ("format-escape", "{{ '{0.__class__}'.format(role) }}"),
                 ("changing-an-object", "{{ role.next_roles.append('x') }}"),
                 ("huge-repetition", "{{ 'x' * 100000000 }}"),
                 ("huge-power", "{{ 10 ** 100000 }}"),
                 ("huge-range", "{% for i in range(10 ** 9) %}{% endfor %}"),
                 ("syntax-error", "{% for x in %}"),
                 ("missing-include", "{% include 'nothere.md.j2' %}"),
                 ("endless-recursion",
                  "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"),
             ]] + [
    Case("template-not-utf8", site_to("site"),
         in_template_folder("role.md.j2", "caf\u00e9 {{ role.name }}".encode("latin-1")),
         seconds=10),
    Case("template-too-large", site_to("site"),
         in_template_folder("role.md.j2", "x" * (2 * 1024 * 1024)), seconds=10),
]


def _links_cadences_outside(work: Path) -> None:
    (work.parent / "outside-cadences").mkdir()
    os.symlink("../../outside-cadences", work / "playbook/cadences")


NEW = [
    Case("new-bad-id", ("new", "role", "Field Marketer")),
    Case("new-id-too-long", ("new", "role", "a" * 81)),
    Case("new-id-control-character", ("new", "role", "a\x1b[2Jb")),
    Case("new-id-with-path", ("new", "role", "../../escape")),
    Case("new-existing-file", ("new", "role", "sdr")),
    Case("new-through-a-link", ("new", "cadence", "weekly"), _links_cadences_outside),
    Case("new-kind-folder-is-a-file", ("new", "cadence", "weekly"),
         files_({"playbook/cadences": "not a folder\n"})),
    Case("new-missing-playbook", ("new", "role", "abc", "--playbook", "nowhere")),
    Case("new-unknown-kind", ("new", "rôle", "abc"), no_setup),
]

CASES_FILES = OUTPUT_FOLDERS + LINKS_AND_SPECIAL_FILES + TEMPLATES + NEW
