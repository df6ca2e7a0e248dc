"""What an import did: counts per kind, records skipped and why, answers the rules refused, relationships
inferred from the logs (for support to confirm), and the files read."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("organisations", "users", "schemes", "locations", "lettings", "sales")
OUTCOMES = ("created", "updated", "unchanged", "skipped")
LISTED_AT_MOST = 1000  # detail lines kept per list; the counts stay exact


@dataclass
class Report:
    dry_run: bool = False
    counts: dict = field(default_factory=lambda: {kind: dict.fromkeys(OUTCOMES, 0) for kind in KINDS})
    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    refused_answers: list = field(default_factory=list)
    refused_total: int = 0
    confirmed_soft_checks: int = 0
    status_changes: list = field(default_factory=list)
    relationships_inferred: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    error: dict | None = None

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts[kind][outcome] += n

    def skip(self, kind: str, file: str, record: int, identifier, reason: str) -> None:
        self.count(kind, "skipped")
        if len(self.skipped) < LISTED_AT_MOST:
            self.skipped.append({"kind": kind, "file": file, "record": record, "id": identifier, "reason": reason})

    def refused(self, kind: str, identifier, field_name: str, answer, message: str, kept: bool) -> None:
        self.refused_total += 1
        if len(self.refused_answers) < LISTED_AT_MOST:
            self.refused_answers.append({"kind": kind, "id": identifier, "field": field_name,
                                         "answer": None if answer is None else str(answer),
                                         "message": message, "kept": kept})

    def merge(self, other: Report) -> None:
        """Add what another report found (a part imported by another process) after what this one found."""
        for kind, counts in other.counts.items():
            for outcome, n in counts.items():
                self.count(kind, outcome, n)
        self.skipped += other.skipped[:LISTED_AT_MOST - len(self.skipped)]
        self.refused_answers += other.refused_answers[:LISTED_AT_MOST - len(self.refused_answers)]
        self.refused_total += other.refused_total
        self.confirmed_soft_checks += other.confirmed_soft_checks
        self.status_changes += other.status_changes[:LISTED_AT_MOST - len(self.status_changes)]
        self.relationships_inferred += other.relationships_inferred  # only the part that added a pair lists it
        for text in other.notes:
            self.note(text)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def as_json(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "counts": self.counts,
            "files": self.files,
            "skipped": self.skipped,
            "refused_answers": self.refused_answers,
            "refused_answers_total": self.refused_total,
            "soft_checks_confirmed": self.confirmed_soft_checks,
            "status_changes": self.status_changes,
            "relationships_inferred": self.relationships_inferred,
            "notes": self.notes,
            "error": self.error,
        }
