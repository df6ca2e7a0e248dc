"""History pages are a read-only audit trail: every registered admin answers 200 or 404 (never a 500,
a 403 or a redirect), nothing is written back through them, and out of scope is the same as missing."""

from datetime import date
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django_q.models import OrmQ, Schedule, Task

from admin_console.history import has_audit_trail
from domain.models import (
    BulkUpload,
    CsvDownload,
    Export,
    ImportRun,
    LettingsLog,
    MergeRequest,
    Organisation,
    RentRange,
    Role,
    SaleRange,
    SalesLog,
    ServiceNotification,
    User,
)
from domain.services.lettings import lettings_log_save
from tests.admin_console.form_data import unchanged_form_data
from tests.factories import PASSWORD, make_local_authority, make_location, make_scheme, make_user, relate
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db
ROLES = ["support", "statistician", "coordinator", "provider", "other_coordinator"]
MISSING = "987654"


def history_url(model, object_id) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id])


def version_url(model, object_id, version_id) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[object_id, version_id])


def saved_log(owner, user, **answers) -> LettingsLog:
    log = apply(LettingsLog(), general_needs_answers(owner, user, **answers))
    lettings_log_save(log=log, by=user)
    return log


@pytest.fixture
def examples(org, other_org, coordinator, provider, support, statistician, other_coordinator):
    """At least one row of every model the console registers, in and out of the coordinator's scope."""
    now = timezone.now()
    saved_log(org, coordinator, tenancycode="OURS-1")
    saved_log(other_org, other_coordinator, tenancycode="THEIRS-1")
    SalesLog.objects.create(owning_organisation=org, managing_organisation=org, assigned_to=coordinator,
                            saledate=date(2026, 6, 1), purchid="SALE-1")
    make_location(make_scheme(org))
    make_location(make_scheme(other_org))
    relate(stock_owner=other_org, managing_agent=make_user(role=Role.DATA_PROVIDER).organisation)
    BulkUpload.objects.create(log_type="lettings", year=2026, uploaded_by=coordinator, organisation=org,
                              file_name="lettings.csv", file_key="uploads/history-test.csv")
    CsvDownload.objects.create(user=coordinator, organisation=org, kind="lettings", year=2026)
    Export.objects.create(collection="lettings", year=2026, started_at=now, records=3)
    ImportRun.objects.create(started_by=support)
    MergeRequest.objects.create(absorbing_organisation=org, merge_date=now.date())
    ServiceNotification.objects.create(title="Planned maintenance", start_date=now)
    make_local_authority()
    RentRange.objects.create(start_year=2026, ranges_rent_id=1, lettype=1, la="E08000038", beds=1,
                             soft_min=Decimal("80"), soft_max=Decimal("150"), hard_min=Decimal("50"),
                             hard_max=Decimal("300"))
    SaleRange.objects.create(start_year=2026, la="E08000038", la_name="Barnsley", bedrooms=1,
                             soft_min=Decimal("50000"), soft_max=Decimal("300000"))
    Task.objects.create(id="done", name="done", func="math.floor", started=now, stopped=now, success=True)
    Task.objects.create(id="failed", name="failed", func="math.floor", started=now, stopped=now, success=False)
    Schedule.objects.create(func="math.floor")
    OrmQ.objects.create(key="default", payload="queued", lock=now)
    access = {"ip_address": "127.0.0.1", "user_agent": "test", "path_info": "/login/", "http_accept": "*/*",
              "username": "someone@example.com"}
    AccessAttempt.objects.create(get_data="", post_data="", failures_since_start=1, **access)
    AccessLog.objects.create(**access)
    AccessFailureLog.objects.create(locked_out=False, **access)


