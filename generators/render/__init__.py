"""Render: turn a checked playbook into site files (Markdown pages, calendars) and a nav.

Independent of MkDocs: the plugin only hands these files to MkDocs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment

from generators.errors import ContentError, Problem, UserError, display_path
from generators.files import SiteFile, compiler_digest
from generators.model.intros import IndexIntros
from generators.render import (
    assets,
    calendar,
    nav,
    pages_changes,
    pages_general,
    pages_glossary,
    pages_hiring,
    pages_home,
    pages_models,
    pages_people,
    pages_practice,
    pages_scales,
    safety,
    schedule,
    urls,
)
from generators.render.cache import Fingerprints, RenderCache
from generators.render.citations import citations
from generators.render.edit_links import EditLinks, page_sources, source_of
from generators.render.environment import make_environment, template_problem
from generators.render.glossary import Glossary
from generators.render.graph import Graph
from generators.render.page import PageSpec
from generators.validate import Playbook
from generators.versions.diff import Changelog

PAGE_BUILDERS = (
    pages_home.home, pages_people.roles, pages_people.competencies, pages_scales.scales,
    pages_people.careers, pages_hiring.hiring, pages_practice.onboarding, pages_practice.meetings,
    pages_models.maturity, pages_models.team_models, pages_models.management_models,
    pages_models.assessments, pages_practice.metrics, pages_models.enablement,
    pages_general.general, pages_glossary.glossary,
)


@dataclass
class RenderedSite:
    """Everything the site is made of, besides hand-written docs."""

    files: list[SiteFile]
    nav: list[Any]


def render_site(playbook: Playbook, *, templates: Path | None = None,
                template_root: Path | None = None,
                template_root_name: str = "the playbook folder",
                docs_pages: list[str] | None = None, site_url: str | None = None,
                runtime: dict[str, Any] | None = None,
                use_directory_urls: bool = True,
                changelog: Changelog | None = None,
                cache: RenderCache | None = None, graph: Graph | None = None,
                loader_in_page: bool = True,
                edit_links: EditLinks | None = None) -> RenderedSite:
    """Render every page and calendar file of a validated playbook.

    `runtime` says where assessment pages find Pyodide and the engine wheel. Override
    templates in `templates` are read only from inside `template_root` (default: the
    folder holding `templates`). With `cache`, a page or calendar is rendered again only
    when what it shows changed since the cache last saw it. With `loader_in_page`,
    assessment pages start Pyodide from their own text (else a theme override does it
    from the head). With `edit_links`, each page names the file it is made from.
    """
    docs_pages = docs_pages or []
    graph = graph or Graph(playbook)
    env = make_environment(templates, root=template_root, root_name=template_root_name)
    env.globals["docs_pages"] = docs_pages
    env.globals["runtime"] = runtime
    env.globals["use_directory_urls"] = use_directory_urls
    env.globals["changelog"] = changelog
    # Only the site's own pages that have something to show are built, and linked to.
    own = graph.own_pages
    env.globals["own_pages"] = own
    manifest = playbook.manifest
    intros = manifest.index_intros if manifest else IndexIntros()
    env.globals["intros"] = intros
    cited = citations(graph)
    env.globals["source_links"] = cited
    specs = [spec for build in PAGE_BUILDERS for spec in build(graph)
             if spec.uri not in urls.FIXED or spec.uri in own]
    specs += pages_changes.changes(graph, changelog)
    for spec in specs:
        if spec.template == "role.md.j2":
            spec.context["changes"] = pages_changes.for_role(graph, changelog,
                                                             spec.context["role"].id)
    if edit_links is not None:
        sources = page_sources(graph)
        for spec in specs:
            source = source_of(sources, spec.uri)
            spec.meta["edit_url"] = edit_links.url(source) if source else ""
    # A playbook's own templates are not ours: every page they may touch is checked.
    overrides = templates if templates is not None and _stamps(templates) else None
    prints = cache.prints if cache else Fingerprints()
    prints.next_compile()
    settings = prints.key(compiler_digest(), sorted(docs_pages), runtime, use_directory_urls,
                          changelog, loader_in_page, own, intros, cited,
                          _stamps(templates) if templates is not None else ()) if cache else ""
    # One pattern for the playbook's terms marks their first use on every page but theirs.
    terms = list(graph.of("term").values())
    glossary = Glossary(terms)
    settings = prints.key(settings, terms) if cache and terms else settings
    files = []
    for spec in specs:
        key = prints.key(settings, spec.template, spec.uri, spec.title, spec.tags,
                         spec.description, spec.meta, spec.context) if cache else ""
        text = cache.get(spec.uri, key) if cache else None
        if text is None:
            text = _render(env, spec, overrides, runtime if loader_in_page else None,
                           use_directory_urls, glossary)
            if cache:
                cache.put(spec.uri, key, text)
        files.append(SiteFile(spec.uri, text))
    files += _calendars(graph, site_url, cache, prints, use_directory_urls)
    return RenderedSite(files, nav.build_nav(graph, docs_pages, changelog is not None))


def _stamps(folder: Path) -> tuple[tuple[str, int, int, int], ...]:
    """Everything in a templates folder (a FIFO or a link too) with its type, time and
    size; empty when there are no overrides."""
    if not folder.is_dir():
        return ()
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_dir():
            info = path.lstat()
            found.append((str(path), info.st_mode, info.st_mtime_ns, info.st_size))
    return tuple(found)


#: libyaml's emitter when PyYAML has it: front matter is written for every page.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _render(env: Environment, spec: PageSpec, overrides: Path | None,
            runtime: dict[str, Any] | None, use_directory_urls: bool,
            glossary: Glossary | None = None) -> str:
    # The way from the page's URL to the site root, for addresses the browser resolves.
    to_root = "../" * urls.page_url(spec.uri, use_directory_urls).count("/") or "./"
    try:
        body = env.get_template(spec.template).render(page_uri=spec.uri, to_root=to_root,
                                                      **spec.context)
    except UserError:  # an override file that may not be read: already says which
        raise
    except Exception as exc:  # a template is content: any failure is the template's
        raise ContentError([template_problem(exc, spec.template, spec.uri)]) from exc
    if overrides is not None:
        _check_markup(body, overrides, spec)
    if glossary is not None and spec.uri != urls.GLOSSARY:
        body = glossary.mark(body)  # our markup: added after the page's own is checked
    page_spec = assets.page_spec(spec.meta)
    if page_spec and runtime:
        # Assessment pages start Python at once, before the theme's own scripts run.
        body = assets.early_loader(runtime, to_root, page_spec) + "\n\n" + body
    # The theme prints the title and description into the page head and navigation
    # without escaping them, so they are escaped here: text from YAML stays text.
    meta: dict[str, Any] = {"title": html.escape(spec.title, quote=True)}
    if spec.tags:
        meta["tags"] = spec.tags
    if spec.description:
        meta["description"] = html.escape(" ".join(spec.description.split())[:300], quote=True)
    meta.update(spec.meta)
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{body}"


def _check_markup(body: str, overrides: Path, spec: PageSpec) -> None:
    removed = safety.unsafe_markup(body)
    if removed:
        template = overrides / spec.template
        where = display_path(template if template.is_file() else overrides)
        raise ContentError([Problem(
            where, 1, 1, "", "template writes markup the site does not allow: "
            + ", ".join(removed), f"while rendering {spec.uri}; scripts, event handlers and "
            "links other than http, https, mailto and tel are removed from every page")])


def _calendars(g: Graph, site_url: str | None, cache: RenderCache | None,
               prints: Fingerprints, use_directory_urls: bool) -> list[SiteFile]:
    """A calendar file per meeting, one with every meeting, and one per role with the
    meetings it attends or runs."""
    manifest = g.playbook.manifest
    if manifest is None:
        return []
    slots = schedule.slots(g)
    meetings = [(c, slots[cid]) for cid, c in g.of("cadence").items() if slots[cid].in_calendar]
    base = calendar.site_address(site_url)
    url_of = {c.id: f"{base}/{urls.page_url(g.uri('cadence', c.id), use_directory_urls)}"
              for c, _slot in meetings} if base else {}
    team = f"{manifest.organisation} team meetings"
    wanted = [(urls.calendar_uri(c.id), team, [(c, s)]) for c, s in meetings]
    if meetings:
        wanted.append((urls.ALL_MEETINGS_ICS, team, meetings))
    for role_id, role in g.of("role").items():
        mine = [(c, s) for c, s in meetings if role_id in c.attendees or c.owner == role_id]
        if mine:
            wanted.append((urls.role_calendar_uri(role_id), f"{role.name}: meetings", mine))
    files = []
    for uri, name, members in wanted:
        key = prints.key(compiler_digest(), name, members, manifest.released,
                         manifest.organisation, {c.id: url_of.get(c.id) for c, _s in members}
                         ) if cache else ""
        content = cache.get(uri, key) if cache else None
        if content is None:
            content = calendar.meeting_calendar(members, name=name,
                                                organisation=manifest.organisation,
                                                released=manifest.released, url_of=url_of)
            if cache:
                cache.put(uri, key, content)
        files.append(SiteFile(uri, content))
    return files
