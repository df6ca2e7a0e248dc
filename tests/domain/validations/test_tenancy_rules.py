"""Tenancy rules: lengths by tenancy type, needs type and rent type; the other type; joint tenancies."""

import pytest

from .conftest import fails

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rule, answers, shortest", [
    ("tenancy.tenancylength.supported_housing_fixed_term", {"needstype": 2, "tenancy": 4}, 1),
    ("tenancy.tenancylength.general_needs_social_fixed_term", {"needstype": 1, "tenancy": 6, "renttype": 1}, 2),
    ("tenancy.tenancylength.general_needs_social_fixed_term", {"needstype": 1, "tenancy": 4, "renttype": 2}, 2),
    ("tenancy.tenancylength.general_needs_intermediate_fixed_term", {"needstype": 1, "tenancy": 4, "renttype": 3}, 1),
    ("tenancy.tenancylength.periodic", {"tenancy": 8}, 1),
])
def test_tenancy_length_limits(make_log, rule, answers, shortest):
    assert not fails(rule, make_log(tenancylength=shortest, **answers))
    assert not fails(rule, make_log(tenancylength=99, **answers))
    assert fails(rule, make_log(tenancylength=shortest - 1, **answers))
    assert fails(rule, make_log(tenancylength=100, **answers))


def test_tenancy_length_only_for_fixed_term_or_periodic(make_log):
    assert fails("tenancy.tenancylength.not_asked", make_log(tenancy=2, tenancylength=5))
    assert not fails("tenancy.tenancylength.not_asked", make_log(tenancy=8, tenancylength=5))


def test_other_tenancy_type_needs_a_description_and_only_then(make_log):
    assert fails("tenancy.tenancyother.missing", make_log(tenancy=3, tenancyother=""))
    assert not fails("tenancy.tenancyother.missing", make_log(tenancy=3, tenancyother="Family intervention"))
    assert fails("tenancy.tenancyother.not_asked", make_log(tenancy=2, tenancyother="Family intervention"))


def test_joint_tenancy_needs_two_people(make_log):
    assert fails("tenancy.joint.one_person", make_log(hhmemb=1, joint=1))
    assert not fails("tenancy.joint.one_person", make_log(hhmemb=2, joint=1))
    assert not fails("tenancy.joint.one_person", make_log(hhmemb=1, joint=2))