def history_urls(model, obj) -> list[str]:
    urls = [history_url(model, obj.pk)]
    if has_audit_trail(model):
        urls += [version_url(model, obj.pk, version.pk) for version in obj.history.all()]
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_history_page_answers_found_or_not_found_for_every_role(role, request, client_for, examples):
    client = client_for(request.getfixturevalue(role))
    for model in admin.site._registry:
        rows = list(model._default_manager.all())
        assert rows, f"Add a {model._meta.label} to the `examples` fixture so that its history pages are tested."
        for obj in rows:
            for url in history_urls(model, obj):
                status = client.get(url).status_code
                assert status in (200, 404), f"{url} answered {status} to {role}"
                if not has_audit_trail(model):
                    assert status == 404, f"{url}: {model._meta.label} has no history, yet answered {status}"
        for url in (history_url(model, MISSING), history_url(model, "not-an-id")):
            assert client.get(url).status_code == 404, url


def test_support_reads_the_history_of_every_record_that_has_one(client_for, support, examples):
    client = client_for(support)
    audited = [model for model in admin.site._registry if has_audit_trail(model)]
    assert {model._meta.model_name for model in audited} == {
        "user", "organisation", "scheme", "location", "lettingslog", "saleslog", "mergerequest", "servicenotification"}
    for model in audited:
        for obj in model._default_manager.all():
            for url in history_urls(model, obj):
                assert client.get(url).status_code == 200, url


def test_a_past_version_is_shown_as_text_without_a_save_button(client_for, support, org):
    org.name = "Greenfield Homes"
    org.save()
    first = org.history.earliest()
    page = client_for(support).get(version_url(Organisation, org.pk, first.pk)).content.decode()
    assert "Greenfield Housing" in page
    assert 'name="name"' not in page and 'name="_save"' not in page and "Revert" not in page


# --- nothing is written back through a history page ----------------------------------------------

@pytest.fixture
def changed_records(org, coordinator, support):
    """A user, an organisation and a log, each changed once by support after being created: the first
    history row of each holds the values someone might try to restore."""
    demoted = make_user(org, Role.DATA_COORDINATOR, email="demoted@greenfield.test", name="Dee Demoted")
    demoted.role, demoted.is_active = Role.DATA_PROVIDER, False
    demoted._history_user = support
    demoted.save()
    org.name = "Greenfield Homes"
    org.save()
    log = saved_log(org, coordinator, tenancycode="BEFORE")
    log.tenancycode = "AFTER"
    lettings_log_save(log=log, by=support)
    return {"user": demoted, "organisation": org, "log": log}


def old_version_post(model, obj) -> tuple[str, dict]:
    """The URL of the object's first version and the form a revert would send: its old values."""
    first = obj.history.earliest()
    data = {"_save": "Revert", "_change_history": "1"}
    if model is User:
        data.update(name=first.name, email=first.email, organisation=str(first.organisation_id),
                    role=str(first.role), is_active="on")
    elif model is Organisation:
        data.update(name=first.name, provider_type=str(first.provider_type), address_line1=first.address_line1,
                    postcode=first.postcode, phone=first.phone)
    else:
        data.update(tenancycode=first.tenancycode, owning_organisation=str(first.owning_organisation_id),
                    managing_organisation=str(first.managing_organisation_id))
    return version_url(model, obj.pk, first.pk), data


def current(model, obj) -> tuple:
    fields = {User: ("role", "is_active", "name"), Organisation: ("name",), LettingsLog: ("tenancycode",)}[model]
    return model.objects.filter(pk=obj.pk).values_list(*fields).get()


@pytest.mark.parametrize("role", ["support", "statistician", "coordinator", "provider", "demoted"])
def test_posting_a_past_version_changes_nothing_for_any_role(role, request, client_for, changed_records):
    user = changed_records["user"] if role == "demoted" else request.getfixturevalue(role)
    if role == "demoted":
        user.role, user.is_active = Role.DATA_PROVIDER, True  # still signed in, as a provider
        user.save()
    client = client_for(user)
    for model, key in ((User, "user"), (Organisation, "organisation"), (LettingsLog, "log")):
        obj = changed_records[key]
        before, rows = current(model, obj), obj.history.count()
        url, data = old_version_post(model, obj)
        response = client.post(url, data)
        assert response.status_code == 405, f"{role} POST {url} answered {response.status_code}"
        assert "History is read-only" in response.content.decode()
        assert client.post(history_url(model, obj.pk), data).status_code == 405
        assert current(model, obj) == before and obj.history.count() == rows, f"{role} changed {key}"
    assert current(User, changed_records["user"])[0] == Role.DATA_PROVIDER
    assert current(Organisation, changed_records["organisation"]) == ("Greenfield Homes",)
    assert current(LettingsLog, changed_records["log"]) == ("AFTER",)


