"""The site's own files besides pages, and where each lives: the theme's CSS and
JavaScript, and what an assessment needs (specs, the engine wheel, Pyodide,
runtime.json). Every asset path is defined here, once.

Pyodide is self-hosted: its files are copied from the pinned npm package at build
time (see `generators.pyodide` for where a build finds it), with its licence notice,
so the site loads nothing from another host. Published versions share one copy at the
root of the pages branch. An option can point at another Pyodide URL instead.
"""

from __future__ import annotations

import functools
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any, TypeAlias
from urllib.parse import quote

from generators.errors import UserError
from generators.files import SiteFile
from generators.pyodide import LICENSE_FILE, RUNTIME_FILES, licence_notice, version_of
from generators.render.graph import Graph
from generators.render.specs import build_scorecard_specs, build_specs
from generators.validate import Playbook

#: The site's scripts and styles: (package, file in it), served from `ASSET_DIR`.
THEME_FILES = (("generators", "assets/playbook.css"), ("generators", "assets/playbook.js"),
               ("assessments", "web/assessment.css"))
ASSET_DIR = "assets/playbook/"
#: The assessment widget: the ES modules of `assessments/web/modules/`, served from
#: `WIDGET_DIR`; pages load `WIDGET_ENTRY` as a module script, which imports the rest.
WIDGET_MODULES = "web/modules"
WIDGET_DIR = ASSET_DIR + "assessment/"
WIDGET_ENTRY = WIDGET_DIR + "main.js"
#: Written only while `playbook serve` runs: lists the playbook's problems on every page.
PROBLEMS_URI = ASSET_DIR + "problems.js"
PYODIDE_FILES = RUNTIME_FILES
PYODIDE_URI = "assets/pyodide/"
#: On the pages branch: the Pyodide every published version loads, in a folder named by
#: its version (`_runtime/pyodide-314.0.7/`), beside the versions' folders.
SHARED_RUNTIME_DIR = "_runtime/"
#: The folder of the shared runtime that keeps the published versions' snapshots of Python.
SNAPSHOT_FOLDER = "engines/"
ENGINE_URI = "assets/engine/"
SPECS_URI = "assets/assessments/"
SCORECARD_SPECS_URI = "assets/scorecards/"
RUNTIME_URI = "assets/playbook/runtime.json"
#: The service worker that keeps the runtime in the reader's browser, at the site's root
#: (and, for published versions, at the pages branch's root, so one worker covers them all).
CACHE_WORKER = "playbook-sw.js"


class MissingPyodide(UserError):
    """The playbook has assessments but no Pyodide to run them with."""


def spec_uri(assessment_id: str) -> str:
    return f"{SPECS_URI}{assessment_id}.json"


def scorecard_spec_uri(scorecard_id: str) -> str:
    return f"{SCORECARD_SPECS_URI}{scorecard_id}.json"


def needs_engine(playbook: Playbook) -> bool:
    """Whether pages of the playbook run the engine: assessments, and scorecards (filled in
    on screen, combined in a debrief)."""
    return bool(playbook.of("assessment") or playbook.of("scorecard"))


def _widget_modules() -> list[Any]:
    modules = resources.files("assessments").joinpath(WIDGET_MODULES)
    return sorted((m for m in modules.iterdir() if m.name.endswith(".js")), key=lambda m: m.name)


def widget_uris() -> list[str]:
    """The docs-relative URLs of the assessment widget's modules."""
    return [WIDGET_DIR + module.name for module in _widget_modules()]


_STATIC_IMPORT = re.compile(r'^\s*(?:import|export)\s[^;]*?\sfrom\s+"\./([\w.-]+\.js)"', re.M)


@functools.cache
def preloaded_uris() -> tuple[str, ...]:
    """The docs-relative URLs of the modules an assessment page runs at once: the entry
    module and what it imports, statically, however deep. Modules imported only when
    needed (`import("./x.js")`: a tool, a view of several files) are not preloaded."""
    folder = resources.files("assessments").joinpath(WIDGET_MODULES)
    seen: list[str] = []
    todo = [WIDGET_ENTRY.rsplit("/", 1)[1]]
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.append(name)
        todo += _STATIC_IMPORT.findall(folder.joinpath(name).read_text("utf-8"))
    return tuple(WIDGET_DIR + name for name in sorted(seen))


