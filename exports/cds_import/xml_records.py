"""Reading `<forms><form>…</form></forms>` parts one record at a time (lxml iterparse), so a part of any
size is never held in memory whole."""

from __future__ import annotations

from typing import IO, Iterator

from lxml import etree

from .errors import ImportFailed


def records(handle: IO[bytes], file: str) -> Iterator[dict[str, str | None]]:
    """Each `<form>` as {element: text} (an empty element is None), freed as soon as it is read.

    Only the root and the records raise events (their children are parsed in C), which keeps reading a
    record far cheaper than the pipeline that follows it."""
    number = 0
    try:
        for event, element in etree.iterparse(handle, events=("start", "end"), tag=("forms", "form"),
                                              resolve_entities=False, no_network=True, huge_tree=True):
            if event == "start":
                if element.tag == "forms" and element.getparent() is not None:
                    raise ImportFailed("<forms> is nested inside another element.", file=file)
                continue
            if element.tag == "forms":
                continue
            number += 1
            parent = element.getparent()
            if parent is None or parent.tag != "forms" or parent.getparent() is not None:
                raise ImportFailed("a <form> is not directly inside the root <forms>: this is not a CDS export "
                                   "part.", file=file, record=number)
            yield {child.tag: (child.text or None) for child in element}
            element.clear()
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        raise ImportFailed(f"the XML is malformed ({error.msg}, line {error.lineno}). Export the file again.",
                           file=file, record=number + 1) from error
    if number == 0 and not _is_forms_document(handle):
        raise ImportFailed("the root element is not <forms>: this is not a CDS export part.", file=file)


def _is_forms_document(handle) -> bool:
    """Whether a part with no records at all is still an (empty) `<forms>` document."""
    try:
        handle.seek(0)
        return etree.parse(handle, etree.XMLParser(resolve_entities=False, no_network=True)).getroot().tag == "forms"
    except (OSError, etree.XMLSyntaxError, ValueError):
        return False


def count_records(handle: IO[bytes], file: str) -> int:
    """How many `<form>` a part holds (a quick pass that also proves the XML is well formed)."""
    total = 0
    try:
        for _, element in etree.iterparse(handle, events=("end",), tag="form", resolve_entities=False,
                                          no_network=True, huge_tree=True):
            total += 1
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        raise ImportFailed(f"the XML is malformed ({error.msg}, line {error.lineno}). Export the file again.",
                           file=file, record=total + 1) from error
    return total


def manifest_count(handle: IO[bytes], file: str) -> int:
    """The `count-of-records` of an archive's manifest.xml."""
    try:
        root = etree.parse(handle, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        return int(root.findtext("form-data-summary/records/count-of-records"))
    except (etree.XMLSyntaxError, TypeError, ValueError) as error:
        raise ImportFailed("manifest.xml has no readable <count-of-records>.", file=file,
                           element="count-of-records") from error