# --- out of scope is not found, as missing is ---------------------------------------------------------

def test_history_outside_the_users_scope_is_not_found_like_a_missing_id(
        client_for, coordinator, org, other_org, other_coordinator):
    ours = {User: coordinator, Organisation: org, LettingsLog: saved_log(org, coordinator)}
    theirs = {User: other_coordinator, Organisation: other_org, LettingsLog: saved_log(other_org, other_coordinator)}
    scheme = make_scheme(other_org)
    theirs.update({type(scheme): scheme, type(location := make_location(scheme)): location})
    client = client_for(coordinator)
    for model, obj in ours.items():
        assert client.get(history_url(model, obj.pk)).status_code == 200
        assert client.get(version_url(model, obj.pk, obj.history.latest().pk)).status_code == 200
    for model, obj in theirs.items():
        version = obj.history.latest()
        assert client.get(history_url(model, obj.pk)).status_code == 404, model
        assert client.get(version_url(model, obj.pk, version.pk)).status_code == 404, model
        assert client.get(history_url(model, MISSING)).status_code == 404, model
        assert client.get(version_url(model, MISSING, version.pk)).status_code == 404, model
    for model, obj in ours.items():
        # A version of someone else's record, asked for through one's own: not found either.
        assert client.get(version_url(model, obj.pk, theirs[model].history.latest().pk)).status_code == 404
        assert client.get(version_url(model, obj.pk, MISSING)).status_code == 404
        assert client.get(version_url(model, obj.pk, "not-an-id")).status_code == 404


# --- a row for each change, and none for a save that changed nothing ---------------------------------

def test_signing_in_adds_no_history_row(client, provider):
    rows = provider.history.count()
    response = client.post(reverse("admin:login"), {"username": provider.email, "password": PASSWORD,
                                                    "next": reverse("admin:index")})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    provider.refresh_from_db()
    assert provider.last_login is not None
    assert provider.history.count() == rows == 1


def save_unchanged(client, model, obj):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = unchanged_form_data(client.get(url).content.decode(), f"{opts.model_name}_form")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


@pytest.mark.parametrize("role", ["support", "coordinator"])
def test_saving_an_unchanged_form_adds_no_history_row(role, request, client_for, org, provider, coordinator):
    client = client_for(request.getfixturevalue(role))
    make_local_authority(code="E08000039", name="Sheffield")  # the log's answer is among the choices
    log = saved_log(org, coordinator)
    for model, obj in ((User, provider), (Organisation, org), (LettingsLog, log)):
        rows = list(obj.history.values_list("history_id", flat=True))
        save_unchanged(client, model, obj)
        assert list(obj.history.values_list("history_id", flat=True)) == rows, model._meta.label


def test_a_change_saved_in_the_admin_is_one_history_row_naming_who(client_for, coordinator, provider):
    client = client_for(coordinator)
    url = reverse("admin:domain_user_change", args=[provider.pk])
    data = unchanged_form_data(client.get(url).content.decode(), "user_form")
    data["name"] = ["Patricia Provider"]
    assert client.post(url, data).status_code == 302
    latest = provider.history.latest()
    assert provider.history.count() == 2
    assert (latest.history_type, latest.name, latest.history_user) == ("~", "Patricia Provider", coordinator)


def test_the_history_tab_is_offered_only_for_records_with_a_history(client_for, support, org, coordinator):
    upload = BulkUpload.objects.create(log_type="lettings", year=2026, uploaded_by=coordinator, organisation=org,
                                       file_name="lettings.csv", file_key="uploads/tab-test.csv")
    client = client_for(support)
    page = client.get(reverse("admin:domain_organisation_change", args=[org.pk])).content.decode()
    assert history_url(Organisation, org.pk) in page
    page = client.get(reverse("admin:domain_bulkupload_change", args=[upload.pk])).content.decode()
    assert history_url(BulkUpload, upload.pk) not in page
