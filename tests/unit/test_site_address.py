"""The site's address: which one a build uses, and what a published site without a real
one loses, said in words."""

from __future__ import annotations

import pytest

from generators import site_address
from generators.site_address import LOCAL_PREVIEW, build_warnings, for_build, publish_warnings


@pytest.mark.parametrize(("address", "kind"), [
    (None, "none"), ("", "none"), ("playbook", "none"), ("ftp://files.acme.io/", "none"),
    ("https://playbook.example.com/", "placeholder"), ("https://example.org", "placeholder"),
    ("http://wiki.test/", "placeholder"), ("http://localhost:8000/", "local"),
    ("http://127.0.0.1:8123/", "local"), ("http://pb.local/", "local"),
    ("https://playbook.acme.io/team/", "real"), ("https://acme.github.io/playbook/", "real"),
])
def test_an_address_is_told_apart(address: str | None, kind: str) -> None:
    assert site_address.kind_of(address) == kind


def test_a_build_without_a_real_address_is_for_a_local_preview() -> None:
    assert for_build(None, None) == LOCAL_PREVIEW
    assert for_build(None, "https://playbook.example.com/") == LOCAL_PREVIEW
    assert for_build(None, "https://playbook.acme.io/") is None  # the config's stays
    assert for_build(None, "http://127.0.0.1:9000/") is None
    assert for_build("http://127.0.0.1:9000/", None) == "http://127.0.0.1:9000/"
    # Only a placeholder in the config is worth a word: none at all is a local build.
    assert build_warnings(None, None) == []
    assert build_warnings("https://pb.acme.io/", "https://playbook.example.com/") == []
    assert build_warnings(None, "https://playbook.example.com/") == [
        "site_url 'https://playbook.example.com/' is a placeholder, so the site was built "
        "for a local preview at http://localhost:8000/; before publishing it, set site_url "
        "in mkdocs.yml to the site's address, or give --site-url (without it, the site "
        "loses instant navigation between pages, the sitemap and canonical links, and the "
        "links from calendar files to the meetings' pages)"]


def test_a_published_site_without_a_real_address_says_what_it_loses() -> None:
    assert publish_warnings("https://playbook.acme.io/") == []
    assert publish_warnings(None) == [
        "the site has no address: published without one, it loses instant navigation "
        "between pages, the sitemap and canonical links, and the links from calendar files "
        "to the meetings' pages; set site_url in mkdocs.yml to the site's address, or give "
        "--site-url"]
    assert publish_warnings("https://playbook.example.com/")[0].startswith(
        "site_url 'https://playbook.example.com/' is a placeholder: published with it, the "
        "site loses instant navigation between pages")
    assert publish_warnings("http://127.0.0.1:9000/")[0].startswith(
        "site_url 'http://127.0.0.1:9000/' is an address on this machine: published with "
        "it, instant navigation between pages, the sitemap and canonical links, and the "
        "links from calendar files to the meetings' pages work only there")
