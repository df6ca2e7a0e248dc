"""2026 lettings: Household situation."""

from domain.forms.catalogue import CHECKBOX, RADIO, SELECT, TEXT, Page, Question, Subsection, options
from domain.forms.conditions import ne, when

from .property import interruption

RENEWAL = when(renewal=1)
OWNER_IS_LA = when(renewal=ne(1), **{"owning_organisation_is_la?": True})
OWNER_IS_PRP = when(renewal=ne(1), **{"owning_organisation_is_prp?": True})

YEARS = (
    (2, "Under 1 year"),
    (7, "1 year but under 2 years"),
    (8, "2 years but under 3 years"),
    (9, "3 years but under 4 years"),
    (10, "4 years but under 5 years"),
    (11, "5 years but under 10 years"),
    (12, "10 years or more"),
)

END_OF_TENANCY_REASONS = (
    (50, "End of social or private sector tenancy - no fault"),
    (51, "End of social or private sector tenancy - evicted due to anti-social behaviour (ASB)"),
    (52, "End of social or private sector tenancy - evicted due to rent arrears"),
    (53, "End of social or private sector tenancy - evicted for any other reason"),
)

REASONS = options(
    *END_OF_TENANCY_REASONS,
    (1, "Permanently decanted from another property owned by this landlord"),
    (2, "Left home country as a refugee"),
    (45, "Discharged from prison"),
    (46, "Discharged from long-stay hospital or similar institution"),
    (4, "Loss of tied accommodation"),
    (55, "Leaving foster care or children's home"),
    (9, "Asked to leave by family or friends"),
    (8, "Relationship breakdown (non-violent) with partner"),
    (44, "Death of household member in last settled accommodation"),
    (16, "To move nearer to family, friends or school"),
    (17, "To move nearer to work"),
    (48, "Domestic abuse - previously joint tenancy with partner"),
    (49, "Domestic abuse - other"),
    (56, "Non-domestic violence (e.g. gang violence)"),
    (57, "Cuckooing (property being used by others for illegal activity)"),
    (10, "Racial harassment"),
    (31, "Hate crime"),
    (11, "Other problems with neighbours"),
    (34, "Repossession"),
    (54, "Could no longer afford rent or mortgage"),
    (12, "Property unsuitable because of overcrowding"),
    (13, "Property unsuitable because of ill health or disability"),
    (14, "Property unsuitable because of poor condition"),
    (29, "Under occupation (offered incentive to downsize)"),
    (30, "Under occupation (no incentive)"),
    (18, "To move to accommodation with support"),
    (19, "To move to independent accommodation"),
    (47, "Tenant prefers not to say"),
    (20, "Other"),
    (28, "Don’t know"),
)

RENEWAL_REASONS = options(
    *END_OF_TENANCY_REASONS,
    (20, "Other"),
    (47, "Tenant prefers not to say"),
    (28, "Don’t know"),
)

SUPPORTED_HOUSING_TENURES = (
    (35, "Extra care housing"),
    (38, "Older people’s housing for tenants with low support needs"),
    (6, "Other supported housing"),
)

PREVIOUS_TENURES = options(
    (30, "Fixed-term local authority general needs tenancy"),
    (32, "Fixed-term private registered provider (PRP) general needs tenancy"),
    (31, "Lifetime local authority general needs tenancy"),
    (33, "Lifetime private registered provider (PRP) general needs tenancy"),
    (40, "Other general needs"),
    *SUPPORTED_HOUSING_TENURES,
    (27, "Owner occupation (low-cost home ownership)"),
    (26, "Owner occupation (private)"),
    (3, "Private sector tenancy"),
    (28, "Living with friends or family (long-term)"),
    (39, "Sofa surfing (moving regularly between family or friends, no permanent bed)"),
    (14, "Bed and breakfast"),
    (7, "Direct access hostel"),
    (10, "Hospital"),
    (29, "Prison or approved probation hostel"),
    (18, "Any other temporary accommodation"),
    (19, "Rough sleeping"),
    (21, "Refuge"),
    (13, "Children’s home or foster care"),
    (24, "Home Office Asylum Support"),
    (37, "Host family or similar refugee accommodation"),
    (23, "Mobile home or caravan"),
    (9, "Residential care home"),
    (4, "Tied housing or rented with job"),
    (25, "Any other accommodation"),
)


def reason_questions(reasons) -> tuple[Question, ...]:
    return (
        Question("reason", RADIO, "What is the tenant’s main reason for leaving their last settled home?",
                 number=83, bulk=113, options=reasons,
                 hint="The last settled home is the last place the tenant lived with security of tenure."),
        Question("reasonother", TEXT, "What was the other reason?", number=83, bulk=114, shown_when=when(reason=20)),
    )


