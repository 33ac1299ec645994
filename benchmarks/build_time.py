"""Time the default playbook's site build, against a plain MkDocs build of the same pages.

    python benchmarks/build_time.py [--runs N] [--playbook DIR]

Prints the median, min and max of N runs of:
  * validate:  load, validate and resolve the playbook;
  * ours:      `playbook build` (validate + render + MkDocs with the plugin);
  * plain:     `mkdocs build` of the same pages written out as Markdown files first,
               with the same theme and nav but no plugin.
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
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generators.pipeline import compile_playbook  # noqa: E402
from generators.render import render_site  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _run(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - started


def _plain_project(playbook: Path, work: Path) -> Path:
    """The same pages as plain Markdown files, with a mkdocs.yml that has no plugin."""
    checked = compile_playbook(playbook)
    docs = work / "docs"
    site = render_site(checked.playbook, docs_pages=[])
    for item in site.files:
        path = docs / item.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        data = item.content if isinstance(item.content, bytes) else item.content.encode()
        path.write_bytes(data)
    assets = ROOT / "generators/assets"
    shutil.copytree(assets, docs / "assets/playbook")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "playbook"
                                                              in p) and p != "playbook"]
    config["nav"] = site.nav
    config["extra_css"] = ["assets/playbook/playbook.css"]
    config["extra_javascript"] = ["assets/playbook/playbook.js"]
    config["docs_dir"] = "docs"
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return work


def _stats(values: list[float]) -> str:
    return (f"median {statistics.median(values):6.2f} s   min {min(values):6.2f} s   "
            f"max {max(values):6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--playbook", type=Path, default=ROOT / "playbook")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plain = _plain_project(args.playbook, work / "plain")
        validate, ours, bare = [], [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            compile_playbook(args.playbook)
            validate.append(time.perf_counter() - started)
            ours.append(_run([str(BIN / "playbook"), "build", "--playbook", str(args.playbook),
                              "--site-dir", str(work / "ours")], ROOT))
            bare.append(_run([str(BIN / "mkdocs"), "build", "--site-dir", str(work / "bare")],
                             plain))
        pages = sum(1 for _ in (work / "ours").rglob("*.html"))
        print(f"default playbook: {pages} HTML pages, {args.runs} runs, {os.cpu_count()} cores")
        print(f"validate          {_stats(validate)}")
        print(f"playbook build    {_stats(ours)}")
        print(f"plain mkdocs      {_stats(bare)}")
        print(f"overhead          {statistics.median(ours) / statistics.median(bare):.2f} x")


if __name__ == "__main__":
    main()
