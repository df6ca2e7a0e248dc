"""A hard error keeps that answer out of the log; the rest of the log is saved."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from domain.models import LettingsLog
from domain.services.logs import log_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(make_log, user):
    call_command("load_reference_data", verbosity=0)
    log = make_log()
    log_save(log=log, by=user)
    return LettingsLog.objects.get(pk=log.pk)


def test_without_keep_valid_any_error_refuses_the_save(saved, user):
    saved.brent = Decimal("5000")
    with pytest.raises(ValidationError) as error:
        log_save(log=saved, by=user)
    assert "brent" in error.value.message_dict
    assert LettingsLog.objects.get(pk=saved.pk).brent == Decimal("100.00")


def test_a_refused_rent_keeps_the_saved_rent_and_the_other_answers_are_saved(saved, user):
    saved.brent, saved.tenancycode, saved.joint = Decimal("5000"), "T-9", 1  # one person cannot hold jointly
    outcome = log_save(log=saved, by=user, keep_valid=True)
    log = LettingsLog.objects.get(pk=saved.pk)
    assert (log.brent, log.tcharge, log.wrent, log.tenancycode, log.joint) == (
        Decimal("100.00"), Decimal("110.00"), Decimal("100.00"), "T-9", 2)
    assert outcome.errors == {}
    assert outcome.left_out["brent"][0].startswith("The basic rent is £5,000.00 a week, more than the most")
    assert outcome.left_out["joint"][0].startswith("A joint tenancy needs more than one person")
    assert log.status == 2


def test_a_new_log_leaves_the_refused_answers_blank(make_log, user):
    log = make_log(tenancylength=150, tenancy=4)
    log_save(log=log, by=user, keep_valid=True)
    log.refresh_from_db()
    assert (log.tenancy, log.tenancylength, log.status) == (4, None, 1)


def test_setup_errors_still_refuse_the_save(make_log, user):
    log = make_log(rent_type=5, irproduct_other="")
    with pytest.raises(ValidationError) as error:
        log_save(log=log, by=user, keep_valid=True)
    assert list(error.value.message_dict) == ["irproduct_other"]
    assert not LettingsLog.objects.exists()
