"""Values of lettings download columns that are not a question's answer (spec csv-downloads §5.2,
§5.4). Shared by every lettings year's declaration; each function takes (log, context)."""

from __future__ import annotations

from domain.models.logs import CreationMethod, LogStatus

from . import values

STATUS_NAMES = {LogStatus.NOT_STARTED: "not_started", LogStatus.IN_PROGRESS: "in_progress",
                LogStatus.COMPLETED: "completed", LogStatus.PENDING: "pending", LogStatus.DELETED: "deleted"}
CREATION_METHODS = {CreationMethod.SINGLE_LOG: "single log", CreationMethod.BULK_UPLOAD: "bulk upload"}
# The lettings download names scheme types with its own capitals (not the schemes list's).
SCHEME_TYPE_LABELS = {5: "Direct Access Hostel", 4: "Foyer", 7: "Housing for older people",
                      6: "Other Supported Housing", 0: "Missing"}


def same(function):
    """A column written the same way in the labels and the codes file."""
    return function, function


def status(log, ctx):
    return STATUS_NAMES.get(log.status, "")


def is_dpo(log, ctx):
    return values.code_text(bool(log.assigned_to and log.assigned_to.is_dpo))


def organisation_name(relation: str):
    """The organisation's name on the log's date (tenancy start or sale completion), spec §3."""
    def name(log, ctx):
        organisation = getattr(log, relation)
        if organisation is None:
            return ""
        on = getattr(log, "startdate", None) or getattr(log, "saledate", None)
        names = getattr(ctx, "organisation_names", None)
        return names.name(organisation.pk, organisation.name, on) if names else organisation.name_on(on)
    return name


def user_email(relation: str):
    return lambda log, ctx: values.email_of(getattr(log, relation))


def creation_method_label(log, ctx):
    return CREATION_METHODS.get(log.creation_method, "")


def rent_type_detail_code(log, ctx):
    return "" if log.rent_type is None else str(log.rent_type + 1)


def rent_type_detail_label(form):
    question = form.question("rent_type")
    return lambda log, ctx: question.label_for(log.rent_type) or "" if log.rent_type is not None else ""


def la_code(log, ctx):
    # Supported housing logs without their own LA take the location's (cds-export §7.1).
    if log.la or not log.location_id:
        return log.la
    return log.effective_la


def la_name(field: str):
    def name(log, ctx):
        code = la_code(log, ctx) if field == "la" else getattr(log, field)
        return ctx.la_names.get(code, "") if code else ""
    return name


def stored(field: str):
    """A column stored under another name (or not stored yet: written empty)."""
    return lambda log, ctx: values.code_text(getattr(log, field, None))


def collection_start_year(log, ctx):
    return values.code_text(log.collection_year)


# --- the scheme and location block (empty for general needs logs) ------------------------------

def _scheme(attribute_or_function, code=False):
    def cell(log, ctx):
        scheme = log.scheme if log.scheme_id else None
        if scheme is None:
            return ""
        if callable(attribute_or_function):
            return attribute_or_function(scheme)
        return values.code_text(getattr(scheme, attribute_or_function))
    return cell


def _location(attribute_or_function):
    def cell(log, ctx):
        location = log.location if log.location_id else None
        if location is None:
            return ""
        if callable(attribute_or_function):
            return attribute_or_function(location)
        return values.code_text(getattr(location, attribute_or_function))
    return cell


def _display(field: str):
    def label(obj):
        return "" if getattr(obj, field) in (None, "") else str(getattr(obj, f"get_{field}_display")())
    return label


SCHEME_BLOCK = {
    "scheme_code": same(_scheme(lambda s: s.code)),
    "scheme_service_name": same(_scheme("service_name")),
    "scheme_confidential": (_scheme(lambda s: values.yes_no(s.sensitive)), _scheme("sensitive")),
    "SCHTYPE": (_scheme(lambda s: SCHEME_TYPE_LABELS.get(s.scheme_type, values.code_text(s.scheme_type))),
                _scheme("scheme_type")),
    "scheme_registered_under_care_act": (_scheme(_display("registered_under_care_act")),
                                         _scheme("registered_under_care_act")),
    "scheme_owning_organisation_name": same(_scheme(lambda s: s.owning_organisation.name)),
    "scheme_primary_client_group": (_scheme(_display("primary_client_group")), _scheme("primary_client_group")),
    "scheme_has_other_client_group": (_scheme(lambda s: values.yes_no(s.has_other_client_group)),
                                      _scheme("has_other_client_group")),
    "scheme_secondary_client_group": (_scheme(_display("secondary_client_group")),
                                      _scheme("secondary_client_group")),
    "scheme_support_type": (_scheme(_display("support_type")), _scheme("support_type")),
    "scheme_intended_stay": (_scheme(_display("intended_stay")), _scheme("intended_stay")),
    "scheme_created_at": same(_scheme(lambda s: values.offset_timestamp(s.created_at))),
    "location_code": same(_location(lambda loc: loc.code)),
    "location_postcode": same(_location("postcode")),
    "location_name": same(_location("name")),
    "location_units": same(_location("units")),
    "location_type_of_unit": (_location(_display("type_of_unit")), _location("type_of_unit")),
    "location_mobility_type": (_location(_display("mobility_type")), _location("mobility_type")),
    "location_local_authority": same(_location("location_admin_district")),
    "location_startdate": same(_location(lambda loc: values.offset_timestamp(loc.startdate))),
}


def person_not_known(person: int, *, unknown_answer: int = 1):
    """(applies, label, code) rules for one person's columns (spec §5.2 "person not known").
    `unknown_answer` is the `details_known_N` answer meaning "not known" (1 lettings, 2 sales)."""

    def age_unknown(log):
        return getattr(log, f"age{person}_known", None) == 1 or details_unknown(log)

    def details_unknown(log):
        return person > 1 and getattr(log, f"details_known_{person}", None) == unknown_answer

    rules = {f"age{person}": (age_unknown, "Not known", -9)}
    if person > 1:
        rules.update({
            f"relat{person}": (details_unknown, "Prefers not to say", "R"),
            f"sexrab{person}": (details_unknown, "Prefers not to say", "R"),
            f"sex{person}": (details_unknown, "Prefers not to say", "R"),
            f"gender_same_as_sex{person}": (details_unknown, "Prefers not to say", 3),
            f"ecstat{person}": (details_unknown, "Prefers not to say", 10),
        })
    return rules
