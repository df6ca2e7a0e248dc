"""A second collection year, declared only in its own package (tests/years/y2027) and added by a setting:
a log dated in 2027 is routed, checked, uploaded, downloaded and exported with the 2027 declarations, a
2026 log with the 2026 ones, and no code outside the package names the year."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from domain.bulk_upload.template import template_for
from domain.forms import engine, registry
from domain.models import LettingsLog, ProviderType, Role
from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start
from domain.services.logs import log_evaluate, log_save
from exports.cds.run import cds_export_run
from exports.storage import LocalStorage
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.clock import moment
from tests.exports.cds_support import exported_records
from tests.exports.csv_text import log_download
from tests.factories import make_organisation, make_user
from tests.lettings_answers import apply, general_needs_answers
from tests.module_imports import imported_modules
from tests.years.y2027.lettings import JOINT_MESSAGE

pytestmark = pytest.mark.django_db
CROSSOVER = date(2027, 5, 15)  # both years take new logs
IN_2026, IN_2027 = date(2026, 6, 1), date(2027, 5, 1)


@pytest.fixture
def year_2027(settings, clock):
    settings.EXTRA_FORM_YEARS = ["tests.years.y2027"]
    clock.move_to(moment(CROSSOVER))
    return registry.year(2027)


@pytest.fixture
def owner(db):
    return make_organisation(name="Two Years Homes", provider_type=ProviderType.PRP, holds_own_stock=True)


@pytest.fixture
def user(owner):
    return make_user(owner, Role.DATA_COORDINATOR, email="coordinator@two-years.test")


def log_on(day, owner, user, **answers) -> LettingsLog:
    voiddate = date(day.year, day.month, 1) if day.day > 1 else date(day.year, 3, 1)
    return apply(LettingsLog(), general_needs_answers(owner, user, startdate=day, voiddate=voiddate, **answers))


def test_the_year_is_found_only_through_the_setting(settings):
    assert registry.years("lettings") == [2026]
    assert registry.form_for_date("lettings", IN_2027).year == 2026  # the latest year serves later dates
    settings.EXTRA_FORM_YEARS = ["tests.years.y2027"]
    assert registry.years("lettings") == [2026, 2027]
    assert registry.form_for_date("lettings", IN_2027).year == 2027
    assert registry.form_for_date("lettings", IN_2026).year == 2026


def test_nothing_outside_the_year_package_names_it():
    root = Path(django_settings.BASE_DIR)
    named = [str(path.relative_to(root)) for folder in ("domain", "exports", "admin_console", "config")
             for path in (root / folder).rglob("*.py") if "y2027" in path.read_text(encoding="utf-8")]
    assert named == []


def test_no_module_outside_a_year_package_imports_one():
    """Shared code reaches a year only through the registry, which finds the packages without naming them."""
    root = Path(django_settings.BASE_DIR)
    year_module = re.compile(r"^domain\.forms\.y\d{4}(\.|$)")
    files = [path.relative_to(root) for folder in ("domain", "exports", "admin_console", "config")
             for path in (root / folder).rglob("*.py")]
    shared = [path for path in files if not any(registry.YEAR_PACKAGE.match(part) for part in path.parts)]
    assert len(shared) > 100  # the walk found the packages
    imports = {str(path): sorted(filter(year_module.match, imported_modules(root / path))) for path in shared}
    assert {path: names for path, names in imports.items() if names} == {}


def test_the_start_up_checks_pass_with_both_years(year_2027):
    call_command("check", stdout=io.StringIO())


def test_each_log_is_routed_by_the_form_of_its_year(year_2027, owner, user):
    new = log_on(IN_2027, owner, user, uprn="10000000001", armedforces=1, leftreg=6)
    old = log_on(IN_2026, owner, user, uprn="10000000001", armedforces=1, leftreg=6)
    shown_new, shown_old = ({q.field for *_, q in engine.shown_questions(log.form, log)} for log in (new, old))
    assert new.form is year_2027.lettings.form and old.form is registry.year(2026).lettings.form
    assert "uprn_confirmed" in shown_new and "reservist" not in shown_new
    assert "uprn_confirmed" not in shown_old and "reservist" in shown_old
    assert new.form.question("joint").label == "Is this a joint tenancy (2027 wording)?"


def test_each_log_is_checked_by_the_rules_of_its_year(year_2027, owner, user):
    assert log_evaluate(log_on(IN_2027, owner, user, joint=4)).errors == {}
    assert "joint" in log_evaluate(log_on(IN_2026, owner, user, joint=4)).errors
    assert log_evaluate(log_on(IN_2027, owner, user, joint=1)).errors["joint"] == [JOINT_MESSAGE]
    assert log_evaluate(log_on(IN_2026, owner, user, joint=1)).errors["joint"] == [
        "A joint tenancy needs more than one person in the household. Answer that this is not a joint tenancy, "
        "or check the number of people in the household."]


def upload(user, year: int, row: dict) -> LettingsLog:
    data = template_csv([row])
    started = bulk_upload_start(by=user, log_type="lettings", year=year, fileobj=io.BytesIO(data),
                                file_name="lettings.csv", size=len(data), queue=False)
    bulk_upload_process(upload=started)
    return LettingsLog.objects.get(bulk_upload_id=started.pk)


def test_each_year_uploads_with_its_own_template(year_2027, owner, user):
    assert template_for("lettings", 2026).fields[92].columns == ("reservist",)
    assert template_for("lettings", 2027).fields[92].columns == ("uprn_confirmed",)
    new = upload(user, 2027, general_needs_row(owner, user, **{"10": "2027", "31": "2027", "9": "5", "30": "4",
                                                                "18": "10000000001", "92": "1"}))
    old = upload(user, 2026, general_needs_row(owner, user, **{"90": "1", "91": "6", "92": "1"}))
    assert (new.startdate, new.uprn_confirmed, new.reservist) == (date(2027, 5, 1), 1, None)
    assert (old.startdate, old.uprn_confirmed, old.reservist) == (date(2026, 6, 1), None, 1)


def test_each_year_downloads_with_its_own_declaration(year_2027, owner, user):
    log_save(log=log_on(IN_2027, owner, user, uprn="10000000001", uprn_confirmed=1), by=user)
    log_save(log=log_on(IN_2026, owner, user, armedforces=1, leftreg=6, reservist=2), by=user)
    support = make_user(role=Role.SUPPORT)
    new, old = log_download(support, "lettings", 2027), log_download(support, "lettings", 2026)
    assert "uprn_confirmed" in new[1] and "reservist" not in new[1]
    assert "uprn_confirmed" not in old[1] and "reservist" in old[1]
    assert new[2][new[1].index("uprn_confirmed")] == "Yes"
    assert old[2][old[1].index("reservist")] == "No"


def test_each_year_exports_with_its_own_declaration(year_2027, owner, user, tmp_path):
    log_save(log=log_on(IN_2027, owner, user, tenancy=3, tenancyother="Licence"), by=user)
    log_save(log=log_on(IN_2026, owner, user, tenancy=3, tenancyother="Licence"), by=user)
    storage = LocalStorage(tmp_path / "cds")
    elements = {}
    for year in (2026, 2027):
        result = cds_export_run(collection="lettings", year=year, full=True, storage=storage)
        (archive,) = [c.as_json()["archive"] for c in result.collections]
        (record,) = exported_records(storage, archive)
        elements[year] = dict(record)
    assert elements[2026]["tenancyother"] == "Licence" and "reservist" in elements[2026]
    assert "tenancyother" not in elements[2027] and "reservist" not in elements[2027]
    assert elements[2027]["startdate"].startswith("2027-05-01")
