"""The demo data has review work to show: approved logs and two returned to the demo provider."""

import pytest
from django.core.management import call_command

from domain.models import LettingsLog

pytestmark = pytest.mark.django_db


def test_the_demo_has_approved_and_returned_logs_once():
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    returned = LettingsLog.objects.filter(review_state="returned")
    assert returned.count() == 2
    assert set(returned.values_list("assigned_to__email", flat=True)) == {"provider@greenfield.example.com"}
    approved = LettingsLog.objects.filter(review_state="approved").count()
    assert approved > 0
    assert LettingsLog.objects.filter(review_state="awaiting_review").exists()
    call_command("seed_demo", verbosity=0)
    assert LettingsLog.objects.filter(review_state="approved").count() == approved
