"""Users and organisations (spec cds-export §9, §10): not per year, every row including deleted ones."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from domain import collection
from domain.models import DataProtectionConfirmation, Organisation, OrganisationNameChange, OrganisationStatus, Role, User

from domain.selectors.organisation_names import NameBook

from . import values
from .collections import CdsCollection
from .fields import computed, stored

FIXED_YEAR_PAIR = "2024_2025"  # CDS needs a year pair in every archive name
ROLE_NAMES = {Role.DATA_PROVIDER: "data_provider", Role.DATA_COORDINATOR: "data_coordinator",
              Role.SUPPORT: "support", Role.STATISTICIAN: "statistician"}


def _text(column):
    return lambda r, c: values.text(r[column])


USER_FIELDS = [
    stored(User, "id"),
    stored(User, "email"),
    stored(User, "name"),
    stored(User, "organisation_id"),
    stored(User, "sign_in_count"),
    stored(User, "last_login", "last_sign_in_at"),
    computed("role", lambda r, c: ROLE_NAMES.get(r["role"]), "role"),
    stored(User, "phone"),
    stored(User, "phone_extension", "extension_number"),
    stored(User, "is_dpo"),
    stored(User, "is_key_contact"),
    stored(User, "is_active", "active"),
    computed("organisation_name", _text("organisation__name"), "organisation__name"),
]


def organisation_status(row) -> str:
    if row["discarded_at"]:
        return OrganisationStatus.DELETED.value
    if row["merge_date"] and row["merge_date"] < collection.today():
        return OrganisationStatus.MERGED.value
    if not row["active"]:
        return OrganisationStatus.DEACTIVATED.value
    return OrganisationStatus.ACTIVE.value


STATUS_COLUMNS = ("discarded_at", "merge_date", "active")
DSA = "data_protection_confirmation__"

ORGANISATION_FIELDS = [
    stored(Organisation, "id"),
    computed("name", lambda r, c: values.text(c.name(r["id"], r["name"])), "id", "name"),  # today's (spec §3)
    stored(Organisation, "phone"),
    stored(Organisation, "provider_type"),
    stored(Organisation, "address_line1"),
    stored(Organisation, "address_line2"),
    stored(Organisation, "postcode"),
    stored(Organisation, "holds_own_stock"),
    computed("active", lambda r, c: values.boolean(organisation_status(r) == "active"), *STATUS_COLUMNS),
    stored(Organisation, "housing_registration_no"),
    stored(Organisation, "old_org_id"),
    stored(Organisation, "old_visible_id"),
    stored(Organisation, "merge_date"),
    stored(Organisation, "absorbing_organisation_id"),
    stored(Organisation, "available_from"),
    stored(Organisation, "profit_status"),
    stored(Organisation, "group"),
    stored(Organisation, "discarded_at", "deleted_at"),
    # The data sharing agreement (spec §5): accepted or not, when, and the officer's address as recorded.
    computed("dsa_signed", lambda r, c: values.boolean(bool(r[DSA + "confirmed"])), DSA + "confirmed"),
    computed("dsa_signed_at", lambda r, c: values.iso(r[DSA + "signed_at"]), DSA + "signed_at"),
    computed("dpo_email", lambda r, c: r[DSA + "data_protection_officer_email"] or None,
             DSA + "data_protection_officer_email"),
    computed("status", lambda r, c: organisation_status(r), *STATUS_COLUMNS),
]


class UsersCollection(CdsCollection):
    name = "users"
    archive_prefix = f"users_{FIXED_YEAR_PAIR}_apr_mar"
    triggers = ("updated_at", "organisation__updated_at")

    def queryset(self):
        return User.objects.all()

    def fields(self):
        return USER_FIELDS


class OrganisationsCollection(CdsCollection):
    name = "organisations"
    archive_prefix = f"organisations_{FIXED_YEAR_PAIR}_apr_mar"

    def queryset(self):
        return Organisation.objects.all()

    def fields(self):
        return ORGANISATION_FIELDS

    def context(self):
        return NameBook()

    def changed_between(self, since, until):
        dpo_changed = User.objects.filter(organisation=OuterRef("pk"), is_dpo=True,
                                          updated_at__gte=since, updated_at__lte=until)
        name_changed = OrganisationNameChange.objects.filter(organisation=OuterRef("pk"),
                                                             updated_at__gte=since, updated_at__lte=until)
        dsa_changed = DataProtectionConfirmation.objects.filter(organisation=OuterRef("pk"),
                                                               updated_at__gte=since, updated_at__lte=until)
        return Q(updated_at__gte=since, updated_at__lte=until) | Q(Exists(dpo_changed)) | Q(Exists(dsa_changed)) | Q(Exists(name_changed))
