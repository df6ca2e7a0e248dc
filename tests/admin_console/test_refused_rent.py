"""A rent above the most expected is refused once, on the rent, and nothing typed is lost: the rent and
the other charges refused with it come back in the form as they were typed."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from domain.models import LettingsLog
from tests.admin_console.test_lettings_admin import saved_log
from tests.admin_console.test_log_bad_input import post_change

pytestmark = pytest.mark.django_db
REFUSED = "more than the most expected for this kind of property here"


def input_tag(html: str, name: str) -> str:
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)


def test_a_refused_rent_is_one_error_on_the_rent_and_every_charge_typed_comes_back(client_for, org, coordinator):
    call_command("load_reference_data", verbosity=0)
    log = saved_log(org, coordinator, tenancycode="RENT-ONCE")
    response = post_change(client_for(coordinator), LettingsLog, log, brent="5000.00", scharge="12.34",
                           pscharge="1.11", supcharg="2.22")
    html = response.content.decode()
    assert "was saved, but not the answers marked below" in html
    error_lists = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
    assert sum(REFUSED in errors for errors in error_lists) == 1
    summary = re.search(r'data-testid="error-summary">(.*?)</div>', html, re.S).group(1)
    assert summary.count(REFUSED) == 1 and 'href="#id_brent"' in summary
    for name, typed in (("brent", "5000.00"), ("scharge", "12.34"), ("pscharge", "1.11"), ("supcharg", "2.22")):
        assert f'value="{typed}"' in input_tag(html, name), name
    stored = LettingsLog.objects.get(pk=log.pk)
    assert (stored.brent, stored.scharge) == (Decimal("100.00"), Decimal("10.00"))  # nothing refused was saved
