"""Pages stay readable before the icon font arrives. Until it has loaded, unfold's icons are drawn as
their names ("arrow_circle_down") in plain text, and a slow font is enough to show them that way: the
`page` fixture's accessibility scan judges them as text then, so each page here is shown with the font
refused and must still pass it (each icon dark enough to read)."""

import re

import pytest
from django.core.management import call_command

from domain.services.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FONT_FILE = re.compile(r".*\.(woff2?|ttf|otf)(\?.*)?$")


@pytest.fixture
def demo(transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)


def without_icon_font(page):
    refused = []
    page.route(FONT_FILE, lambda route: (refused.append(route.request.url), route.abort()))
    return refused


@pytest.mark.parametrize("email", ["support@example.com", "coordinator@greenfield.example.com"])
def test_lists_and_forms_pass_the_scan_with_the_icon_font_refused(demo, page, sign_in, email):
    refused = without_icon_font(page)
    page = sign_in(email, DEMO_PASSWORD)
    for path in ("/", "/domain/organisation/?o=1", "/domain/organisation/?o=-1", "/domain/user/?o=1.-2",
                 "/domain/lettingslog/?o=-1", "/domain/saleslog/?o=1", "/domain/scheme/?o=1",
                 "/domain/bulkupload/", "/domain/lettingslog/add/", "/domain/saleslog/add/"):
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    page.goto("/domain/lettingslog/")
    page.locator("#result_list tr.data-row a").first.click()
    page.wait_for_load_state("networkidle")
    assert refused, "the icon font was never asked for, so this test showed nothing"
