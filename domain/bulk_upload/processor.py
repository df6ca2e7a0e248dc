"""The bulk upload pipeline: check the file, check every row through the shared pipeline, and either
create the logs (all in one transaction) or keep an error report for the uploader to act on."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

from domain import access
from domain.models import BulkUpload, BulkUploadError, CreationMethod, ErrorCategory, UploadStatus
from domain.models.logs import VISIBLE_STATUSES
from exports import storage

from . import reader
from domain.lookups import cached_answers_only
from domain.lookups.uploads import lookups_prefetch
from domain.selectors.lookups import remembered_lookups

from .checking import checker_count, row_checker
from .rows import UploadContext, batch_insert, build_log, clear, columns_to_clear, pipeline, settle
from .template import Row, template_for

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 250
INSERT_BATCH = 250
ERROR_BATCH = 1000
SETUP, SOFT, NOT_ANSWERED = ErrorCategory.SETUP, ErrorCategory.SOFT, ErrorCategory.NOT_ANSWERED
KIND_OF_LOG = {"lettings": "letting", "sales": "sale"}  # for the wording of duplicate errors


class _NotCreating(Exception):
    """Raised inside the transaction to undo every log of a file that is not all valid."""


@dataclass
class Tally:
    rows: int = 0
    logs: int = 0
    rows_with_errors: int = 0
    blocked: bool = False
    existing_duplicates: bool = False
    counts: dict = field(default_factory=lambda: {SETUP: 0, SOFT: 0, NOT_ANSWERED: 0, "": 0})
    errors: list = field(default_factory=list)
    # Within-file duplicate key -> row numbers. Keyed by the answers themselves: a hash alone would let two
    # different rows whose hashes collide pass for duplicates.
    keys: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)  # each distinct answer in a key, once
    existing: dict = field(default_factory=dict)  # (owner, start date) -> duplicate keys of existing logs
    letters: dict = field(default_factory=dict)  # field number -> column letter


def context_for(upload: BulkUpload) -> UploadContext:
    template = template_for(upload.log_type, upload.year)
    if template is None:
        raise reader.FileRejected(f"There is no {upload.log_type} template for {upload.year} to {upload.year + 1} yet.",
                                  "wrong_template")
    return UploadContext(upload=upload, template=template, uploader=upload.uploaded_by,
                         organisation=upload.organisation)


def process(upload: BulkUpload) -> BulkUpload:
    """Check an upload's stored file and, when every row is valid, create its logs."""
    BulkUploadError.objects.filter(bulk_upload=upload).delete()
    _set(upload, status=UploadStatus.PROCESSING, rows_processed=0, logs_created=0, error_summary="")
    try:
        context = context_for(upload)
        with storage.open_file(upload.file_key) as binary:
            layout = reader.read_layout(binary, context.template)
        _set(upload, rows_total=layout.rows_total)
        # Within one upload, look-ups and access decisions (the owners' data sharing agreements, the
        # uploader's organisations) are worked out once, not for every row.
        with remembered_lookups(), access.decisions_remembered():
            _look_up_ahead(upload, context, layout)
            with cached_answers_only(), row_checker(context, checker_count(layout.rows_total)) as check:
                tally = _check_and_create(upload, context, layout, check)
    except reader.FileRejected as rejected:
        return _finish(upload, rejected.reason, error_summary=str(rejected))
    except Exception:  # any other failure: nothing was created, and the uploader is told
        logger.exception("Bulk upload %s could not be processed", upload.pk)
        return _finish(upload, UploadStatus.PROCESSING_ERROR,
                       error_summary="Something went wrong while checking the file. Upload it again; if this "
                                     "happens again, contact the helpdesk.")
    _save_errors(upload, tally.errors)
    return _finish(upload, _status_of(tally), logs_created=tally.logs, rows_processed=tally.rows,
                   rows_with_errors=tally.rows_with_errors, setup_errors=tally.counts[SETUP],
                   critical_errors=tally.counts[""] + tally.counts[NOT_ANSWERED], soft_errors=tally.counts[SOFT])


def _status_of(tally: Tally) -> str:
    if tally.counts[SETUP]:
        return UploadStatus.IMPORTANT_ERRORS
    if tally.blocked:
        return UploadStatus.BLOCKED
    if tally.existing_duplicates:
        return UploadStatus.DUPLICATES
    if tally.counts[""] or tally.counts[NOT_ANSWERED]:
        return UploadStatus.CRITICAL_ERRORS
    if tally.counts[SOFT]:
        return UploadStatus.POTENTIAL_ERRORS
    return UploadStatus.LOGS_CREATED


