"""A small, realistic demo world: organisations in stock-owner / managing-agent chains and a user of
every role. Safe to re-run: existing rows are kept and brought back to the demo values."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from datetime import date

from domain.models import (
    DataProtectionConfirmation,
    LocalAuthority,
    Location,
    LocationDeactivationPeriod,
    Organisation,
    OrganisationRelationship,
    ProfitStatus,
    ProviderType,
    Role,
    Scheme,
    User,
)

DEMO_PASSWORD = "core-demo-2026"

LA, PRP = ProviderType.LA, ProviderType.PRP
ORGANISATIONS = [
    # name, provider type, holds own stock, profit status, registration number, active
    (settings.SUPPORT_ORGANISATION_NAME, LA, False, ProfitStatus.LOCAL_AUTHORITY, "", True),
    ("Barnsley Metropolitan Borough Council", LA, True, ProfitStatus.LOCAL_AUTHORITY, "", True),
    ("Greenfield Housing Association", PRP, True, ProfitStatus.NON_PROFIT, "LH0123", True),
    ("Riverside Lettings Partnership", PRP, False, ProfitStatus.NON_PROFIT, "LH0456", True),
    ("Pennine Care and Support", PRP, True, ProfitStatus.PROFIT, "4567", True),
    ("Old Town Homes", PRP, True, ProfitStatus.NON_PROFIT, "LH0789", False),
]
# (stock owner, managing agent): Barnsley and Greenfield let Riverside manage some of their stock;
# Greenfield also uses Pennine for supported housing, and Pennine manages for Barnsley too.
RELATIONSHIPS = [
    ("Barnsley Metropolitan Borough Council", "Riverside Lettings Partnership"),
    ("Greenfield Housing Association", "Riverside Lettings Partnership"),
    ("Greenfield Housing Association", "Pennine Care and Support"),
    ("Barnsley Metropolitan Borough Council", "Pennine Care and Support"),
]
USERS = [
    # email, name, organisation, role, dpo, key contact
    ("support@example.com", "Sam Support", settings.SUPPORT_ORGANISATION_NAME, Role.SUPPORT, False, False),
    ("statistician@example.com", "Stella Statistician", settings.SUPPORT_ORGANISATION_NAME, Role.STATISTICIAN, False, False),
    ("coordinator@greenfield.example.com", "Carla Coordinator", "Greenfield Housing Association", Role.DATA_COORDINATOR, True, True),
    ("provider@greenfield.example.com", "Pat Provider", "Greenfield Housing Association", Role.DATA_PROVIDER, False, False),
    ("coordinator@riverside.example.com", "Rory Coordinator", "Riverside Lettings Partnership", Role.DATA_COORDINATOR, False, True),
    ("provider@riverside.example.com", "Priya Provider", "Riverside Lettings Partnership", Role.DATA_PROVIDER, False, False),
    ("coordinator@barnsley.example.com", "Bea Coordinator", "Barnsley Metropolitan Borough Council", Role.DATA_COORDINATOR, True, False),
    ("provider@barnsley.example.com", "Ben Provider", "Barnsley Metropolitan Borough Council", Role.DATA_PROVIDER, False, False),
    ("coordinator@pennine.example.com", "Pia Coordinator", "Pennine Care and Support", Role.DATA_COORDINATOR, True, False),
    ("dpo@riverside.example.com", "Dee Protection", "Riverside Lettings Partnership", None, True, False),
]


SCHEMES = [
    # owner, name, scheme type, CQC, arrangement, primary group, support, stay
    ("Greenfield Housing Association", "Greenfield Older Persons Court", 7, 1, "D", "M", 3, "P"),
    ("Greenfield Housing Association", "Greenfield Young People's Foyer", 4, 1, "V", "Q", 2, "M"),
    ("Barnsley Metropolitan Borough Council", "Barnsley Direct Access Hostel", 5, 2, "O", "N", 4, "V"),
]
LOCATIONS = [
    # scheme, postcode, name, units, type of unit, mobility, local authority (code, name), deactivated on
    ("Greenfield Older Persons Court", "S70 2TA", "Court House", 24, 1, "A", ("E08000038", "Barnsley"), None),
    ("Greenfield Older Persons Court", "S70 2TB", "Garden Bungalows", 6, 6, "W", ("E08000038", "Barnsley"), None),
    ("Greenfield Older Persons Court", "S70 3AA", "Old Annexe", 4, 3, "N", ("E08000038", "Barnsley"), date(2026, 4, 1)),
    ("Greenfield Young People's Foyer", "LS1 4AP", "Foyer Central", 30, 2, "N", ("E08000035", "Leeds"), None),
    ("Greenfield Young People's Foyer", "LS2 7EE", "Foyer East", 12, 4, "N", ("E08000035", "Leeds"), None),
    ("Barnsley Direct Access Hostel", "S70 1AA", "Market Street Hostel", 18, 4, "N", ("E08000038", "Barnsley"), None),
    ("Barnsley Direct Access Hostel", "S71 1BB", "Station Road", 8, 3, "A", ("E08000038", "Barnsley"), None),
]


def _demo_schemes(orgs) -> None:
    """Schemes owned by Greenfield and Barnsley, each with several complete locations; one location
    deactivated. Matched by name, so re-running updates rather than duplicates."""
    schemes = {}
    for owner, name, scheme_type, cqc, arrangement, group, support, stay in SCHEMES:
        schemes[name], _ = Scheme.objects.update_or_create(
            service_name=name,
            owning_organisation=orgs[owner],
            defaults={
                "scheme_type": scheme_type, "registered_under_care_act": cqc, "arrangement_type": arrangement,
                "primary_client_group": group, "has_other_client_group": 0, "support_type": support,
                "intended_stay": stay, "confirmed": True, "startdate": date(2025, 4, 1),
            },
        )
    for scheme, postcode, name, units, unit_type, mobility, (la_code, la_name), deactivated in LOCATIONS:
        authority = LocalAuthority.objects.filter(code=la_code).first()
        location, _ = Location.objects.update_or_create(
            scheme=schemes[scheme],
            postcode=postcode,
            defaults={
                "name": name, "units": units, "type_of_unit": unit_type, "mobility_type": mobility,
                "location_code": la_code, "location_admin_district": authority.name if authority else la_name,
                "startdate": date(2025, 4, 1),
            },
        )
        if deactivated:
            LocationDeactivationPeriod.objects.get_or_create(location=location, deactivation_date=deactivated)


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    organisation: str


@transaction.atomic
def demo_seed() -> list[DemoLogin]:
    """Create (or restore) the demo organisations, relationships and users; returns the logins."""
    orgs = {}
    for name, provider_type, stock, profit, reg_no, active in ORGANISATIONS:
        orgs[name], _ = Organisation.objects.update_or_create(
            name=name,
            defaults={
                "provider_type": provider_type,
                "holds_own_stock": stock,
                "profit_status": profit,
                "housing_registration_no": reg_no,
                "active": active,
                "address_line1": f"1 {name.split()[0]} Street",
                "postcode": "S70 2TA",
                "phone": "01226000000",
            },
        )
    for owner, agent in RELATIONSHIPS:
        OrganisationRelationship.objects.get_or_create(stock_owner=orgs[owner], managing_agent=orgs[agent])
    _demo_schemes(orgs)
    logins = []
    for email, name, org, role, dpo, key_contact in USERS:
        user, _ = User.objects.update_or_create(
            email=email,
            defaults={
                "name": name,
                "organisation": orgs[org],
                "role": role,
                "is_dpo": dpo,
                "is_key_contact": key_contact,
                "is_active": True,
                "is_superuser": role == Role.SUPPORT,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        logins.append(DemoLogin(email, Role(role).label if role else "No role (DPO only)", org))
    _demo_data_sharing_agreements(orgs)
    return logins


def _demo_data_sharing_agreements(orgs) -> None:
    """Every demo organisation has accepted the agreement, through its DPO where it has one."""
    from domain.services.data_sharing import data_sharing_agreement_record

    for org in orgs.values():
        if DataProtectionConfirmation.objects.filter(organisation=org, confirmed=True).exists():
            continue
        officer = org.users.filter(is_dpo=True).order_by("pk").first()
        data_sharing_agreement_record(organisation=org, officer=officer, name=f"{org.name} DPO",
                                      email="dpo@example.com")
