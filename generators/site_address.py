"""The site's address (`site_url`): what the built site does with it, and what it loses
without a real one.

Material's instant navigation follows only links listed in the site's sitemap, whose
addresses come from `site_url` (the theme puts in the host name of the page it runs on,
not its port or folder). So a site built for one address navigates instantly only where
it is served at that address; without one it has no sitemap at all. A site built with
no real address is therefore built for a local preview, `http://localhost:8000/`, where
both `playbook serve` and `python -m http.server -d site` serve it by default. A
published site gets no such stand-in: publishing without a real address is allowed,
with a warning that names what the readers lose.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Where a local preview serves the site: `playbook serve` and `python -m http.server`.
LOCAL_PREVIEW = "http://localhost:8000/"

#: Host names kept for examples and tests (RFC 2606, RFC 6761): no site lives there.
_PLACEHOLDER = re.compile(r"(^|\.)(example\.(com|net|org)|example|test|invalid)$")
_LOCAL = re.compile(r"^(localhost|.*\.localhost|127(\.\d+){3}|0\.0\.0\.0|::1|.*\.local)$")


def kind_of(site_url: object) -> str:
    """`none`, `placeholder` (an example address), `local` (this machine) or `real`."""
    text = site_url.strip() if isinstance(site_url, str) else ""
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return "none"
    if parts.scheme not in ("http", "https") or not host:
        return "none"
    if _PLACEHOLDER.search(host):
        return "placeholder"
    return "local" if _LOCAL.match(host) else "real"


def for_build(given: str | None, configured: object) -> str | None:
    """The address a site not published with mike is built for: the one given on the
    command line, else the config's unless it is none or a placeholder, then the local
    preview's. None: the config's stays."""
    if given:
        return given
    return LOCAL_PREVIEW if kind_of(configured) in ("none", "placeholder") else None


#: What a site loses without its real address.
LOST = ("instant navigation between pages, the sitemap and canonical links, and the links "
        "from calendar files to the meetings' pages")


def build_warnings(given: str | None, configured: object) -> list[str]:
    """A build with a placeholder for an address is built for a local preview: say so."""
    if given or kind_of(configured) != "placeholder":
        return []
    return [f"site_url {configured!r} is a placeholder, so the site was built for a local "
            f"preview at {LOCAL_PREVIEW}; before publishing it, set site_url in mkdocs.yml "
            f"to the site's address, or give --site-url (without it, the site loses {LOST})"]


def publish_warnings(site_url: object) -> list[str]:
    """Publishing without a real address: what the published site loses."""
    kind = kind_of(site_url)
    if kind == "real":
        return []
    fix = "set site_url in mkdocs.yml to the site's address, or give --site-url"
    if kind == "none":
        return [f"the site has no address: published without one, it loses {LOST}; {fix}"]
    if kind == "placeholder":
        return [f"site_url {site_url!r} is a placeholder: published with it, the site "
                f"loses {LOST}; {fix}"]
    return [f"site_url {site_url!r} is an address on this machine: published with it, "
            f"{LOST} work only there; {fix}"]
