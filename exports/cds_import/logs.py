"""Logs back from a CDS part, through the same pipeline as every other entry route.

Each record becomes a log in memory (new, or the stored one under the same id with the file's answers),
evaluated by `log_keep_valid` (routing, derived values, rules, status), then written in batches with
their history rows. Answers the rules refuse are left out and listed. A log whose date falls outside the
years open for entry today is history, not a new entry: it is kept, with the status the original service
gave it, and listed. A log with any other error on its set-up answers is skipped and listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import DatabaseError, connection, models

from domain import access, collection
from domain.models import LogStatus, Organisation, OrganisationRelationship, User
from domain.models.history import copy_to_history
from domain.models.inserts import insert_new
from domain.models.logs import STATUS_BY_NAME
from domain.selectors.lookups import remembered_lookups
from domain.services.logs import Outcome, apply_status, log_evaluate, log_keep_valid
from domain.validations.dates import log_date_error
from exports.cds.lettings_values import ID_OFFSET

from .errors import RecordProblem
from .part import Part
from .report import LISTED_AT_MOST

BATCH = 500
STATUS_NAMES = {LogStatus.NOT_STARTED: "not_started", LogStatus.IN_PROGRESS: "in_progress",
                LogStatus.COMPLETED: "completed", LogStatus.DELETED: "deleted"}
# Columns the importer itself sets on every log; not compared when deciding whether a log changed.
NOT_COMPARED = ("updated_at",)
# Held until its part commits by a part that adds relationships. Two parts imported at the same time
# (exports.cds_import.parallel) could otherwise each wait for a pair the other has added but not committed
# (a deadlock); with the lock, one adds its pairs after the other's are in.
RELATIONSHIPS_LOCK = 0x434F5245


@dataclass
class Incoming:
    """One record read: its number in the file, its id, the column values and what the file said."""

    number: int
    pk: int
    values: dict
    status: int  # the status code the original service gave the log
    created_at: datetime | None
    updated_at: datetime | None
    pair: tuple[int, int] | None = None
    notes: list = field(default_factory=list)


class Lookups:
    """What records refer to, read once per file: organisations, users by e-mail, and the objects
    themselves, handed to each log so that its rules do not look them up again log by log."""

    def __init__(self):
        self.organisation_objects = Organisation.objects.in_bulk()
        self.user_objects = User.objects.select_related("organisation").in_bulk()
        self.organisations = {pk: org.provider_type for pk, org in self.organisation_objects.items()}
        self.old_visible_ids = {old: pk for pk, old in Organisation.objects.exclude(old_visible_id=None)
                                .values_list("pk", "old_visible_id")}
        self.users = {email.lower(): pk for pk, email in User.objects.values_list("pk", "email")}
        self.user_ids = set(self.users.values())
        self.relationships = set(OrganisationRelationship.objects.values_list("stock_owner_id", "managing_agent_id"))

    def organisation(self, element: str, text: str | None) -> int | None:
        if text is None:
            return None
        pk = self.old_visible_ids.get(text)
        if pk is None and text.isdigit():
            pk = int(text) - ID_OFFSET if int(text) >= ID_OFFSET else int(text)
        if pk not in self.organisations:
            raise RecordProblem(element, f"organisation {text} is not in this service. Import the organisations "
                                         "collection that holds it first.")
        return pk

    def organisation_by_id(self, element: str, text: str | None) -> int | None:
        if text is None:
            return None
        if not text.isdigit() or int(text) not in self.organisations:
            raise RecordProblem(element, f"organisation {text} is not in this service. Import the organisations "
                                         "collection that holds it first.")
        return int(text)

    def user(self, element: str, email: str | None) -> int | None:
        if email is None:
            return None
        pk = self.users.get(email.strip().lower())
        if pk is None:
            raise RecordProblem(element, f"no user has the e-mail address {email}. Import the users collection "
                                         "that holds them first.")
        return pk


class LogImporter:
    """What lettings and sales share; a subclass reads one record into an `Incoming`."""

    model: type[models.Model]
    kind: str  # the report's name for the collection
    date_field: str
    date_words: str  # as the date rule names the date, e.g. "tenancy start date"

    def __init__(self, part: Part):
        self.part = part
        self.report = part.report
        self.lookups = Lookups()
        self.exported_columns: set[str] = set()
        orgs, users = self.lookups.organisation_objects, self.lookups.user_objects
        self.relations = {"owning_organisation": orgs, "managing_organisation": orgs, "assigned_to": users,
                          "created_by": users, "updated_by": users}

    def read(self, number: int, record: dict) -> Incoming:
        raise NotImplementedError

    def identify(self, record: dict):
        raise NotImplementedError

    def run(self) -> None:
        with remembered_lookups(), access.decisions_remembered():  # each organisation's agreement read once
            self._run()

    def _run(self) -> None:
        batch: list[Incoming] = []
        for number, record in self.part.records():
            with self.part.record(number, self.identify(record)):
                batch.append(self.read(number, record))
            if len(batch) >= BATCH:
                self._write_or_fail(batch)
                batch = []
        if batch:
            self._write_or_fail(batch)
        Part.reset_sequence(self.model)

    def _write_or_fail(self, batch: list[Incoming]) -> None:
        try:
            self._write(batch)
        except DatabaseError as error:
            first, last = batch[0], batch[-1]
            raise self.part.failed(
                first.number, f"logs {first.pk} to {last.pk}", "",
                f"records {first.number} to {last.number} could not be stored ({str(error).splitlines()[0]}).",
            ) from error

    # --- one batch ---------------------------------------------------------------------------------

    def _write(self, batch: list[Incoming]) -> None:
        self._add_relationships(batch)
        stored = self.model.objects.in_bulk([item.pk for item in batch])
        created, updated = [], []
        stamps = []
        for item in batch:
            existing = stored.get(item.pk)
            # A new log gets its id only after the pipeline: it takes a log with an id for a stored one.
            log = existing if existing is not None else self.model.blank()
            before = self._comparable(existing) if existing is not None else None
            for name, value in item.values.items():
                setattr(log, name, value)
            self._attach_related(log)
            if not self._evaluate(item, log):
                continue
            if existing is not None:
                log.updated_at = existing.updated_at
                if item.created_at:
                    log.created_at = item.created_at
                if self._comparable(log) == before and (item.updated_at is None
                                                         or item.updated_at == existing.updated_at):
                    self.report.count(self.kind, "unchanged")
                    continue
                updated.append(log)
            else:
                log.pk = item.pk
                created.append(log)
            stamps.append((item.created_at, item.updated_at, item.pk))
        if created:
            insert_new(self.model, created, keep_ids=True)  # COPY on PostgreSQL
            self.report.count(self.kind, "created", len(created))
        if updated:
            names = [f.attname for f in self.model._meta.concrete_fields if not f.primary_key]
            self.model.objects.bulk_update(updated, names, batch_size=BATCH)
            self.report.count(self.kind, "updated", len(updated))
        self._keep_timestamps(stamps)
        # The history rows are copied in the database once the rows hold the file's own times.
        if created:
            copy_to_history(self.model.objects.filter(pk__in=[log.pk for log in created]), history_type="+")
        if updated:
            copy_to_history(self.model.objects.filter(pk__in=[log.pk for log in updated]), history_type="~")

    def _attach_related(self, log) -> None:
        for name, objects in self.relations.items():
            pk = getattr(log, f"{name}_id")
            if pk is not None and pk in objects:
                setattr(log, name, objects[pk])

    def _comparable(self, log) -> dict:
        return {f.attname: getattr(log, f.attname) for f in self.model._meta.concrete_fields
                if f.attname not in NOT_COMPARED}

    def _keep_timestamps(self, stamps) -> None:
        """The logs' own created and updated times from the file, not the time of the import."""
        rows = [(c, u, pk) for c, u, pk in stamps if c and u]
        if not rows:
            return
        table = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # one statement for the batch
                created, updated, ids = (list(column) for column in zip(*rows))
                cursor.execute(f"UPDATE {table} SET created_at = v.created, updated_at = v.updated "
                               "FROM unnest(%s::timestamptz[], %s::timestamptz[], %s::bigint[]) "
                               f"AS v(created, updated, id) WHERE {table}.id = v.id", [created, updated, ids])
            else:
                cursor.executemany(f"UPDATE {table} SET created_at = %s, updated_at = %s WHERE id = %s", rows)

    def _add_relationships(self, batch: list[Incoming]) -> None:
        """Owning / managing pairs the files do not hold as relationships are created, and listed for
        support to confirm: without them the managing agent could not see or submit the logs."""
        for item in batch:
            pair = item.pair
            if not pair or pair[0] == pair[1] or pair in self.lookups.relationships:
                continue
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RELATIONSHIPS_LOCK])
            _, created = OrganisationRelationship.objects.get_or_create(stock_owner_id=pair[0],
                                                                         managing_agent_id=pair[1])
            self.lookups.relationships.add(pair)
            if not created:  # another part, imported at the same time, added it
                continue
            self.report.relationships_inferred.append({
                "stock_owner_id": pair[0], "managing_agent_id": pair[1],
                "stock_owner": Organisation.objects.get(pk=pair[0]).name,
                "managing_agent": Organisation.objects.get(pk=pair[1]).name,
                "first_seen": {"file": self.part.name, "record": item.number, "log": item.pk},
            })

    # --- the pipeline ------------------------------------------------------------------------------

    def _evaluate(self, item: Incoming, log) -> bool:
        """Run the log through the pipeline; False when it is skipped."""
        answers = dict(item.values)
        outcome = log_keep_valid(log)
        for name, messages in outcome.left_out.items():
            self.report.refused(self.kind, item.pk, name, answers.get(name), " ".join(messages), kept=False)
        outcome = self._confirm_soft_checks(item, log, outcome)
        window = self._window_errors(log, outcome)
        other = {name: messages for name, messages in outcome.errors.items()
                 if not (name == self.date_field and set(messages) <= window)}
        if other:
            reasons = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in other.items())
            self.report.skip(self.kind, self.part.name, item.number, item.pk,
                             f"the current rules refuse its set-up answers ({reasons})")
            return False
        computed = STATUS_BY_NAME[outcome.status]
        if outcome.errors:  # only the date window: history, kept as the original service had it
            for message in outcome.errors[self.date_field]:
                self.report.refused(self.kind, item.pk, self.date_field, answers.get(self.date_field), message,
                                    kept=True)
            log.status = log.status_cache = item.status if item.status != LogStatus.DELETED else computed
        else:
            apply_status(log, outcome)
            log.status_cache = computed
        if item.status == LogStatus.DELETED:
            # Sales carry no deletion time: the log's last update stands for it.
            log.discarded_at = log.discarded_at or item.updated_at
            log.status = LogStatus.DELETED
        elif log.discarded_at:  # restored in the original service since it was deleted
            log.discarded_at = None
            log.status = computed if not outcome.errors else item.status
        if log.status != item.status and len(self.report.status_changes) < LISTED_AT_MOST:
            self.report.status_changes.append({
                "kind": self.kind, "id": item.pk, "file": self.part.name, "record": item.number,
                "was": STATUS_NAMES.get(item.status, item.status), "now": STATUS_NAMES.get(log.status, log.status),
                "missing": outcome.missing[:10],
                "unconfirmed_soft_checks": [c["id"] for c in outcome.unconfirmed_soft_checks],
            })
        return True

    def _confirm_soft_checks(self, item: Incoming, log, outcome: Outcome) -> Outcome:
        """A completed log's soft checks were confirmed in the original service; the confirmations CDS does
        not carry are given again (those it carries came with the file)."""
        if item.status not in (LogStatus.COMPLETED, LogStatus.DELETED):
            return outcome
        to_confirm = [c["confirm_field"] for c in outcome.unconfirmed_soft_checks
                      if c.get("confirm_field") and c["confirm_field"] not in self.exported_columns]
        if not to_confirm:
            return outcome
        for name in to_confirm:
            setattr(log, name, 0)
        self.report.confirmed_soft_checks += len(to_confirm)
        return log_evaluate(log)

    def _window_errors(self, log, outcome: Outcome) -> set[str]:
        day = getattr(log, self.date_field)
        if self.date_field not in outcome.errors or day is None:
            return set()
        today = collection.today()
        return {m for m in (log_date_error(day, today=today, editing=e, what=self.date_words) for e in (True, False))
                if m}
