"""seed_volume: many realistic, valid, completed logs."""

import json
import random

import pytest
from django.core.management import CommandError, call_command

from domain.models import LettingsLog, SalesLog
from domain.models.logs import LogStatus
from domain.services.lettings import lettings_log_evaluate

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
        outcome = lettings_log_evaluate(log)
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
    from domain.services.sales import sales_log_evaluate

    call_command("seed_volume", "--sales", "200", "--seed", "5", "--json")
    assert json.loads(capsys.readouterr().out)["sales"] == 200
    sales = SalesLog.objects.all()
    assert set(sales.values_list("status", flat=True)) == {LogStatus.COMPLETED}
    assert set(sales.values_list("ownershipsch", flat=True)) == {1, 2}
    for log in random.Random(2).sample(list(sales), 8):
        outcome = sales_log_evaluate(SalesLog.objects.get(pk=log.pk))
        assert (outcome.status, outcome.errors) == ("completed", {}), log.pk


def test_every_seeded_log_has_its_creation_row_naming_its_creator(world):
    call_command("seed_volume", "--lettings", "120", "--sales", "30", "--seed", "9")
    for model in (LettingsLog, SalesLog):
        logs = model.objects.all()
        created = model.history.filter(history_type="+", id__in=logs.values("id"))  # not seed_demo's, deleted
        assert created.count() == logs.count() > 0
        assert set(created.values_list("id", "history_user", "tenancycode" if model is LettingsLog else "purchid")) == \
            set(logs.values_list("id", "created_by", "tenancycode" if model is LettingsLog else "purchid"))
