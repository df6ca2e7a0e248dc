"""Organisations and users back from the CDS organisations and users collections (spec cds-export §9, §10).

Original ids are kept as primary keys: the organisation id is the `ORG<id>` code bulk upload files use and
the id the exports write, and the user and log ids are the ones CDS already holds, so both keep meaning
the same records after the move.
"""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.db.models.functions import Lower

from domain.models import Organisation, OrganisationStatus, User
from domain.models.users import normalise_email
from exports.cds.people import ORGANISATION_FIELDS, ROLE_NAMES, USER_FIELDS

from .errors import RecordProblem
from .fields import read_stored, stored_readers
from .part import Part

ORGANISATION_READERS = stored_readers(ORGANISATION_FIELDS, Organisation)
USER_READERS = stored_readers(USER_FIELDS, User)
ROLES_BY_NAME = {name: role for role, name in ROLE_NAMES.items()}

# Elements of the organisation and user collections that are worked out from other data, or that this
# service does not keep, and so are not read back.
ORGANISATION_WORKED_OUT = {
    "active": "read with status: an organisation is active unless its status says otherwise",
    "dsa_signed": "data sharing agreements are not recorded by this service yet",
    "dsa_signed_at": "data sharing agreements are not recorded by this service yet",
    "dpo_email": "data sharing agreements are not recorded by this service yet",
}
ORGANISATION_INVERSES = ("status",)
USER_WORKED_OUT = {"organisation_name": "the organisation's name, from the organisations collection"}
USER_INVERSES = ("role",)


def _organisation_values(record: dict) -> dict:
    values = read_stored(ORGANISATION_READERS, record)
    if values.get("id") is None:
        raise RecordProblem("id", "every organisation needs its id.")
    if values.get("provider_type") not in (1, 2):
        raise RecordProblem("provider_type", f"'{record.get('provider_type')}' is not 1 (LA) or 2 (PRP).")
    if not values.get("name"):
        raise RecordProblem("name", "every organisation needs a name.")
    status = record.get("status")
    if status not in {s.value for s in OrganisationStatus}:
        raise RecordProblem("status", f"'{status}' is not one of active, deactivated, merged, deleted.")
    values["active"] = status != OrganisationStatus.DEACTIVATED
    values["old_visible_id"] = values.get("old_visible_id") or None
    return values


def import_organisations(part: Part) -> None:
    """Create or update each organisation of one part under its original id."""
    absorbed: list[tuple[int, int, int]] = []  # (record number, organisation id, absorbing id)
    for number, record in part.records():
        with part.record(number, record.get("id")):
            values = _organisation_values(record)
            pk = values.pop("id")
            absorbing = values.pop("absorbing_organisation_id", None)
            if absorbing is not None:
                absorbed.append((number, pk, absorbing))
            clash = (Organisation.objects.annotate(lower=Lower("name")).filter(lower=values["name"].lower())
                     .exclude(pk=pk).values_list("pk", flat=True).first())
            if clash is not None:
                raise RecordProblem("name", f"another organisation (id {clash}) already has the name "
                                            f"'{values['name']}'. Rename one of them, then import again.")
            part.save_row(Organisation, pk, values, kind="organisations")
    for number, pk, absorbing in absorbed:
        with part.record(number, pk):
            if not Organisation.objects.filter(pk=absorbing).exists():
                raise RecordProblem("absorbing_organisation_id",
                                    f"organisation {absorbing} is not in the files. Import the organisations "
                                    "collection that holds it first.")
            if Organisation.objects.filter(pk=pk).exclude(absorbing_organisation_id=absorbing).exists():
                organisation = Organisation.objects.get(pk=pk)
                organisation.absorbing_organisation_id = absorbing
                organisation.save(update_fields=["absorbing_organisation", "updated_at"])
    part.reset_sequence(Organisation)


def _user_values(record: dict, organisations: set[int]) -> dict:
    values = read_stored(USER_READERS, record)
    if values.get("id") is None:
        raise RecordProblem("id", "every user needs their id.")
    values["email"] = normalise_email(values.get("email"))
    if not values["email"]:
        raise RecordProblem("email", "every user needs an email address.")
    if values.get("organisation_id") not in organisations:
        raise RecordProblem("organisation_id", f"organisation {record.get('organisation_id')} is not in this "
                                               "service. Import the organisations collection first.")
    role = record.get("role")
    if role is not None and role not in ROLES_BY_NAME:
        raise RecordProblem("role", f"'{role}' is not a role this service knows "
                                    f"({', '.join(sorted(ROLES_BY_NAME))}).")
    values["role"] = ROLES_BY_NAME.get(role)
    return values


def import_users(part: Part) -> None:
    """Create or update each user under their original id. No password comes with them: a new user has
    none that works until they set one from an invitation or a password reset."""
    organisations = set(Organisation.objects.values_list("pk", flat=True))
    for number, record in part.records():
        with part.record(number, record.get("email")):
            values = _user_values(record, organisations)
            pk = values.pop("id")
            clash = User.objects.filter(email__iexact=values["email"]).exclude(pk=pk).values_list("pk", flat=True).first()
            if clash is not None:
                raise RecordProblem("email", f"another user (id {clash}) already has this email address.")
            # No password comes with them; `old_user_id` marks them as moved in, so their first sign-in
            # invites them to choose one (domain.services.imported_users).
            part.save_row(User, pk, values, kind="users",
                          new_defaults={"password": make_password(None), "old_user_id": str(pk)})
    part.reset_sequence(User)
