"""A small, realistic demo world: organisations in stock-owner / managing-agent chains and a user of
every role. Safe to re-run: existing rows are kept and brought back to the demo values."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from domain.models import Organisation, OrganisationRelationship, ProfitStatus, ProviderType, Role, User

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
    return logins
