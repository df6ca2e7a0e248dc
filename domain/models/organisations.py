"""Organisations (local authorities and housing associations) and their stock relationships."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from .base import TimestampedModel, squish
from .history import AuditTrail

ORGANISATION_CODE_PREFIX = "ORG"


class ProviderType(models.IntegerChoices):
    LA = 1, "Local authority"
    PRP = 2, "Private registered provider"


class ProfitStatus(models.IntegerChoices):
    NON_PROFIT = 1, "Non-profit"
    PROFIT = 2, "Profit"
    LOCAL_AUTHORITY = 3, "Local authority"


class RentPeriod(models.IntegerChoices):
    """The lettings `period` answer codes; organisations choose which of them they charge by."""

    WEEKLY_52 = 1, "Weekly for 52 weeks"
    EVERY_2_WEEKS = 2, "Every 2 weeks"
    EVERY_4_WEEKS = 3, "Every 4 weeks"
    MONTHLY = 4, "Every calendar month"
    WEEKLY_50 = 5, "Weekly for 50 weeks"
    WEEKLY_49 = 6, "Weekly for 49 weeks"
    WEEKLY_48 = 7, "Weekly for 48 weeks"
    WEEKLY_47 = 8, "Weekly for 47 weeks"
    WEEKLY_46 = 9, "Weekly for 46 weeks"
    WEEKLY_53 = 10, "Weekly for 53 weeks"
    WEEKLY_51 = 11, "Weekly for 51 weeks"


# The order in which the form offers rent periods.
RENT_PERIOD_DISPLAY_ORDER = (2, 3, 4, 9, 8, 7, 6, 5, 11, 1, 10)
ALL_RENT_PERIODS = sorted(RENT_PERIOD_DISPLAY_ORDER)


def all_rent_periods() -> list[int]:
    return list(ALL_RENT_PERIODS)


class OrganisationStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    DEACTIVATED = "deactivated", "Deactivated"
    MERGED = "merged", "Merged"
    DELETED = "deleted", "Deleted"


class Organisation(TimestampedModel):
    name = models.CharField("name", max_length=255)
    address_line1 = models.CharField("address line 1", max_length=255, blank=True)
    address_line2 = models.CharField("address line 2", max_length=255, blank=True)
    postcode = models.CharField(max_length=16, blank=True)
    phone = models.CharField("telephone number", max_length=64, blank=True)
    housing_registration_no = models.CharField(
        "registration number",
        max_length=64,
        blank=True,
        help_text="The Regulator of Social Housing registration number.",
    )
    provider_type = models.PositiveSmallIntegerField("type of provider", choices=ProviderType.choices)
    holds_own_stock = models.BooleanField("owns housing stock", default=False)
    profit_status = models.PositiveSmallIntegerField(
        "for profit", choices=ProfitStatus.choices, null=True, blank=True
    )
    group_member = models.BooleanField("part of a group", default=False)
    group_member_of = models.ForeignKey(
        "self",
        verbose_name="group member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Another organisation in the same housing provider group.",
    )
    group = models.PositiveIntegerField("group number", null=True, blank=True)
    rent_periods = models.JSONField(
        default=all_rent_periods,
        blank=True,
        help_text="The rent periods this organisation charges by; lettings logs it manages offer only these.",
    )
    logs_need_approval = models.BooleanField(
        "logs need coordinator approval", default=True,
        help_text="When on, a completed log waits for a data coordinator (or support) to approve it. When off, "
                  "completed logs are approved automatically.",
    )
    active = models.BooleanField(default=True, db_index=True)
    discarded_at = models.DateTimeField(null=True, blank=True, editable=False)
    merge_date = models.DateField(null=True, blank=True, editable=False)
    absorbing_organisation = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="absorbed_organisations",
        editable=False,
    )
    available_from = models.DateField(null=True, blank=True, editable=False)
    schemes_deduplicated_at = models.DateTimeField(null=True, blank=True, editable=False)
    old_visible_id = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    old_org_id = models.CharField(max_length=64, blank=True, editable=False)

    history = AuditTrail()

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organisation_name_unique_ci",
                violation_error_message="An organisation with this name already exists.",
            ),
            models.CheckConstraint(
                condition=models.Q(provider_type=ProviderType.PRP, profit_status__in=[1, 2])
                | models.Q(provider_type=ProviderType.LA, profit_status=3)
                | models.Q(profit_status__isnull=True),
                name="organisation_profit_status_matches_type",
                violation_error_message=(
                    "A local authority's profit status must be 'Local authority', "
                    "and a private registered provider's must be 'Non-profit' or 'Profit'."
                ),
            ),
        ]
        permissions = [
            ("view_all_organisation", "Can view every organisation"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def code(self) -> str:
        """The identifier bulk upload files and exports use: ORG<id>."""
        return f"{ORGANISATION_CODE_PREFIX}{self.pk}"

    @property
    def address_row(self) -> str:
        return ", ".join(part for part in (self.address_line1, self.address_line2, self.postcode) if part)

    def status_at(self, on: date | None = None) -> str:
        on = on or timezone.localdate()
        if self.discarded_at:
            return OrganisationStatus.DELETED
        if self.merge_date and self.merge_date < on:
            return OrganisationStatus.MERGED
        if not self.active:
            return OrganisationStatus.DEACTIVATED
        return OrganisationStatus.ACTIVE

    @property
    def status(self) -> str:
        return self.status_at()

    def name_on(self, on: date | None = None) -> str:
        """The name in force on a date (default today): the latest name change started by then, else
        the base name (spec §3)."""
        on = on or timezone.localdate()
        if hasattr(on, "date") and callable(on.date):
            on = timezone.localtime(on).date() if timezone.is_aware(on) else on.date()
        if "name_changes" in getattr(self, "_prefetched_objects_cache", {}):  # a list page fetched them once
            started = [change for change in self.name_changes.all()
                       if change.discarded_at is None and change.startdate <= on]
            return max(started, key=lambda change: change.startdate).name if started else self.name
        change = (self.name_changes.filter(discarded_at__isnull=True, startdate__lte=on)
                  .order_by("-startdate").values_list("name", flat=True).first())
        return change or self.name

    def label_on(self, on: date | None = None) -> str:
        """The name on a date, marked when the organisation has been deleted."""
        name = self.name_on(on)
        return f"{name} (deleted)" if self.discarded_at else name

    def rent_periods_label(self) -> str:
        chosen = set(self.rent_periods or [])
        if chosen >= set(ALL_RENT_PERIODS):
            return "All"
        return ", ".join(RentPeriod(code).label for code in RENT_PERIOD_DISPLAY_ORDER if code in chosen)

    def clean(self):
        self.name = squish(self.name)
        errors = {}
        if not self.name:
            errors["name"] = "Enter the organisation's name."
        if self.profit_status is not None and self.provider_type:
            if self.provider_type == ProviderType.LA and self.profit_status != ProfitStatus.LOCAL_AUTHORITY:
                errors["profit_status"] = "A local authority's profit status must be 'Local authority'."
            if self.provider_type == ProviderType.PRP and self.profit_status == ProfitStatus.LOCAL_AUTHORITY:
                errors["profit_status"] = "A private registered provider cannot have the profit status 'Local authority'."
        if self.group_member and not self.group_member_of_id:
            errors["group_member_of"] = "Choose another organisation in the same group, or answer No to 'part of a group'."
        if self.group_member_of_id and self.group_member_of_id == self.pk:
            errors["group_member_of"] = "Choose another organisation, not this one."
        unknown = set(self.rent_periods or []) - set(ALL_RENT_PERIODS)
        if unknown:
            errors["rent_periods"] = f"Unknown rent period codes: {sorted(unknown)}."
        if errors:
            raise ValidationError(errors)


class OrganisationRelationship(TimestampedModel):
    """The stock owner (parent) lets the managing agent (child) submit logs for its stock."""

    stock_owner = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="managing_agent_relationships"
    )
    managing_agent = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="stock_owner_relationships"
    )

    history = AuditTrail(
        verbose_name="relationship history entry", verbose_name_plural="relationship history"
    )

    class Meta:
        verbose_name = "stock owner and managing agent relationship"
        constraints = [
            models.UniqueConstraint(
                fields=["stock_owner", "managing_agent"],
                name="organisation_relationship_unique",
                violation_error_message="This stock owner and managing agent are already related.",
            ),
            models.CheckConstraint(
                condition=~models.Q(stock_owner=models.F("managing_agent")),
                name="organisation_relationship_not_self",
                violation_error_message="An organisation cannot be its own stock owner or managing agent.",
            ),
        ]
        indexes = [models.Index(fields=["managing_agent", "stock_owner"])]

    def __str__(self) -> str:
        return f"{self.stock_owner} → {self.managing_agent}"

    def clean(self):
        if self.stock_owner_id and self.stock_owner_id == self.managing_agent_id:
            raise ValidationError("An organisation cannot be its own stock owner or managing agent.")


class NameChangeStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"


class OrganisationNameChange(TimestampedModel):
    """A name an organisation takes from a date (spec §3); it holds until the next change starts.
    Cancelling a scheduled change sets `discarded_at`; the row stays for the audit trail."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="name_changes")
    name = models.CharField("new name", max_length=255)
    startdate = models.DateField("start date")
    discarded_at = models.DateField(null=True, blank=True, editable=False)

    history = AuditTrail()

    class Meta:
        ordering = ["organisation", "startdate"]
        verbose_name = "name change"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "startdate"],
                condition=models.Q(discarded_at__isnull=True),
                name="organisation_name_change_unique_date",
                violation_error_message="Another name change of this organisation starts on that date.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} from {self.startdate:%d/%m/%Y}"

    def next_change(self) -> "OrganisationNameChange | None":
        return (OrganisationNameChange.objects
                .filter(organisation_id=self.organisation_id, discarded_at__isnull=True, startdate__gt=self.startdate)
                .order_by("startdate").first())

    @property
    def end_date(self) -> date | None:
        """The day before the next change starts, or None while no later change is planned."""
        following = self.next_change()
        return following.startdate - timedelta(days=1) if following else None

    def status_at(self, on: date | None = None) -> str:
        on = on or timezone.localdate()
        if self.startdate > on:
            return NameChangeStatus.SCHEDULED
        end = self.end_date
        return NameChangeStatus.ACTIVE if end is None or end >= on else NameChangeStatus.INACTIVE
