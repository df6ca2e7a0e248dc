"""Values of sales download columns that are not simply a question's stored answer (spec
csv-downloads §5.5). Shared by every sales year's declaration; each getter takes (log, context)."""

from __future__ import annotations

from . import values

SHARED_OWNERSHIP, DISCOUNTED_OWNERSHIP = 1, 2


def date_parts(field: str, names: tuple[str, str, str]) -> dict:
    """Day, month and year of a stored date as three columns (the same in labels and codes)."""

    def part(attribute):
        def cell(log, ctx):
            value = getattr(log, field, None)
            return "" if value is None else str(getattr(value, attribute))
        return cell, cell

    return dict(zip(names, (part("day"), part("month"), part("year"))))


def la_name(field: str):
    """The name of the local authority whose code the field stores."""
    def name(log, ctx):
        code = getattr(log, field, None)
        return ctx.la_names.get(code, "") if code else ""
    return name


def only_for(ownership: int, form, field: str):
    """(labels, codes) of a stored answer, written only for one ownership scheme and empty for the
    other (the monthly charges are service charges for shared ownership, spec §5.5)."""
    question = form.question(field)

    def applies(log):
        return log.ownershipsch == ownership

    def labels(log, ctx):
        value = getattr(log, field, None)
        if not applies(log) or value is None:
            return ""
        label = question.label_for(value) if question.options else None
        return label if label is not None else values.plain_label(value)

    def codes(log, ctx):
        return values.code_text(getattr(log, field, None)) if applies(log) else ""

    return labels, codes


def whole_pounds(field: str):
    """An amount the service stores with pence but the download writes in whole pounds (incomes
    are asked in pounds: 13400, not 13400.0)."""
    def cell(log, ctx):
        value = getattr(log, field, None)
        return "" if value is None else str(int(value))
    return cell, cell
