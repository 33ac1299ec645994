""""Edit this page": each generated page leads to the YAML file it is made from.

The host would point a page at its own Markdown file, which for a generated page exists
only in the site source, not in the repository. So each generated page carries its
address in its front matter (`edit_url`), and a small theme override of the edit button
(`partials/actions.html`) uses it. A hand-written page is its own file in the docs
folder: the host's address is right for it.

The address is made as the host makes it (`repo_url`, then `edit_uri` or
`edit_uri_template`, which lead to the docs folder in the repository), with the file's
path relative to the docs folder, so `../playbook/roles/sdr-absm.yml` when the playbook
folder sits beside it.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Collection
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from generators.render import urls
from generators.render.graph import Graph
from generators.render.pages_general import general_kinds, index_uri

#: The theme overrides of the edit button and of the header's link to the repository,
#: inside the site source's theme folder, with their files in this package.
ACTIONS_OVERRIDE = "partials/actions.html"
SOURCE_OVERRIDE = "partials/source.html"
OVERRIDES = {ACTIONS_OVERRIDE: "assets/actions.html", SOURCE_OVERRIDE: "assets/source.html"}

#: `edit_uri` when the config gives none, by host, as MkDocs guesses it.
DEFAULT_EDIT_URI = {"github.com": "edit/master/docs/", "gitlab.com": "edit/master/docs/",
                    "bitbucket.org": "src/default/docs/"}


@dataclass(frozen=True)
class EditLinks:
    """Where the playbook's files are edited: the repository and the way to its files."""

    repo_url: str
    edit_uri: str | None
    template: str | None
    docs_dir: Path
    """The docs folder, which `edit_uri` leads to."""

    @classmethod
    def of(cls, data: dict[str, Any], docs_dir: Path) -> EditLinks | None:
        """The edit links of a host config (`data`), or None without a repository
        address or a way to edit files there."""
        repo_url, edit_uri = data.get("repo_url"), data.get("edit_uri")
        template = data.get("edit_uri_template")
        if not isinstance(repo_url, str) or not repo_url.strip():
            return None
        if not isinstance(template, str) or not template:
            template = None
        if not isinstance(edit_uri, str):
            edit_uri = DEFAULT_EDIT_URI.get(urlsplit(repo_url).netloc.lower())
        if template is None and not edit_uri:
            return None
        if edit_uri and not edit_uri.endswith("/"):
            edit_uri += "/"
        return cls(repo_url.strip(), edit_uri, template, docs_dir)

    def url(self, file: Path) -> str:
        """The address that edits `file` in the repository."""
        path = quote(Path(os.path.relpath(os.path.abspath(file),
                                          os.path.abspath(self.docs_dir))).as_posix())
        if self.template is not None:
            where = self.template.format(path=path, path_noext=posixpath.splitext(path)[0])
        else:
            where = f"{self.edit_uri}{path}"
        base = self.repo_url if self.repo_url.endswith("/") else self.repo_url + "/"
        return urljoin(base, where)


def page_sources(g: Graph) -> dict[str, Path]:
    """The file each generated page is made from, by page: an entity's page its file, a
    role's hiring kit the role's hiring profile (else the role), the site's own pages
    (index pages, home) the manifest, which gives their title and introductions."""
    playbook = g.playbook
    found: dict[str, Path] = {}
    for (kind, entity_id), source in playbook.sources.items():
        if entity_id in playbook.of(kind):
            found[g.uri(kind, entity_id)] = source.path
    for role_id in g.of("role"):
        role = playbook.sources.get(("role", role_id))
        if role is not None:
            found.setdefault(urls.kit_uri(role_id), role.path)
    if playbook.manifest_source is not None:
        for page in (*urls.FIXED, *(index_uri(kind) for kind in general_kinds())):
            found.setdefault(page, playbook.manifest_source.path)
    return found


def source_of(sources: dict[str, Path], page: str) -> Path | None:
    """The file `page` is made from: its own, else that of the page it sits under
    (`hiring/kits/sdr/first-round.md` under `hiring/kits/sdr.md`)."""
    while page:
        if page in sources:
            return sources[page]
        parent = posixpath.dirname(page)
        page = f"{parent}.md" if parent else ""
    return None


def theme_overrides(custom: Collection[str]) -> dict[str, str]:
    """The theme overrides a site whose config names its repository gets, by their path
    in the theme folder (one the user overrides is left to theirs): the edit button,
    leading where a generated page says, and the header's link to the repository, which
    does not ask the repository's host for its stars and forks (the site makes no request
    outside its own host)."""
    return {uri: resources.files("generators").joinpath(path).read_text(encoding="utf-8")
            for uri, path in OVERRIDES.items() if uri not in custom}
