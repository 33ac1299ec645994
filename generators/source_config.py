"""The host configuration of the site source: the user's mkdocs.yml, with the
navigation and the compiler's settings merged in.

Both hosts (MkDocs and Zensical) read this file. It is the user's config as they
wrote it, with: the playbook's title as the site's name when the config names none;
the docs and site folders of the site source; the generated navigation (unless the
user wrote one); the site's CSS and JavaScript; no `playbook` plugin (the site source
is complete without it); and paths that were relative to the user's config made
relative to the site source instead. Tags
YAML cannot resolve without running code (`!ENV`, `!!python/name:...`) are
carried over as written, for the host to resolve.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generators import files, pyodide
from generators.errors import Problem, UserError, display_path

MAX_CONFIG_BYTES = 1024 * 1024
#: The compiler's own folder (a clone of the project has node_modules/pyodide there).
PACKAGE_ROOT = Path(__file__).resolve().parents[1]

#: Used when a project has no mkdocs.yml, so any playbook folder builds on its own. The
#: site's name is the playbook's title (see `merged`).
DEFAULT_CONFIG = """\
theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {icon: material/weather-night, name: Switch to dark mode}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {icon: material/weather-sunny, name: Switch to light mode}
  features: [navigation.instant, navigation.tabs, navigation.sections, navigation.indexes,
             navigation.prune, navigation.top, search.highlight]
plugins: [search, tags]
markdown_extensions:
  - toc: {permalink: true}
  - tables
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.details
"""

#: Options of the `playbook` plugin entry (kept for projects that run `mkdocs` directly).
PLUGIN_OPTIONS = ("playbook_dir", "templates_dir", "pyodide_dir", "pyodide_url",
                  "python_snapshot")


class ConfigError(UserError):
    """The host configuration cannot be read."""


class Tagged:
    """A YAML value with a tag we must not resolve (`!ENV`, `!!python/name:`): kept as
    its node and written back as it was."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    return Tagged(node)


_Loader.add_multi_constructor("!", _keep)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _keep)
_Dumper.add_representer(Tagged, lambda dumper, value: value.node)


@dataclass
class HostConfig:
    """The user's config, read: its values, where it lives, and our plugin's options."""

    data: dict[str, Any]
    folder: Path
    """The folder its relative paths start from (the project folder)."""
    path: Path | None
    """The file, or None for the built-in config."""
    plugin: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_dir(self) -> Path | None:
        """The hand-written pages, or None (the built-in config has none)."""
        if self.path is None:
            return None
        return self.folder / str(self.data.get("docs_dir", "docs"))

    @property
    def custom_dir(self) -> Path | None:
        """The user's theme overrides folder, if the config names one."""
        theme = self.data.get("theme")
        if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
            return self.folder / theme["custom_dir"]
        return None

    @property
    def use_directory_urls(self) -> bool:
        return bool(self.data.get("use_directory_urls", True))

    @property
    def site_dir(self) -> Path:
        return self.folder / str(self.data.get("site_dir", "site"))

    def templates(self, playbook: Path) -> tuple[Path, Path, str]:
        """The templates folder that overrides the built-in templates, the folder its files
        must lie in, and that folder's name for messages."""
        configured = self.plugin.get("templates_dir")
        if configured:
            return self.folder / str(configured), self.folder, "the project folder"
        return playbook / "templates", playbook, "the playbook folder"

    def pyodide_dir(self) -> Path | None:
        """The pyodide npm package to copy into the site: the one the config names, else
        the first `node_modules/pyodide` under the project, the working folder or the
        compiler's own folder, else the pinned version in the user's cache (None when it
        was never fetched: see `generators.pyodide.runtime_folder`)."""
        if self.plugin.get("pyodide_dir"):
            return self.folder / str(self.plugin["pyodide_dir"])
        for base in (self.folder, Path.cwd(), PACKAGE_ROOT):
            candidate = base / "node_modules" / "pyodide"
            if (candidate / "pyodide.js").is_file():
                return candidate
        return pyodide.cached()

    def python_snapshot(self) -> bool:
        """Whether assessment pages start Python from a snapshot the build makes (the
        plugin's `python_snapshot`, true unless set to false)."""
        value = self.plugin.get("python_snapshot", True)
        if not isinstance(value, bool):
            where = display_path(self.path) if self.path else "the built-in config"
            raise ConfigError(f"{where}: plugins: playbook: python_snapshot: expected true or "
                              f"false, not {value!r}")
        return value

    def plugin_names(self) -> list[str]:
        """The MkDocs plugins the config lists, ours left out."""
        plugins = _without_playbook(self.data.get("plugins"))
        if isinstance(plugins, dict):
            return [str(name) for name in plugins]
        return [str(next(iter(item))) if isinstance(item, dict) and item else str(item)
                for item in plugins]


