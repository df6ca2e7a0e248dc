"""The audit trail keeps one history row per change that means something: creation, each save that
changed a recorded value, deletion, and any save that gives a reason."""

import pytest
from django.contrib.auth.models import update_last_login

from domain.models import LettingsLog, Organisation, OrganisationRelationship, Role, User
from domain.models.history import copy_to_history
from tests.factories import make_organisation, make_user, relate

pytestmark = pytest.mark.django_db


def kinds(obj) -> list[str]:
    return list(obj.history.order_by("history_date", "history_id").values_list("history_type", flat=True))


def test_creation_and_each_real_change_are_recorded(org):
    assert kinds(org) == ["+"]
    org.name = "Greenfield Homes"
    org.save()
    assert kinds(org) == ["+", "~"] and org.history.latest().name == "Greenfield Homes"


def test_a_save_that_changes_nothing_adds_no_row(org):
    org.save()
    Organisation.objects.get(pk=org.pk).save()
    assert kinds(org) == ["+"]


def test_a_new_timestamp_alone_is_no_change(org):
    before = Organisation.objects.values_list("updated_at", flat=True).get(pk=org.pk)
    org.save(update_fields=["name", "updated_at"])
    assert Organisation.objects.values_list("updated_at", flat=True).get(pk=org.pk) > before
    assert kinds(org) == ["+"]


def test_signing_in_updates_last_login_without_a_history_row(provider):
    update_last_login(None, provider)
    provider.refresh_from_db()
    assert provider.last_login is not None and kinds(provider) == ["+"]


def test_a_save_with_a_reason_is_recorded_even_without_a_change(org):
    org._change_reason = "Checked against the register"
    org.save()
    assert kinds(org) == ["+", "~"] and org.history.latest().history_change_reason == "Checked against the register"


def test_saving_a_log_unchanged_by_someone_else_adds_no_row(org, coordinator, provider):
    log = LettingsLog.objects.create(owning_organisation=org, managing_organisation=org, updated_by=provider,
                                     tenancycode="T-1")
    log.updated_by = coordinator
    log.save()
    assert kinds(log) == ["+"]
    log.tenancycode = "T-2"
    log.save()
    latest = log.history.latest()
    assert kinds(log) == ["+", "~"] and (latest.tenancycode, latest.updated_by_id) == ("T-2", coordinator.pk)


def test_deleting_is_recorded(org, other_org):
    relationship = relate(stock_owner=org, managing_agent=other_org)
    pk = relationship.pk
    relationship.delete()
    assert list(OrganisationRelationship.history.filter(id=pk).order_by("history_date")
                .values_list("history_type", flat=True)) == ["+", "-"]


def test_a_row_without_history_gets_its_first_row_on_its_next_save(org):
    org.history.all().delete()
    org.save()
    assert len(kinds(org)) == 1


def test_rows_inserted_in_bulk_get_their_creation_row_with_their_values(org, coordinator):
    logs = LettingsLog.objects.bulk_create([
        LettingsLog(owning_organisation=org, managing_organisation=org, created_by=coordinator, tenancycode=code)
        for code in ("BULK-1", "BULK-2")])
    other = make_organisation()
    users = [make_user(other, Role.DATA_PROVIDER), make_user(other, Role.DATA_PROVIDER)]
    for user in users:
        user.history.all().delete()
    copy_to_history(LettingsLog.objects.filter(pk__in=[log.pk for log in logs]), history_type="+",
                    user_field="created_by")
    copy_to_history(User.objects.filter(pk__in=[user.pk for user in users]), history_type="+")
    for log in logs:
        first = log.history.get()
        assert (first.history_type, first.tenancycode, first.history_user) == ("+", log.tenancycode, coordinator)
        assert first.owning_organisation_id == org.pk
    for user in users:
        first = user.history.get()
        assert (first.history_type, first.email, first.history_user) == ("+", user.email, None)


def test_migration_gives_rows_without_history_their_creation_row(org, coordinator):
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("domain.migrations.0012_history_creation_rows")
    quiet = LettingsLog.objects.bulk_create([LettingsLog(owning_organisation=org, managing_organisation=org,
                                                         created_by=coordinator, tenancycode="QUIET")])[0]
    org.name = "Greenfield Homes"
    org.save()
    org.history.filter(history_type="+").delete()  # has history, only not its first row: left alone
    migration.add_creation_rows(apps, SimpleNamespace(connection=connection))
    first = quiet.history.get()
    assert (first.history_type, first.tenancycode, first.history_user) == ("+", "QUIET", coordinator)
    assert first.history_date == LettingsLog.objects.get(pk=quiet.pk).created_at
    assert kinds(org) == ["~"] and kinds(coordinator) == ["+"]
