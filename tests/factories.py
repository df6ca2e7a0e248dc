"""Small factories: each makes a valid object with sensible defaults that a test overrides."""

import itertools

from django.conf import settings

from domain.models import Organisation, OrganisationRelationship, ProviderType, Role, User

PASSWORD = "a-Long-test-passw0rd"
_sequence = itertools.count(1)


def make_organisation(**fields) -> Organisation:
    n = next(_sequence)
    fields.setdefault("name", f"Test Housing Association {n}")
    fields.setdefault("provider_type", ProviderType.PRP)
    fields.setdefault("holds_own_stock", True)
    return Organisation.objects.create(**fields)


def support_organisation() -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        name=settings.SUPPORT_ORGANISATION_NAME, defaults={"provider_type": ProviderType.LA}
    )
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
