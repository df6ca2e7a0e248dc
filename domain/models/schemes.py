"""Supported housing schemes and their locations: predefined answers for supported housing lettings."""

from __future__ import annotations

from django.db import models

from .base import TimestampedModel
from .history import AuditTrail
from .organisations import Organisation

SCHEME_CODE_PREFIX = "S"


class SchemeType(models.IntegerChoices):
    DIRECT_ACCESS_HOSTEL = 5, "Direct access hostel"
    FOYER = 4, "Foyer"
    HOUSING_FOR_OLDER_PEOPLE = 7, "Housing for older people"
    OTHER_SUPPORTED_HOUSING = 6, "Other supported housing"
    MISSING = 0, "Missing"


class CareActRegistration(models.IntegerChoices):
    YES = 5, "Yes"
    PARTIALLY = 2, "Partially - some but not all units in the scheme are regulated by the CQC"
    NO = 1, "No"


class ArrangementType(models.TextChoices):
    SAME_ORGANISATION = "D", "The same organisation that owns the housing stock"
    ANOTHER_STOCK_OWNER = "R", "Another registered stock owner"
    CHARITY = "V", "A registered charity or voluntary organisation"
    OTHER = "O", "Another organisation"
    MISSING = "X", "Missing"


class ClientGroup(models.TextChoices):
    HOMELESS_FAMILIES = "O", "Homeless families with support needs"
    OFFENDERS = "H", "Offenders and people at risk of offending"
    OLDER_PEOPLE = "M", "Older people with support needs"
    DOMESTIC_VIOLENCE = "L", "People at risk of domestic violence"
    PHYSICAL_DISABILITY = "A", "People with a physical or sensory disability"
    ALCOHOL = "G", "People with alcohol problems"
    DRUGS = "F", "People with drug problems"
    HIV = "B", "People with HIV or AIDS"
    LEARNING_DISABILITIES = "D", "People with learning disabilities"
    MENTAL_HEALTH = "E", "People with mental health problems"
    REFUGEES = "I", "Refugees (permanent)"
    ROUGH_SLEEPERS = "S", "Rough sleepers"
    SINGLE_HOMELESS = "N", "Single homeless people with support needs"
    TEENAGE_PARENTS = "R", "Teenage parents"
    YOUNG_AT_RISK = "Q", "Young people at risk"
    LEAVING_CARE = "P", "Young people leaving care"
    MISSING = "X", "Missing"


class SupportType(models.IntegerChoices):
    LOW = 2, "Low level"
    MEDIUM = 3, "Medium level"
    HIGH = 4, "High level"
    FLOATING = 6, "Floating support"
    MISSING = 0, "Missing"


class IntendedStay(models.TextChoices):
    VERY_SHORT = "V", "Very short stay"
    SHORT = "S", "Short stay"
    MEDIUM = "M", "Medium stay"
    PERMANENT = "P", "Permanent"
    MISSING = "X", "Missing"


class UnitType(models.IntegerChoices):
    BUNGALOW = 6, "Bungalow"
    FLAT_OR_BEDSIT = 1, "Self-contained flat or bedsit"
    FLAT_WITH_COMMON_FACILITIES = 2, "Self-contained flat or bedsit with common facilities"
    HOUSE = 7, "Self-contained house"
    SHARED_FLAT = 3, "Shared flat"
    SHARED_HOUSE_OR_HOSTEL = 4, "Shared house or hostel"


class MobilityType(models.TextChoices):
    WHEELCHAIR = "W", "Wheelchair-user standard"
    ADAPTED = "A", "Fitted with equipment and adaptations"
    NONE = "N", "None"
    ACCESSIBLE_GENERAL = "M", "Property designed to accessible general standard"
    MISSING = "X", "Missing"


# Answers offered in the console: legacy codes stay valid in stored data but are never offered.
OFFERED_SCHEME_TYPES = [SchemeType.DIRECT_ACCESS_HOSTEL, SchemeType.FOYER, SchemeType.HOUSING_FOR_OLDER_PEOPLE,
                        SchemeType.OTHER_SUPPORTED_HOUSING]
OFFERED_ARRANGEMENT_TYPES = [ArrangementType.SAME_ORGANISATION, ArrangementType.ANOTHER_STOCK_OWNER,
                             ArrangementType.CHARITY, ArrangementType.OTHER]
OFFERED_CLIENT_GROUPS = [group for group in ClientGroup if group != ClientGroup.MISSING]
OFFERED_SUPPORT_TYPES = [SupportType.LOW, SupportType.MEDIUM, SupportType.HIGH]
OFFERED_INTENDED_STAYS = [IntendedStay.VERY_SHORT, IntendedStay.SHORT, IntendedStay.MEDIUM, IntendedStay.PERMANENT]
OFFERED_MOBILITY_TYPES = [MobilityType.WHEELCHAIR, MobilityType.ADAPTED, MobilityType.NONE]


