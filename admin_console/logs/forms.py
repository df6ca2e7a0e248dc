"""The admin form of a log, built from the form catalogue: a form field per question column, with
the official labels and answer options, and the shared rules run in clean()."""

from __future__ import annotations

import copy
from functools import lru_cache

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe
from unfold.widgets import UnfoldAdminSingleDateWidget

from admin_console.logs import shared_questions
from admin_console.logs.shared_questions import shared_radio_questions
from admin_console.logs.layout import RELATION_TYPES, form_field_name
from admin_console.logs.widgets import Checkbox, ChoiceRadioSelect, ChoiceSelect, DecimalInput, IntegerInput, TextInput
from domain.forms.catalogue import (
    CHECKBOX, DATE, INTERRUPTION, NUMERIC, OUTPUT, RADIO, SELECT, TEXT, Form, Question,
)
from domain.forms.engine import is_present
from domain.models.logs import LARGEST_ANSWER
from domain.services.logs import log_started_by
from domain.models.reference_data import LocalAuthority
from domain.validations.answers import question_error

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y"]
CONFIRM_CHOICES = [(0, "Yes, these answers are right"), (1, "No, I will change them")]


def _coerce(kind: str):
    return int if kind == "int" else str


def _storable(question: Question):
    """Refuse, with the question's own words, a number too big for anything to be worked out from it or
    stored (1e308): the rest of the form is not saved either, unlike an answer the rules refuse."""

    def check(value) -> None:
        if value is not None and abs(Decimal(value)) > LARGEST_ANSWER[question.value_kind]:
            raise ValidationError(question_error(question, value))

    return check


def _label(question: Question) -> str:
    return f"Q{question.number} – {question.label}" if question.number else question.label


class AnswerChoiceField(forms.TypedChoiceField):
    """A question's answers, shared by the field's copies. Each form copies its 200 fields, and Django's
    choice field deep-copies its list of answers each time (a list of local authorities or countries has
    hundreds); its widget (widgets.SharedChoices) shares the list too. Nothing changes a list in place: a
    list limited per request (local authorities by year) is a new list given to the copy."""

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)


class RelationChoiceField(forms.ModelChoiceField):
    """A relation's choice list (organisations, users, schemes, locations) that knows the log's current
    choice, `current`. The list always offers it, so a save that sends it again, as nearly every save
    does, is given the related row the page already read rather than reading it once more."""

    current = None

    def to_python(self, value):
        current = self.current
        if current is not None and value not in self.empty_values and str(value) == str(current.pk):
            return current
        return super().to_python(value)


def question_form_fields(question: Question) -> dict[str, forms.Field]:
    """The form fields of one question (a checkbox question has one per option)."""
    label, hint = _label(question), question.hint
    if question.type in RELATION_TYPES:
        return {}  # model relations keep Django's own ModelChoiceField, with choices set per request
    if question.type == CHECKBOX:
        return {
            option.code: forms.BooleanField(required=False, label=option.label, help_text=option.hint,
                                            widget=Checkbox)
            for option in question.options
        }
    if question.type == OUTPUT:
        return {}
    if question.type == INTERRUPTION:
        field = AnswerChoiceField(choices=CONFIRM_CHOICES, coerce=int, empty_value=None, required=False,
                                  widget=ChoiceRadioSelect, label=question.label)
    elif question.type == RADIO:
        # No answer is stored as the column keeps it: None for a code, "" for text (a text column is never
        # null, so None there would fail the save when a POST sends the answer empty).
        field = AnswerChoiceField(choices=[(o.code, o.label) for o in question.options],
                                  coerce=_coerce(question.value_kind),
                                  empty_value=None if question.value_kind == "int" else "", required=False,
                                  widget=ChoiceRadioSelect)
    elif question.type == SELECT:
        field = AnswerChoiceField(choices=[("", "Select an option")] + [(o.code, o.label) for o in question.options],
                                  coerce=_coerce(question.value_kind),
                                  empty_value=None if question.value_kind == "int" else "",
                                  required=False, widget=ChoiceSelect)
    elif question.type == NUMERIC:
        if question.value_kind == "decimal":
            field = forms.DecimalField(required=False, decimal_places=2, widget=DecimalInput,
                                       validators=[_storable(question)])
        else:
            field = forms.IntegerField(required=False, widget=IntegerInput,
                                       validators=[_storable(question)])
    elif question.type == DATE:
        field = forms.DateField(required=False, input_formats=DATE_FORMATS,
                                widget=UnfoldAdminSingleDateWidget(format="%d/%m/%Y"))
    elif question.type == TEXT:
        field = forms.CharField(required=False, max_length=question.max_length, widget=TextInput)
    else:
        raise ValueError(f"No form field for question type {question.type!r}")
    field.label, field.help_text = label, hint
    if question.type == NUMERIC and (question.prefix or question.suffix):
        field.help_text = " ".join(part for part in (hint, f"Amount in {question.prefix or ''}{question.suffix}".strip()) if part)
    return {question.field: field}


class ErrorList(forms.utils.ErrorList):
    """Django's error list, drawn only when there is an error: the page shows each of a log's two hundred
    fields' errors in several places, and drawing the empty list through its template was a third of the
    templates a change page rendered."""

    def render(self, template_name=None, context=None, renderer=None):
        if not self.data:
            return mark_safe("")
        return super().render(template_name, context, renderer)


