"""A log list draws its rows in Python (admin_console/templatetags/log_list.py) instead of unfold's cell
templates and its per-row headers: the same page as unfold's own changelist template draws."""

import re

import pytest
from django.urls import reverse

from admin_console.logs.admin import LettingsLogAdmin
from admin_console.logs.sales import SalesLogAdmin
from domain.models import LogStatus, SalesLog
from domain.models.reviews import ReviewState
from tests.admin_console.test_log_form_rendering import comparable, rendered
from tests.factories import make_lettings_log, make_organisation, relate
from tests.lettings_answers import apply as apply_sale
from tests.sales_answers import shared_ownership_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(org, coordinator, provider):
    agent = make_organisation(name="Agent <Lettings> & Co")
    relate(stock_owner=org, managing_agent=agent)
    make_lettings_log(org, coordinator, tenancycode='T&"1"', propcode="<P1>")
    make_lettings_log(org, provider, manager=agent, status=LogStatus.IN_PROGRESS, tenancycode="T2")
    returned = make_lettings_log(org, None, status=LogStatus.NOT_STARTED, tenancycode="")
    returned.review_state = ReviewState.RETURNED
    returned.save()
    sale = apply_sale(SalesLog(created_by=coordinator), shared_ownership_answers(org, coordinator, purchid="P&1"))
    sale.status = LogStatus.COMPLETED
    sale.save()
    apply_sale(SalesLog(created_by=provider), shared_ownership_answers(org, provider)).save()


@pytest.mark.parametrize("kind, admin_class, query", [
    ("lettings", LettingsLogAdmin, ""), ("lettings", LettingsLogAdmin, "?o=-2&status=2"),
    ("lettings", LettingsLogAdmin, "?q=t2"), ("sales", SalesLogAdmin, ""), ("sales", SalesLogAdmin, "?o=2&status=2"),
    ("sales", SalesLogAdmin, "?q=P%261")])
def test_a_log_list_is_the_page_unfold_s_templates_draw(kind, admin_class, query, listed, client_for, coordinator,
                                                        monkeypatch):
    client = client_for(coordinator)
    url = reverse(f"admin:domain_{kind}log_changelist") + query

    response, templates = rendered(client, "get", url)
    # the select-all box once, and no row's tick box through a template (the first one once per process)
    assert templates.count("django/forms/widgets/checkbox.html") <= 2
    page = comparable(response.content)
    rows = len(response.context["cl"].result_list)
    assert page.count('name="_selected_action"') == rows and rows >= (1 if query else 2)

    monkeypatch.setattr(admin_class, "change_list_template", None)  # unfold's changelist template
    through_templates, templates = rendered(client, "get", url)
    assert templates.count("django/forms/widgets/checkbox.html") > rows
    assert page == comparable(through_templates.content)


def test_the_rows_name_each_log_its_answers_and_badges(listed, client_for, coordinator):
    page = client_for(coordinator).get(reverse("admin:domain_lettingslog_changelist")).content.decode()
    assert "T&amp;&quot;1&quot;" in page and "&lt;P1&gt;" in page
    assert "Managed by Agent &lt;Lettings&gt; &amp; Co" in page
    badges = re.findall(r'field-(status|review)_badge[^"]*" data-label="[^"]*">\s*<span class="([^"]*)"[^>]*>\s*([^<]*?)\s*</span>',
                        page)
    assert sorted((column, text, "green" in classes) for column, classes, text in badges) == [
        ("review", "Not submitted", False), ("review", "Not submitted", False), ("review", "Returned", False),
        ("status", "Completed", True), ("status", "In progress", False), ("status", "Not started", False)]
