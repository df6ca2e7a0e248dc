"""The one error the importer raises: it says where (file, record, element) and what to do."""

from __future__ import annotations


class ImportFailed(Exception):
    """Bad input: nothing from the file named was kept."""

    def __init__(self, message: str, *, file: str = "", record: int | None = None, element: str = "",
                 identifier: str = ""):
        self.message, self.file, self.record, self.element, self.identifier = message, file, record, element, identifier
        super().__init__(self.describe())

    def describe(self) -> str:
        where = []
        if self.file:
            where.append(f"file {self.file}")
        if self.record is not None:
            where.append(f"record {self.record}" + (f" ({self.identifier})" if self.identifier else ""))
        if self.element:
            where.append(f"element <{self.element}>")
        return (f"{', '.join(where)}: " if where else "") + self.message

    def as_json(self) -> dict:
        return {"file": self.file, "record": self.record, "element": self.element, "identifier": self.identifier,
                "message": self.message}


class RecordProblem(Exception):
    """A value of one record cannot be read; the caller adds the file and record number."""

    def __init__(self, element: str, message: str):
        self.element, self.message = element, message
        super().__init__(f"<{element}>: {message}")