class StatusMixin:
    """Status and availability, answered by domain.schemes_status (imported late: it reads models)."""

    def status_at(self, on=None):
        from domain import schemes_status
        from domain.collection import today

        return schemes_status.status_at(self, on or today())

    def displayed_status(self, on=None):
        from domain import schemes_status
        from domain.collection import today

        return schemes_status.displayed_status(self, on or today())

    @property
    def available_from(self):
        from domain import schemes_status

        return schemes_status.available_from(self)

    @property
    def availability(self) -> str:
        from domain import schemes_status

        return schemes_status.availability_text(self)


class Scheme(StatusMixin, TimestampedModel):
    service_name = models.CharField("scheme name", max_length=255, blank=True)
    sensitive = models.PositiveSmallIntegerField(
        "confidential information", choices=[(0, "No"), (1, "Yes")], default=0
    )
    scheme_type = models.PositiveSmallIntegerField("type of scheme", choices=SchemeType.choices, null=True, blank=True)
    registered_under_care_act = models.PositiveSmallIntegerField(
        "regulated by the Care Quality Commission", choices=CareActRegistration.choices, null=True, blank=True
    )
    owning_organisation = models.ForeignKey(
        Organisation, verbose_name="housing stock owned by", on_delete=models.PROTECT, related_name="owned_schemes"
    )
    arrangement_type = models.CharField(
        "support services provided by", max_length=1, choices=ArrangementType.choices, blank=True
    )
    primary_client_group = models.CharField(max_length=1, choices=ClientGroup.choices, blank=True)
    has_other_client_group = models.PositiveSmallIntegerField(
        "has another client group", choices=[(0, "No"), (1, "Yes")], null=True, blank=True
    )
    secondary_client_group = models.CharField(max_length=1, choices=ClientGroup.choices, blank=True)
    support_type = models.PositiveSmallIntegerField(
        "level of support given", choices=SupportType.choices, null=True, blank=True
    )
    intended_stay = models.CharField("intended length of stay", max_length=1, choices=IntendedStay.choices, blank=True)
    confirmed = models.BooleanField(default=False)
    startdate = models.DateField("start date", null=True, blank=True, editable=False)
    discarded_at = models.DateTimeField(null=True, blank=True, editable=False)
    old_id = models.CharField(max_length=64, blank=True, editable=False)
    old_visible_id = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    history = AuditTrail()

    class Meta:
        ordering = ["service_name"]
        indexes = [models.Index(fields=["owning_organisation", "discarded_at"])]

    def __str__(self) -> str:
        return f"{self.service_name or 'Unnamed scheme'} ({self.code})"

    @property
    def code(self) -> str:
        return f"{SCHEME_CODE_PREFIX}{self.pk}"


class Location(StatusMixin, TimestampedModel):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="locations")
    postcode = models.CharField(max_length=8, blank=True)
    location_admin_district = models.CharField("local authority", max_length=255, blank=True)
    location_code = models.CharField("local authority code", max_length=9, blank=True)
    is_la_inferred = models.BooleanField(default=False, editable=False)
    name = models.CharField("location name", max_length=255, blank=True)
    units = models.PositiveIntegerField("number of units", null=True, blank=True)
    type_of_unit = models.PositiveSmallIntegerField(
        "most common unit", choices=UnitType.choices, null=True, blank=True
    )
    mobility_type = models.CharField("mobility standards", max_length=1, choices=MobilityType.choices, blank=True)
    startdate = models.DateField("available from", null=True, blank=True)
    confirmed = models.BooleanField(default=False, editable=False)
    discarded_at = models.DateTimeField(null=True, blank=True, editable=False)
    old_id = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    old_visible_id = models.CharField(max_length=64, blank=True, editable=False)

    history = AuditTrail()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["scheme", "discarded_at"]), models.Index(fields=["postcode"])]

    def __str__(self) -> str:
        return f"{self.postcode or 'No postcode'} {self.name}".strip() + f" ({self.pk})"

    @property
    def code(self) -> str:
        """Location codes are plain integers."""
        return str(self.pk)

    def save(self, *args, **kwargs):
        # Completeness is derived, never answered, so it is worked out again whatever the path of the save.
        from domain.schemes_status import location_is_complete

        self.confirmed = location_is_complete(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "confirmed"}
        super().save(*args, **kwargs)


class DeactivationPeriod(models.Model):
    """From the deactivation date the resource may not be used; from the reactivation date (if any) it may again."""

    deactivation_date = models.DateField()
    reactivation_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["deactivation_date"]

    @property
    def is_open(self) -> bool:
        return self.reactivation_date is None

    def includes(self, day) -> bool:
        return self.deactivation_date <= day and (self.reactivation_date is None or self.reactivation_date > day)


class SchemeDeactivationPeriod(DeactivationPeriod):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="deactivation_periods")
    history = AuditTrail()


class LocationDeactivationPeriod(DeactivationPeriod):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="deactivation_periods")
    history = AuditTrail()