class LogForm(forms.ModelForm):
    """Answers in, checked by the same service every entry path uses. Subclasses set `catalogue`."""

    catalogue: Form
    checkbox_columns: tuple[str, ...] = ()
    evaluate = None  # the service that applies routing, derived values and rules
    created_by = None  # who is entering the log (set per request), for a new log's defaults

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_class", ErrorList)
        super().__init__(*args, **kwargs)
        for column in self.checkbox_columns:
            if column in self.fields:
                self.initial[column] = self.initial.get(column) == 1

    def clean(self):
        cleaned = super().clean()
        for column in self.checkbox_columns:
            if column in cleaned:
                cleaned[column] = 1 if cleaned[column] else None
        return cleaned

    def _get_validation_exclusions(self):
        # An organisation or user chosen here was read from the list's own query (the choices this user
        # may make): the model's own check that it exists would read it again.
        return super()._get_validation_exclusions() | {
            name for name, field in self.fields.items() if isinstance(field, forms.ModelChoiceField)}

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        if self.instance.pk is None and self.created_by is not None:
            log_started_by(self.instance, by=self.created_by)
        # The service leaves out answers that break a rule (not setup answers) so the rest can be saved;
        # what is left says why the save cannot happen at all. The save uses this evaluation.
        self.outcome = type(self).evaluate(self.instance)
        self.left_out = getattr(self.outcome, "left_out", {})
        for field_name, messages in self.outcome.errors.items():
            name = form_name(field_name)
            for message in messages:
                self.add_error(name if name in self.fields else None, message)

    def show_left_out(self, left_out: dict[str, list[str]], entered: dict[str, str]) -> None:
        """On the page after a save, show each answer that was not saved with why, and what was entered."""
        errors = self.errors  # an unbound form has none of its own
        for field_name, messages in left_out.items():
            name = form_name(field_name)
            key = name if name in self.fields else forms.forms.NON_FIELD_ERRORS
            errors.setdefault(key, self.error_class())
            errors[key].extend(message for message in messages if message not in errors[key])
        for name, value in entered.items():
            if name in self.fields:
                self.initial[name] = value


def field_to_change(form_class, name: str):
    """The form class's field `name`, copied so that this request may change it: the admin makes a form
    class per request, but its fields are the cached class's own (`log_form_class`), shared by every
    request. Only the fields a request changes are copied (the form copies them all again when it is made)."""
    field = form_class.base_fields[name] = copy.deepcopy(form_class.base_fields[name])
    return field


def form_name(field_name: str) -> str:
    """The form field of a log column (relations drop their _id)."""
    return field_name.removesuffix("_id")


@lru_cache(maxsize=None)
def log_form_class(model, catalogue: Form, evaluate) -> type[LogForm]:
    """The ModelForm class for a year's form (cached: a form class per model and year)."""
    declared: dict[str, forms.Field] = {}
    names: list[str] = []
    checkboxes: list[str] = []
    for question in catalogue.questions:
        if question.type == OUTPUT:
            continue
        for name, field in question_form_fields(question).items():
            if name not in declared:
                declared[name] = field
            elif question.options and hasattr(declared[name], "choices"):
                # Several pages ask this field with their own answers (ethnic background by group,
                # vacancy reason for first lets and re-lets): offer them all; routing keeps them apart.
                known = {str(code) for code, _ in declared[name].choices}
                extra = [(o.code, o.label) for o in question.options if str(o.code) not in known]
                declared[name].choices = list(declared[name].choices) + extra
        for column in question.columns:
            name = form_field_name(question, column)
            if name not in names:
                names.append(name)
        if question.type == CHECKBOX:
            checkboxes += [c for c in question.columns if c not in checkboxes]
    for name, pages in shared_radio_questions(catalogue).items():
        if name in declared:
            shared_questions.narrow(declared[name], pages, _label)
    meta = type("Meta", (), {"model": model, "fields": names})
    attrs = {**declared, "Meta": meta, "catalogue": catalogue, "checkbox_columns": tuple(checkboxes),
             "evaluate": staticmethod(evaluate)}
    return type(f"{model.__name__}Form{catalogue.year}", (LogForm,), attrs)


def answer_display(question: Question, log) -> str:
    """An answer as the person reading the log should see it."""
    if question.type == CHECKBOX:
        ticked = [o.label for o in question.options if getattr(log, o.code, None) == 1]
        return ", ".join(ticked)
    value = getattr(log, question.field, None)
    if question.type in RELATION_TYPES:
        related = getattr(log, question.field.removesuffix("_id"), None)
        return str(related) if related else ""
    if not is_present(value):
        if question.not_known_when and question.not_known_when.holds(log):
            return "Not known"
        return ""
    if question.options:
        label = question.label_for(value)
        return label if label is not None else str(value)
    if question.type == SELECT:  # a local authority list, filled from the reference table
        authority = LocalAuthority.objects.filter(code=value).only("name").first()
        return authority.name if authority else str(value)
    if question.type == DATE:
        return value.strftime("%-d %B %Y")
    if question.type in (NUMERIC, OUTPUT) and (question.prefix or question.suffix):
        return f"{question.prefix}{value}{question.suffix}"
    return str(value)
