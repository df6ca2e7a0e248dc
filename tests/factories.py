"""Small factories: each makes a valid object with sensible defaults that a test overrides."""

import itertools

from django.conf import settings

from domain.models import Organisation, OrganisationRelationship, ProviderType, Role, User

PASSWORD = "a-Long-test-passw0rd"
_sequence = itertools.count(1)


def make_organisation(*, dsa_signed: bool = True, **fields) -> Organisation:
    """An organisation; it has accepted the data sharing agreement unless `dsa_signed=False`."""
    n = next(_sequence)
    fields.setdefault("name", f"Test Housing Association {n}")
    fields.setdefault("provider_type", ProviderType.PRP)
    fields.setdefault("holds_own_stock", True)
    org = Organisation.objects.create(**fields)
    if dsa_signed:
        sign_dsa(org)
    return org


def sign_dsa(org: Organisation, officer=None):
    from domain.services.data_sharing import data_sharing_agreement_record

    if officer is not None:
        return data_sharing_agreement_record(organisation=org, officer=officer)
    return data_sharing_agreement_record(organisation=org, name="Dana Officer", email="dpo@example.com")


def support_organisation() -> Organisation:
    org, created = Organisation.objects.get_or_create(
        name=settings.SUPPORT_ORGANISATION_NAME, defaults={"provider_type": ProviderType.LA}
    )
    if created:
        sign_dsa(org)
    return org


def make_user(organisation=None, role=Role.DATA_PROVIDER, **fields) -> User:
    n = next(_sequence)
    if organisation is None:
        organisation = support_organisation() if role in (Role.SUPPORT, Role.STATISTICIAN) else make_organisation()
    fields.setdefault("email", f"user{n}@example.com")
    fields.setdefault("name", f"Test User {n}")
    return User.objects.create_user(password=PASSWORD, organisation=organisation, role=role, **fields)


def relate(stock_owner: Organisation, managing_agent: Organisation) -> OrganisationRelationship:
    return OrganisationRelationship.objects.create(stock_owner=stock_owner, managing_agent=managing_agent)


def make_local_authority(code="E08000038", name="Barnsley", start_date="2025-04-01", **fields):
    from domain.models import LocalAuthority

    authority, _ = LocalAuthority.objects.get_or_create(
        code=code, defaults={"name": name, "start_date": start_date, **fields}
    )
    return authority


def make_scheme(owner=None, **fields):
    """A confirmed scheme with every answer given (no locations yet, so still incomplete)."""
    from domain.models import Scheme

    n = next(_sequence)
    fields.setdefault("service_name", f"Test scheme {n}")
    fields.setdefault("scheme_type", 7)
    fields.setdefault("registered_under_care_act", 1)
    fields.setdefault("arrangement_type", "D")
    fields.setdefault("primary_client_group", "M")
    fields.setdefault("has_other_client_group", 0)
    fields.setdefault("support_type", 2)
    fields.setdefault("intended_stay", "P")
    fields.setdefault("confirmed", True)
    return Scheme.objects.create(owning_organisation=owner or make_organisation(), **fields)


def make_location(scheme, **fields):
    """A complete location of a scheme."""
    from domain.models import Location

    fields.setdefault("postcode", "S70 2TA")
    fields.setdefault("location_code", "E08000038")
    fields.setdefault("location_admin_district", "Barnsley")
    fields.setdefault("units", 5)
    fields.setdefault("type_of_unit", 1)
    fields.setdefault("mobility_type", "N")
    return Location.objects.create(scheme=scheme, **fields)


def make_lettings_log(owner, user=None, *, manager=None, status=None, **answers):
    """A saved 2026 general needs log with every answer given (stored as is, without the
    service's derivations); `answers` override any of them."""
    from domain.models import LettingsLog, LogStatus
    from tests.lettings_answers import apply, general_needs_answers

    values = general_needs_answers(owner, user, **answers)
    values["managing_organisation"] = manager or owner
    log = apply(LettingsLog(created_by=user), values)
    log.status = LogStatus.COMPLETED if status is None else status
    log.save()
    return log