def theme_files() -> list[SiteFile]:
    """The site's CSS and JavaScript, the assessment widget's modules included."""
    return [*(SiteFile(ASSET_DIR + path.rsplit("/", 1)[-1],
                       resources.files(package).joinpath(path).read_bytes())
              for package, path in THEME_FILES),
            *(SiteFile(WIDGET_DIR + module.name, module.read_bytes())
              for module in _widget_modules())]


#: A script of the host config's `extra_javascript`: a URL, or a module script's entry
#: (`{"path": url, "type": "module"}`, which MkDocs 1.6 and Zensical both read).
Script: TypeAlias = str | dict[str, str]


def theme_urls() -> tuple[list[str], list[Script]]:
    """The docs-relative URLs of the site's CSS files and its scripts, in order."""
    names = [ASSET_DIR + path.rsplit("/", 1)[-1] for _package, path in THEME_FILES]
    scripts: list[Script] = [n for n in names if n.endswith(".js")]
    scripts.append({"path": WIDGET_ENTRY, "type": "module"})
    return [n for n in names if n.endswith(".css")], scripts


def runtime_info(playbook: Playbook, wheel_name: str,
                 pyodide_url: str | None = None,
                 cache_worker: str | None = None,
                 snapshot: str | None = None) -> dict[str, Any]:
    """Where the assessment pages find Pyodide, the engine, the snapshot of Python with the
    engine imported (None: there is none) and the worker that keeps them in the browser
    (site-root-relative URLs; see `cache_worker_url`)."""
    manifest = playbook.manifest
    return {"pyodide": pyodide_url or PYODIDE_URI, "engine": ENGINE_URI + wheel_name,
            "snapshot": snapshot,
            "cache_worker": cache_worker,
            "playbook_version": manifest.version if manifest else None,
            "playbook_title": manifest.title if manifest else None}


def cache_worker_url(pyodide_version: str | None, shared: bool) -> str:
    """The URL assessment pages register the runtime cache's worker from, relative to the
    site root. The worker names its cache by the Pyodide version in the query. A published
    version that loads the shared runtime registers the copy at the branch's root: a worker
    only serves pages inside its folder, and there it serves every version's pages."""
    query = "?pyodide=" + quote(pyodide_version, safe="") if pyodide_version else ""
    return ("../" if shared else "") + CACHE_WORKER + query


def cache_worker_file(uri: str = CACHE_WORKER) -> SiteFile:
    """The runtime cache's service worker, written at `uri`."""
    return SiteFile(uri, resources.files("generators").joinpath("assets/playbook-sw.js")
                    .read_bytes())


def assessment_files(playbook: Playbook, wheel: tuple[str, bytes], *,
                     use_directory_urls: bool = True, pyodide_dir: Path | None = None,
                     pyodide_url: str | None = None, cache_worker: str | None = None,
                     graph: Graph | None = None, snapshot: str | None = None,
                     snapshot_file: SiteFile | None = None) -> list[SiteFile]:
    """Everything the assessment pages load, or nothing when there are no assessments.

    `wheel` is the engine's `(file name, bytes)` from `generators.render.wheel.engine_wheel()`;
    `cache_worker` is the worker's URL from `cache_worker_url`; `snapshot` the URL of
    Python's snapshot (`generators.pyodide.snapshot`), if any, and `snapshot_file` its
    file when it goes inside the site (see `snapshot_files`).
    """
    if not needs_engine(playbook):
        return []
    files = [SiteFile(spec_uri(aid), json.dumps(spec, ensure_ascii=False).encode())
             for aid, spec in build_specs(playbook, use_directory_urls, graph).items()]
    files += [SiteFile(scorecard_spec_uri(cid), json.dumps(spec, ensure_ascii=False).encode())
              for cid, spec in build_scorecard_specs(playbook, use_directory_urls,
                                                     graph).items()]
    wheel_name, wheel_bytes = wheel
    files += [SiteFile(ENGINE_URI + wheel_name, wheel_bytes), cache_worker_file()]
    if snapshot_file is not None:
        files.append(snapshot_file)
    if pyodide_url is None:
        if pyodide_dir is None:
            raise MissingPyodide("the assessments need Pyodide: build without --no-fetch to "
                                 "download the pinned version once, run 'npm ci' to install "
                                 "it, or set the plugin's pyodide_dir or pyodide_url")
        files += pyodide_files(pyodide_dir, PYODIDE_URI)
    runtime = runtime_info(playbook, wheel_name, pyodide_url, cache_worker, snapshot)
    files.append(SiteFile(RUNTIME_URI, json.dumps(runtime, indent=2).encode()))
    return files


