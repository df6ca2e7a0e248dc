"""Reading `<forms><form>…</form></forms>` parts one record at a time (lxml iterparse), so a part of any
size is never held in memory whole."""

from __future__ import annotations

from typing import IO, Iterator

from lxml import etree

from .errors import ImportFailed


def records(handle: IO[bytes], file: str) -> Iterator[dict[str, str | None]]:
    """Each `<form>` as {element: text} (an empty element is None), freed as soon as it is read."""
    number = 0
    try:
        context = etree.iterparse(handle, events=("start", "end"), resolve_entities=False, no_network=True,
                                  huge_tree=True)
        depth = 0
        for event, element in context:
            if event == "start":
                depth += 1
                if depth == 1 and element.tag != "forms":
                    raise ImportFailed(f"the root element is <{element.tag}>, not <forms>: this is not a CDS "
                                       "export part.", file=file)
                continue
            depth -= 1
            if depth == 1:
                number += 1
                if element.tag != "form":
                    raise ImportFailed(f"expected <form>, found <{element.tag}>.", file=file, record=number)
                yield {child.tag: (child.text or None) for child in element}
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as error:
        raise ImportFailed(f"the XML is malformed ({error.msg}, line {error.lineno}). Export the file again.",
                           file=file, record=number + 1) from error


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
