"""Organisation merge requests (spec §4): support plan a merge, then a background job runs it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .base import TimestampedModel
from .history import AuditTrail
from .organisations import Organisation


class MergeStatus(models.TextChoices):
    DELETED = "deleted", "Deleted"
    MERGED = "request_merged", "Merged"
    PROCESSING = "processing", "Processing"
    INCOMPLETE = "incomplete", "Incomplete"
    READY = "ready_to_merge", "Ready to merge"
    ISSUES = "merge_issues", "Merge issues"


TOTALS = ("total_users", "total_schemes", "total_stock_owners", "total_managing_agents", "total_lettings_logs",
          "total_sales_logs")


class MergeRequest(TimestampedModel):
    requesting_organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                                                related_name="+", editable=False)
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", editable=False)
    absorbing_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The organisation the others merge into.")
    merge_date = models.DateField(null=True, blank=True,
                                  help_text="Logs from this date move to the absorbing organisation.")
    existing_absorbing_organisation = models.BooleanField(
        "absorbing organisation already active before the merge date", null=True, blank=True,
        help_text="No: the absorbing organisation is new, created by the merge, and active from the merge date.")
    has_helpdesk_ticket = models.BooleanField("has a helpdesk ticket", null=True, blank=True)
    helpdesk_ticket = models.CharField(max_length=64, blank=True)
    processing = models.BooleanField(default=False, editable=False)
    request_merged = models.BooleanField(default=False, editable=False)
    last_failed_attempt = models.DateTimeField(null=True, blank=True, editable=False)
    discarded_at = models.DateTimeField(null=True, blank=True, editable=False)
    total_users = models.PositiveIntegerField(null=True, blank=True, editable=False)
    total_schemes = models.PositiveIntegerField(null=True, blank=True, editable=False)
    total_stock_owners = models.PositiveIntegerField(null=True, blank=True, editable=False)
    total_managing_agents = models.PositiveIntegerField(null=True, blank=True, editable=False)
    total_lettings_logs = models.PositiveIntegerField(null=True, blank=True, editable=False)
    total_sales_logs = models.PositiveIntegerField(null=True, blank=True, editable=False)

    history = AuditTrail()

    class Meta:
        ordering = ["absorbing_organisation__name", models.F("merge_date").desc(nulls_last=True), "id"]
        verbose_name = "merge request"

    def __str__(self) -> str:
        absorbing = self.absorbing_organisation.name if self.absorbing_organisation_id else "no absorbing organisation"
        when = f" on {self.merge_date:%-d %B %Y}" if self.merge_date else ""
        return f"Merge into {absorbing}{when}"

    @property
    def status(self) -> str:
        """Spec §4.1, first match."""
        from domain.access.data_sharing import dsa_confirmed

        if self.discarded_at:
            return MergeStatus.DELETED
        if self.request_merged:
            return MergeStatus.MERGED
        if self.processing:
            return MergeStatus.PROCESSING
        if (not self.absorbing_organisation_id or not self.merge_date or self.existing_absorbing_organisation is None
                or not self.pk or not self.merging.exists()):
            return MergeStatus.INCOMPLETE
        if dsa_confirmed(self.absorbing_organisation):
            return MergeStatus.READY
        return MergeStatus.ISSUES


class MergeRequestOrganisation(TimestampedModel):
    """An organisation that merges into the request's absorbing organisation."""

    merge_request = models.ForeignKey(MergeRequest, on_delete=models.CASCADE, related_name="merging")
    merging_organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")

    history = AuditTrail()

    class Meta:
        verbose_name = "merging organisation"
        constraints = [models.UniqueConstraint(fields=["merge_request", "merging_organisation"],
                                               name="merge_request_organisation_unique",
                                               violation_error_message="This organisation is already in the merge.")]

    def __str__(self) -> str:
        return str(self.merging_organisation)
