"""Start-up checks that every year's declarations agree with the log models and with each other.

Registered in `domain/apps.py`, so `manage.py check` (and so `migrate` and `runserver`) fails on them.
Each check has a stable id:

- forms.E001  a rule reports on a field that is neither a column, a named predicate nor declared inert;
- forms.E002  a soft rule's confirmation field is not a column;
- forms.E003  a form column (question or derived value) is not a column of the log model;
- forms.E004  a log model column is neither a question or derived value of a year nor a system field
              (declared by the model's abstract base);
- forms.E005  a condition names a field that is not a column, or a predicate nobody registered;
- forms.E006  a bulk upload template cell (or error routing) names a column the model does not have, or a
              question names a template field (`bulk=`) that fills something else;
- forms.E007  a form column the CDS export neither exports nor excludes with a reason, or an exclusion
              of a column the form does not have;
- forms.E008  the same for the CSV download;
- forms.E009  a field declared inert is a column after all (the declaration is stale).
"""

from __future__ import annotations

from django.apps import apps
from django.core import checks

from . import registry
from .conditions import PREDICATES


def _columns(model) -> set[str]:
    return {name for f in model._meta.concrete_fields for name in (f.name, f.attname)}


def _system_fields(model) -> set[str]:
    """Columns declared by hand on the model's abstract bases (the rest are made from the catalogue)."""
    declared = {model._meta.pk.name, model._meta.pk.attname}
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is not None and meta.abstract:
            declared |= {name for f in meta.concrete_fields for name in (f.name, f.attname)}
    return declared


def _error(message: str, obj, check_id: str, hint: str) -> checks.Error:
    return checks.Error(message, hint=hint, obj=obj, id=check_id)


def _rule_errors(log_year, columns: set[str]) -> list[checks.Error]:
    errors = []
    known = columns | set(PREDICATES) | set(log_year.inert_fields)
    for rule in log_year.rules:
        for name in dict.fromkeys((*rule.fields, *rule.refused_fields)):
            if name not in known:
                errors.append(_error(
                    f"Rule {rule.id} of the {log_year.form} reads '{name}', which is not a column of the log.",
                    log_year.form, "forms.E001",
                    "Fix the field name, add the column, or declare the field inert for the year (inert_fields) "
                    "with the reason the rule cannot fire."))
        if rule.confirm_field and rule.confirm_field not in columns:
            errors.append(_error(
                f"Rule {rule.id} of the {log_year.form} is confirmed in '{rule.confirm_field}', which is not a column.",
                log_year.form, "forms.E002", "Confirmations are stored on the log: add the question or fix the name."))
    for name in log_year.inert_fields:
        if name in columns:
            errors.append(_error(
                f"The {log_year.form} declares '{name}' inert, but it is a column of the log.", log_year.form,
                "forms.E009", "Remove it from inert_fields: its rules run like any other."))
    return errors


def _catalogue_errors(log_year, columns: set[str]) -> list[checks.Error]:
    return [
        _error(f"The {log_year.form} writes '{name}', which is not a column of the log.", log_year.form,
               "forms.E003", "Run makemigrations: answer columns are made from the catalogue.")
        for name in log_year.form.columns if name not in columns
    ]


def _model_errors(model, log_type: str) -> list[checks.Error]:
    catalogue = set(registry.column_specs(log_type))
    system = _system_fields(model)
    return [
        _error(f"{model.__name__}.{f.name} is neither a question of a {log_type} form nor a system field.", model,
               "forms.E004", "Ask it in a year's form, or declare it on the model's base class.")
        for f in model._meta.concrete_fields if f.name not in catalogue and f.attname not in catalogue
        and f.name not in system
    ]


def _condition_errors(log_year, columns: set[str]) -> list[checks.Error]:
    form = log_year.form
    found: dict[str, str] = {}
    for _, subsection, page, question in form.placed_questions():
        conditions = (subsection.enabled_when, subsection.listed_when, page.shown_when, question.shown_when,
                      question.optional_when, question.derived_when, question.not_known_when,
                      *(option.shown_when for option in question.options))
        for condition in conditions:
            for name in condition.fields() if condition is not None else ():
                known = name in PREDICATES if name.endswith("?") else name in columns
                if not known:
                    found.setdefault(name, page.id)
    return [
        _error(f"A condition on page {page_id} of the {form} names '{name}', which is "
               f"{'no registered predicate' if name.endswith('?') else 'not a column'}.", form, "forms.E005",
               "Fix the name, or register the predicate with @predicate in the year's predicates module.")
        for name, page_id in found.items()
    ]


