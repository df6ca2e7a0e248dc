"""Every object URL of every console model, for every demo role, by GET and by POST.

The matrix is generated: the models come from the admin site's registry and the URLs from each
ModelAdmin's own `get_urls()`, so a model or an object view added tomorrow is probed the day it is
added. What a role may see and change is the spec's rule as `domain.access` states it (SCOPES and
CHANGERS below); a registered model with no entry there fails the test, as does a URL parameter the
matrix does not know how to fill.

For each demo user, each model and one object inside and one outside the user's scope:
- no request ends in a server error;
- an object outside the scope is not found (404), by GET and by POST alike (spec §10);
- a POST by a user who may not change the object leaves its row exactly as it was;
- nobody signed out reaches any of it.
Each request runs in a savepoint that is rolled back, so one POST cannot change what the next sees."""

from __future__ import annotations

import io
import re
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone
from django_q.models import Failure, OrmQ, Schedule, Success

from domain import access
from domain.models import (
    BulkUpload, CsvDownload, Export, ImportRun, LettingsLog, LocalAuthority, Location, MergeRequest, Organisation,
    OrganisationRelationship, RentRange, Role, SaleRange, SalesLog, Scheme, ServiceNotification, User,
)
from domain.selectors.reviews import log_queries
from domain.services.demo import USERS

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [email for email, *_ in USERS]


def _logs(model):
    return lambda user: access.visible_logs(user, model, include_deleted=True)


def _operations(model):
    return lambda user: model.objects.all() if access.can_use_operations(user) else model.objects.none()


def _reference(model):
    return lambda user: model.objects.all() if access.can_view_reference_data(user) else model.objects.none()


def _relationship_history(user):
    relationships = access.visible_relationships(user).values("pk")
    return OrganisationRelationship.history.model.objects.filter(id__in=relationships)


# What each role sees of each console model: the spec's scope, as domain.access states it.
SCOPES = {
    LettingsLog: _logs(LettingsLog),
    SalesLog: _logs(SalesLog),
    Organisation: access.visible_organisations,
    User: access.visible_users,
    Scheme: access.visible_schemes,
    Location: access.visible_locations,
    BulkUpload: access.visible_bulk_uploads,
    CsvDownload: access.visible_csv_downloads,
    Export: access.visible_cds_exports,
    ImportRun: access.visible_import_runs,
    OrganisationRelationship.history.model: _relationship_history,
    LocalAuthority: _reference(LocalAuthority),
    RentRange: _reference(RentRange),
    SaleRange: _reference(SaleRange),
    Success: _operations(Success),
    Failure: _operations(Failure),
    Schedule: _operations(Schedule),
    OrmQ: _operations(OrmQ),
    AccessAttempt: _operations(AccessAttempt),
    AccessLog: _operations(AccessLog),
    AccessFailureLog: _operations(AccessFailureLog),
    MergeRequest: lambda user: (MergeRequest.objects.all() if access.can_manage_merges(user)
                                else MergeRequest.objects.none()),
    ServiceNotification: lambda user: (ServiceNotification.objects.all() if access.can_manage_notifications(user)
                                       else ServiceNotification.objects.none()),
}


def _log_changer(user, log):
    return access.can_change_log(user, log) or access.can_delete_log(user, log) or access.can_restore_log(user, log)


def _nobody(user, obj):
    return False


def _support(user, obj):
    return access.is_support(user)


# Who may change an object in any way (edit, (de)activate, delete, decide): everyone else's POST
# must leave its row untouched.
CHANGERS = {
    LettingsLog: _log_changer,
    SalesLog: _log_changer,
    Organisation: lambda user, org: (access.can_change_organisation(user, org)
                                     or access.can_change_organisation_status(user)
                                     or access.can_manage_relationships(user, org)),
    User: lambda user, target: access.can_change_user(user, target) or access.can_change_user_status(user, target),
    Scheme: lambda user, scheme: (access.can_change_scheme(user, scheme)
                                  or access.can_change_scheme_availability(user, scheme)),
    Location: lambda user, location: (access.can_change_location(user, location)
                                      or access.can_change_scheme_availability(user, location.scheme)),
    BulkUpload: lambda user, upload: (access.can_decide_bulk_upload(user, upload)
                                      or access.can_delete_bulk_upload_logs(user, upload)
                                      or upload.uploaded_by_id == user.pk),
    CsvDownload: _support,
    Export: _support,
    ImportRun: _support,
    OrganisationRelationship.history.model: _nobody,
    LocalAuthority: _nobody,
    RentRange: _nobody,
    SaleRange: _nobody,
    Success: _support,
    Failure: _support,
    Schedule: _support,
    OrmQ: _support,
    AccessAttempt: _support,
    AccessLog: _support,
    AccessFailureLog: _support,
    ServiceNotification: _support,
    MergeRequest: _support,
}

