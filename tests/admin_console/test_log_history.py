"""A log's history page reads as a diff: who and when, and each changed answer by its question, with
answer labels, money in pounds and dates in words; never a column name, a code or "None"."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from admin_console.logs.history import answer_changes, log_changes
from domain.models import LettingsLog, SalesLog
from domain.services.logs import log_save
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db


def benefit_cells(html: str):
    """(cell, whether its row is the benefits question) for every answer cell of the page."""
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        question = re.search(r'<th scope="row"[^>]*>([^<]*)</th>', row)
        for cell in re.findall(r'<td class="p-2">([^<]*)</td>', row):
            yield cell, bool(question and "benefits" in question.group(1))


def history_url(log) -> str:
    return reverse(f"admin:domain_{log._meta.model_name}_history", args=[log.pk])


@pytest.fixture
def changed_log(org, coordinator, support):
    """A log saved by its coordinator, then changed by support: the lead tenant's sex, working
    situation and personal service charge (so the total charge), and the void date."""
    log = apply(LettingsLog(), general_needs_answers(org, coordinator))
    log_save(log=log, by=coordinator)
    log = LettingsLog.objects.get(pk=log.pk)
    log.sexrab1, log.ecstat1, log.pscharge = "M", 2, Decimal("12.50")
    log.voiddate = date(2026, 4, 3)
    log_save(log=log, by=support)
    log = LettingsLog.objects.get(pk=log.pk)
    log_save(log=log, by=support)  # a save that changes nothing adds no row, nor a line
    return log


def test_each_changed_answer_is_named_by_its_question_and_shown_as_its_label(changed_log):
    newest, created = changed_log.history.order_by("-history_date", "-history_id")[:2]
    changes = {c.question: (c.old, c.new) for c in answer_changes(created.instance, newest.instance)}
    assert changes["What sex was the lead tenant registered with at birth?"] == ("Female", "Male")
    assert changes["Personal service charge"] == ("£0.00 every week", "£12.50 every week")
    assert changes["Total charge"] == ("£110.00 every week", "£122.50 every week")  # follows the charges
    assert changes["What is the void date?"] == ("1 May 2026", "3 April 2026")
    assert changes["Which of these best describes the lead tenant’s working situation?"][0].startswith("Full-time")
    shown = " ".join(f"{q} {old} {new}" for q, (old, new) in changes.items())
    for raw in ("sexrab1", "ecstat1", "pscharge", "tcharge", "None", "2026-04-03"):
        assert raw not in shown


def test_the_history_page_lists_who_when_and_what_changed_in_words(client_for, support, coordinator, changed_log):
    changed_log.values_updated_at = timezone.now()  # a row that changes no answer
    changed_log._history_user = support
    changed_log.save()
    page = client_for(coordinator).get(history_url(changed_log))
    assert page.status_code == 200
    html = page.content.decode()
    assert f"Log changed by {support.name} on " in html and f"Log created by {coordinator.name} on " in html
    for words in ("Total charge", "Female", "Male", "£12.50", "£122.50", "3 April 2026", "Before", "After"):
        assert words in html, words
    for raw in ("Tcharge", "tcharge", "Pscharge", "Ecstat1", "sexrab1", "Change reason", "Reason: None"):
        assert raw not in html, raw
    # "None" appears only as the label of an answer ("How much of the income is from benefits? None").
    cells = list(benefit_cells(html))
    assert cells
    for cell, benefits_row in cells:
        assert cell.strip() not in ("", "True", "False") and (cell.strip() != "None" or benefits_row), cell
    # Three rows in the history, two of them shown: the row that changed no answer is left out.
    assert changed_log.history.count() == 3
    assert html.count("data-testid=\"log-history\"") == 1 and html.count("Log changed by") == 1


def test_a_reason_is_shown_only_when_there_is_one(client_for, support, changed_log):
    changed_log.tenancycode = "T-2002"
    changed_log._change_reason, changed_log._history_user = "Corrected after a call with the tenant", support
    changed_log.save()
    rows = log_changes(changed_log.history.order_by("-history_date", "-history_id"))
    assert rows[0].reason == "Corrected after a call with the tenant"
    assert [c.question for c in rows[0].answers] == ["What is the tenant code?"]
    with_reason = [row.reason for row in rows if row.reason]
    html = client_for(support).get(history_url(changed_log)).content.decode()
    assert html.count("Reason: ") == len(with_reason) and "Reason: Corrected after a call with the tenant" in html
    assert "Reason: None" not in html and "Reason: </p>" not in html


def test_the_history_page_stays_read_only(client_for, support, changed_log):
    response = client_for(support).post(history_url(changed_log), {"sexrab1": "F"})
    assert response.status_code == 405
    assert LettingsLog.objects.get(pk=changed_log.pk).sexrab1 == "M"


def test_a_sales_log_history_names_its_questions(client_for, support, org, coordinator):
    log = SalesLog.objects.create(owning_organisation=org, managing_organisation=org, assigned_to=coordinator,
                                  saledate=date(2026, 6, 1), purchid="SALE-1")
    log.purchid, log.ownershipsch = "SALE-2", 1
    log.save()
    html = client_for(support).get(history_url(log)).content.decode()
    assert "SALE-1" in html and "SALE-2" in html and "Shared Ownership" in html
    assert "purchid" not in html and "Ownershipsch" not in html
