"""`playbook publish`: deploy a checked build as a version with mike.

Versions live on a branch of the current git repository (`gh-pages` by default),
one folder each, with `versions.json` listing them. Publishing:

* refuses a label that is not one of the playbook's version scheme (`YEAR-QN` unless
  its manifest declares another `version_scheme`), or that differs from the manifest's;
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generators import files, site_address, source_config
from generators.compiler import compile_site
from generators.errors import UserError
from generators.load import YamlProblem, read_yaml
from generators.model.version_scheme import SCHEMES
from generators.pipeline import Options
from generators.publish import git
from generators.publish.sources import PAGES_BRANCH
from generators.render.assets import CACHE_WORKER, SHARED_RUNTIME_DIR
from generators.source import CONFIG_FILE, source_folder, write_site_source
from generators.validate import MANIFEST_FILE
from generators.versions import labels
from generators.versions.bundle import BUNDLE_FILE, check_bundle


class PublishError(UserError):
    """The version cannot be published; the message says why and what to do."""


@dataclass
class Published:
    """What a publish did."""

    version: str
    previous: str | None
    aliases: list[str]
    versions: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)
    """What the user should know: what the site loses without a real address."""


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
            allow_dirty: bool = False, fetch_pyodide: bool = True,
            shared_runtime: bool = True) -> Published:
    """Check, build and deploy the playbook as `version`.

    With `shared_runtime` (the default), the version's assessment pages load the Pyodide
    kept once at the root of the branch (`_runtime/pyodide-<version>/`), added there
    when missing; without it, the version carries its own copy, as a built site does."""
    scheme = declared_scheme(playbook_dir)
    if alias is not None and alias.strip("/") == SHARED_RUNTIME_DIR.strip("/"):
        raise PublishError(f"'{alias}' is the folder of the runtime all versions share; "
                           "choose another alias")
    try:
        labels.parse(version, scheme)
    except labels.LabelError as exc:
        raise PublishError(str(exc)) from None
    repo = git.repo_root(Path.cwd())
    config = source_config.read_config(source_config.find_config(config_file))
    # 1. Only what the history holds is published.
    if not allow_dirty:
        sources = [playbook_dir, *([config.docs_dir] if config.docs_dir else []),
                   *([config.path] if config.path else []), config.templates(playbook_dir)[0]]
        _check_committed([path for path in sources if files.inside(path, repo)], repo)
    # 2. The label is new (or forced), and the one the manifest gives.
    existing = published_versions(repo, branch)
    known = [str(v["version"]) for v in existing]
    previous = labels.previous(known, version, scheme)
    previous_bundle = _published_bundle(repo, branch, previous)
    site = compile_site(Options(playbook_dir, config_file, site_url=site_url, versioned=True,
                                previous=previous_bundle, fetch_pyodide=fetch_pyodide,
                                shared_runtime=shared_runtime), config)
    manifest = site.checked.playbook.manifest
    if manifest is not None and manifest.version != version:
        raise PublishError(f"playbook.yml says version {manifest.version}, not {version}: "
                           "update its 'version' field, or publish that label")
    if version in known and not force:
        raise PublishError(f"version {version} is already published on {branch}; publishing "
                           "it again would replace it. Use --force to replace it")
    # 3. The site source, which mike builds (in the site source's own site folder) and
    #    commits only once the build succeeded.
    folder = source_folder(config.folder)
    write_site_source(folder, site.files, site.config_text, site.theme)
    config_name = str((folder / CONFIG_FILE).resolve())
    aliases = [alias] if alias else []
    # 4. The runtime the version loads, beside the versions, once; taken back when mike
    #    fails, so the branch stays as it was.
    head = git.branch_head(branch, repo)
    #    The runtime's folder is named by its version and never changes once there; the
    #    runtime cache's worker at the root is the same file for every version, and this
    #    publish's copy replaces one that differs (a worker from an older release).
    added = bool(site.shared_runtime) and git.add_missing_files(
        branch, {item.uri: item.data() for item in site.shared_runtime},
        f"Add {site.shared_runtime[0].uri.rsplit('/', 1)[0]}/ (the Pyodide runtime that "
        f"published versions load), and {CACHE_WORKER} where missing or different", repo,
        replace=frozenset({CACHE_WORKER}))
    try:
        _mike(["deploy", "--config-file", config_name, "--branch", branch,
               "--title", title or version, "--ignore-remote-status",
               *(["--update-aliases"] if alias else []), version, *aliases], repo)
    except BaseException:
        if added:
            git.move_branch(branch, head, repo)
        raise
    default = alias or (version if not existing else None)
    if default:
        _mike(["set-default", "--config-file", config_name, "--branch", branch,
               "--ignore-remote-status", default], repo)
    return Published(version, previous, aliases, published_versions(repo, branch),
                     site_address.publish_warnings(site_url or config.data.get("site_url")))


def declared_scheme(playbook_dir: Path) -> str | None:
    """The version scheme the manifest declares, read before the playbook is checked (so
    a bad label is refused at once); None when it declares none or an unknown one, which
    the check then reports."""
    try:
        data = read_yaml(playbook_dir / MANIFEST_FILE, playbook_dir).data
    except YamlProblem:
        return None
    scheme = data.get("version_scheme") if isinstance(data, dict) else None
    return scheme if isinstance(scheme, str) and scheme in SCHEMES else None


def _published_bundle(repo: Path, branch: str, version: str | None) -> dict[str, Any] | None:
    """The bundle of a published version, checked, or None when there is none."""
    if version is None:
        return None
    where = f"{branch}:{version}/{BUNDLE_FILE}"
    data = git.read_file(branch, f"{version}/{BUNDLE_FILE}", repo)
    if data is None:
        return None
    return check_bundle(files.parse_json(data, where), where)


def _check_committed(sources: list[Path], repo: Path) -> None:
    """Refuse to publish files that differ from the last commit: a published version must
    be one a reader can find in the history."""
    changed = git.changed_files(sources, repo)
    if changed:
        shown = ", ".join(changed[:8]) + (f" and {len(changed) - 8} more" if len(changed) > 8
                                          else "")
        raise PublishError(f"uncommitted changes in {shown}: commit them first, or publish "
                           "them anyway with --allow-dirty")


def _mike(args: list[str], repo: Path) -> None:
    """Run mike: the one place the compiler sets another process's environment."""
    mike = Path(sys.executable).parent / "mike"
    command = [str(mike), *args] if mike.exists() else [sys.executable, "-m", "mike", *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # mike runs `mkdocs` by name: find the one installed beside this Python first.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        detail = "\n".join(lines[-12:]) or "no output"
        raise PublishError(f"mike {args[0]} failed; nothing was published:\n{detail}")