OBJECT_PARAMETERS = {"object_id", "object_pk", "pk"}


@dataclass(frozen=True)
class Probe:
    url: str
    model: type
    pk: object


def parameters(pattern: URLPattern) -> list[str]:
    """The names of a URL's parameters, in order (simple-history's version page uses a positional regex)."""
    if pattern.pattern.converters:
        return list(pattern.pattern.converters)
    regex = pattern.pattern.regex
    if regex.groupindex:
        return list(regex.groupindex)
    if regex.groups and (pattern.name or "").endswith("_simple_history"):
        return ["object_id", "history_id"]
    return [f"<positional {n}>" for n in range(regex.groups)]


def object_patterns(model_admin) -> list[URLPattern]:
    """The ModelAdmin's URLs that name one object."""
    return [
        pattern for pattern in model_admin.get_urls()
        if isinstance(pattern, URLPattern) and OBJECT_PARAMETERS & set(parameters(pattern))
    ]


def fill(pattern: URLPattern, obj, user) -> str:
    """The URL of `pattern` for `obj`, with any other parameter filled from the world."""
    values = {}
    for name in parameters(pattern):
        if name in OBJECT_PARAMETERS:
            values[name] = obj.pk
        elif name == "history_id":
            history = getattr(type(obj), "history", None)
            row = history.filter(**{type(obj)._meta.pk.attname: obj.pk}).first() if history else None
            values[name] = row.history_id if row else 999_999_999
        elif name == "query_id":
            query = log_queries(obj).order_by("pk").first()
            values[name] = query.pk if query else 999_999_999
        elif name == "step":
            values[name] = "resolve"
        elif name == "user_id":
            values[name] = user.pk
        elif name == "group_id":
            values[name] = 1
        else:
            pytest.fail(f"The URL matrix cannot fill {name} in {pattern.pattern}: teach fill() what it is.")
    if pattern.name:
        if pattern.pattern.converters or pattern.pattern.regex.groupindex:
            return reverse(f"{admin.site.name}:{pattern.name}", kwargs=values)
        return reverse(f"{admin.site.name}:{pattern.name}", args=list(values.values()))
    # Django's unnamed "<id>/" redirect to the change page.
    opts = obj._meta
    changelist = reverse(f"{admin.site.name}:{opts.app_label}_{opts.model_name}_changelist")
    return changelist + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(values[match.group(1)]), str(pattern.pattern))


def snapshot(model, pk):
    return list(model._default_manager.filter(pk=pk).values())


@pytest.fixture
def world(db, clock):
    """The demo world of `make run`, plus one of everything the demo does not make."""
    with redirect_stdout(io.StringIO()):
        call_command("load_reference_data")
        call_command("seed_demo")
        call_command("seed_volume", "--lettings", "6", "--sales", "6", "--seed", "12")
        call_command("setup_schedules")
    provider = User.objects.get(email="provider@greenfield.example.com")
    greenfield = provider.organisation
    BulkUpload.objects.create(log_type="lettings", year=2026, uploaded_by=provider, organisation=greenfield,
                              file_name="greenfield.csv")
    CsvDownload.objects.create(user=provider, organisation=greenfield, role=provider.role, kind="lettings",
                               year=2026)
    Export.objects.create(collection="users", started_at=timezone.now())
    ImportRun.objects.create(started_by=User.objects.get(email="support@example.com"))
    Success.objects.create(id="a" * 32, name="done", func="math.floor", started=timezone.now(),
                           stopped=timezone.now(), success=True)
    Failure.objects.create(id="b" * 32, name="failed", func="math.floor", started=timezone.now(),
                           stopped=timezone.now(), success=False)
    OrmQ.objects.create(key="default", payload="x", lock=None)
    AccessAttempt.objects.create(username="someone@example.com", ip_address="127.0.0.1", failures_since_start=1)
    AccessLog.objects.create(username="someone@example.com", ip_address="127.0.0.1")
    AccessFailureLog.objects.create(username="someone@example.com", ip_address="127.0.0.1", locked_out=False)
    ServiceNotification.objects.create(title="Planned maintenance", start_date=timezone.now())
    MergeRequest.objects.create(absorbing_organisation=greenfield, merge_date=timezone.localdate())
    return admin.site


