import pytest

from domain.forms.catalogue import CHECKBOX, SELECT
from domain.forms.y2026.lettings.household_situation import HOUSEHOLD_SITUATION as SUB

from .helpers import codes_and_labels, fields, log, page, question, shown

REFERRAL_PAGES = ["referral_register_la", "referral_register_prp", "referral_noms_la_hr", "referral_noms_hr",
                  "referral_org_nominated", "referral_org_directly_referred"]
LA, PRP = 1, 2


def test_identity_and_fields():
    assert (SUB.id, SUB.label) == ("household_situation", "Household situation")
    assert fields(SUB) == ["layear", "waityear", "reason", "reasonother", "reasonother_value_check", "prevten",
                           "homeless", "ppcodenk", "ppostcode_full", "previous_la_known", "prevloc", "reasonpref",
                           "reasonable_preference_reason", "letting_allocation", "referral_register",
                           "referral_noms", "referral_org"]


def test_option_codes():
    assert question(SUB, "time_lived_in_local_authority", "layear").codes == [1, 2, 7, 8, 9, 10, 11, 12, 6]
    assert question(SUB, "time_on_waiting_list", "waityear").codes == [13, 2, 7, 8, 9, 10, 11, 12, 6]
    reason = question(SUB, "reason_for_leaving_last_settled_home", "reason")
    assert reason.codes == [50, 51, 52, 53, 1, 2, 45, 46, 4, 55, 9, 8, 44, 16, 17, 48, 49, 56, 57, 10, 31, 11, 34,
                            54, 12, 13, 14, 29, 30, 18, 19, 47, 20, 28]
    assert reason.label_for(57) == "Cuckooing (property being used by others for illegal activity)"
    assert codes_and_labels(question(SUB, "reason_for_leaving_last_settled_home_renewal", "reason")) == [
        (50, "End of social or private sector tenancy - no fault"),
        (51, "End of social or private sector tenancy - evicted due to anti-social behaviour (ASB)"),
        (52, "End of social or private sector tenancy - evicted due to rent arrears"),
        (53, "End of social or private sector tenancy - evicted for any other reason"),
        (20, "Other"), (47, "Tenant prefers not to say"), (28, "Don’t know")]
    assert question(SUB, "previous_housing_situation", "prevten").codes == [
        30, 32, 31, 33, 40, 35, 38, 6, 27, 26, 3, 28, 39, 14, 7, 10, 29, 18, 19, 21, 13, 24, 37, 23, 9, 4, 25]
    assert codes_and_labels(question(SUB, "previous_housing_situation_renewal", "prevten")) == [
        (35, "Extra care housing"), (38, "Older people’s housing for tenants with low support needs"),
        (6, "Other supported housing")]
    assert question(SUB, "previous_housing_situation", "prevten").label_for(39) == (
        "Sofa surfing (moving regularly between family or friends, no permanent bed)")
    assert codes_and_labels(question(SUB, "homelessness", "homeless")) == [
        (11, "Yes - assessed by a local authority as homeless"), (1, "No")]
    assert question(SUB, "referral_register_la", "referral_register").codes == [1, 2, 3, 4]
    assert question(SUB, "referral_register_prp", "referral_register").codes == [5, 6, 7, 8, 9]
    assert question(SUB, "referral_noms_la_hr", "referral_noms").codes == [1, 2, 3, 4]
    noms = question(SUB, "referral_noms_hr", "referral_noms")
    assert noms.codes == [5, 6, 7, 8]
    assert noms.label_for(6) == "A different PRP landlord - for existing social tenants only"
    assert question(SUB, "referral_org_nominated", "referral_org").codes == list(range(1, 11))
    assert question(SUB, "referral_org_directly_referred", "referral_org").codes == list(range(11, 21))


def test_checkboxes():
    preference = question(SUB, "reasonable_preference_reason", "reasonable_preference_reason")
    assert preference.type == CHECKBOX
    assert preference.columns == ["rp_homeless", "rp_insan_unsat", "rp_medwel", "rp_hardship", "rp_dontknow"]
    assert preference.label_for("rp_homeless") == "They were homeless or about to lose their home (within 56 days)"
    allocation = question(SUB, "allocation_system", "letting_allocation")
    assert allocation.columns == ["cbl", "cap", "chr", "accessible_register", "letting_allocation_unknown"]
    assert allocation.label_for("letting_allocation_unknown") == "None of these allocation systems"
    assert shown(SUB, "reasonable_preference_reason", reasonpref=1)
    assert not shown(SUB, "reasonable_preference_reason", reasonpref=3)


