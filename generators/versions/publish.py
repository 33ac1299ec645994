"""`playbook publish`: deploy a checked build as a version with mike.

Versions live on a branch of the current git repository (`gh-pages` by default),
one folder each, with `versions.json` listing them. Publishing:

* refuses a label that is not `YEAR-QN`, or that differs from the manifest's;
* refuses to publish uncommitted changes to the playbook, templates, docs or
  config (a version must be reproducible from a commit) unless allowed;
* refuses to replace a published version unless forced;
* builds the site with a "What changed" page against the newest older version;
* commits through mike only after the whole build succeeded, so a failed or
  interrupted publish leaves every version as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generators import files, output
from generators.errors import UserError
from generators.pipeline import compile_playbook
from generators.site import find_config, load, project_folder, site_config
from generators.versions import git, labels
from generators.versions.bundle import BUNDLE_FILE, check_bundle
from generators.versions.sources import PAGES_BRANCH


class PublishError(UserError):
    """The version cannot be published; the message says why and what to do."""


@dataclass
class Published:
    """What a publish did."""

    version: str
    previous: str | None
    aliases: list[str]
    versions: list[dict[str, Any]]


def published_versions(repo: Path, branch: str = PAGES_BRANCH) -> list[dict[str, Any]]:
    """The versions on the pages branch, as mike lists them in versions.json, checked."""
    data = git.read_json(branch, "versions.json", repo)
    if data is None:
        return []
    where = f"{branch}:versions.json"
    if not isinstance(data, list):
        raise PublishError(f"{where}: expected a list of versions; {_DAMAGED}")
    for index, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("version"), str):
            raise PublishError(f"{where}: item {index} has no version label; {_DAMAGED}")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise PublishError(f"{where}: item {index}: 'aliases' must be a list of names; "
                               f"{_DAMAGED}")
    return data


_DAMAGED = "the pages branch is damaged: restore versions.json from its history"


def publish(playbook_dir: Path, version: str, *, alias: str | None = None,
            title: str | None = None, force: bool = False, config_file: Path | None = None,
            branch: str = PAGES_BRANCH, site_url: str | None = None,
            allow_dirty: bool = False) -> Published:
    """Check, build and deploy the playbook as `version`."""
    try:
        labels.parse(version)
    except labels.LabelError as exc:
        raise PublishError(str(exc)) from None
    repo = git.repo_root(Path.cwd())
    with site_config(config_file, playbook_dir) as config_path:
        config = load(config_path, own_site_dir=True)
        project = project_folder(find_config(config_file))
        sources = [playbook_dir, Path(config.docs_dir), config_path, *_templates(config)]
        if not allow_dirty:
            _check_committed([path for path in sources if files.inside(path, repo)], repo)
        # mike builds into the config's site folder, which MkDocs empties first.
        output.check_site_dir(Path(config.site_dir), output.Protected(
            playbook_dir, project, Path(config.docs_dir)))
    checked = compile_playbook(playbook_dir)  # bad content stops here, before any build
    manifest = checked.playbook.manifest
    if manifest is not None and manifest.version != version:
        raise PublishError(f"playbook.yml says version {manifest.version}, not {version}: "
                           "update its 'version' field, or publish that label")
    existing = published_versions(repo, branch)
    known = [str(v["version"]) for v in existing]
    if version in known and not force:
        raise PublishError(f"version {version} is already published on {branch}; publishing "
                           "it again would replace it. Use --force to replace it")
    previous = labels.previous(known, version)
    with tempfile.TemporaryDirectory(prefix="playbook-publish-") as tmp:
        env = {"PLAYBOOK_VERSIONED": "1"}
        if previous is not None:
            where = f"{branch}:{previous}/{BUNDLE_FILE}"
            bundle_data = git.read_file(branch, f"{previous}/{BUNDLE_FILE}", repo)
            if bundle_data is not None:
                check_bundle(files.parse_json(bundle_data, where), where)
                (Path(tmp) / "previous.json").write_bytes(bundle_data)
                env["PLAYBOOK_PREVIOUS_BUNDLE"] = str(Path(tmp) / "previous.json")
        if site_url:
            env["PLAYBOOK_SITE_URL"] = site_url
        with site_config(config_file, playbook_dir) as config_path:
            config_name = str(config_path.resolve())
            aliases = [alias] if alias else []
            _mike(["deploy", "--config-file", config_name, "--branch", branch,
                   "--title", title or version, "--ignore-remote-status",
                   *(["--update-aliases"] if alias else []), version, *aliases], env, repo)
            default = alias or (version if not existing else None)
            if default:
                _mike(["set-default", "--config-file", config_name, "--branch", branch,
                       "--ignore-remote-status", default], env, repo)
    return Published(version, previous, [alias] if alias else [],
                     published_versions(repo, branch))


def _templates(config: Any) -> list[Path]:
    """The templates folder the playbook plugin is told to use, if any."""
    plugin = config.plugins.get("playbook")
    folder = getattr(plugin, "config", {}).get("templates_dir") if plugin else None
    return [Path(config.config_file_path).parent / folder] if folder else []


def _check_committed(sources: list[Path], repo: Path) -> None:
    """Refuse to publish files that differ from the last commit: a published version must
    be one a reader can find in the history."""
    changed = git.changed_files(sources, repo)
    if changed:
        shown = ", ".join(changed[:8]) + (f" and {len(changed) - 8} more" if len(changed) > 8
                                          else "")
        raise PublishError(f"uncommitted changes in {shown}: commit them first, or publish "
                           "them anyway with --allow-dirty")


def _mike(args: list[str], extra_env: dict[str, str], repo: Path) -> None:
    mike = Path(sys.executable).parent / "mike"
    command = [str(mike), *args] if mike.exists() else [sys.executable, "-m", "mike", *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    # mike runs `mkdocs` by name: find the one installed beside this Python first.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        detail = "\n".join(lines[-12:]) or "no output"
        raise PublishError(f"mike {args[0]} failed; nothing was published:\n{detail}")