def probes_for(user, registry) -> list[tuple[Probe, bool]]:
    """One object inside and one outside `user`'s scope, per model, for every object URL."""
    probes = []
    for model, model_admin in registry._registry.items():
        assert model in SCOPES and model in CHANGERS, (
            f"{model.__name__} is registered in the console but the URL matrix has no scope for it: "
            "add it to SCOPES and CHANGERS")
        scope = SCOPES[model](user)
        inside = scope.order_by("pk").first()
        outside = model._default_manager.exclude(pk__in=scope.values("pk")).order_by("pk").first()
        for obj, visible in ((inside, True), (outside, False)):
            if obj is None:
                continue
            for pattern in object_patterns(model_admin):
                probes.append((Probe(fill(pattern, obj, user), model, obj.pk), visible))
    return probes


@contextmanager
def rolled_back():
    """What a request writes is undone, so one POST cannot change what the next request sees."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@dataclass
class ServerError:
    status_code: int
    error: str


def send(client, method, url):
    """GET, or POST with what a confirmation page sends. A view that raises answers as a 500 would,
    naming the error."""
    try:
        return client.get(url) if method == "GET" else client.post(url, {"post": "yes", "confirm": "yes"})
    except Exception as error:  # noqa: BLE001: every error is reported with the URL that raised it
        return ServerError(500, f"{type(error).__name__}: {error}")


@pytest.mark.parametrize("email", DEMO_EMAILS)
def test_every_object_url_answers_each_demo_role_as_the_spec_says(world, email):
    user = User.objects.get(email=email)
    client = Client()
    client.force_login(user)
    if not access.is_console_user(user):
        # A data protection officer with no role is sent to sign in, as if signed out.
        assert_sent_to_sign_in(client, probes_for(support_of(world), world))
        return
    problems = []
    for probe, visible in probes_for(user, world):
        obj = probe.model._default_manager.get(pk=probe.pk)
        may_change = visible and CHANGERS[probe.model](user, obj)
        for method in ("GET", "POST"):
            before = snapshot(probe.model, probe.pk)
            with rolled_back():
                response = send(client, method, probe.url)
                if response.status_code >= 500:
                    problems.append(f"{method} {probe.url}: {getattr(response, 'error', response.status_code)}")
                if not visible and response.status_code != 404:
                    problems.append(f"{method} {probe.url}: {response.status_code} for an object outside the scope")
                if method == "POST" and not may_change and snapshot(probe.model, probe.pk) != before:
                    problems.append(f"POST {probe.url} changed a row that {email} may not change")
    assert not problems, "\n".join(problems)


def support_of(world) -> User:
    return User.objects.get(email="support@example.com")


def assert_sent_to_sign_in(client, probes):
    problems = []
    for probe, _ in probes:
        for method in ("GET", "POST"):
            before = snapshot(probe.model, probe.pk)
            with rolled_back():
                response = send(client, method, probe.url)
                if response.status_code != 302 or "/login/" not in response["Location"]:
                    problems.append(f"{method} {probe.url}: {response.status_code}")
                if snapshot(probe.model, probe.pk) != before:
                    problems.append(f"{method} {probe.url} changed a row while signed out")
    assert not problems, "\n".join(problems)


def test_nobody_signed_out_reaches_any_object_url(world):
    assert_sent_to_sign_in(Client(), probes_for(support_of(world), world))


def test_the_matrix_covers_every_registered_model_and_its_object_views(world):
    support = support_of(world)
    covered = {probe.model for probe, _ in probes_for(support, world)}
    assert covered == set(world._registry)
    urls = {probe.url for probe, _ in probes_for(support, world)}
    roles = set(User.objects.filter(email__in=DEMO_EMAILS).values_list("role", flat=True))
    assert roles == {role.value for role in Role} | {None}
    assert any(url.endswith("/history/") for url in urls)
    assert any(re.search(r"/history/\d+/$", url) for url in urls)
