"""Support move an organisation in from the original service: upload its export files on the imports page,
the job runs, and the page shows the progress and the report."""

import pytest
from playwright.sync_api import expect

from domain.models import ImportRun, LettingsLog, Role
from exports.cds.run import cds_export_run
from exports.tasks import import_core_run
from tests.exports.cds_import_support import build_small_world, empty_the_database
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_support_imports_the_export_files_and_reads_the_report(page, sign_in, settings, tmp_path):
    settings.FILE_STORAGE_DIR = tmp_path / "original"
    build_small_world()
    cds_export_run(full=True)
    files = sorted(str(path) for path in (tmp_path / "original").iterdir())
    empty_the_database()
    settings.FILE_STORAGE_DIR = tmp_path / "storage"
    support = make_user(role=Role.SUPPORT, email="support@mhclg.test", name="Sam Support")

    sign_in(support.email, PASSWORD)
    page.get_by_text("Operations").first.click()  # the sidebar group opens
    page.get_by_role("link", name="Imports from the original service").click()
    page.get_by_role("link", name="Start an import").click()
    page.set_input_files("input[name=files]", files)
    page.get_by_role("button", name="Start the import").click()
    expect(page.get_by_text("has been queued")).to_be_visible()
    expect(page.locator("#result_list")).to_contain_text("Queued")

    run = ImportRun.objects.get()
    import_core_run(run.pk)  # what a django-q2 worker does with the queued task
    page.reload()
    expect(page.locator("#result_list")).to_contain_text("Succeeded")
    expect(page.locator("#result_list")).to_contain_text("7 of 7 records (100%)")
    page.locator("#result_list tbody a").first.click()
    expect(page.get_by_text("Relationships inferred (confirm them)")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Dale Lettings")
    expect(page.locator("body")).to_contain_text("lettings")
    assert LettingsLog.objects.count() == 3