def _template_errors(log_year, columns: set[str]) -> list[checks.Error]:
    template = log_year.template
    if template is None:
        return []
    named = {(number, column) for number, cell in template.fields.items() for column in cell.columns}
    named |= {(None, column) for column in (*template.extra_error_fields, *template.existing_duplicate_columns)}
    # Errors on a checkbox question (its field, not a column) are routed too.
    known = columns | {question.field for question in log_year.form.questions}
    errors = [
        _error(f"The {log_year.form} bulk upload template "
               f"{f'field {number}' if number else 'error routing'} names '{column}', which is not a column.",
               log_year.form, "forms.E006", "Fix the column name in the template declaration.")
        for number, column in sorted(named, key=lambda pair: (pair[0] or 0, pair[1])) if column not in known
    ]
    named_fields = dict.fromkeys((q.field, q.bulk) for q in log_year.form.questions if q.bulk is not None)
    for field, number in named_fields:
        cell = template.fields.get(number)
        if cell is None or field not in cell.columns:
            errors.append(_error(
                f"Question '{field}' of the {log_year.form} names bulk upload field {number}, "
                f"which the template {'does not have' if cell is None else 'uses for ' + repr(cell.columns[0])}.",
                log_year.form, "forms.E006", "Fix the question's bulk= number, or the template's special cells."))
    return errors


def _cds_errors(log_year, model) -> list[checks.Error]:
    form, declaration = log_year.form, log_year.cds
    if declaration is None:
        return []
    if log_year.log_type == "lettings":
        exported = set(declaration.stored_names(form))
    else:
        exported = {f.source for f in declaration.fields(form, model) if f.source}
    excluded = declaration.excluded
    errors = [
        _error(f"The {form} CDS export neither exports '{name}' nor excludes it with a reason.", form,
               "forms.E007", "Export it, or add it to the year's exclusions with the reason.")
        for name in form.columns if name not in exported and not excluded.get(name, "").strip()
    ]
    errors += [
        _error(f"The {form} CDS export excludes '{name}', which the form does not have.", form, "forms.E007",
               "Remove the stale exclusion.")
        for name in excluded if name not in form.columns
    ]
    return errors


def _csv_errors(log_year) -> list[checks.Error]:
    from exports.csv.logs import column_names

    form, declaration = log_year.form, log_year.csv
    if declaration is None:
        return []
    downloaded = set(column_names(form, declaration, support=True)) | set(
        column_names(form, declaration, support=False))
    errors = [
        _error(f"The {form} CSV download neither downloads '{name}' nor leaves it out with a reason.", form,
               "forms.E008", "Download it, or add it to NOT_DOWNLOADED with the reason.")
        for name in form.columns if name not in downloaded and not declaration.NOT_DOWNLOADED.get(name, "").strip()
    ]
    errors += [
        _error(f"The {form} CSV download leaves out '{name}', which the form does not have.", form, "forms.E008",
               "Remove the stale entry from NOT_DOWNLOADED.")
        for name in declaration.NOT_DOWNLOADED if name not in form.columns
    ]
    return errors


def check_years(app_configs=None, **kwargs) -> list[checks.Error]:
    """Every year's forms, rules, templates and export declarations against the log models."""
    errors: list[checks.Error] = []
    models = {"lettings": apps.get_model("domain", "LettingsLog"), "sales": apps.get_model("domain", "SalesLog")}
    for log_type, model in models.items():
        errors += _model_errors(model, log_type)
    for year in registry.all_years().values():
        for log_type, model in models.items():
            log_year = year.of(log_type)
            columns = _columns(model)
            errors += _rule_errors(log_year, columns)
            errors += _catalogue_errors(log_year, columns)
            errors += _condition_errors(log_year, columns)
            errors += _template_errors(log_year, columns)
            errors += _cds_errors(log_year, model)
            errors += _csv_errors(log_year)
    return errors
