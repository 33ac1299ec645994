"""How the build and the assessments cost as a playbook grows: one table of figures.

    python benchmarks/run.py [--quick] [--runs N]

For synthetic playbooks of about 100, 1,000 and 5,000 entities (--quick: 100 and
1,000), each figure the median of several runs with min and max:
  validate     load + validate + resolve, in this process
  render       YAML to Markdown pages, in this process
  build        `playbook build` (subprocess, wall clock), and its peak memory
  plain        `mkdocs build` of the same pages written out as Markdown first
  site         total size, pages, bytes per page, search index size
Then the time to publish one more version as versions accumulate (mike), and the
assessment page in Chromium (see assessment_startup.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_playbook import make_playbook  # noqa: E402
from generators.check import collector_paused, compile_playbook  # noqa: E402
from generators.render import render_site  # noqa: E402
from generators.validate import Playbook  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
#: `playbook build` as the command runs it, reporting its own peak memory at the end.
MEASURED = """
import resource, sys
from generators.cli import main
code = main(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.exit(code)
"""


def _timed(action: Callable[[], Any], runs: int) -> list[float]:
    values = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        values.append(time.perf_counter() - started)
    return values


def _cell(values: list[float], unit: str = "s") -> str:
    return (f"{statistics.median(values):.2f} {unit} "
            f"({min(values):.2f}-{max(values):.2f})")


def _build(playbook: Path, project: Path, site: Path) -> tuple[float, float]:
    """Seconds (wall clock, process start to exit, as for plain MkDocs) and peak MB of
    one `playbook build` with the project's mkdocs.yml."""
    report = project / "measured.txt"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", MEASURED, str(report), "build", "--playbook",
                    str(playbook), "--config", str(project / "mkdocs.yml"), "--site-dir",
                    str(site)], cwd=project, env=ENV, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    return seconds, int(report.read_text()) / 1024


def _plain(project: Path, site: Path) -> float:
    """Seconds of one plain `mkdocs build`, timed like `_build`."""
    started = time.perf_counter()
    subprocess.run([str(BIN / "mkdocs"), "build", "--site-dir", str(site)], cwd=project,
                   env=ENV, check=True, capture_output=True)
    return time.perf_counter() - started


def _plain_project(playbook: Playbook, work: Path) -> Path:
    """The same pages as plain Markdown files, with a mkdocs.yml that has no plugin."""
    docs = work / "docs"
    site = render_site(playbook, docs_pages=[])
    for item in site.files:
        path = docs / item.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        data = item.content if isinstance(item.content, bytes) else item.content.encode()
        path.write_bytes(data)
    shutil.copytree(ROOT / "generators/assets", docs / "assets/playbook")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "playbook"
                                                              in p) and p != "playbook"]
    config["nav"] = site.nav
    config["extra_css"] = ["assets/playbook/playbook.css"]
    config["extra_javascript"] = ["assets/playbook/playbook.js"]
    config["docs_dir"] = "docs"
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return work


def _our_project(work: Path) -> Path:
    """The repository's mkdocs.yml with an empty docs folder: the same configuration the
    plain build gets, so the two builds differ only by the plugin."""
    (work / "docs").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    return work