def pyodide_files(pyodide_dir: Path, prefix: str) -> list[SiteFile]:
    """The runtime's files in `pyodide_dir`, each under `prefix`, with its licence notice."""
    missing = [name for name in PYODIDE_FILES if not (pyodide_dir / name).is_file()]
    if missing:
        raise MissingPyodide(f"{pyodide_dir}: no {missing[0]} in it; it is not a complete "
                             "pyodide npm package")
    return [*(SiteFile(prefix + name, source=pyodide_dir / name) for name in PYODIDE_FILES),
            SiteFile(prefix + LICENSE_FILE, licence_notice(version_of(pyodide_dir)))]


def snapshot_file(name: str, data: bytes, pyodide_dir: Path,
                  shared: bool) -> tuple[str, SiteFile]:
    """Where Python's snapshot goes, and its file: beside the engine's wheel in a site; for
    a published version that loads the shared runtime, in that runtime's `engines/`
    folder, by its path on the pages branch, so that versions with the same engine keep
    one copy (its name carries the engine's hash). The URL is relative to the site's (or
    the version's) root."""
    if not shared:
        return ENGINE_URI + name, SiteFile(ENGINE_URI + name, data)
    folder = f"{SHARED_RUNTIME_DIR}pyodide-{version_of(pyodide_dir)}/{SNAPSHOT_FOLDER}"
    return "../" + folder + name, SiteFile(folder + name, data)


def shared_runtime(pyodide_dir: Path) -> tuple[str, list[SiteFile]]:
    """For a published version: the URL of the runtime all versions share, relative to
    the version's root (mike puts each version in a folder of the branch's root), and its
    files, by their path on the pages branch, the runtime cache's worker last."""
    folder = f"{SHARED_RUNTIME_DIR}pyodide-{version_of(pyodide_dir)}/"
    return "../" + folder, [*pyodide_files(pyodide_dir, folder), cache_worker_file()]



#: Where the theme override that puts the early loader into the page head (and the banner
#: of an older published version) goes, inside the site source's theme folder.
THEME_MAIN = "main.html"


#: The id of the <template> that holds the theme's scripts back on a page that runs the
#: engine, until the early loader runs them (`early-loader.js`, `runThemeLater`).
THEME_SCRIPTS_ID = "pb-theme-scripts"

#: The pages that run the engine, by the key of their meta that names what they score
#: (an assessment, a scorecard), with the folder of its spec.
_ENGINE_PAGE_SPECS = {"assessment": SPECS_URI, "scorecard": SCORECARD_SPECS_URI}
#: The theme's test (Jinja) for such a page, and the docs-relative URL of its spec.
_ENGINE_PAGE = ("page and page.meta and ("
                + " or ".join(f"page.meta.{key}" for key in _ENGINE_PAGE_SPECS) + ")")
_PAGE_SPEC = "".join(
    f"{{% {'if' if at == 0 else 'elif'} page.meta.{key} %}}{folder}{{{{ page.meta.{key} }}}}.json"
    for at, (key, folder) in enumerate(_ENGINE_PAGE_SPECS.items())) + "{% endif %}"


def page_spec(meta: dict[str, Any]) -> str | None:
    """The docs-relative URL of the spec a page with `meta` scores by; None for a page that
    does not run the engine."""
    for key, folder in _ENGINE_PAGE_SPECS.items():
        if meta.get(key):
            return f"{folder}{meta[key]}.json"
    return None


