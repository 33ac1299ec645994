"""`playbook serve` as an author uses it: an edit shows in the open page by itself;
a mistake lists its problems on the page, and fixing it takes them away."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CASES

pytestmark = pytest.mark.browser
BROKEN = ("family: execution", "family: [execution")


@pytest.fixture
def served(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, Path]]:
    """The minimal playbook served by `playbook serve` (broken first when asked)."""
    shutil.copytree(CASES / "minimal", tmp_path / "playbook")
    role = tmp_path / "playbook/roles/sdr.yml"
    if getattr(request, "param", "") == "broken":
        role.write_text(role.read_text(encoding="utf-8").replace(*BROKEN), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).parent / "playbook"), "serve",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - localhost only
                break
        except OSError:
            time.sleep(0.2)
    try:
        yield url, role
    finally:
        server.terminate()
        server.wait(timeout=10)


PROBLEM = "playbook/roles/sdr.yml:4:8: invalid YAML: expected ',' or ']', but got ':'"


def _problems(page: Any) -> str:
    box = page.locator("#pb-problems")
    return box.inner_text() if box.count() else ""


def test_problems_show_on_the_page_until_fixed(served: tuple[str, Path], page: Any) -> None:
    url, role = served
    page.goto(f"{url}roles/sdr/")
    assert "Sales Development Representative" in page.locator("article").inner_text()
    good = role.read_text(encoding="utf-8")
    role.write_text(good.replace(*BROKEN), encoding="utf-8")
    page.wait_for_function("document.getElementById('pb-problems')", timeout=20_000)
    assert PROBLEM in _problems(page)
    assert page.locator("#pb-problems").get_attribute("role") == "alert"
    assert "Sales Development Representative" in page.locator("article").inner_text()
    role.write_text(good.replace("name: Sales Development Representative",
                                 "name: Sales Development Rep"), encoding="utf-8")
    page.wait_for_function("!document.getElementById('pb-problems')"
                           " && document.querySelector('article h1').innerText"
                           ".startsWith('Sales Development Rep') && !document"
                           ".querySelector('article h1').innerText.includes('Representative')",
                           timeout=20_000)


@pytest.mark.parametrize("served", ["broken"], indirect=True)
def test_a_playbook_broken_from_the_start(served: tuple[str, Path], page: Any) -> None:
    url, role = served
    page.goto(url)
    page.wait_for_function("document.getElementById('pb-problems')", timeout=20_000)
    assert PROBLEM in _problems(page)
    role.write_text(role.read_text(encoding="utf-8").replace(BROKEN[1], BROKEN[0]),
                    encoding="utf-8")
    page.wait_for_function("!document.getElementById('pb-problems')"
                           " && document.body.innerText.includes('Minimal Playbook')",
                           timeout=20_000)
