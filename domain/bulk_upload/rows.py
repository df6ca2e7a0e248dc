"""One row through the shared pipeline: build the log from the row, run the bulk-only checks and the
log's own rules (`lettings_log_evaluate` or `sales_log_evaluate`, the same as the admin form), and put every finding on the
template field it concerns."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from domain import access
from domain.forms.catalogue import CHECKBOX, INTERRUPTION, Form
from domain.forms.registry import form_for_year
from domain.models import BulkUpload, ErrorCategory, Organisation, OrganisationRelationship, User
from domain.services.answers import References, log_from_answers

from .template import Row, Template, field_question

SETUP, SOFT, NOT_ANSWERED = ErrorCategory.SETUP, ErrorCategory.SOFT, ErrorCategory.NOT_ANSWERED
KEEP_WHEN_CLEARING = ("details_known_", "hhmemb")


def pipeline(log_type: str):
    """The shared evaluate and save functions of a log type."""
    if log_type == "lettings":
        from domain.services.lettings import lettings_log_evaluate, lettings_log_save

        return lettings_log_evaluate, lettings_log_save
    if log_type == "sales":
        from domain.services.sales import sales_log_evaluate, sales_log_save

        return sales_log_evaluate, sales_log_save
    raise LookupError(f"Logs of type {log_type!r} cannot be uploaded yet.")


def batch_insert(log_type: str):
    """The shared function that inserts a batch of evaluated new logs."""
    if log_type == "lettings":
        from domain.services.lettings import lettings_logs_insert

        return lettings_logs_insert
    if log_type == "sales":
        from domain.services.sales import sales_logs_insert

        return sales_logs_insert
    raise LookupError(f"Logs of type {log_type!r} cannot be uploaded yet.")


@dataclass
class UploadContext:
    """What every row of one upload shares, with look-ups made once per upload."""

    upload: BulkUpload
    template: Template
    uploader: User
    organisation: Organisation
    references: References = field(default_factory=lambda: References(schemes_of_log_organisations=True))
    _agents: dict = field(default_factory=dict)
    _families: dict = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.template.year

    @cached_property
    def uploader_is_support(self) -> bool:
        return access.is_support(self.uploader)

    @cached_property
    def form(self) -> Form:
        return form_for_year(self.template.log_type, self.template.year)

    @cached_property
    def affiliated_owner_ids(self) -> set[int]:
        """The uploading organisation (if it owns stock), its stock owners, and the same for every
        organisation it absorbed."""
        family = self.organisation_family(self.organisation.pk)
        holders = set(Organisation.objects.filter(pk__in=family, holds_own_stock=True).values_list("pk", flat=True))
        owners = set(OrganisationRelationship.objects.filter(managing_agent_id__in=family)
                     .values_list("stock_owner_id", flat=True))
        return holders | owners

    def managing_agent_ids(self, owner_id: int) -> set[int]:
        if owner_id not in self._agents:
            self._agents[owner_id] = set(OrganisationRelationship.objects.filter(stock_owner_id=owner_id)
                                         .values_list("managing_agent_id", flat=True))
        return self._agents[owner_id]

    def organisation_family(self, organisation_id: int) -> set[int]:
        """An organisation and those it absorbed."""
        if organisation_id not in self._families:
            absorbed = Organisation.objects.filter(absorbing_organisation_id=organisation_id)
            self._families[organisation_id] = {organisation_id, *absorbed.values_list("pk", flat=True)}
        return self._families[organisation_id]

    @cached_property
    def setup_columns(self) -> set[str]:
        return {column for _, question in self.form.subsections[0].questions for column in question.columns}

    @cached_property
    def interruption_columns(self) -> list[str]:
        return list(dict.fromkeys(q.field for q in self.form.questions if q.type == INTERRUPTION))

    @cached_property
    def interruption_pages(self) -> dict[str, list[tuple]]:
        """For each soft-check field: its pages, each with the columns of the page before it (the
        answers that set the check off)."""
        found: dict[str, list[tuple]] = {}
        for subsection in self.form.subsections:
            previous: list[str] = []
            for page in subsection.pages:
                questions = page.questions
                if len(questions) == 1 and questions[0].type == INTERRUPTION:
                    found.setdefault(questions[0].field, []).append((page, questions[0], tuple(previous)))
                else:
                    previous = [column for q in questions for column in q.columns]
        return found

    def question_label(self, number: int) -> str:
        return field_question(self.template, self.form, number)


def build_log(row: Row, context: UploadContext):
    """The unsaved log of a row, after the bulk-only checks (which may correct it, e.g. assign it to the
    uploader when the email is unknown)."""
    template = context.template
    answers = template.build(row, context)
    problems: dict[str, str] = {}
    log = log_from_answers(log_type=template.log_type, year=template.year, answers=answers,
                           references=context.references, problems=problems)
    log.created_by = log.updated_by = context.uploader
    template.checks(row, log, context, problems)
    return log


def examine(row: Row, context: UploadContext):
    """Check one row: every error ends up in `row.errors`. Returns the log and its evaluation."""
    evaluate, _ = pipeline(context.template.log_type)
    log = build_log(row, context)
    outcome = evaluate(log)
    _log_errors(row, outcome, context)
    _soft_checks(row, log, outcome, context)
    _unanswered(row, outcome, context)
    _unreadable(row, outcome, context)
    return log, outcome


def _fields_of(column: str, context: UploadContext, row: Row | None = None) -> tuple[int, ...]:
    return context.template.fields_for_column(column, row)


def _is_setup(column: str, fields, context: UploadContext) -> bool:
    return column in context.setup_columns or bool(fields and set(fields) <= context.template.setup_fields)


def _log_errors(row: Row, outcome, context: UploadContext) -> None:
    for column, messages in outcome.errors.items():
        fields = _fields_of(column, context, row) or (None,)
        category = SETUP if _is_setup(column, fields, context) else ""
        for number in fields:
            if number is not None and row.has_error(number):
                continue
            for message in messages:
                row.add(number, message, category)


def _soft_checks(row: Row, log, outcome, context: UploadContext) -> None:
    for column in outcome.missing:
        for page, question, triggers in context.interruption_pages.get(column, ()):
            if not page.shown_when.holds(log):
                continue
            fields = sorted({n for trigger in triggers for n in _fields_of(trigger, context, row)})
            if fields and not any(row.has_error(n) for n in fields):
                row.add(fields, question.label, SOFT)


def _unanswered(row: Row, outcome, context: UploadContext) -> None:
    for name in outcome.missing:
        if name in context.interruption_pages:
            continue
        fields = _fields_of(name, context, row)
        if any(row.has_error(n) for n in fields):
            continue
        label = context.form.question(name).label.rstrip("?")
        category = SETUP if _is_setup(name, fields, context) else NOT_ANSWERED
        row.add(list(fields) or [None], f"Answer this question: {label}.", category)


def _unreadable(row: Row, outcome, context: UploadContext) -> None:
    shown = set(outcome.shown)
    for number in sorted(row.unreadable):
        spec = context.template.fields[number]
        setup = number in context.template.setup_fields
        if not (setup or shown & set(spec.columns)):
            continue
        row.errors = [error for error in row.errors if error.field != number]
        row.add(number, f"Enter a valid value for “{context.question_label(number)}”: see the template for the "
                        "answers it takes.", SETUP if setup else "")


def columns_to_clear(numbers, context: UploadContext) -> set[str]:
    """The columns whose answers go when fields have invalid answers (never set-up answers)."""
    columns = set()
    for number in numbers:
        if number is None or number in context.template.setup_fields:
            continue
        columns.update(c for c in context.template.fields[number].columns if not c.startswith(KEEP_WHEN_CLEARING))
    return columns - context.setup_columns


def clear(log, columns, context: UploadContext) -> None:
    for column in columns:
        question = None
        try:
            question = context.form.question(column)
        except KeyError:
            pass
        targets = question.columns if question is not None and question.type == CHECKBOX else [column]
        for target in targets:
            current = getattr(log, target, None)
            setattr(log, target, "" if isinstance(current, str) else None)


def settle(log, context: UploadContext, outcome, *, passes: int = 3):
    """Clear answers with hard errors (outside set-up) and re-evaluate until none is left; returns the
    final evaluation (which may still have errors when set-up answers are wrong)."""
    evaluate, _ = pipeline(context.template.log_type)
    for _ in range(passes):
        bad = {column for column in outcome.errors if column not in context.setup_columns and column != "hhmemb"}
        if not bad:
            break
        clear(log, bad, context)
        outcome = evaluate(log)
    return outcome