def head_override(runtime: dict[str, Any] | None, version: str | None = None) -> str:
    """A theme override (`main.html`, honoured by Material and by Zensical) and, for a
    published `version`, the banner an older version shows.

    With `runtime`, pages that run the engine get the early loader at the top of their
    head, before the theme's stylesheets (an inline script waits for the stylesheets
    above it), and their theme scripts (the `scripts` block: the theme's bundle, then the
    site's extra scripts) kept in a <template> for the early loader to run once the first
    result is drawn; the end of their header applies the palette the theme would (see
    `earlyPalette` in the early loader)."""
    blocks = ['{% extends "base.html" %}\n']
    if runtime is not None:
        loader = early_loader(runtime, "{{ base_url }}/", _PAGE_SPEC)
        blocks.append("{% block site_meta %}\n  {{ super() }}\n"
                      f"  {{% if {_ENGINE_PAGE} %}}\n  {loader}\n  {{% endif %}}\n"
                      "{% endblock %}\n")
        blocks.append(f"{{% block header %}}\n  {{{{ super() }}}}\n  {{% if {_ENGINE_PAGE} %}}\n"
                      "  <script>window.__playbookEarly && window.__playbookEarly.palette && "
                      "window.__playbookEarly.palette();</script>\n  {% endif %}\n"
                      "{% endblock %}\n")
        blocks.append(f"{{% block scripts %}}\n  {{% if {_ENGINE_PAGE} %}}\n"
                      f'  <template id="{THEME_SCRIPTS_ID}">{{{{ super() }}}}</template>\n'
                      "  {% else %}\n  {{ super() }}\n  {% endif %}\n{% endblock %}\n")
    if version is not None:
        blocks.append(outdated_block(version))
    return "".join(blocks)


def outdated_block(version: str) -> str:
    """The banner of an older published version (the theme's `outdated` block).

    The theme shows it only when told to. `playbook.js` does, on a version that is not
    the newest in `versions.json` (mike lists the newest first), and points its link at
    the same page in the newest version (or at that version's home when the page is not
    there). The link as written leads to the site's root, the default version."""
    label = html.escape(version, quote=True)
    return ("{% block outdated %}\n"
            f'  <span class="pb-outdated">This is version {label} of the playbook. A newer '
            'version exists: <a class="pb-newest" href="{{ base_url }}/../">'
            "<strong>read this page in the newest version</strong></a>.</span>\n"
            "{% endblock %}\n")


def early_loader(runtime: dict[str, Any], to_root: str, spec: str | None = None) -> str:
    """The head of an assessment page: the widget's modules, preloaded so that they are
    parsed before Pyodide's start keeps the page busy, and `early-loader.js` inlined and
    called with the site's addresses (see that file for what it does), then the widget's
    entry module. `to_root` leads to the site root; `spec` is the page's spec, which the
    early loader fetches (the widget asks for it only once the page is parsed, and its
    answer would wait for Python's start)."""
    def site(url: str) -> str:
        return url if "://" in url or url.startswith("/") else to_root + url

    pyodide = site(str(runtime["pyodide"])).rstrip("/") + "/"
    worker = runtime.get("cache_worker")
    snapshot = runtime.get("snapshot")
    arguments = ", ".join(json.dumps(value) for value in (
        pyodide, site(str(runtime["engine"])), site(str(worker)) if worker else None,
        site(spec) if spec else None, site(str(snapshot)) if snapshot else None))
    # Pyodide first: on a host that serves a few requests at a time, the modules and the
    # theme's stylesheets would otherwise go before it.
    # (`data-pb-early`: the early loader takes these out once they have served, before
    # the theme writes every address of the page out in full, which would load them again.)
    preload = (f'<link rel="preload" as="script" fetchpriority="high" data-pb-early '
               f'href="{html.escape(pyodide, quote=True)}pyodide.js">' +
               "".join(f'<link rel="modulepreload" data-pb-early '
                       f'href="{html.escape(site(uri), quote=True)}">'
                       for uri in preloaded_uris()))
    # The widget's entry runs from here: the theme's scripts, among them the same entry,
    # may be held back (a module runs once, however often a page names it).
    entry = f'<script type="module" src="{html.escape(site(WIDGET_ENTRY), quote=True)}"></script>'
    return f"{preload}\n<script>{_early_script()}({arguments});</script>{entry}"


@functools.cache
def _early_script() -> str:
    """`early-loader.js` without its comments and blank lines: inlined into every
    assessment page, and (where a user's theme override leaves the head alone) into
    the page's Markdown, where a blank line would end the raw HTML block."""
    text = resources.files("generators").joinpath("assets/early-loader.js").read_text("utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    lines = (line.rstrip() for line in text.splitlines())
    return "\n".join(line for line in lines if line.strip()).rstrip(";")


