"""`playbook build` and `playbook serve`, and the plugin under plain `mkdocs build`."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from icalendar import Calendar

from tests.conftest import DEFAULT_PLAYBOOK, edit, mkdocs
from tests.test_cli import run


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_without_mkdocs_yml(tmp_path: Path) -> None:
    result = run("build", "--playbook", str(DEFAULT_PLAYBOOK), "--site-dir", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/roles/sdr-absm/index.html").is_file()
    assert result.stdout.startswith("built ")


def test_content_error_stops_the_build_and_keeps_the_old_site(project: Path) -> None:
    first = run("build", cwd=project)
    assert first.returncode == 0, first.stderr
    before = _digest(project / "site")
    edit(project / "playbook/roles/sdr-absm.yml", "family: execution", "family: executon")
    validate = run("validate", cwd=project)
    second = run("build", cwd=project)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    problem = ("playbook/roles/sdr-absm.yml:5:1: family: 'executon' is not a role family "
               "declared in playbook.yml (did you mean 'execution'?)")
    assert validate.stderr.splitlines()[0] == problem
    assert second.stderr.splitlines() == ["building the site from playbook ...", problem]
    assert _digest(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]


def test_plain_mkdocs_build_reports_content_errors(project: Path) -> None:
    edit(project / "playbook/roles/sdr-absm.yml", "family: execution", "family: executon")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 1
    assert "playbook/roles/sdr-absm.yml:5:1: family: 'executon' is not a role family" \
        in result.stderr


def test_playbook_templates_override_the_built_in_ones(project: Path) -> None:
    (project / "playbook/templates").mkdir()
    (project / "playbook/templates/metric.md.j2").write_text(
        "# {{ metric.name }}\n\nHouse style metric page: {{ metric.description }}\n",
        encoding="utf-8")
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "out/metrics/time-to-hire/index.html").read_text(encoding="utf-8")
    assert "House style metric page:" in page
    role = (project / "out/roles/sdr-absm/index.html").read_text(encoding="utf-8")
    assert "House style" not in role


def test_meeting_calendars_parse(built_site: Path) -> None:
    weekly = Calendar.from_ical((built_site / "meetings/weekly-team-meeting.ics").read_bytes())
    events = list(weekly.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    # The playbook sets no day or time for it: a placeholder that says so.
    assert str(event["summary"]) == "Weekly Team Meeting (day and time to be agreed)"
    assert "RRULE" not in event and "DURATION" not in event
    everything = Calendar.from_ical((built_site / "meetings/all-meetings.ics").read_bytes())
    files = list((built_site / "meetings").glob("*.ics"))
    assert len(list(everything.walk("VEVENT"))) == len(files) - 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost only
        return str(response.read().decode("utf-8"))


def test_serve_rebuilds_when_a_yaml_file_changes(project: Path) -> None:
    port = _free_port()
    command = [str(Path(sys.executable).parent / "playbook"), "serve", "--dev-addr",
               f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/metrics/time-to-hire/"
    try:
        page = _wait_for(lambda: _fetch(url), lambda text: "Time to Hire" in text)
        assert "Time to Fill Every Seat" not in page
        edit(project / "playbook/metrics/time-to-hire.yml", "name: Time to Hire",
             "name: Time to Fill Every Seat")
        _wait_for(lambda: _fetch(url), lambda text: "Time to Fill Every Seat" in text)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(get, ok, seconds: float = 60) -> str:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = get()
            if ok(last):
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out; last response started {last[:200]!r}")


def test_a_build_that_fails_late_keeps_the_old_site(project: Path) -> None:
    first = run("build", cwd=project)
    assert first.returncode == 0, first.stderr
    before = _digest(project / "site")
    # A hand-written page with a broken link: MkDocs writes every page, then fails the
    # strict build at the end. The half-built site must never replace the old one.
    (project / "docs/broken.md").write_text("# Broken\n\n[nowhere](missing.md)\n",
                                            encoding="utf-8")
    second = run("build", cwd=project)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert "missing.md" in second.stderr
    assert _digest(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site")]


def test_plain_mkdocs_build_never_empties_a_folder_it_did_not_build(project: Path) -> None:
    # MkDocs empties its site folder itself: the plugin refuses one that holds no marker.
    (project / "mine").mkdir()
    (project / "mine/notes.txt").write_text("my own notes\n", encoding="utf-8")
    refused = mkdocs("build", "--site-dir", "mine", cwd=project)
    assert refused.returncode == 1
    assert ("mine is not empty and is not a site built by playbook; choose a new folder, or "
            "replace it and everything in it with --force") in refused.stderr
    assert [p.name for p in (project / "mine").iterdir()] == ["notes.txt"]
    built = mkdocs("build", "--site-dir", "out", cwd=project)
    assert built.returncode == 0, built.stderr
    assert (project / "out/.playbook-site").is_file()
    again = mkdocs("build", "--site-dir", "out", cwd=project)  # its own site: replaced
    assert again.returncode == 0, again.stderr
