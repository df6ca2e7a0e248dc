"""The demo world that `make run` serves."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from domain import access
from domain.models import Organisation, OrganisationRelationship, Role, User

pytestmark = pytest.mark.django_db


def seed(capsys):
    call_command("seed_demo", "--json")
    return json.loads(capsys.readouterr().out)


def test_demo_has_a_user_of_every_role(capsys):
    summary = seed(capsys)
    roles = set(User.objects.values_list("role", flat=True))
    assert {role.value for role in Role} <= roles
    assert len(summary["users"]) == User.objects.count()
    assert all(User.objects.get(email=u["email"]).check_password(summary["password"]) for u in summary["users"])


def test_demo_has_stock_owner_and_managing_agent_chains(capsys):
    seed(capsys)
    riverside = Organisation.objects.get(name="Riverside Lettings Partnership")
    assert not riverside.holds_own_stock
    owners = set(
        OrganisationRelationship.objects.filter(managing_agent=riverside).values_list("stock_owner__name", flat=True)
    )
    assert owners == {"Barnsley Metropolitan Borough Council", "Greenfield Housing Association"}
    assert Organisation.objects.filter(active=False).exists()


def test_seeding_twice_changes_nothing(capsys):
    seed(capsys)
    counts = (Organisation.objects.count(), User.objects.count(), OrganisationRelationship.objects.count())
    seed(capsys)
    assert (Organisation.objects.count(), User.objects.count(), OrganisationRelationship.objects.count()) == counts


def test_demo_coordinator_sees_only_their_organisation(capsys):
    seed(capsys)
    coordinator = User.objects.get(email="coordinator@greenfield.example.com")
    assert list(access.visible_organisations(coordinator).values_list("name", flat=True)) == [
        "Greenfield Housing Association"
    ]


def test_demo_has_schemes_with_locations_one_deactivated(capsys):
    from domain.models import Location, Scheme

    seed(capsys)
    owners = set(Scheme.objects.values_list("owning_organisation__name", flat=True))
    assert owners == {"Greenfield Housing Association", "Barnsley Metropolitan Borough Council"}
    assert all(scheme.locations.count() >= 2 for scheme in Scheme.objects.all())
    assert Location.objects.filter(deactivation_periods__deactivation_date__isnull=False).count() == 1
    assert Location.objects.get(postcode="S70 3AA").status_at(date(2026, 11, 28)) == "deactivated"
    counts = (Scheme.objects.count(), Location.objects.count())
    seed(capsys)
    assert (Scheme.objects.count(), Location.objects.count()) == counts
    coordinator = User.objects.get(email="coordinator@riverside.example.com")
    assert access.visible_schemes(coordinator).count() == 3  # both of its stock owners' schemes


def test_every_demo_record_has_its_creation_row(capsys):
    from domain.models import LettingsLog, Location, Scheme

    call_command("load_reference_data", verbosity=0)
    capsys.readouterr()
    seed(capsys)
    assert LettingsLog.objects.exists()
    for model in (LettingsLog, Organisation, User, Scheme, Location, OrganisationRelationship):
        without = model.objects.exclude(pk__in=model.history.filter(history_type="+").values("id"))
        assert not without.exists(), f"{model.__name__} without a creation row: {list(without.values_list('pk'))}"


def test_seeding_again_adds_no_history_rows(capsys):
    from domain.models import Location, Scheme

    seed(capsys)
    models = (Organisation, User, Scheme, Location, OrganisationRelationship)
    counts = [model.history.count() for model in models]
    seed(capsys)
    assert [model.history.count() for model in models] == counts