LOOKED_UP = ("postcode_full", "ppostcode_full", "uprn")  # the answers the look-ups need


def _look_up_ahead(upload, context, layout) -> None:
    """Every distinct postcode and UPRN of the file, looked up before the transaction opens. Only their
    cells are read (postcodes come in two parts), so this pass costs little more than parsing the CSV."""
    template = context.template
    index = {number: column for column, number in layout.columns.items()}
    cells = {name: [index[n] for n, cell in sorted(template.fields.items()) if name in cell.columns and n in index]
             for name in LOOKED_UP}

    def answers(binary):
        for position, record in enumerate(reader.records(binary)):
            if position <= layout.header_index or not record:
                continue
            yield {name: " ".join(record[i].strip() for i in columns if i < len(record) and record[i].strip())
                   for name, columns in cells.items()}

    with storage.open_file(upload.file_key) as binary:
        lookups_prefetch(answers(binary))


def _check_and_create(upload, context, layout, check) -> Tally:
    """One pass over the rows, each checked by `check` (in this process or others). While every row so far
    is valid its log is saved; the first invalid row stops saving, and at the end the transaction is undone
    unless every row was valid."""
    tally = Tally()
    insert = batch_insert(context.template.log_type)
    waiting: list = []  # valid logs not inserted yet (a batch at most)
    try:
        with transaction.atomic():
            with storage.open_file(upload.file_key) as binary:
                for row, log, outcome in check(reader.data_rows(binary, context.template, layout)):
                    tally.rows += 1
                    if log is not None:
                        _duplicates(row, log, context, tally)
                        if row.errors:
                            _note_errors(row, log, outcome, context, tally)
                        elif tally.rows_with_errors == 0:
                            _mark(log, upload)
                            waiting.append((log, outcome))
                            tally.logs += 1
                    if tally.rows_with_errors:
                        waiting.clear()
                    elif len(waiting) >= INSERT_BATCH:
                        insert(evaluated=waiting, by=context.uploader)
                        waiting = []
                    if tally.rows % PROGRESS_EVERY == 0:
                        _progress(upload, tally.rows)
            if waiting and not tally.rows_with_errors:
                insert(evaluated=waiting, by=context.uploader)
            _within_file_duplicates(context, tally)
            if tally.rows_with_errors or tally.logs == 0:
                raise _NotCreating
    except _NotCreating:
        tally.logs = 0
    return tally


def _note_errors(row: Row, log, outcome, context, tally: Tally) -> None:
    tally.rows_with_errors += 1
    if row.blocks:
        tally.blocked = True
    elif any(error.category == "" for error in row.errors):
        # The logs can be created only if clearing the invalid answers leaves valid logs.
        clear(log, columns_to_clear({e.field for e in row.errors if e.category == ""}, context), context)
        if settle(log).errors:
            tally.blocked = True
    details = context.template.describe_row(row)
    for error in row.errors:
        tally.counts[error.category] += 1
        tally.errors.append(_error_record(row, error, context, details))


def _error_record(row: Row, error, context, details) -> BulkUploadError:
    letter = row.letters.get(error.field, "") if error.field else ""
    return BulkUploadError(
        row=row.number, field_number=error.field, cell=f"{letter}{row.number}" if letter else "",
        question=(error.question or (context.question_label(error.field) if error.field else ""))[:255],
        message=error.message, category=error.category, **details,
    )


def _duplicates(row: Row, log, context, tally: Tally) -> None:
    template = context.template
    key = tuple(row.get(n) for n in template.duplicate_fields)
    charges = [row.get(n) for n in (142, 143, 144, 145)] if template.log_type == "lettings" else []
    if charges and None not in charges:
        key += (sum(charges, Decimal(0)),)
    tally.letters = tally.letters or row.letters  # the same for every row: kept once
    # Kept for the whole file, so equal answers are kept once (rows checked in other processes come back with
    # copies of their own); equal values make equal keys, so which of them is kept changes nothing.
    key = tuple(tally.answers.setdefault(value, value) for value in key)
    tally.keys.setdefault(key, []).append((row.number, bool(charges and None not in charges)))
    columns = template.existing_duplicate_columns
    if not (columns and log.owning_organisation_id and getattr(log, log.DATE_FIELD, None)):
        return
    if _duplicate_key(log, columns) in _existing_keys(log, columns, context, tally):
        tally.existing_duplicates = True
        row.add(list(template.existing_duplicate_fields), "A log with the same answers to these questions already "
                f"exists. Delete this row, or correct it if it is a different {KIND_OF_LOG[template.log_type]}.",
                only_if_clear=True)