REFERRAL_LABEL = "How was this letting referred?"

HOUSEHOLD_SITUATION = Subsection("household_situation", "Household situation", pages=(
    Page("time_lived_in_local_authority", (
        Question("layear", RADIO, "How long has the household lived continuously in the local authority area of "
                 "this new letting?", number=81, bulk=111, options=options(
                     (1, "Just moved to local authority area with this new let"), *YEARS, (6, "Don’t know"))),
    )),
    Page("time_on_waiting_list", (
        Question("waityear", RADIO, "How long has the household been on the local authority housing register "
                 "(waiting list) for this area?", number=82, bulk=112, derived_when=RENEWAL, options=options(
                     (13, "Household not on the housing register (or waiting list) in this area"), *YEARS,
                     (6, "Don’t know"))),
    ), shown_when=when(renewal=0)),
    Page("reason_for_leaving_last_settled_home", reason_questions(REASONS), shown_when=when(renewal=0)),
    Page("reason_for_leaving_last_settled_home_renewal", reason_questions(RENEWAL_REASONS), shown_when=RENEWAL),
    interruption("reasonother_value_check", "reasonother_value_check", "reasonother_soft_validation_triggered?",
                 "Are you sure? The other reason you gave looks like one of the listed answers. If it is, "
                 "choose that answer instead."),
    Page("previous_housing_situation", (
        # A general needs renewal derives this: 30 when the owner is a local authority, else 32.
        Question("prevten", RADIO, "Where was the household living immediately before this letting?", number=84, bulk=115,
                 options=PREVIOUS_TENURES, derived_when=when(renewal=1, needstype=1)),
    ), shown_when=when(renewal=ne(1))),
    Page("previous_housing_situation_renewal", (
        Question("prevten", RADIO, "Where was the household living immediately before this letting?", number=84, bulk=115,
                 options=options(*SUPPORTED_HOUSING_TENURES)),
    ), shown_when=when(renewal=1, needstype=2)),
    Page("homelessness", (
        Question("homeless", RADIO, "Was the household homeless immediately before this letting?", number=85, bulk=116,
                 options=options((11, "Yes - assessed by a local authority as homeless"), (1, "No"))),
    )),
    # Previous postcode and local authority are filled in from the property on a renewal, and are never
    # cleared by routing (the postcode lookup and its resets look after them).
    Page("previous_postcode", (
        Question("ppcodenk", RADIO, "Do you know the postcode of the household’s last settled home?", number=86, bulk=117,
                 options=options((0, "Yes"), (1, "No")), derived_when=RENEWAL, keep_when_hidden=True),
        Question("ppostcode_full", TEXT, "Postcode of the last settled home", number=86, max_length=8,
                 shown_when=when(ppcodenk=0), not_known_when=when(ppcodenk=1), derived_when=RENEWAL,
                 keep_when_hidden=True),
    ), shown_when=when(renewal=0)),
    Page("previous_local_authority", (
        # Optional whenever the property's own postcode is known: odd, but that is the service's rule.
        Question("previous_la_known", RADIO, "Do you know the local authority of the household’s last settled "
                 "home?", number=87, options=options((1, "Yes"), (0, "No")), derived_when=RENEWAL,
                 optional_when=when(postcode_known=1), keep_when_hidden=True),
        # Options are every local authority active at the start of the year (plus Northern Ireland,
        # Scotland, Wales and outside the UK), filled in from reference data when the form is drawn.
        Question("prevloc", SELECT, "Local authority of the last settled home", number=87, max_length=9,
                 options=(), shown_when=when(previous_la_known=1), not_known_when=when(previous_la_known=0),
                 derived_when=RENEWAL, keep_when_hidden=True),
    ), shown_when=when(renewal=0, is_previous_la_inferred=False)),
    Page("reasonable_preference", (
        Question("reasonpref", RADIO, "Was the household given reasonable preference by the local authority?",
                 number=88, bulk=121, hint="Households may be given reasonable preference for social housing, also "
                 "known as priority need, by the local authority.",
                 options=options((1, "Yes"), (2, "No"), (3, "Don’t know"))),
    )),
    Page("reasonable_preference_reason", (
        Question("reasonable_preference_reason", CHECKBOX, "Why was the household given reasonable preference?",
                 number=89, hint="Select all that apply.", options=options(
                     ("rp_homeless", "They were homeless or about to lose their home (within 56 days)"),
                     ("rp_insan_unsat", "They were living in unsanitary, overcrowded or unsatisfactory housing"),
                     ("rp_medwel", "They needed to move due to medical and welfare reasons (including disability)"),
                     ("rp_hardship", "They needed to move to avoid hardship to themselves or others"),
                     ("rp_dontknow", "Don’t know"),
                 )),
    ), shown_when=when(reasonpref=1)),
    Page("allocation_system", (
        Question("letting_allocation", CHECKBOX, "How was this letting allocated?", number=90,
                 hint="Select all that apply.", options=options(
                     ("cbl", "Choice-based lettings (CBL)",
                      "Applicants bid for, or express interest in, advertised homes."),
                     ("cap", "Common Allocation Policy (CAP)",
                      "Several landlords in an area share one policy for deciding who gets a home."),
                     ("chr", "Common housing register (CHR)",
                      "Several landlords in an area keep one shared list of applicants."),
                     ("accessible_register", "Accessible housing register",
                      "A list that matches disabled applicants to homes that meet their access needs."),
                     ("letting_allocation_unknown", "None of these allocation systems"),
                 )),
    )),
    # Referral questions depend on the kind of organisation that owns the stock. They are asked even
    # before setup is complete, and a renewal derives the answer (1) instead.
    Page("referral_register_la", (
        Question("referral_register", RADIO, REFERRAL_LABEL, number=91, derived_when=RENEWAL, options=options(
            (1, "Renewal to the same tenant in the same property"),
            (2, "Internal transfer from another property owned by the same local authority - for existing social "
                "tenants only"),
            (3, "From a housing register (waiting list)"),
            (4, "Tenant applied directly (not via a nomination or housing register)"),
        )),
    ), shown_when=OWNER_IS_LA, ignores_gate=True),
    Page("referral_register_prp", (
        Question("referral_register", RADIO, REFERRAL_LABEL, number=92, derived_when=RENEWAL, options=options(
            (5, "Renewal to the same tenant in the same property"),
            (6, "From a local authority housing register (waiting list) or a register with local authority "
                "involvement"),
            (7, "From a housing register (waiting list) with no local authority involvement"),
            (8, "Tenant applied directly (not via a nomination or waiting list)"),
            (9, "Don't know"),
        )),
    ), shown_when=OWNER_IS_PRP, ignores_gate=True),
    Page("referral_noms_la_hr", (
        Question("referral_noms", RADIO, "How was the tenant referred from the local authority register?",
                 number=92, bulk=133, options=options(
                     (1, "Nominated by a local authority to a PRP"),
                     (2, "Supported housing only - referred by a local authority to a PRP"),
                     (3, "Internal transfer from another property owned by the same PRP landlord - for existing "
                         "social tenants only"),
                     (4, "Other"),
                 )),
    ), shown_when=OWNER_IS_PRP & when(referral_register=6), ignores_gate=True),
    Page("referral_noms_hr", (
        Question("referral_noms", RADIO, "How was the tenant referred from the housing register?", number=92, bulk=133,
                 options=options(
                     (5, "Internal transfer from another property owned by the same PRP landlord - for existing "
                         "social tenants only"),
                     (6, "A different PRP landlord - for existing social tenants only"),
                     (7, "Directly referred by a third party"),
                     (8, "Other"),
                 )),
    ), shown_when=OWNER_IS_PRP & when(referral_register=7), ignores_gate=True),
    Page("referral_org_nominated", (
        Question("referral_org", RADIO, "Who referred the household to the local authority?", number=92, bulk=134,
                 options=options(
                     (1, "Referred to LA by health service"),
                     (2, "Referred to LA by community learning disability team"),
                     (3, "Referred to LA by community mental health team"),
                     (4, "Referred to LA by adult social services"),
                     (5, "Referred to LA by children's social care"),
                     (6, "Referred to LA by police, probation, prison or youth offending team following a "
                         "custodial sentence"),
                     (7, "Referred to LA by police, probation, prison or youth offending team without a custodial "
                         "sentence"),
                     (8, "Referred to LA by a voluntary agency"),
                     (9, "Other referral"),
                     (10, "Don't know"),
                 )),
    ), shown_when=OWNER_IS_PRP & when(referral_register=6, referral_noms=1), ignores_gate=True),
    Page("referral_org_directly_referred", (
        Question("referral_org", RADIO, "Which third party referred the household?", number=92, bulk=134, options=options(
            (11, "Health service"),
            (12, "Community learning disability team"),
            (13, "Community mental health team"),
            (14, "Adult social services"),
            (15, "Children's social care"),
            (16, "Police, probation, prison or youth offending team following a custodial sentence"),
            (17, "Police, probation, prison or youth offending team without a custodial sentence"),
            (18, "Voluntary agency"),
            (19, "Other third party"),
            (20, "Don't know"),
        )),
    ), shown_when=OWNER_IS_PRP & when(referral_register=7, referral_noms=7), ignores_gate=True),
))
