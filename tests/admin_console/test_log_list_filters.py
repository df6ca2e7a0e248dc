"""The log lists' filters and search at the edges: choices that do not depend on which logs are newest,
searches people expect to work, and ties in a sort."""

import pytest
from django.urls import reverse

from domain.models import LettingsLog
from tests.factories import make_lettings_log, make_organisation, relate

pytestmark = pytest.mark.django_db
LIST = reverse("admin:domain_lettingslog_changelist")


def copies(template, count: int, **values) -> list[int]:
    columns = [f.attname for f in LettingsLog._meta.concrete_fields if f.attname != "id"]
    logs = LettingsLog.objects.bulk_create(
        [LettingsLog(**{**{name: getattr(template, name) for name in columns}, **values}) for _ in range(count)])
    return [log.pk for log in logs]


def listed_codes(client, **params) -> list[str]:
    response = client.get(LIST, params)
    assert response.status_code == 200
    return [log.tenancycode for log in response.context["cl"].result_list]


def filter_choices(client, parameter: str) -> dict[str, str]:
    response = client.get(LIST)
    spec = next(spec for spec in response.context["cl"].filter_specs if getattr(spec, "parameter_name", None) == parameter)
    return {value: label for value, label in spec.lookup_choices}


def test_the_owner_filter_offers_a_stock_owner_whose_logs_are_not_among_the_newest_200(client_for, org, coordinator):
    stock_owner = make_organisation(name="Hillside Stock Owner")
    relate(stock_owner=stock_owner, managing_agent=org)
    managed = make_lettings_log(stock_owner, coordinator, manager=org, tenancycode="MANAGED-OLD")
    copies(managed, 200, owning_organisation_id=org.pk, tenancycode="OWN-NEW")  # newer than it

    choices = filter_choices(client_for(coordinator), "owner")
    assert choices == {str(org.pk): "Greenfield Housing", str(stock_owner.pk): "Hillside Stock Owner"}
    assert listed_codes(client_for(coordinator), owner=stock_owner.pk) == ["MANAGED-OLD"]


def test_the_manager_filter_offers_the_managing_agents_and_never_an_unrelated_organisation(
        client_for, org, other_org, coordinator):
    agent = make_organisation(name="Agent Lettings")
    relate(stock_owner=org, managing_agent=agent)
    assert filter_choices(client_for(coordinator), "manager") == {
        str(org.pk): "Greenfield Housing", str(agent.pk): "Agent Lettings"}


def test_the_needs_type_filter_offers_the_catalogues_answers_and_filters(client_for, support, org, coordinator):
    make_lettings_log(org, coordinator, tenancycode="GENERAL-1")
    client = client_for(support)
    assert filter_choices(client, "needstype") == {"1": "General needs", "2": "Supported housing"}
    assert listed_codes(client, needstype=1) == ["GENERAL-1"]
    assert listed_codes(client, needstype=2) == []


@pytest.mark.parametrize("term", ["S1 2AB", "s12ab", "S1 2", "1 2A", "s1", "2AB"])
def test_a_full_or_partial_postcode_finds_the_log(client_for, support, org, coordinator, term):
    make_lettings_log(org, coordinator, tenancycode="FOUND", postcode_full="S1 2AB")
    make_lettings_log(org, coordinator, tenancycode="ELSEWHERE", postcode_full="LS2 9JT")
    assert listed_codes(client_for(support), q=term) == ["FOUND"]


@pytest.mark.parametrize("term", ["ab-123", "AB-123", " Ab-123 "])
def test_a_tenant_code_search_ignores_case_and_matches_the_whole_code(client_for, support, org, coordinator, term):
    make_lettings_log(org, coordinator, tenancycode="AB-123")
    make_lettings_log(org, coordinator, tenancycode="AB-1234")
    assert listed_codes(client_for(support), q=term) == ["AB-123"]


def test_a_log_id_search_finds_that_log_only(client_for, support, org, coordinator):
    first = make_lettings_log(org, coordinator, tenancycode="FIRST")
    make_lettings_log(org, coordinator, tenancycode="SECOND")
    for term in (str(first.pk), f"log {first.pk}", f"LOG{first.pk}"):
        assert listed_codes(client_for(support), q=term) == ["FIRST"], term


def test_ties_in_an_ascending_sort_come_oldest_first(client_for, support, org, coordinator):
    template = make_lettings_log(org, coordinator, tenancycode="SAME")
    ids = [template.pk, *copies(template, 3)]
    response = client_for(support).get(LIST, {"o": "2"})  # the tenant code column (after the checkbox and the log ID), ascending
    assert [log.pk for log in response.context["cl"].result_list] == sorted(ids)
    response = client_for(support).get(LIST, {"o": "-2"})
    assert [log.pk for log in response.context["cl"].result_list] == sorted(ids, reverse=True)
