"""What a browser would send on saving an admin change form as it was shown: read from the page itself."""

from html.parser import HTMLParser

SKIPPED_INPUTS = {"submit", "button", "image", "file", "reset"}


class _ChangeForm(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.pairs: list[tuple[str, str]] = []
        self._select: str | None = None
        self._options: list[str] = []
        self._chosen: list[str] = []
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in SKIPPED_INPUTS or (kind in ("checkbox", "radio") and "checked" not in attrs):
                return
            self.pairs.append((name, attrs.get("value") or ("on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and name:
            self._select, self._options, self._chosen = name, [], []
        elif tag == "option" and self._select:
            self._options.append(attrs.get("value", ""))
            if "selected" in attrs:
                self._chosen.append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            # A browser sends the first option of a single choice list when none is marked selected.
            chosen = self._chosen or self._options[:1]
            self.pairs += [(self._select, value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.pairs.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


def unchanged_form_data(html: str, form_id: str) -> dict[str, list[str]]:
    """The fields of the form `form_id` as a browser would submit them untouched."""
    parser = _ChangeForm(form_id)
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in parser.pairs:
        data.setdefault(name, []).append(value)
    assert data, f"No form with id {form_id!r} on the page."
    return data
