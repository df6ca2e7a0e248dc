"""seed_volume: many realistic, valid, completed logs."""

import json
import random

import pytest
from django.core.management import CommandError, call_command
from django.db import models

from domain.models import LettingsLog, SalesLog
from domain.models.logs import LogStatus
from domain.services.logs import log_evaluate

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    LettingsLog.objects.all().delete()


def test_seed_volume_creates_valid_completed_varied_logs(world, capsys):
    call_command("seed_volume", "--lettings", "600", "--seed", "7", "--json")
    summary = json.loads(capsys.readouterr().out)
    assert summary["lettings"] == 600
    logs = LettingsLog.objects.all()
    assert logs.count() == 600
    assert set(logs.values_list("status", flat=True)) == {LogStatus.COMPLETED}
    assert set(logs.values_list("needstype", flat=True)) == {1, 2}
    assert logs.values("owning_organisation").distinct().count() >= 3
    assert logs.values("managing_organisation").distinct().count() >= 4
    for log in random.Random(1).sample(list(logs), 15):
        log = LettingsLog.objects.get(pk=log.pk)
        outcome = log_evaluate(log)
        assert (outcome.status, outcome.errors) == ("completed", {}), log.pk


def test_the_same_seed_gives_the_same_logs(world):
    call_command("seed_volume", "--lettings", "50", "--seed", "3")
    first = list(LettingsLog.objects.order_by("id").values_list("tenancycode", "startdate", "brent"))
    LettingsLog.objects.all().delete()
    call_command("seed_volume", "--lettings", "50", "--seed", "3")
    assert list(LettingsLog.objects.order_by("id").values_list("tenancycode", "startdate", "brent")) == first


def test_seed_volume_refuses_negative_counts(world):
    with pytest.raises(CommandError, match="zero or more"):
        call_command("seed_volume", "--lettings", "-1")


def test_seed_volume_creates_completed_sales_of_both_types(world, capsys):
    from domain.models import SalesLog
    from domain.services.logs import log_evaluate

    call_command("seed_volume", "--sales", "200", "--seed", "5", "--json")
    assert json.loads(capsys.readouterr().out)["sales"] == 200
    sales = SalesLog.objects.all()
    assert set(sales.values_list("status", flat=True)) == {LogStatus.COMPLETED}
    assert set(sales.values_list("ownershipsch", flat=True)) == {1, 2}
    for log in random.Random(2).sample(list(sales), 8):
        outcome = log_evaluate(SalesLog.objects.get(pk=log.pk))
        assert (outcome.status, outcome.errors) == ("completed", {}), log.pk


def test_every_seeded_log_has_its_creation_row_naming_its_creator(world):
    call_command("seed_volume", "--lettings", "120", "--sales", "30", "--seed", "9")
    for model in (LettingsLog, SalesLog):
        logs = model.objects.all()
        created = model.history.filter(history_type="+", id__in=logs.values("id"))  # not seed_demo's, deleted
        assert created.count() == logs.count() > 0
        assert set(created.values_list("id", "history_user", "tenancycode" if model is LettingsLog else "purchid")) == \
            set(logs.values_list("id", "created_by", "tenancycode" if model is LettingsLog else "purchid"))


def test_seed_volume_spreads_logs_over_generated_organisations_a_few_large_many_small(world, capsys):
    from collections import Counter

    from domain.models import Organisation, Role, User

    call_command("seed_volume", "--lettings", "3000", "--sales", "300", "--organisations", "40", "--seed", "4",
                 "--json")
    summary = json.loads(capsys.readouterr().out)
    assert (summary["lettings"], summary["sales"], summary["organisations"]) == (3000, 300, 40)
    generated = Organisation.objects.filter(name__startswith="Volume Housing ")
    assert generated.count() == 40
    per_organisation = Counter(LettingsLog.objects.filter(owning_organisation__in=generated)
                               .values_list("owning_organisation__name", flat=True))
    assert sum(per_organisation.values()) == 3000
    largest = per_organisation["Volume Housing 0001"]
    assert largest == max(per_organisation.values())
    assert summary["largest"] == largest + SalesLog.objects.filter(owning_organisation__name="Volume Housing 0001").count()
    # Zipf, exponent 0.7, over 40: the largest holds about 13%, the smallest a tenth of that.
    assert 300 < largest < 500
    assert min(per_organisation.values()) < largest / 5
    assert LettingsLog.objects.filter(owning_organisation__in=generated).exclude(
        managing_organisation_id=models.F("owning_organisation_id")).count() == 0
    for organisation in generated[:3]:
        assert set(User.objects.filter(organisation=organisation).values_list("role", flat=True)) == {
            Role.DATA_COORDINATOR, Role.DATA_PROVIDER}
    for log in random.Random(3).sample(list(LettingsLog.objects.filter(owning_organisation__in=generated)), 8):
        log = LettingsLog.objects.get(pk=log.pk)
        assert log.assigned_to.organisation_id == log.owning_organisation_id
        assert (log_evaluate(log).status, log_evaluate(log).errors) == ("completed", {}), log.pk


def test_seeding_again_reuses_the_generated_organisations(world):
    from domain.models import Organisation

    call_command("seed_volume", "--lettings", "20", "--organisations", "5", "--seed", "1")
    call_command("seed_volume", "--lettings", "20", "--organisations", "5", "--seed", "2")
    assert Organisation.objects.filter(name__startswith="Volume Housing ").count() == 5
    assert LettingsLog.objects.count() == 40
