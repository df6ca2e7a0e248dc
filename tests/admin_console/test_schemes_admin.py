"""Scheme and location pages: one page for a scheme and its locations, access, filters, downloads."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from domain.collection import today
from domain.models import Location, LocationDeactivationPeriod, Scheme, SchemeDeactivationPeriod
from tests.factories import make_local_authority, make_location, make_scheme

pytestmark = pytest.mark.django_db
LOCATIONS = "locations"


def management(total, initial=0):
    return {
        f"{LOCATIONS}-TOTAL_FORMS": str(total),
        f"{LOCATIONS}-INITIAL_FORMS": str(initial),
        f"{LOCATIONS}-MIN_NUM_FORMS": "0",
        f"{LOCATIONS}-MAX_NUM_FORMS": "1000",
    }


def scheme_answers(org, **extra):
    data = {
        "service_name": "Hill House",
        "sensitive": "0",
        "scheme_type": "7",
        "registered_under_care_act": "1",
        "owning_organisation": str(org.pk),
        "arrangement_type": "D",
        "primary_client_group": "M",
        "has_other_client_group": "0",
        "secondary_client_group": "",
        "support_type": "2",
        "intended_stay": "P",
        "confirmed": "on",
    }
    data.update(extra)
    return data


def location_row(index, authority, **answers):
    row = {"postcode": "s70 2ta", "local_authority": str(authority.pk), "name": "", "units": "4",
           "type_of_unit": "1", "mobility_type": "N", "startdate": ""}
    row.update(answers)
    return {f"{LOCATIONS}-{index}-{key}": value for key, value in row.items()}


@pytest.fixture
def barnsley(db):
    return make_local_authority()


def test_coordinator_creates_a_scheme_with_two_locations_on_one_page(client_for, coordinator, org, barnsley):
    data = {**scheme_answers(org), **management(2), **location_row(0, barnsley),
            **location_row(1, barnsley, postcode="S70 2TB", units="2")}
    response = client_for(coordinator).post(reverse("admin:domain_scheme_add"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    scheme = Scheme.objects.get()
    assert scheme.owning_organisation == org and scheme.confirmed
    locations = list(scheme.locations.order_by("postcode"))
    assert [(loc.postcode, loc.location_code, loc.location_admin_district, loc.confirmed) for loc in locations] == [
        ("S70 2TA", "E08000038", "Barnsley", True), ("S70 2TB", "E08000038", "Barnsley", True)
    ]
    assert scheme.status_at(today()) == "active"
    assert scheme.history.count() == 1 and locations[0].history.count() == 1


def test_invalid_postcode_on_the_page_saves_nothing(client_for, coordinator, org, barnsley):
    data = {**scheme_answers(org), **management(1), **location_row(0, barnsley, postcode="123 NOPE")}
    response = client_for(coordinator).post(reverse("admin:domain_scheme_add"), data)
    assert response.status_code == 200
    assert "Enter a postcode in the correct format, for example SW1P 4DF." in response.content.decode()
    assert not Scheme.objects.exists() and not Location.objects.exists()


def test_local_authority_must_be_in_place_on_the_start_date(client_for, coordinator, org, barnsley):
    data = {**scheme_answers(org), **management(1), **location_row(0, barnsley, startdate="2024-06-01")}
    response = client_for(coordinator).post(reverse("admin:domain_scheme_add"), data)
    assert response.status_code == 200
    assert not Scheme.objects.exists()


def test_owner_without_stock_is_not_offered(client_for, coordinator, org, barnsley):
    org.holds_own_stock = False
    org.save()
    response = client_for(coordinator).post(reverse("admin:domain_scheme_add"), {**scheme_answers(org), **management(0)})
    assert response.status_code == 403  # nothing to own a scheme: the coordinator cannot add one
    assert not Scheme.objects.exists()


def test_deactivating_a_location_from_its_row(client_for, coordinator, org):
    scheme = make_scheme(org)
    location = make_location(scheme)
    day = today() + timedelta(days=30)
    data = {**scheme_answers(org, service_name=scheme.service_name), **management(1, 1),
            f"{LOCATIONS}-0-id": str(location.pk), f"{LOCATIONS}-0-scheme": str(scheme.pk),
            f"{LOCATIONS}-0-deactivate_from": day.isoformat()}
    response = client_for(coordinator).post(reverse("admin:domain_scheme_change", args=[scheme.pk]), data)
    assert response.status_code == 302
    assert LocationDeactivationPeriod.objects.get().deactivation_date == day
    assert Location.objects.get(pk=location.pk).displayed_status(today()) == "deactivating_soon"


def test_deactivation_from_a_row_inside_an_existing_period_saves_nothing(client_for, coordinator, org):
    scheme = make_scheme(org, service_name="Hill House")
    location = make_location(scheme)
    start = today() + timedelta(days=10)
    LocationDeactivationPeriod.objects.create(location=location, deactivation_date=start,
                                              reactivation_date=start + timedelta(days=20))
    data = {**scheme_answers(org, service_name="Renamed"), **management(1, 1),
            f"{LOCATIONS}-0-id": str(location.pk), f"{LOCATIONS}-0-scheme": str(scheme.pk),
            f"{LOCATIONS}-0-deactivate_from": (start + timedelta(days=5)).isoformat()}
    response = client_for(coordinator).post(reverse("admin:domain_scheme_change", args=[scheme.pk]), data)
    assert response.status_code == 200
    assert "Choose a date outside that period." in response.content.decode()
    scheme.refresh_from_db()
    assert scheme.service_name == "Hill House" and LocationDeactivationPeriod.objects.count() == 1


def test_provider_of_an_unrelated_organisation_cannot_open_a_scheme(client_for, other_provider, org):
    scheme = make_scheme(org, service_name="Private scheme")
    location = make_location(scheme)
    client = client_for(other_provider)
    for url in (reverse("admin:domain_scheme_change", args=[scheme.pk]),
                reverse("admin:domain_location_change", args=[location.pk])):
        response = client.get(url, follow=True)
        assert "Private scheme" not in response.content.decode()
        assert "S70 2TA" not in response.content.decode()


def test_provider_sees_own_scheme_read_only(client_for, provider, org):
    scheme = make_scheme(org)
    page = client_for(provider).get(reverse("admin:domain_scheme_change", args=[scheme.pk])).content.decode()
    assert scheme.service_name in page and 'name="service_name"' not in page


def test_confirmed_scheme_shows_coordinator_only_name_confidential_and_owner(client_for, coordinator, org):
    scheme = make_scheme(org)
    page = client_for(coordinator).get(reverse("admin:domain_scheme_change", args=[scheme.pk])).content.decode()
    assert 'name="service_name"' in page and 'name="support_type"' not in page


def test_status_filter_and_search(client_for, support, org):
    active = make_scheme(org, service_name="Active one")
    make_location(active, postcode="LS1 4AP")
    incomplete = make_scheme(org, service_name="Unfinished")
    deactivated = make_scheme(org, service_name="Closed one")
    make_location(deactivated)
    SchemeDeactivationPeriod.objects.create(scheme=deactivated, deactivation_date=date(2026, 4, 1))
    client = client_for(support)
    url = reverse("admin:domain_scheme_changelist")

    def listed(**params):
        page = client.get(url, params).content.decode()
        return {s.service_name for s in (active, incomplete, deactivated) if s.service_name in page}

    assert listed(status="active") == {"Active one"}
    assert listed(status="incomplete") == {"Unfinished"}
    assert listed(status="deactivated") == {"Closed one"}
    assert listed(q="ls14ap") == {"Active one"}
    assert listed(q=f"s{incomplete.pk}") == {"Unfinished"}


def test_scheme_deactivation_asks_for_confirmation_with_both_counts(client_for, coordinator, org):
    scheme = make_scheme(org)
    make_location(scheme)
    url = reverse("admin:domain_scheme_deactivate", args=[scheme.pk])
    day = today() + timedelta(days=40)
    client = client_for(coordinator)
    page = client.post(url, {"when": "other", "day": day.isoformat()}).content.decode()
    assert "This change will affect 0 logs and 1 location." in page
    assert not SchemeDeactivationPeriod.objects.exists()
    response = client.post(url, {"when": "other", "day": day.isoformat(), "confirm": "1"})
    assert response.status_code == 302
    assert SchemeDeactivationPeriod.objects.get().deactivation_date == day


def test_deactivation_before_the_collection_period_shows_the_error(client_for, coordinator, org):
    scheme = make_scheme(org)
    page = client_for(coordinator).post(
        reverse("admin:domain_scheme_deactivate", args=[scheme.pk]), {"when": "other", "day": "2020-01-01"}
    ).content.decode()
    assert "the start of the open collection period" in page
    assert not SchemeDeactivationPeriod.objects.exists()


def test_provider_cannot_deactivate(client_for, provider, org):
    scheme = make_scheme(org)
    client_for(provider).post(reverse("admin:domain_scheme_deactivate", args=[scheme.pk]),
                              {"when": "default", "confirm": "1"})
    assert not SchemeDeactivationPeriod.objects.exists()


def test_csv_download_action_makes_the_users_schemes_file_through_the_download_job(client_for, provider, org, other_org):
    from domain.models import CsvDownload
    from exports import storage
    from exports.tasks import csv_download_build

    make_scheme(org, service_name="Mine")
    make_scheme(other_org, service_name="Theirs")
    client = client_for(provider)
    response = client.get(reverse("admin:domain_scheme_download_schemes"))
    assert response.status_code == 302 and response["Location"].endswith("?kind=schemes")
    client.post(reverse("admin:domain_csvdownload_request"), {"kind": "schemes", "list": ""})
    download = CsvDownload.objects.get()
    csv_download_build(download.pk)
    download.refresh_from_db()
    with storage.open_file(download.file_key) as stored:
        body = stored.read().decode("utf-8")
    assert body.startswith("\ufeffscheme_code,") and "Mine" in body and "Theirs" not in body


def test_location_list_searches_across_schemes(client_for, support, org):
    make_location(make_scheme(org), postcode="LS1 4AP", name="Mill")
    make_location(make_scheme(org), postcode="S70 2TA", name="Barn")
    page = client_for(support).get(reverse("admin:domain_location_changelist"), {"q": "ls1 4"}).content.decode()
    assert "LS1 4AP" in page and "S70 2TA" not in page


@pytest.mark.parametrize("who", ["support", "coordinator", "provider", "statistician"])
def test_every_scheme_page_opens_for_each_role(request, client_for, who, org, barnsley):
    user = request.getfixturevalue(who)
    scheme = make_scheme(org)
    location = make_location(scheme)
    client = client_for(user)
    urls = [reverse("admin:domain_scheme_changelist"), reverse("admin:domain_location_changelist"),
            reverse("admin:domain_scheme_change", args=[scheme.pk]),
            reverse("admin:domain_location_change", args=[location.pk]),
            reverse("admin:domain_scheme_history", args=[scheme.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert scheme.service_name in response.content.decode() or "S70 2TA" in response.content.decode()
    add = client.get(reverse("admin:domain_scheme_add"))
    assert add.status_code == (200 if who in ("support", "coordinator") else 403)


def test_location_deactivate_confirm_then_reactivate(client_for, coordinator, org):
    location = make_location(make_scheme(org))
    client = client_for(coordinator)
    day = today() + timedelta(days=20)
    deactivate = reverse("admin:domain_location_deactivate", args=[location.pk])
    page = client.post(deactivate, {"when": "other", "day": day.isoformat()}).content.decode()
    assert "This change will affect 0 logs and 0 locations." in page
    client.post(deactivate, {"when": "other", "day": day.isoformat(), "confirm": "1"})
    reactivate = reverse("admin:domain_location_reactivate", args=[location.pk])
    page = client.post(reactivate, {"when": "other", "day": (day - timedelta(days=1)).isoformat()}).content.decode()
    assert "The reactivation date must be on or after the deactivation date" in page
    client.post(reactivate, {"when": "other", "day": (day + timedelta(days=10)).isoformat()})
    period = LocationDeactivationPeriod.objects.get()
    assert (period.deactivation_date, period.reactivation_date) == (day, day + timedelta(days=10))
