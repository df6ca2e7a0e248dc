"""The nightly CDS export is scheduled at 05:00 London time and the review digest at 07:00, idempotently."""

import json
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django_q.models import Schedule

LONDON = ZoneInfo("Europe/London")
CDS = "cds_export_nightly"


def _setup(capsys):
    call_command("setup_schedules", "--json")
    return {item["name"]: item for item in json.loads(capsys.readouterr().out)["schedules"]}


@pytest.mark.django_db
def test_nightly_export_runs_at_five_in_the_morning_london_time_all_year(capsys):
    summer = datetime(2026, 6, 30, 12, 0, tzinfo=LONDON)
    with mock.patch("django_q.models.localtime", return_value=summer):
        report = _setup(capsys)[CDS]
    schedule = Schedule.objects.get(name="cds_export_nightly")
    assert (schedule.func, schedule.cron, schedule.schedule_type) == ("exports.tasks.cds_export", "0 5 * * *", "C")
    assert schedule.next_run.astimezone(LONDON) == datetime(2026, 7, 1, 5, 0, tzinfo=LONDON)
    assert report["created"] is True
    winter = datetime(2026, 11, 28, 12, 0, tzinfo=LONDON)
    with mock.patch("django_q.models.localtime", return_value=winter):
        assert schedule.calculate_next_run().astimezone(LONDON) == datetime(2026, 11, 29, 5, 0, tzinfo=LONDON)


@pytest.mark.django_db
def test_running_setup_again_changes_nothing(capsys):
    _setup(capsys)
    first = Schedule.objects.get(name=CDS)
    report = _setup(capsys)[CDS]
    assert Schedule.objects.count() == 2
    assert (report["created"], report["changed"]) == (False, False)
    assert Schedule.objects.get(name=CDS).next_run == first.next_run


@pytest.mark.django_db
def test_setup_repairs_an_edited_schedule(capsys):
    _setup(capsys)
    Schedule.objects.filter(name=CDS).update(cron="0 1 * * *")
    report = _setup(capsys)[CDS]
    assert report["changed"] is True
    assert Schedule.objects.get(name=CDS).cron == "0 5 * * *"


@pytest.mark.django_db
def test_the_review_digest_is_sent_every_morning(capsys):
    report = _setup(capsys)["review_digest_daily"]
    schedule = Schedule.objects.get(name="review_digest_daily")
    assert (schedule.func, schedule.cron, schedule.schedule_type) == ("domain.tasks.review_digest", "0 7 * * *", "C")
    assert report["created"] is True
