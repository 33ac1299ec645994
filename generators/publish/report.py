"""The changelog as text, JSON or Markdown, for `playbook diff`."""

from __future__ import annotations

import json

from generators.versions.diff import Changelog

SIGNS = {"added": "+", "removed": "-", "changed": "~", "renamed": ">"}


def render(changelog: Changelog, output: str, role: str | None = None) -> str:
    if output == "json":
        return json.dumps(changelog.to_json() | {"role": role}, indent=2, ensure_ascii=False)
    head = (f"Changes from {changelog.old_version or '?'} to {changelog.new_version or '?'}"
            + (f" for role {role}" if role else ""))
    if output == "markdown":
        lines = [f"# {head}", ""]
        lines += [f"- **{entry.status}** {line}" for entry in changelog.entries
                  for line in entry.lines()] or ["Nothing changed."]
        return "\n".join(lines)
    lines = [head + ":"]
    lines += [f"  {SIGNS[entry.status]} {line}" for entry in changelog.entries
              for line in entry.lines()] or ["  nothing changed"]
    return "\n".join(lines)
