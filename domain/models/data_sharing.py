"""The data sharing agreement an organisation's data protection officer accepts (spec §5)."""

from __future__ import annotations

from django.db import models

from .base import TimestampedModel
from .history import AuditTrail


class DataProtectionConfirmation(TimestampedModel):
    """One per organisation. The organisation's and officer's details are copied when the agreement is
    accepted, so the record still says who agreed to what after either of them changes."""

    organisation = models.OneToOneField(
        "domain.Organisation", on_delete=models.CASCADE, related_name="data_protection_confirmation"
    )
    data_protection_officer = models.ForeignKey(
        "domain.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed = models.BooleanField(default=False)
    signed_at = models.DateTimeField(null=True, blank=True)
    organisation_name = models.CharField(max_length=255, blank=True)
    organisation_address = models.CharField(max_length=600, blank=True)
    organisation_phone_number = models.CharField(max_length=64, blank=True)
    data_protection_officer_name = models.CharField(max_length=255, blank=True)
    data_protection_officer_email = models.EmailField(max_length=254, blank=True)
    old_id = models.CharField(max_length=64, blank=True, editable=False)
    old_org_id = models.CharField(max_length=64, blank=True, editable=False)

    history = AuditTrail()

    class Meta:
        verbose_name = "data sharing agreement"

    def __str__(self) -> str:
        state = f"accepted {self.signed_at:%d/%m/%Y}" if self.confirmed and self.signed_at else "not accepted"
        return f"Data sharing agreement of {self.organisation_name or self.organisation_id}: {state}"
