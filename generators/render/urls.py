"""Where each entity's page lives in the site, and links between pages."""

from __future__ import annotations

import posixpath

from generators.model.layout import (  # where pages live, declared with the kinds
    ALL_MEETINGS_ICS,
    ASSESSMENTS,
    CAREERS,
    CHANGES,
    COMPETENCY_FRAMEWORK,
    COMPETENCY_MATRIX,
    ENABLEMENT,
    FIXED,
    FOLDERS,
    GLOSSARY,
    HIRING,
    HOME,
    KITS,
    MANAGEMENT_MODELS,
    MATURITY,
    MEETINGS,
    METRICS,
    ONBOARDING,
    ROLES,
    TAGS,
    TEAM_MODELS,
    calendar_uri,
    entity_uri,
    kit_uri,
    reserved_ids,
    role_calendar_uri,
    round_kit_uri,
    scorecard_tools_uri,
)

__all__ = [
    "ALL_MEETINGS_ICS",
    "ASSESSMENTS",
    "calendar_uri",
    "CAREERS",
    "CHANGES",
    "COMPETENCY_FRAMEWORK",
    "COMPETENCY_MATRIX",
    "ENABLEMENT",
    "entity_uri",
    "FIXED",
    "FOLDERS",
    "GLOSSARY",
    "HIRING",
    "HOME",
    "kit_uri",
    "KITS",
    "MANAGEMENT_MODELS",
    "MATURITY",
    "MEETINGS",
    "METRICS",
    "ONBOARDING",
    "page_url",
    "relative",
    "reserved_ids",
    "role_calendar_uri",
    "ROLES",
    "round_kit_uri",
    "scorecard_tools_uri",
    "TAGS",
    "TEAM_MODELS",
]


def relative(target: str, page: str) -> str:
    """A link from the page at `page` to `target` (both docs-relative paths)."""
    # Pure string work: called for every link on every page, so no file system calls.
    to_parts = [p for p in posixpath.normpath(target).split("/") if p != "."]
    from_parts = [p for p in posixpath.normpath(posixpath.dirname(page) or ".").split("/")
                  if p != "."]
    common = 0
    while (common < len(from_parts) and common < len(to_parts)
           and from_parts[common] == to_parts[common]):
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def page_url(uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page: `roles/sdr.md` -> `roles/sdr/`, or `roles/sdr.html`
    without `use_directory_urls`."""
    if not use_directory_urls:
        return uri.removesuffix(".md") + ".html"
    if uri == HOME:
        return ""
    if uri.endswith("/index.md"):
        return uri.removesuffix("index.md")
    return uri.removesuffix(".md") + "/"
