"""Writing CDS XML parts and the per-archive manifest with lxml's incremental writer.

Each record is built as one small element and written straight to the file, so memory holds one
record at a time whatever the size of the part.
"""

from __future__ import annotations


from lxml import etree

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
RECORD_INDENT = "\n  "
FIELD_INDENT = "\n    "


class PartWriter:
    """One `<forms>` document on disk; call `write(names, texts)` per record inside a `with` block."""

    def __init__(self, path):
        self.path = path
        self.count = 0
        self._templates: dict[int, tuple] = {}
        self._file = None
        self._context = None

    def __enter__(self):
        # lxml writes no line end after its declaration and nothing may precede the root, so the
        # declaration line is written to the file first.
        self._handle = open(self.path, "wb")
        self._handle.write(DECLARATION)
        self._file = etree.xmlfile(self._handle, encoding="UTF-8")
        self._xf = self._file.__enter__()
        self._context = self._xf.element("forms")
        self._context.__enter__()
        return self

    def write(self, names: tuple[str, ...], texts: list[str | None]) -> None:
        """One `<form>`: element `names[i]` holds `texts[i]` (None: an empty element).

        Records of the same shape reuse one element tree whose texts are overwritten, which is far
        cheaper than building ~200 elements per record; each is serialised straight to the file.
        """
        form, children = self._template(names)
        for child, value in zip(children, texts):
            child.text = value
        self._xf.write(RECORD_INDENT)
        self._xf.write(form)
        self.count += 1

    def _template(self, names: tuple[str, ...]):
        entry = self._templates.get(id(names))
        if entry is None or entry[0] is not names:
            form = etree.Element("form")
            children = [etree.SubElement(form, name) for name in names]
            for child in children:
                child.tail = FIELD_INDENT
            if children:
                form.text = FIELD_INDENT
                children[-1].tail = RECORD_INDENT
            entry = self._templates[id(names)] = (names, form, children)
        return entry[1], entry[2]

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self._xf.write("\n")
        self._context.__exit__(exc_type, exc, tb)
        try:
            return self._file.__exit__(exc_type, exc, tb)
        finally:
            self._handle.close()


def write_manifest(path, count: int) -> None:
    """`manifest.xml`: the number of `<form>` elements over every part of the archive."""
    report = etree.Element("report")
    records = etree.SubElement(etree.SubElement(report, "form-data-summary"), "records")
    etree.SubElement(records, "count-of-records").text = str(count)
    etree.indent(report, space="  ")
    with open(path, "wb") as handle:
        handle.write(DECLARATION + etree.tostring(report, encoding="UTF-8") + b"\n")
