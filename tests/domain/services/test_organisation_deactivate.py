"""organisation_deactivate: support only, never the organisation the user belongs to or the support organisation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from domain.services.organisations import organisation_deactivate
from tests.factories import make_user, support_organisation

pytestmark = pytest.mark.django_db


def test_support_deactivates_another_organisation_with_its_users(support, org, provider):
    assert organisation_deactivate(organisation=org, by=support) == 1
    org.refresh_from_db()
    provider.refresh_from_db()
    assert not org.active and not provider.is_active


def test_support_cannot_deactivate_their_own_organisation(support, statistician):
    with pytest.raises(ValidationError, match="because you belong to it"):
        organisation_deactivate(organisation=support.organisation, by=support)
    support.organisation.refresh_from_db()
    statistician.refresh_from_db()
    assert support.organisation.active and statistician.is_active


def test_the_support_organisation_is_refused_even_to_support_of_another_organisation(support, org):
    # A support user outside it cannot be saved through the forms; the organisation is protected regardless.
    mhclg = support_organisation()
    outsider = make_user(org, role=support.role)
    with pytest.raises(ValidationError, match="it is the support organisation"):
        organisation_deactivate(organisation=mhclg, by=outsider)
    mhclg.refresh_from_db()
    assert mhclg.active


def test_coordinator_cannot_deactivate_own_organisation(coordinator, org):
    with pytest.raises(PermissionDenied):
        organisation_deactivate(organisation=org, by=coordinator)
    org.refresh_from_db()
    assert org.active