def find_config(config_file: Path | None) -> Path | None:
    """The config the user gave, else ./mkdocs.yml when there is one, else None (the
    built-in config)."""
    if config_file is None and os.path.lexists("mkdocs.yml"):
        return Path("mkdocs.yml")
    return config_file


def read_config(path: Path | None) -> HostConfig:
    """The user's mkdocs.yml (a regular file inside its own folder), or the built-in one."""
    if path is None:
        return HostConfig(yaml.load(DEFAULT_CONFIG, Loader=_Loader), Path("."), None)
    data = files.read_bytes(path, path.parent, limit=MAX_CONFIG_BYTES,
                            folder_name="the project folder")
    try:
        loaded = yaml.load(data.decode("utf-8"), Loader=_Loader)  # noqa: S506 - safe subclass
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ConfigError(Problem(display_path(path), line, column, "",
                                  f"invalid YAML: {getattr(exc, 'problem', None) or exc}"
                                  ).render()) from None
    if not isinstance(loaded, dict):
        raise ConfigError(f"{display_path(path)}: expected a mapping of settings")
    config = HostConfig(loaded, path.parent, path)
    config.plugin = _plugin_options(loaded.get("plugins"))
    return config


def _plugin_options(plugins: Any) -> dict[str, Any]:
    entries = plugins.items() if isinstance(plugins, dict) else [
        next(iter(item.items())) if isinstance(item, dict) and item else (item, None)
        for item in plugins or []]
    for name, options in entries:
        if name == "playbook" and isinstance(options, dict):
            return {key: options[key] for key in PLUGIN_OPTIONS if key in options}
    return {}


def merged(config: HostConfig, source: Path, *, nav: list[Any], css: list[str],
           javascript: list[str | dict[str, str]], site_url: str | None = None,
           versioned: bool = False, custom_dir: str | None = None,
           site_name: str = "Playbook", outdated_banner: bool = False) -> str:
    """The text of the site source's config, for a site source written at `source`;
    `custom_dir` is the theme overrides folder inside it (the user's are copied there).
    `site_name` (the playbook's title) names the site unless the user's config does.
    With `outdated_banner`, the site's own script decides which version is outdated."""
    data = dict(config.data)
    if not data.get("site_name"):
        data = {"site_name": site_name, **data}
    data.pop("INHERIT", None)
    data.pop("watch", None)
    data["docs_dir"] = "docs"
    data["site_dir"] = "site"
    if not data.get("nav"):
        data["nav"] = nav
    data["plugins"] = _without_playbook(data.get("plugins"))
    data["extra_css"] = _append(data.get("extra_css"), css)
    data["extra_javascript"] = _append(data.get("extra_javascript"), javascript)
    if site_url:
        data["site_url"] = site_url
    if versioned:
        extra = dict(data.get("extra") or {})
        # The theme would call every version without the alias 'latest' outdated (even
        # the newest, published without it): with the banner of our own, a version is
        # outdated when versions.json has a newer one, and the theme's test passes all.
        extra.setdefault("version", {"provider": "mike", **(
            {"default": ".*"} if outdated_banner else {})})
        data["extra"] = extra
    theme = data.get("theme")
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme or "mkdocs"}
    if custom_dir:
        theme["custom_dir"] = custom_dir
    elif isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = _moved(config, source, theme["custom_dir"])
    data["theme"] = theme
    if isinstance(data.get("hooks"), list):
        data["hooks"] = [_moved(config, source, h) if isinstance(h, str) else h
                         for h in data["hooks"]]
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _without_playbook(plugins: Any) -> Any:
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name != "playbook"}
    return [item for item in plugins or []
            if item != "playbook" and not (isinstance(item, dict) and "playbook" in item)]


def _append(items: Any, more: list[Any]) -> list[Any]:
    """`items` and those of `more` whose path is not among them: a script is a URL, or an
    entry with a `path` (`{"path": url, "type": "module"}`)."""
    result = list(items or [])
    present = [_script_path(i) for i in result]
    return result + [item for item in more if _script_path(item) not in present]


def _script_path(item: Any) -> str:
    return str(item.get("path")) if isinstance(item, dict) else str(item)


def _moved(config: HostConfig, source: Path, relative: str) -> str:
    """A path relative to the user's config, made relative to the site source."""
    return os.path.relpath(os.path.abspath(config.folder / relative), os.path.abspath(source))
