"""The `playbook` command: parses arguments and calls library verbs, nothing more."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generators import pipeline
from generators.errors import Problem, UserError, did_you_mean, os_error_message, printable
from generators.hosts import ENGINES

# The model, the checker and the renderer are imported by the commands that use them,
# so that a command (or a build with nothing to compile) starts at once.

DEFAULT_PLAYBOOK = Path("playbook")


class UsageError(UserError):
    """The command line asks for something that cannot be done."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `playbook` command; returns the exit status.

    Every failure is reported as one line per problem, never as a traceback (unless
    `--debug` asks for one): what the user can fix is a `UserError`; the machine's
    failures (a full disk, a read-only folder) are `OSError`s named by their file.
    """
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        status = handler(args)
        sys.stdout.flush()  # a closed pipe shows up here, where it is handled
        return status
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("playbook: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one edge where every failure is reported
        if args.debug:
            traceback.print_exc()
        for line in _error_lines(exc):
            print(line, file=sys.stderr)
        return 1


def _error_lines(exc: Exception) -> list[str]:
    """What to print for a failure, one line each, safe for a terminal."""
    if isinstance(exc, UserError):
        return exc.lines()
    if isinstance(exc, OSError):
        return [f"playbook: error: {printable(os_error_message(exc))}"]
    if isinstance(exc, RecursionError | MemoryError):
        return ["playbook: error: the input is too deeply nested or too large to process"]
    return [f"playbook: internal error: {printable(type(exc).__name__ + ': ' + str(exc))} "
            "(run again with --debug and report the traceback)"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="playbook",
        description="Compile a team playbook written as YAML into a documentation site.")
    parser.add_argument("--debug", action="store_true",
                        help="show Python tracebacks for errors (for bug reports)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check every file of a playbook and report all problems",
        description="Check every file of a playbook: YAML, fields, cross-references and lint "
                    "rules. Exits 1 when there is any error; warnings alone exit 0.")
    _playbook_option(validate)
    validate.add_argument("--format", choices=("text", "json"), default="text",
                          help="output format (default: text)")
    validate.set_defaults(handler=_validate)

    schema_cmd = commands.add_parser(
        "schema", help="write a JSON Schema per kind, for editor completion",
        description="Write one JSON Schema file per kind of playbook file.")
    schema_cmd.add_argument("--out", type=Path, default=DEFAULT_PLAYBOOK / "schemas",
                            help="folder to write into (default: playbook/schemas)")
    schema_cmd.set_defaults(handler=_schema)

    build = commands.add_parser(
        "build", help="check the playbook and build the site",
        description="Check the playbook and build the site. The new site replaces the old one "
                    "only when the whole build succeeds.")
    _playbook_option(build)
    build.add_argument("--site-dir", type=Path, default=Path("site"), metavar="DIR",
                       help="where to write the site (default: ./site)")
    build.add_argument("--site-url", metavar="URL",
                       help="address the site is served from (default: site_url of the config)")
    _engine_option(build)
    build.add_argument("--force", action="store_true",
                       help="replace DIR even when it is a non-empty folder that no build "
                            "wrote (never the playbook, docs, project, home or root folder)")
    _config_option(build)
    _fetch_option(build)
    build.set_defaults(handler=_build)

    serve = commands.add_parser(
        "serve", help="preview the site, rebuilding when a file changes",
        description="Serve the site on a local address and rebuild it whenever a playbook "
                    "file, template or docs page changes.")
    _playbook_option(serve)
    _config_option(serve)
    _engine_option(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(handler=_serve)

    assess_cmd = commands.add_parser(
        "assess", help="score an answers file, or list the assessments",
        description="Score answers with the same engine the site runs in the browser. "
                    "ANSWERS is a file exported from the site, or a JSON object of "
                    "question ids to answer ids. With --team, --compare or --debrief, "
                    "combine several people's exported files.")
    assess_cmd.add_argument("assessment", nargs="?", metavar="ID",
                            help="assessment id (a scorecard id with --debrief)")
    assess_cmd.add_argument("answers", nargs="*", type=Path, metavar="FILE",
                            help="answers file (several with --team or --debrief)")
    assess_cmd.add_argument("--list", action="store_true", help="list the assessments")
    assess_cmd.add_argument("--role", help="skills gap: compare with this role")
    together = assess_cmd.add_mutually_exclusive_group()
    together.add_argument("--team", action="store_true",
                          help="the team view of everyone's exported answers")
    together.add_argument("--compare", type=Path, metavar="OTHER.json",
                          help="skills: calibrate the person's own ratings against this "
                               "file (their manager's rating of them)")
    together.add_argument("--debrief", action="store_true",
                          help="the interview debrief of interviewers' scorecard files")
    assess_cmd.add_argument("--format", choices=("text", "json", "csv"), default="text",
                            help="output format (default: text; csv with --team, --compare "
                                 "or --debrief)")
    _playbook_option(assess_cmd)
    assess_cmd.set_defaults(handler=_assess)

    publish = commands.add_parser(
        "publish", help="build and deploy the playbook as a version (mike)",
        description="Check and build the playbook, then deploy it as VERSION on the pages "
                    "branch of this git repository, with a 'What changed' page against the "
                    "previous version. A published version is never replaced without --force.")
    publish.add_argument("version", metavar="VERSION", help="version label, e.g. 2026-Q4")
    publish.add_argument("--alias", help="alias to point at this version, e.g. latest; "
                                         "it becomes the default version")
    publish.add_argument("--title", help="title in the version selector (default: VERSION)")
    publish.add_argument("--force", action="store_true",
                         help="replace the version if it is already published")
    _engine_option(publish)
    publish.add_argument("--allow-dirty", action="store_true",
                         help="publish even when the playbook, templates, docs or config have "
                              "uncommitted changes")
    publish.add_argument("--branch", default="gh-pages", help="pages branch (default: gh-pages)")
    publish.add_argument("--site-url", metavar="URL", help="address the versions are served from")
    _playbook_option(publish)
    _config_option(publish)
    _fetch_option(publish)
    publish.set_defaults(handler=_publish)

    diff_cmd = commands.add_parser(
        "diff", help="list what changed between two versions of a playbook",
        description="Compare two versions: each of OLD and NEW is a playbook.json bundle, a "
                    "playbook folder, a version published on the pages branch, or a git ref.")
    diff_cmd.add_argument("old", metavar="OLD")
    diff_cmd.add_argument("new", metavar="NEW")
    diff_cmd.add_argument("--role", help="only the changes that concern this role")
    diff_cmd.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                          help="output format (default: text)")
    diff_cmd.add_argument("--branch", default="gh-pages", help="pages branch (default: gh-pages)")
    diff_cmd.set_defaults(handler=_diff)

    bundle = commands.add_parser(
        "bundle", help="write an offline copy of the site as one zip, with a launcher",
        description="Write the site, with the Python runtime its assessments use, into one "
                    "zip file that anyone can read offline: unzipped, 'python3 serve.py' "
                    "serves it on this computer and opens it (the assessments do not run "
                    "from pages opened as files). By default the playbook is built now; "
                    "--site takes a site an earlier build wrote, --version and "
                    "--all-versions take versions published on the pages branch. OUT is "
                    "never replaced without --force.")
    bundle.add_argument("out", type=Path, metavar="OUT.zip", help="the zip file to write")
    source = bundle.add_mutually_exclusive_group()
    source.add_argument("--site", type=Path, metavar="DIR",
                        help="bundle this site folder, written by 'playbook build'")
    source.add_argument("--version", action="append", metavar="V",
                        help="bundle this published version (a label or an alias); repeat "
                             "for more")
    source.add_argument("--all-versions", action="store_true",
                        help="bundle every published version")
    bundle.add_argument("--branch", help="pages branch to read versions from (default: "
                                         "gh-pages)")
    bundle.add_argument("--force", action="store_true", help="replace OUT if it is a file")
    _playbook_option(bundle)
    _config_option(bundle)
    _engine_option(bundle)
    _fetch_option(bundle)
    bundle.add_argument("--site-url", metavar="URL",
                        help="address the site is built for (default: site_url of the config)")
    bundle.set_defaults(handler=_bundle)

    init = commands.add_parser(
        "init", help="start a new playbook in a new or empty folder",
        description="Start a playbook: a manifest, one scale and a README on what to add "
                    "next, which validates and builds as written; or, with --example, a "
                    "complete example playbook to adapt. Nothing that exists is replaced.")
    init.add_argument("folder", type=Path, metavar="DIR",
                      help="the folder to create (it may exist if it is empty)")
    init.add_argument("--example", metavar="NAME",
                      help="write a complete example instead: social-selling (the default "
                           "playbook)")
    init.add_argument("--title", help="title of the playbook (default: from the folder name)")
    init.add_argument("--organisation", help="whose playbook it is (default: from the "
                                              "folder name)")
    init.set_defaults(handler=_init)

    migrate = commands.add_parser(
        "migrate", help="rewrite a playbook written for an earlier version",
        description="Rewrite a playbook written for an earlier version so that it means the "
                    "same to this one: write out the values earlier versions assumed (the "
                    "default scale, the currency) and declare the role families and metric "
                    "areas they built in. Prints one line per change; comments and layout "
                    "stay as they are.")
    migrate.add_argument("folder", type=Path, metavar="DIR", help="the playbook folder")
    migrate.add_argument("--check", action="store_true",
                         help="only list the changes; exit 1 when there are any")
    migrate.set_defaults(handler=_migrate)

    new = commands.add_parser(
        "new", help="write a starter file for a new entity",
        description="Write a valid starter file for a new entity into the playbook.")
    new.add_argument("kind", metavar="KIND",
                     help="the kind of entity, e.g. role, competency or cadence (also called "
                          "meeting); an unknown kind lists them all")
    new.add_argument("id", metavar="ID", help="id of the new entity, e.g. 'field-marketer'")
    _playbook_option(new)
    new.set_defaults(handler=_new)
    return parser


def _playbook_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--playbook", type=Path, default=DEFAULT_PLAYBOOK, metavar="DIR",
                        help="playbook folder (default: ./playbook)")


def _engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs",
                        help="the site generator that builds the site source: mkdocs (MkDocs "
                             "with Material, the default) or zensical (Material's successor, "
                             "an optional extra)")


def _fetch_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-fetch", action="store_true",
                        help="never download Pyodide: fail when the assessments need it and "
                             "no copy is installed (by default the pinned version is "
                             "downloaded once into ~/.cache/playbook-compiler)")


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, metavar="FILE",
                        help="MkDocs config (default: ./mkdocs.yml if present, else built-in)")


def _build(args: argparse.Namespace) -> int:
    _say(f"building the site from {args.playbook} ...", err=True)
    options = pipeline.Options(args.playbook, args.config, site_url=args.site_url,
                               fetch_pyodide=not args.no_fetch)
    built = pipeline.build(options, args.site_dir, engine_name=args.engine, force=args.force)
    for warning in built.warnings:
        _say(f"playbook: warning: {warning}", err=True)
    _say(f"built {built.pages} pages into {args.site_dir} in {built.seconds:.1f} s")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generators.serve import serve

    serve(pipeline.Options(args.playbook, args.config), engine_name=args.engine,
          dev_addr=args.dev_addr)
    return 0


def _assess(args: argparse.Namespace) -> int:
    from generators import assess

    if args.list:
        items = assess.list_assessments(args.playbook)
        if args.format == "json":
            _say_json(items)
        else:
            width = max(len(item["id"]) for item in items)
            for item in items:
                _say(f"{item['id'].ljust(width)}  {item['type']:<11} {item['title']}")
        return 0
    if args.team or args.compare or args.debrief:
        return _assess_together(args)
    if args.format == "csv":
        raise UsageError("--format csv is offered with --team, --compare and --debrief; a "
                         "single result is offered as text or json")
    if not args.assessment or len(args.answers) != 1:
        raise UsageError("give an assessment ID and one ANSWERS.json file, or --list")
    result = assess.assess(args.playbook, args.assessment, args.answers[0], args.role)
    if args.format == "json":
        _say_json(result)
    else:
        _say(assess.render_text(result))
    return 0


def _assess_together(args: argparse.Namespace) -> int:
    """`--team`, `--compare` and `--debrief`: several files, one view, printed only when
    every file can be used."""
    from generators import assess

    if not args.assessment or not args.answers:
        raise UsageError("give an ID and the exported FILEs to combine")
    if args.compare:
        if len(args.answers) != 1:
            raise UsageError("--compare takes the person's own file, then --compare "
                             "OTHER.json")
        view = assess.calibration(args.playbook, args.assessment, args.answers[0],
                                  args.compare, args.role)
    elif args.role:
        raise UsageError("--role goes with one answers file or with --compare")
    elif args.team:
        view = assess.team(args.playbook, args.assessment, args.answers)
    else:
        view = assess.debrief(args.playbook, args.assessment, args.answers)
    if args.format == "json":
        _say_json(view)
    else:
        _say(assess.render_together(view, args.format))
    return 0


def _publish(args: argparse.Namespace) -> int:
    from generators.hosts import require
    from generators.publish.publish import publish

    require(args.engine, "publish")
    _say(f"publishing {args.version} from {args.playbook} ...", err=True)
    done = publish(args.playbook, args.version, alias=args.alias, title=args.title,
                   force=args.force, config_file=args.config, branch=args.branch,
                   site_url=args.site_url, allow_dirty=args.allow_dirty,
                   fetch_pyodide=not args.no_fetch)
    for warning in done.warnings:
        _say(f"playbook: warning: {warning}", err=True)
    against = f", changes listed against {done.previous}" if done.previous else ""
    _say(f"published {done.version} on {args.branch}{against}; versions: "
          + ", ".join(str(v["version"]) for v in done.versions))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from generators.publish import report
    from generators.publish.sources import load_source
    from generators.versions.diff import diff_bundles

    changelog = diff_bundles(load_source(args.old, branch=args.branch),
                             load_source(args.new, branch=args.branch)).for_role(args.role)
    _say(report.render(changelog, args.format, role=args.role))
    return 0


def _bundle(args: argparse.Namespace) -> int:
    from generators.offline import make

    def progress(text: str) -> None:
        _say(text, err=True)

    published = bool(args.version or args.all_versions)
    if args.branch and not published:
        raise UsageError("--branch names where --version and --all-versions read published "
                         "versions; give one of them too")
    if published:
        done = make.from_branch(args.out, None if args.all_versions else args.version,
                                branch_name=args.branch or "gh-pages", force=args.force,
                                progress=progress)
    elif args.site:
        done = make.from_site(args.site, args.out, force=args.force, progress=progress)
    else:
        _say(f"building the site from {args.playbook} ...", err=True)
        done = make.from_build(pipeline.Options(args.playbook, args.config,
                                                site_url=args.site_url,
                                                fetch_pyodide=not args.no_fetch), args.out,
                               engine_name=args.engine, force=args.force, progress=progress)
    for note in done.notes:
        _say(f"playbook: warning: {note}", err=True)
    versions = f"; versions {', '.join(done.versions)}" if done.versions else ""
    _say(f"wrote {args.out} ({done.files} files, {done.size / 1_000_000:.1f} MB{versions}): "
         "unzip it and run 'python3 serve.py' in the folder it makes")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from generators.check import check

    checked = check(args.playbook)
    counts = checked.playbook.counts()
    if args.format == "json":
        report = {"ok": checked.ok, "counts": counts,
                  "problems": [p.to_json() for p in checked.problems]}
        _say_json(report)
        return 0 if checked.ok else 1
    for problem in checked.problems:
        _say(problem.render(), err=True)
    if not checked.ok:
        errors = len(checked.problems) - len(checked.warnings)
        _say(f"{_plural(errors, 'error')}, {_plural(len(checked.warnings), 'warning')}",
             err=True)
        return 1
    _print_counts(args.playbook, counts, checked.warnings)
    return 0


def _print_counts(root: Path, counts: dict[str, int], warnings: list[Problem]) -> None:
    total = sum(counts.values())
    _say(f"{root}: {_plural(total, 'entity', 'entities')} checked, no errors"
          + (f", {_plural(len(warnings), 'warning')}" if warnings else ""))
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        if count:
            _say(f"  {name.ljust(width)}  {count:>4}")


def _schema(args: argparse.Namespace) -> int:
    from generators import schema

    written = schema.write_schemas(args.out)
    _say(f"wrote {len(written)} schemas to {args.out}")
    return 0


def _init(args: argparse.Namespace) -> int:
    from generators.init import init_playbook

    if args.example and (args.title or args.organisation):
        raise UsageError("--title and --organisation apply to a new playbook, not to "
                         "--example (edit the example's playbook.yml instead)")
    written = init_playbook(args.folder, title=args.title, organisation=args.organisation,
                            example=args.example)
    playbook_files = [path for path in written if path.parent.name != "schemas"]
    _say(f"wrote {len(playbook_files)} playbook files and {len(written) - len(playbook_files)} "
         f"editor schemas into {args.folder}")
    _say(f"next: playbook validate --playbook {args.folder}, then playbook serve --playbook "
         f"{args.folder}" + ("" if args.example else f"; see {args.folder / 'README.md'}"))
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from generators.migrate import migrate

    changes = migrate(args.folder, write=not args.check)
    for change in changes:
        _say(change.render())
    if not changes:
        _say(f"{args.folder}: nothing to migrate")
    elif args.check:
        _say(f"{_plural(len(changes), 'change')} needed: run playbook migrate {args.folder}",
             err=True)
        return 1
    return 0


def _new(args: argparse.Namespace) -> int:
    from generators import scaffold
    from generators.model import ENTITY_KINDS, KIND_ALIASES, find_kind

    kind = find_kind(args.kind)
    if kind is None or kind.name == "manifest":
        names = [k.name for k in ENTITY_KINDS]
        hint = did_you_mean(args.kind, [*names, *KIND_ALIASES]) or "one of: " + ", ".join(
            names) + "".join(f"; '{alias}' is another name for {name}"
                             for alias, name in KIND_ALIASES.items())
        raise UsageError(f"unknown kind '{args.kind}' ({hint})")
    try:
        path = scaffold.new_entity(args.playbook, kind, args.id)
    except scaffold.ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    _say(f"wrote {path}")
    return 0


def _say(text: str, *, err: bool = False) -> None:
    """Print a report; a control character that came from the input shows as an escape."""
    print(printable(text, one_line=False), file=sys.stderr if err else sys.stdout)


#: Characters JSON leaves as they are but a terminal would act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _say_json(data: Any) -> None:
    """Print JSON (UTF-8, not ASCII-escaped) with the characters above escaped."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    print(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
