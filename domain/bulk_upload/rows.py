"""One row through the shared pipeline: build the log from the row, run the bulk-only checks and the
log's own rules (`log_evaluate`, the same as the admin form), and put every finding on the
template field it concerns."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, partial

from domain import access
from domain.forms.catalogue import CHECKBOX, INTERRUPTION, Form
from domain.forms.engine import blank_answer
from domain.forms.registry import form_for_year
from domain.models import BulkUpload, ErrorCategory, Organisation, User
from domain.services.answers import MODELS, References, log_from_answers
from domain.services.logs import log_evaluate, log_keep_valid, log_save, logs_insert

from .template import Row, Template, field_question

SETUP, SOFT, NOT_ANSWERED = ErrorCategory.SETUP, ErrorCategory.SOFT, ErrorCategory.NOT_ANSWERED
KEEP_WHEN_CLEARING = ("details_known_", "hhmemb")


def pipeline(log_type: str):
    """The shared evaluate and save functions (the same for every log type: each log knows its kind)."""
    return log_evaluate, log_save


def batch_insert(log_type: str):
    """The shared function that inserts a batch of evaluated new logs of this type."""
    return partial(logs_insert, MODELS[log_type])


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
        """The uploader chose the organisation (support): logs are assigned only as the file says."""
        return access.uploads_for_any_organisation(self.uploader)

    @cached_property
    def form(self) -> Form:
        return form_for_year(self.template.log_type, self.template.year)

    @cached_property
    def affiliated_owner_ids(self) -> set[int]:
        """The owners the uploading organisation may add logs for (decided by domain.access)."""
        return access.affiliated_stock_owner_ids(self.organisation, self.organisation_family(self.organisation.pk))

    def managing_agent_ids(self, owner_id: int) -> set[int]:
        if owner_id not in self._agents:
            self._agents[owner_id] = access.managing_agent_ids(owner_id)
        return self._agents[owner_id]

    def organisation_family(self, organisation_id: int) -> set[int]:
        """An organisation and those it absorbed."""
        if organisation_id not in self._families:
            self._families[organisation_id] = access.organisation_family_ids(organisation_id)
        return self._families[organisation_id]

    def assignee_fits(self, log) -> bool:
        """The log's assigned user may hold it, given its owning and managing organisations (domain.access)."""
        return access.assignee_fits_organisations(self.organisation_family(log.assigned_to.organisation_id),
                                                  log.owning_organisation_id, log.managing_organisation_id)

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
    """Leave out the answers of cells that cannot be used (every column of a checkbox question)."""
    for column in columns:
        question = None
        try:
            question = context.form.question(column)
        except KeyError:
            pass
        for target in (question.columns if question is not None and question.type == CHECKBOX else [column]):
            blank_answer(log, target)


def settle(log):
    """Leave out the answers the log's rules refuse (never set-up answers, nor the household size, which
    every household question hangs on) and evaluate it again: the shared log_keep_valid. Returns the final
    evaluation, which still has errors when set-up answers are wrong."""
    return log_keep_valid(log, keep=frozenset({"hhmemb"}), passes=3)
