"""Find live markup in built HTML: script elements, event handlers, javascript: URLs."""

from __future__ import annotations

from html.parser import HTMLParser


class LiveMarkup(HTMLParser):
    """Collects what in a page could run code, as the browser would parse it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value and \
                    value.strip().lower().startswith(("javascript:", "data:text/html")):
                self.found.append(f"<{tag} {name}={value[:40]}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "pb-xss" in data:
            self.found.append(f"<script>{data[:40]}")


def live_markup(html: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found
