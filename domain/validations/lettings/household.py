"""2026 lettings, hard rules on the household (rules spec §1.5): answers that contradict each other about
the people, their previous housing, the local authority and their needs."""

from __future__ import annotations

import re

from domain.validations.rules import HARD, Rule

from .common import get, present
from .property import NOT_TEMPORARY_ACCOMMODATION, TEMPORARY_RELET

OTHER_REASON, CHILD_UNDER_16, FOSTER_CARE = 20, 9, 13
SOCIAL_TENURES = (30, 31, 32, 33, 35, 38, 40, 6)  # prevten codes of social housing
REASON_CHECKBOXES = ("rp_homeless", "rp_insan_unsat", "rp_medwel", "rp_hardship", "rp_dontknow")
CONDITION_CHECKBOXES = tuple(f"illness_type_{n}" for n in range(1, 11))
# A reason for leaving the last settled home that names a situation after it, not the settled home.
NOT_SETTLED_HOME = re.compile(
    r"^[^a-z]*(homeless|homelessness|temporary accommodation|temp accommodation|ta|sleeping rough|rough sleeping)"
    r"[^a-z]*$", re.IGNORECASE)


def internal_transfer(log) -> bool:
    register, noms = get(log, "referral_register"), get(log, "referral_noms")
    return register == 2 or (register, noms) in ((6, 3), (7, 5))


def _prevten_label(log) -> str:
    question = log.form.question("prevten")
    return question.label_for(log.prevten) or str(log.prevten)


def _child_rule(n: int) -> Rule:
    return Rule(
        f"household.ecstat{n}.child_over_16", HARD, (f"ecstat{n}", f"age{n}"),
        message=f"Person {n} is aged {{age}}, so their working situation cannot be \"Child under 16\". Check "
                "their age or their working situation.",
        applies=lambda log: present(log, f"age{n}") and get(log, f"ecstat{n}") == CHILD_UNDER_16,
        passes=lambda log: getattr(log, f"age{n}") <= 16,
        context=lambda log: {"age": getattr(log, f"age{n}")},
    )