def _size(site: Path) -> dict[str, float]:
    pages = list(site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    page_bytes = sum(p.stat().st_size for p in pages)
    index = site / "search/search_index.json"
    return {"pages": len(pages), "site_mb": total / 1e6,
            "bytes_per_page": page_bytes / max(1, len(pages)),
            "index_mb": index.stat().st_size / 1e6 if index.exists() else 0.0}


def measure_size(size: int, runs: int, work: Path) -> dict[str, Any]:
    book = work / f"playbook-{size}"
    entities = make_playbook(size, book)
    checked = compile_playbook(book)
    row: dict[str, Any] = {"size": size, "entities": entities}
    row["validate"] = _timed(lambda: compile_playbook(book), runs)
    with collector_paused():  # as in the build
        row["render"] = _timed(lambda: render_site(checked.playbook), runs)
    ours = _our_project(work / f"ours-{size}")
    plain = _plain_project(checked.playbook, work / f"plain-{size}")
    builds, row["plain"] = [], []
    for _ in range(runs):  # one after the other, so both see the same machine
        builds.append(_build(book, ours, work / f"site-{size}"))
        row["plain"].append(_plain(plain, work / f"plain-site-{size}"))
    row["build"] = [seconds for seconds, _ in builds]
    row["peak_mb"] = max(peak for _, peak in builds)
    row.update(_size(work / f"site-{size}"))
    return row


def measure_publishing(work: Path, versions: int) -> list[float]:
    """Seconds to publish version k+1 with k already published, k = 0..versions-1."""
    from tests.versions.helpers import git, set_version

    repo = work / "repo"
    make_playbook(100, repo / "playbook")
    (repo / "docs").mkdir()
    (repo / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(), encoding="utf-8")
    git("init", "-q", "-b", "main", cwd=repo)
    git("config", "user.email", "bench@example.com", cwd=repo)
    git("config", "user.name", "Bench", cwd=repo)
    times = []
    for index in range(versions):
        label = f"{2026 + index // 4}-Q{index % 4 + 1}"
        set_version(repo, label)
        git("add", "-A", cwd=repo)
        git("commit", "-q", "-m", label, cwd=repo)
        started = time.perf_counter()
        subprocess.run([str(BIN / "playbook"), "publish", label, "--alias", "latest"],
                       cwd=repo, env=ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def _memory_gib() -> float:
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            return int(info.readline().split()[1]) / 1024 ** 2
    except (OSError, ValueError, IndexError):
        return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 100 and 1,000 only")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    args = parser.parse_args()
    sizes = [100, 1000] if args.quick else [100, 1000, 5000]
    runs = args.runs or (2 if args.quick else 3)
    print(f"{os.cpu_count()} cores, {_memory_gib():.0f} GiB; {runs} runs per figure; "
          "median (min-max)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = []
        for size in sizes:
            print(f"measuring about {size:,} entities ...", file=sys.stderr, flush=True)
            rows.append(measure_size(size, runs, work))
        header = ("entities", "validate", "render", "build", "plain mkdocs", "ratio",
                  "peak MB", "pages", "site MB", "B/page", "index MB")
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            ratio = statistics.median(row["build"]) / statistics.median(row["plain"])
            print("| " + " | ".join([
                f"{row['entities']:,}", _cell(row["validate"]), _cell(row["render"]),
                _cell(row["build"]), _cell(row["plain"]), f"{ratio:.2f}",
                f"{row['peak_mb']:.0f}", f"{row['pages']:,}", f"{row['site_mb']:.1f}",
                f"{row['bytes_per_page']:,.0f}", f"{row['index_mb']:.2f}"]) + " |")
        if len(rows) == 3:
            growth = statistics.median(rows[2]["build"]) / statistics.median(rows[1]["build"])
            print(f"build growth from {rows[1]['entities']:,} to {rows[2]['entities']:,} "
                  f"entities: {growth:.2f}x")
        print("publishing ...", file=sys.stderr, flush=True)
        count = 4 if args.quick else 8
        publishing = measure_publishing(work / "versions", count)
        print("publish version k+1 with k published: " + ", ".join(
            f"k={k}: {seconds:.2f} s" for k, seconds in enumerate(publishing)))
        slope = statistics.linear_regression(range(len(publishing)), publishing).slope
        print(f"publish: {_cell(publishing)} over k; least-squares slope "
              f"{slope:+.2f} s per version already published")
    if not args.no_browser:
        subprocess.run([sys.executable, str(ROOT / "benchmarks/assessment_startup.py"),
                        "--runs", "5" if args.quick else "9"], env=ENV, check=True)


if __name__ == "__main__":
    main()
