"""Each role walks its main pages and sees words where labels belong: never a database column name
(Tcharge, Ecstat1), an answer code (a local authority's E08000039), a Python value or Django's
default wording. The pages are also scanned by axe-core (see conftest)."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from domain.forms import registry
from domain.services.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LA_CODE = re.compile(r"\b[EWSN]0\d{7}\b")
# a tuple, or None / True / False standing as a value (alone in a cell, or either side of a change)
PYTHON_VALUES = re.compile(r"\('|^\s*(?:None|True|False)\s*$|(?:None|True|False) →|→ (?:None|True|False)", re.M)
DJANGO_WORDING = ("This page yielded into no results", "You may edit it again below", "Save and add another",
                  "By needstype", "By ownershipsch")


def raw_column_names() -> set[str]:
    """Column names that are not words: those no label of the catalogue uses (tcharge, ecstat1)."""
    words = set()
    names = set()
    for log_type in ("lettings", "sales"):
        names |= set(registry.column_specs(log_type))
        for text in registry.column_labels(log_type).values():
            words |= {word.lower() for word in re.findall(r"[A-Za-z0-9_]+", text)}
        for form in registry.all_forms(log_type):
            for question in form.questions:
                words |= {word.lower() for option in question.options for word in re.findall(r"[A-Za-z0-9_]+", option.label)}
    return {name for name in names if len(name) > 3 and name.lower() not in words | ENGLISH}


# Column names that are also English words, or places ("Brent" is a London borough).
ENGLISH = {"beds", "brent", "earnings", "staircase", "value", "wheel", "reservist"}


RAW_NAMES = raw_column_names()


def problems(page) -> list[str]:
    main = page.locator("main")
    text = main.inner_text()
    found = [f"column name {word!r}" for word in set(re.findall(r"[A-Za-z][A-Za-z0-9_]+", text))
             if word.lower() in RAW_NAMES]
    found += [f"local authority code {code!r}" for code in LA_CODE.findall(text)]
    found += [f"Python value {value!r}" for value in PYTHON_VALUES.findall(text)]
    found += [f"Django's wording {phrase!r}" for phrase in DJANGO_WORDING if phrase in page.content()]
    return found


def walk(page, urls):
    seen = {}
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("load")
        if issues := problems(page):
            seen[url] = issues
    assert seen == {}


@pytest.fixture
def demo(transactional_db):
    from domain.models import BulkUpload, LettingsLog, Organisation, User
    from domain.models.uploads import UploadStatus

    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("seed_volume", lettings=0, sales=2, seed=7, verbosity=0)
    greenfield = Organisation.objects.get(name="Greenfield Housing Association")
    logs = list(LettingsLog.objects.filter(owning_organisation=greenfield).exclude(tcharge=None).order_by("pk")[:2])
    LettingsLog.objects.filter(pk__in=[log.pk for log in logs]).update(duplicate_set_id=900)
    upload = BulkUpload.objects.create(log_type="lettings", year=2026, file_name="lettings.csv", file_key="demo-key",
                                       uploaded_by=User.objects.get(email="coordinator@greenfield.example.com"),
                                       organisation=greenfield, status=UploadStatus.CRITICAL_ERRORS,
                                       rows_total=3, rows_processed=3, critical_errors=2)
    return {"log": logs[0], "upload": upload}


def lettings(name, *args):
    return reverse(f"admin:domain_lettingslog_{name}", args=args)


def test_support_pages_show_words(demo, sign_in):
    from domain.models import SalesLog

    page = sign_in("support@example.com", DEMO_PASSWORD)
    log, sale = demo["log"], SalesLog.objects.order_by("pk").first()
    walk(page, [lettings("changelist"), lettings("changelist") + "?needstype=1", lettings("change", log.pk),
                lettings("answers", log.pk), lettings("history", log.pk), lettings("duplicates_list"),
                lettings("duplicates", 900), reverse("admin:domain_saleslog_changelist"),
                reverse("admin:domain_saleslog_answers", args=[sale.pk]),
                reverse("admin:domain_bulkupload_changelist"),
                reverse("admin:domain_bulkupload_change", args=[demo["upload"].pk])])


def test_coordinator_pages_show_words(demo, sign_in):
    page = sign_in("coordinator@greenfield.example.com", DEMO_PASSWORD)
    log = demo["log"]
    walk(page, [lettings("changelist"), lettings("answers", log.pk), lettings("history", log.pk),
                lettings("duplicates", 900), reverse("admin:domain_bulkupload_changelist"),
                reverse("admin:domain_bulkupload_change", args=[demo["upload"].pk])])


def test_provider_pages_show_words(demo, sign_in):
    page = sign_in("provider@greenfield.example.com", DEMO_PASSWORD)
    log = demo["log"]
    walk(page, [lettings("changelist"), lettings("change", log.pk), lettings("answers", log.pk),
                lettings("history", log.pk), reverse("admin:domain_saleslog_changelist")])


def test_statistician_pages_show_words(demo, sign_in):
    page = sign_in("statistician@example.com", DEMO_PASSWORD)
    log = demo["log"]
    walk(page, [lettings("changelist"), lettings("change", log.pk), lettings("history", log.pk),
                reverse("admin:domain_saleslog_changelist"), reverse("admin:domain_csvdownload_statistics")])


def test_the_list_filter_and_the_upload_status_are_words(demo, sign_in):
    page = sign_in("support@example.com", DEMO_PASSWORD)
    page.goto(lettings("changelist"))
    assert "General needs" in page.locator("main").text_content()
    page.goto(reverse("admin:domain_bulkupload_change", args=[demo["upload"].pk]))
    status = page.locator("main").inner_text()
    assert "Errors in the file" in status and "danger" not in status
