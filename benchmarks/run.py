"""How the build and the assessments cost as a playbook grows: one table of figures.

    python benchmarks/run.py [--quick] [--runs N]

For synthetic playbooks of about 100, 1,000 and 5,000 entities (--quick: 100 and
1,000), each figure the median of several runs with min and max:
  validate     load + validate + resolve, in this process
  render       YAML to Markdown pages, in this process
  build        `playbook build` (subprocess, wall clock), and its peak memory
  mkdocs alone `mkdocs build` of the site source that `playbook build` wrote
  site         total size, pages, bytes per page, search index size
Then the time to publish one more version as versions accumulate (mike); per engine
(MkDocs, Zensical) at about 1,000 entities, `playbook build` against the engine alone
on the same site source; the edit loop of `playbook serve` in Chromium per engine (see
edit_loop.py); and the assessment page in Chromium (see assessment_startup.py).
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_playbook import make_playbook  # noqa: E402
from generators.check import collector_paused, compile_playbook  # noqa: E402
from generators.render import render_site  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
#: `playbook build` as the command runs it, reporting its own peak memory at the end.
#: The peak is VmHWM, this process's own high-water mark (ru_maxrss would carry the
#: benchmark's own memory over exec).
MEASURED = """
import sys
from generators.cli import main
code = main(sys.argv[2:])
with open("/proc/self/status") as status, open(sys.argv[1], "w") as out:
    out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
sys.exit(code)
"""
#: How each engine builds a site source alone: (command, config option, site option).
HOSTS = {"mkdocs": ([str(BIN / "mkdocs"), "build"], "--config-file", "--site-dir"),
         "zensical": ([str(BIN / "zensical"), "build"], "--config-file", None)}


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


def _build(playbook: Path, project: Path, site: Path,
           engine: str = "mkdocs") -> tuple[float, float]:
    """Seconds (wall clock, process start to exit, as for the host alone) and peak MB of
    one `playbook build` with the project's mkdocs.yml."""
    report = project / "measured.txt"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", MEASURED, str(report), "build", "--playbook",
                    str(playbook), "--config", str(project / "mkdocs.yml"), "--site-dir",
                    str(site), "--engine", engine], cwd=project, env=ENV, check=True,
                   capture_output=True)
    seconds = time.perf_counter() - started
    return seconds, int(report.read_text()) / 1024


def _host_alone(project: Path, site: Path, engine: str = "mkdocs") -> float:
    """Seconds of the engine alone building the site source `playbook build` wrote,
    timed like `_build`."""
    command, config_option, site_option = HOSTS[engine]
    source = project / ".playbook/site-source"
    args = [*command, config_option, str(source / "mkdocs.yml")]
    if site_option:
        args += [site_option, str(site)]
    started = time.perf_counter()
    subprocess.run(args, cwd=source, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - started


def _our_project(work: Path) -> Path:
    """The repository's mkdocs.yml with an empty docs folder."""
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
    builds, row["plain"] = [], []
    for _ in range(runs):  # one after the other, so both see the same machine
        builds.append(_build(book, ours, work / f"site-{size}"))
        row["plain"].append(_host_alone(ours, work / f"plain-site-{size}"))
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
        header = ("entities", "validate", "render", "build", "mkdocs alone", "ratio",
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
        print("engines ...", file=sys.stderr, flush=True)
        engines(work / "engines", 1000, runs)
    if not args.no_browser:
        edit_loops(3 if args.quick else 9)
        subprocess.run([sys.executable, str(ROOT / "benchmarks/assessment_startup.py"),
                        "--runs", "5" if args.quick else "9"], env=ENV, check=True)


def engines(work: Path, size: int, runs: int) -> None:
    """`playbook build` against the engine alone building the same site source, per
    engine, at about `size` entities (the second and later builds: each engine keeps
    its caches, as it does for an author)."""
    book = work / "playbook"
    entities = make_playbook(size, book)
    print(f"| engine ({entities:,} entities) | playbook build | engine alone | ratio |")
    print("|---|---|---|---|")
    for engine in HOSTS:
        project = _our_project(work / engine)
        _build(book, project, work / f"site-{engine}", engine)  # caches warm
        ours, alone = [], []
        for _ in range(runs):
            ours.append(_build(book, project, work / f"site-{engine}", engine)[0])
            alone.append(_host_alone(project, work / f"alone-{engine}", engine))
        ratio = statistics.median(ours) / statistics.median(alone)
        print(f"| {engine} | {_cell(ours)} | {_cell(alone)} | {ratio:.2f} |")


def edit_loops(runs: int) -> None:
    """Save -> updated page in Chromium, per engine, default and 1,000-entity playbooks."""
    from benchmarks.edit_loop import measure

    print("| edit loop: save to updated page | default playbook | about 1,000 entities |")
    print("|---|---|---|")
    for engine in HOSTS:
        cells = [_cell(measure(size, engine, runs)) for size in (None, 1000)]
        print(f"| {engine} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
