"""What keeps a large playbook's site small and its build fast.

A synthetic playbook (copies of the default one, as the benchmarks make them) is
built for real and compared with the default playbook's site: pages must not grow
with the number of entities, whichever page a reader opens.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

import pytest

from benchmarks.make_playbook import make_playbook
from generators.check import compile_playbook
from generators.model import layout
from generators.pipeline import Options, build
from generators.render import nav as navigation
from generators.render import render_site
from generators.render.graph import Graph
from tests.conftest import DEFAULT_PLAYBOOK, ROOT

COPIES = 4  # 559 entities: every list of the default playbook is four times as long


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    book = tmp_path_factory.mktemp("large") / "playbook"
    per_copy = 138  # entities in one copy of the default playbook (its 6 scales are shared)
    make_playbook(per_copy * COPIES, book)
    return book


def _visible(nav: list[Any], page: str) -> int:
    """How many navigation items the theme writes into `page`, with navigation.tabs,
    .sections and .prune: every tab; in the page's tab, its sections opened one level;
    below that, only the groups on the page's own path."""
    count = 0
    for tab in nav:
        count += 1
        (children,) = tab.values()
        if isinstance(children, list) and page in _uris(children):
            count += _open(children, page, level=2)
    return count


def _open(items: list[Any], page: str, level: int) -> int:
    count = 0
    for item in items:
        if not isinstance(item, dict):
            continue  # a section's index page is its title, already counted
        count += 1
        (children,) = item.values()
        if isinstance(children, list) and (level == 2 or page in _uris(children)):
            count += _open(children, page, level + 1)
    return count


def _uris(items: Any) -> list[str]:
    if isinstance(items, str):
        return [items]
    if isinstance(items, dict):
        return _uris(next(iter(items.values())))
    return [uri for item in items for uri in _uris(item)]


def _lists(items: Any) -> list[list[Any]]:
    if isinstance(items, dict):
        return _lists(next(iter(items.values())))
    if isinstance(items, list):
        return [items] + [found for item in items for found in _lists(item)]
    return []


def _navigation(book: Path) -> list[Any]:
    return navigation.build_nav(Graph(compile_playbook(book).playbook), [])


def test_every_page_is_in_the_navigation_once(large: Path) -> None:
    nav = _navigation(large)
    uris = _uris(nav)
    assert len(uris) == len(set(uris))
    pages = {f.uri for f in render_site(compile_playbook(large).playbook).files
             if f.uri.endswith(".md")}
    # A kit per interview round is reached from its role's kit, not from the navigation
    # (a role has several rounds): those pages sit in a folder per role.
    round_kits = {uri for uri in pages if uri.startswith(f"{layout.KITS}/") and uri.count("/") > 2}
    assert round_kits, "the large playbook has interview rounds"
    # So is a scorecard's on-screen page, from its scorecard's page and the round kits.
    on_screen = {layout.scorecard_tools_uri(cid) for cid in compile_playbook(large)
                 .playbook.of("scorecard")}
    assert on_screen <= pages
    assert pages - {"tags.md", "changes.md"} - round_kits - on_screen <= set(uris)


def test_no_navigation_list_is_long(large: Path) -> None:
    # A list holds entries or A-Z groups, never more than MOST_ENTRIES of them, plus
    # the fixed items of a tab (its index page and named sections).
    longest = max(len(items) for items in _lists(_navigation(large)))
    assert longest <= navigation.MOST_ENTRIES + 6


def test_groups_are_in_title_order_and_named_by_their_ends(large: Path) -> None:
    metrics = next(tab["Metrics"] for tab in _navigation(large) if "Metrics" in tab)
    (groups,) = metrics[1].values()
    titles = [title for group in groups for entry in next(iter(group.values()))
              for title in entry]
    assert titles == sorted(titles, key=str.casefold)
    first_group_label = next(iter(groups[0]))
    assert first_group_label.startswith("Account Engagement")


def test_navigation_written_into_a_page_does_not_grow(large: Path) -> None:
    default, grown = _navigation(DEFAULT_PLAYBOOK), _navigation(large)
    most_default = max(_visible(default, page) for page in _uris(default))
    most_grown = max(_visible(grown, page) for page in _uris(grown))
    assert most_grown <= most_default, (most_default, most_grown)


def test_kits_without_a_profile_do_not_carry_every_tool(large: Path) -> None:
    files = {f.uri: f.content for f in render_site(compile_playbook(large).playbook).files}
    kit = files["hiring/kits/sales-leader-g2.md"]  # a role without a hiring profile
    assert "## Interview loop" not in kit and "## Scorecard" not in kit
    assert "choose from the\n[hiring page](../index.md)" in kit
    default = {f.uri: f.content for f in
               render_site(compile_playbook(DEFAULT_PLAYBOOK).playbook).files}
    # With one loop and one scorecard in the playbook, they are the general ones.
    assert "## Interview loop" in default["hiring/kits/sales-leader.md"]
    assert "## Scorecard" in default["hiring/kits/sales-leader.md"]


def _page_sizes(site: Path) -> dict[str, float]:
    sizes: dict[str, list[int]] = {}
    for page in site.rglob("*.html"):
        folder = page.relative_to(site).parts[0] if len(page.relative_to(site).parts) > 2 else ""
        sizes.setdefault(folder, []).append(page.stat().st_size)
    return {folder: statistics.mean(values) for folder, values in sizes.items() if folder}


def test_pages_are_as_large_as_in_the_default_site(large: Path, built_site: Path,
                                                   tmp_path: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    build(Options(large, tmp_path / "mkdocs.yml"), tmp_path / "site")
    grown, default = _page_sizes(tmp_path / "site"), _page_sizes(built_site)
    for folder, size in default.items():
        assert grown[folder] <= size * 1.25, (folder, size, grown[folder])
    everything = [p.stat().st_size for p in (tmp_path / "site").rglob("*.html")]
    baseline = [p.stat().st_size for p in built_site.rglob("*.html")]
    assert statistics.mean(everything) <= statistics.mean(baseline) * 1.15


def test_a_build_reads_the_playbook_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The pipeline compiles once and the host builds the written site source: nothing
    # reads the playbook a second time.
    from generators import compiler

    calls: list[Path] = []
    real = compiler.compile_playbook
    monkeypatch.setattr(compiler, "compile_playbook",
                        lambda root, *more: calls.append(root) or real(root, *more))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    build(Options(DEFAULT_PLAYBOOK, tmp_path / "mkdocs.yml"), tmp_path / "site")
    assert calls == [DEFAULT_PLAYBOOK]
    assert (tmp_path / "site/roles/sdr-absm/index.html").is_file()


def test_the_role_matrix_is_a_list_when_a_grid_would_be_huge(large: Path) -> None:
    files = {f.uri: f.content for f in render_site(compile_playbook(large).playbook).files}
    matrix = files["competencies/by-role.md"]
    assert "one role per row" in matrix
    rows = [line for line in matrix.splitlines() if line.startswith("| [")]
    assert len(rows) == 13 * COPIES  # one per role, each listing only what it requires
    assert all(line.count("](") <= 1 + 8 for line in rows)
    default = {f.uri: f.content for f in
               render_site(compile_playbook(DEFAULT_PLAYBOOK).playbook).files}
    assert "An empty cell means" in default["competencies/by-role.md"]  # small: a grid