def test_renewal_routing():
    assert shown(SUB, "time_on_waiting_list", renewal=0)
    assert not shown(SUB, "time_on_waiting_list", renewal=None)  # a blank renewal does not match 0
    assert question(SUB, "time_on_waiting_list", "waityear").derived_when.holds(log(renewal=1))
    assert shown(SUB, "reason_for_leaving_last_settled_home", renewal=0)
    assert shown(SUB, "reason_for_leaving_last_settled_home_renewal", renewal=1)
    assert not shown(SUB, "reason_for_leaving_last_settled_home_renewal", renewal=0)
    assert shown(SUB, "previous_housing_situation", renewal=None)
    assert not shown(SUB, "previous_housing_situation", renewal=1)
    assert shown(SUB, "previous_housing_situation_renewal", renewal=1, needstype=2)
    assert not shown(SUB, "previous_housing_situation_renewal", renewal=1, needstype=1)
    prevten = question(SUB, "previous_housing_situation", "prevten")
    assert prevten.derived_when.holds(log(renewal=1, needstype=1))
    assert not prevten.derived_when.holds(log(renewal=1, needstype=2))


def test_previous_postcode_and_local_authority():
    assert shown(SUB, "previous_postcode", renewal=0)
    assert not shown(SUB, "previous_postcode", renewal=1)
    assert shown(SUB, "previous_local_authority", renewal=0, is_previous_la_inferred=False)
    assert not shown(SUB, "previous_local_authority", renewal=0, is_previous_la_inferred=True)
    assert not shown(SUB, "previous_local_authority", renewal=0, is_previous_la_inferred=None)
    kept = {q.field for _, q in SUB.questions if q.keep_when_hidden}
    assert kept == {"ppcodenk", "ppostcode_full", "previous_la_known", "prevloc"}
    postcode = question(SUB, "previous_postcode", "ppostcode_full")
    assert postcode.shown_when.holds(log(ppcodenk=0)) and postcode.not_known_when.holds(log(ppcodenk=1))
    prevloc = question(SUB, "previous_local_authority", "prevloc")
    assert (prevloc.type, prevloc.options) == (SELECT, ())
    assert prevloc.shown_when.holds(log(previous_la_known=1))
    assert prevloc.not_known_when.holds(log(previous_la_known=0))
    previous_la_known = question(SUB, "previous_local_authority", "previous_la_known")
    assert previous_la_known.optional_when.holds(log(postcode_known=1))
    assert not previous_la_known.optional_when.holds(log(postcode_known=0))


def test_reasonother():
    other = question(SUB, "reason_for_leaving_last_settled_home", "reasonother")
    assert other.shown_when.holds(log(reason=20)) and not other.shown_when.holds(log(reason=28))
    check = page(SUB, "reasonother_value_check")
    assert check.shown_when.holds(log(reason=20, reasonother="Flat was too small for us"))
    assert not check.shown_when.holds(log(reason=20, reasonother="Wanted a garden"))


@pytest.mark.parametrize("answers, expected", [
    (dict(owning_organisation_provider_type=LA, renewal=0), {"referral_register_la"}),
    (dict(owning_organisation_provider_type=LA, renewal=None, referral_register=6), {"referral_register_la"}),
    (dict(owning_organisation_provider_type=LA, renewal=1), set()),
    (dict(owning_organisation_provider_type=PRP, renewal=0), {"referral_register_prp"}),
    (dict(owning_organisation_provider_type=PRP, renewal=1, referral_register=6), set()),
    (dict(owning_organisation_provider_type=PRP, renewal=0, referral_register=6),
     {"referral_register_prp", "referral_noms_la_hr"}),
    (dict(owning_organisation_provider_type=PRP, renewal=0, referral_register=6, referral_noms=1),
     {"referral_register_prp", "referral_noms_la_hr", "referral_org_nominated"}),
    (dict(owning_organisation_provider_type=PRP, renewal=0, referral_register=7, referral_noms=7),
     {"referral_register_prp", "referral_noms_hr", "referral_org_directly_referred"}),
    (dict(owning_organisation_provider_type=PRP, renewal=0, referral_register=7, referral_noms=5),
     {"referral_register_prp", "referral_noms_hr"}),
    (dict(owning_organisation_provider_type=None, renewal=0, referral_register=6), set()),
])
def test_referral_pages(answers, expected):
    assert {p for p in REFERRAL_PAGES if shown(SUB, p, **answers)} == expected


def test_referral_pages_ignore_the_gate_and_others_do_not():
    assert {p.id for p in SUB.pages if p.ignores_gate} == set(REFERRAL_PAGES)
    assert question(SUB, "referral_register_la", "referral_register").number == 91
    assert question(SUB, "referral_register_la", "referral_register").derived_when.holds(log(renewal=1))
