"""Hosts: the site generators that build a site source into a site.

Each is a thin adapter with the same two verbs: `build(source, out)` writes the
site for the site source at `source` into the empty folder `out`; `serve(source,
dev_addr)` previews it, rebuilding what changed. What each can and cannot do is
declared in `FEATURES` (and in the README's table); an option a host cannot
honour is reported, never ignored.
"""

from __future__ import annotations

from types import ModuleType

from generators.errors import UserError, did_you_mean

#: What each engine supports: feature -> True, or the reason it does not.
FEATURES: dict[str, dict[str, bool | str]] = {
    "mkdocs": {"search": True, "tags": True, "instant navigation": True,
               "version selector": True, "publish": True, "serve": True},
    "zensical": {"search": True, "tags": True, "instant navigation": True,
                 "version selector": "needs a fork of mike that is not on PyPI",
                 "publish": "needs a fork of mike that is not on PyPI", "serve": True},
}
ENGINES = tuple(FEATURES)


class HostError(UserError):
    """The host could not build the site; the message says why."""


def engine(name: str) -> ModuleType:
    """The adapter module of the engine `name`."""
    if name == "mkdocs":
        from generators.hosts import mkdocs

        return mkdocs
    if name == "zensical":
        from generators.hosts import zensical

        return zensical
    hint = did_you_mean(name, ENGINES)
    raise HostError(f"unknown engine '{name}'" + (f" ({hint})" if hint else "")
                    + f"; choose one of {', '.join(ENGINES)}")


def require(name: str, feature: str) -> None:
    """Refuse a feature the engine `name` cannot honour, saying why."""
    supported = FEATURES[name].get(feature, False)
    if supported is not True:
        why = supported if isinstance(supported, str) else "it is not supported"
        raise HostError(f"the {name} engine cannot {feature}: {why}; use --engine mkdocs")
