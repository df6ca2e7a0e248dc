"""check_answers reports every broken rule by field, and the soft checks, for answers that break several."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


def test_check_answers_reports_several_rules_at_once(monkeypatch):
    """A shared one-person flat with too many bedrooms, a void date after the start, a joint tenancy for one
    person, a rent above the expected range and a lead tenant over 66 still working (today: the clock
    fixture's 1 October 2026)."""
    call_command("load_reference_data", verbosity=0)
    owner = make_organisation(name="Checked PRP", provider_type=2)
    user = make_user(owner, role=2, email="checker@example.com")
    answers = {
        "owning_organisation_id": owner.code, "managing_organisation_id": owner.code,
        "assigned_to_id": user.email, "needstype": 1, "renewal": 0, "startdate": "2026-06-01", "rent_type": 0,
        "declaration": 1, "first_time_property_let_as_social_housing": 0, "unitletas": 1, "rsnvac": 13,
        "address_line1": "1 Test Street", "town_or_city": "Sheffield", "postcode_full": "S1 2AB",
        "la": "E08000039", "unittype_gn": 9, "wchair": 2, "beds": 5, "voiddate": "2026-06-02", "majorrepairs": 0,
        "joint": 1, "startertenancy": 2, "tenancy": 2, "hhmemb": 1, "age1_known": 0, "age1": 70, "sexrab1": "F",
        "gender_same_as_sex1": 1, "ecstat1": 1, "net_income_known": 0, "incfreq": 1, "earnings": 400,
        "period": 1, "brent": "170.00", "scharge": "0", "pscharge": "0", "supcharg": "0",
    }
    monkeypatch.setattr("sys.stdin", StringIO(json.dumps(answers)))
    out = StringIO()
    call_command("check_answers", "--log-type", "lettings", "--year", "2026", "--json", stdout=out)
    result = json.loads(out.getvalue())
    errors = result["errors"]
    assert errors["beds"] == ["Shared housing let to one person has 1 to 3 bedrooms; you entered 5. Enter the "
                              "number of bedrooms this household uses, or check the unit type."]
    assert errors["voiddate"] == ["The void date 2 June 2026 is after the tenancy start date 1 June 2026. Enter "
                                  "the date the property became vacant, on or before the tenancy start date."]
    assert errors["joint"][0].startswith("A joint tenancy needs more than one person in the household.")
    assert errors["startdate"] == errors["voiddate"]
    assert set(errors) == {"unittype_gn", "beds", "hhmemb", "voiddate", "startdate", "joint"}
    checks = {check["id"]: check for check in result["soft_checks"]}
    assert set(checks) == {"local_authority_rent_value_check", "age_lead_tenant_over_retirement_value_check"}
    assert checks["local_authority_rent_value_check"]["message"].startswith(
        "The basic rent is £170.00 a week, higher than expected for this kind of property here (£76.62 to £163.35")
    assert checks["age_lead_tenant_over_retirement_value_check"]["message"].startswith(
        "The lead tenant is 70, over the retirement age of 66, but not retired.")
    assert result["status"] == "in_progress"