def _duplicate_key(log, columns) -> tuple:
    return tuple(None if getattr(log, column, None) in (None, "") else getattr(log, column) for column in columns)


def _existing_keys(log, columns, context, tally: Tally) -> set:
    """The duplicate keys of visible logs with the same owner and date, read once per pair."""
    pair = (log.owning_organisation_id, getattr(log, log.DATE_FIELD))
    if pair not in tally.existing:
        existing = (type(log).objects.filter(owning_organisation_id=pair[0], **{log.DATE_FIELD: pair[1]},
                                             status__in=VISIBLE_STATUSES)
                    .exclude(bulk_upload=context.upload).values_list(*columns))
        tally.existing[pair] = {tuple(None if value in (None, "") else value for value in row) for row in existing}
    return tally.existing[pair]


def _within_file_duplicates(context, tally: Tally) -> None:
    template = context.template
    for rows in tally.keys.values():
        if len(rows) < 2:
            continue
        for number, with_charges in rows:
            fields = list(template.duplicate_fields) + ([142, 143, 144, 145] if with_charges else [])
            others = ", ".join(str(other) for other, *_ in rows if other != number)
            row = Row(number=number, raw={}, values={}, unreadable=set(), letters=tally.letters)
            row.add(fields, f"This row is the same as row {others} of the file. Remove the repeated rows, or "
                            f"correct them if they are different {KIND_OF_LOG[template.log_type]}s.", SETUP)
            tally.rows_with_errors += 1
            for error in row.errors:
                tally.counts[SETUP] += 1
                tally.errors.append(_error_record(row, error, context, {}))
    tally.keys.clear()


def _mark(log, upload: BulkUpload) -> None:
    log.bulk_upload = upload
    log.creation_method = CreationMethod.BULK_UPLOAD


def _save_errors(upload: BulkUpload, errors: list) -> None:
    for error in errors:
        error.bulk_upload = upload
    BulkUploadError.objects.bulk_create(errors, batch_size=ERROR_BATCH)


def create_logs(upload: BulkUpload) -> int:
    """Create the logs of an upload whose rows have errors the uploader chose to accept: invalid
    answers are cleared and soft checks confirmed. All in one transaction: a failure creates none."""
    context = context_for(upload)
    _, save = pipeline(context.template.log_type)
    invalid: dict[int, set[int]] = {}
    for row_number, field_number in upload.errors.filter(category="").values_list("row", "field_number"):
        invalid.setdefault(row_number, set()).add(field_number)
    with storage.open_file(upload.file_key) as binary:
        layout = reader.read_layout(binary, context.template)
    with remembered_lookups(), access.decisions_remembered():
        _look_up_ahead(upload, context, layout)
        with cached_answers_only():
            return _create_logs(upload, context, layout, save, invalid)


def _create_logs(upload, context, layout, save, invalid) -> int:
    created = 0
    with transaction.atomic():
        with storage.open_file(upload.file_key) as binary:
            for row in reader.data_rows(binary, context.template, layout):
                if row.is_blank():
                    continue
                log = build_log(row, context)
                clear(log, columns_to_clear(invalid.get(row.number, ()), context), context)
                for column in context.interruption_columns:
                    setattr(log, column, 0)  # the uploader confirmed every soft check
                outcome = settle(log)
                _mark(log, upload)
                save(log=log, by=None, outcome=None if outcome.errors else outcome)
                created += 1
    return created


def _set(upload: BulkUpload, **values) -> None:
    for name, value in values.items():
        setattr(upload, name, value)
    BulkUpload.objects.filter(pk=upload.pk).update(**values)


def _finish(upload: BulkUpload, status: str, **values) -> BulkUpload:
    _set(upload, status=status, finished_at=timezone.now(), **values)
    from .notifications import send_outcome_email

    send_outcome_email(upload)
    return upload


def _progress(upload: BulkUpload, processed: int) -> None:
    """Rows checked so far, written through a connection of its own so that it is seen while the
    upload's transaction is still open (not on SQLite, which allows one writer at a time)."""
    upload.rows_processed = processed
    if connection.vendor == "sqlite":
        return
    side = connections.create_connection("default")
    try:
        with side.cursor() as cursor:
            cursor.execute(f"UPDATE {BulkUpload._meta.db_table} SET rows_processed = %s WHERE id = %s",
                           [processed, upload.pk])
    except DatabaseError:
        pass
    finally:
        side.close()