RULES = [
    Rule(
        "household.reasonable_preference_reason.not_asked", HARD, REASON_CHECKBOXES,
        message="Only give reasons for reasonable preference when the household was given reasonable "
                "preference. Untick the reasons, or answer \"Yes\" to reasonable preference.",
        applies=lambda log: get(log, "reasonpref") != 1,
        passes=lambda log: not any(get(log, field) == 1 for field in REASON_CHECKBOXES),
    ),
    Rule(
        "household.reasonother.missing", HARD, ("reason", "reasonother"),
        message="You chose \"Other\" as the reason for leaving the last settled home: say what the reason was.",
        applies=lambda log: get(log, "reason") == OTHER_REASON,
        passes=lambda log: present(log, "reasonother"),
        refuse=("reason",),
    ),
    Rule(
        "household.reasonother.not_asked", HARD, ("reasonother",),
        message="Only describe the reason for leaving when the reason is \"Other\". Remove the description, or "
                "change the reason to \"Other\".",
        applies=lambda log: present(log, "reasonother"),
        passes=lambda log: get(log, "reason") == OTHER_REASON,
    ),
    Rule(
        "household.reasonother.not_settled_home", HARD, ("reason", "reasonother"),
        message="Give the reason the household left its last settled home, before it became homeless, lived in "
                "temporary accommodation or slept rough. \"{text}\" describes what happened afterwards.",
        applies=lambda log: get(log, "reason") == OTHER_REASON and present(log, "reasonother"),
        passes=lambda log: not NOT_SETTLED_HOME.match(log.reasonother.strip()),
        context=lambda log: {"text": log.reasonother.strip()},
    ),
    Rule(
        "household.reservist.not_asked", HARD, ("reservist",),
        message="Only say whether the person was injured in service when someone in the household served in the "
                "armed forces. Remove the answer, or check the armed forces answer.",
        applies=lambda log: get(log, "armedforces") in (2, 3),
        passes=lambda log: not present(log, "reservist"),
    ),
    Rule(
        "household.leftreg.not_asked", HARD, ("leftreg",),
        message="Only say whether the person is still serving when they are or were a regular in the armed "
                "forces. Remove the answer, or check the armed forces answer.",
        applies=lambda log: get(log, "armedforces") != 1,
        passes=lambda log: not present(log, "leftreg"),
    ),
    *[_child_rule(n) for n in range(2, 9)],
    Rule(
        "household.condition_effects.no_condition", HARD, CONDITION_CHECKBOXES,
        message="Only say how a condition affects someone when somebody in the household has a long-term "
                "physical or mental health condition. Untick the effects, or answer \"Yes\" to the condition "
                "question.",
        applies=lambda log: any(get(log, field) == 1 for field in CONDITION_CHECKBOXES),
        passes=lambda log: get(log, "illness") == 1,
    ),
    Rule(
        "household.prevten.temporary_relet", HARD, ("prevten",),
        message="The property was re-let to a tenant who lived in it as temporary accommodation, so the "
                "household's previous situation must be temporary accommodation. Check the previous situation "
                "or the vacancy reason.",
        applies=lambda log: get(log, "rsnvac") == TEMPORARY_RELET,
        passes=lambda log: get(log, "prevten") not in NOT_TEMPORARY_ACCOMMODATION,
    ),
    Rule(
        "household.prevten.foster_care_over_25", HARD, ("prevten", "age1"),
        message="The lead tenant is {age}. A previous situation of a children's home or foster care is only "
                "possible for a lead tenant aged 25 or under: check the age or the previous situation.",
        applies=lambda log: get(log, "prevten") == FOSTER_CARE and present(log, "age1"),
        passes=lambda log: log.age1 <= 25,
        context=lambda log: {"age": log.age1},
    ),
    Rule(
        "household.prevten.internal_transfer", HARD, ("prevten", "referral_register", "referral_noms"),
        message="An internal transfer is only for tenants already in social housing, but the household's "
                "previous situation is \"{situation}\". Change the previous situation or how the tenant was "
                "referred.",
        applies=lambda log: bool(getattr(log, "owning_organisation_id", None)) and internal_transfer(log)
        and present(log, "prevten"),
        passes=lambda log: log.prevten in SOCIAL_TENURES,
        context=lambda log: {"situation": _prevten_label(log)},
    ),
    Rule(
        "household.prevloc.missing", HARD, ("prevloc",),
        message="Choose the local authority of the household's last settled home, or answer that you do not "
                "know it.",
        applies=lambda log: get(log, "previous_la_known") == 1,
        passes=lambda log: present(log, "prevloc"),
        refuse=("previous_la_known",),
    ),
    Rule(
        "household.layear.renewal_just_moved", HARD, ("layear", "renewal"),
        message="A renewal is to a tenant already living in the property, so the household cannot have just "
                "moved to the area. Change how long the household has lived in the area.",
        applies=lambda log: get(log, "renewal") == 1,
        passes=lambda log: get(log, "layear") != 1,
        refuse=("layear",),
    ),
    Rule(
        "household.layear.same_local_authority", HARD,
        ("layear", "la", "postcode_full", "uprn", "ppostcode_full", "prevloc", "scheme_id", "location_id"),
        message="The household's last settled home was in the same local authority as this property, so it has "
                "not just moved to the area. Check how long it has lived in the area, or the previous local "
                "authority.",
        applies=lambda log: get(log, "layear") == 1 and present(log, "prevloc") and bool(log.effective_la),
        passes=lambda log: log.effective_la != log.prevloc,
        refuse=("layear", "prevloc", "ppostcode_full"),
    ),
    Rule(
        "household.housingneeds.no_type", HARD, ("housingneeds", "housingneeds_type", "housingneeds_other"),
        message="You said someone has disabled access needs, but gave neither a type of need nor other needs. "
                "Choose the type of access needs, or answer \"Yes\" to other needs.",
        applies=lambda log: get(log, "housingneeds") == 1 and get(log, "housingneeds_type") == 3,
        passes=lambda log: get(log, "housingneeds_other") not in (0, 2),
        refuse=("housingneeds_type", "housingneeds_other"),
    ),
]
