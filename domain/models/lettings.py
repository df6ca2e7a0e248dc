"""Lettings logs: one row per letting, one typed column per question of any year's lettings form.

The answer columns are declared by the form catalogue (domain/forms/), so a question added to a
year's form becomes a column with the next `makemigrations`; this module declares only what the
catalogue does not: relations and lifecycle.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models

from domain import collection
from domain.forms import registry

from .history import AuditTrail
from .logs import (
    HISTORY_BOOKKEEPING_FIELDS, LogBase, LogKindIn, answer_columns, list_indexes, scope_indexes, search_indexes,
)
from .reference_data import RentRange
from .schemes import Location, Scheme

LOG_TYPE = "lettings"
LOCATION_LEAD_DAYS = 14  # a location may be chosen up to two weeks before it opens


class LettingsLogBase(LogBase):
    LOG_TYPE = LOG_TYPE
    DATE_FIELD = "startdate"
    kind = LogKindIn("domain.services.lettings")

    scheme = models.ForeignKey(Scheme, null=True, blank=True, on_delete=models.PROTECT, related_name="lettings_logs")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="lettings_logs")
    unresolved = models.BooleanField(default=False, editable=False)
    bulk_upload = models.ForeignKey("domain.BulkUpload", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="lettings_logs", editable=False)
    # Written by the address look-up and by bulk upload, never asked: whether the UPRN's address was
    # confirmed and which search result was chosen, what bulk upload searched with, and the address and
    # local authority exactly as the file gave them (the CDS export and support's download carry them).
    uprn_confirmed = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    uprn_selection = models.CharField(max_length=20, blank=True, default="", editable=False)
    address_line1_input = models.CharField(max_length=255, blank=True, default="", editable=False)
    postcode_full_input = models.CharField(max_length=255, blank=True, default="", editable=False)
    address_line1_as_entered = models.CharField(max_length=255, blank=True, default="", editable=False)
    address_line2_as_entered = models.CharField(max_length=255, blank=True, default="", editable=False)
    town_or_city_as_entered = models.CharField(max_length=255, blank=True, default="", editable=False)
    county_as_entered = models.CharField(max_length=255, blank=True, default="", editable=False)
    postcode_full_as_entered = models.CharField(max_length=255, blank=True, default="", editable=False)
    la_as_entered = models.CharField(max_length=255, blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"Log {self.pk}" if self.pk else "New lettings log"

    @property
    def form(self):
        year = getattr(self, "_form_year", None)  # a dry run of answers names its year
        if year and not self.startdate:
            return registry.form_for_year(LOG_TYPE, year)
        return registry.form_for_date(LOG_TYPE, self.startdate)

    @property
    def collection_year(self) -> int | None:
        return collection.collection_year_of(self.startdate) if self.startdate else None

    # Values the form's conditions and checks read, worked out from related records.

    @property
    def scheme_location_count(self) -> int:
        return len(self.usable_locations()) if self.scheme_id else 0

    def usable_locations(self) -> list[Location]:
        """The scheme's complete locations that open within the next two weeks (or have no date)."""
        if not self.scheme_id:
            return []
        from domain.selectors import lookups

        latest = collection.today() + timedelta(days=LOCATION_LEAD_DAYS)
        return [location for location in lookups.complete_locations(self.scheme)
                if location.startdate is None or location.startdate <= latest]

    @property
    def effective_la(self) -> str:
        """The log's local authority, or for supported housing the location's, if it has none."""
        if self.la or not self.location_id:
            return self.la
        from domain.selectors import lookups

        return lookups.current_la_code(self.location.location_code, self.collection_year or collection.current_year())

    @property
    def effective_postcode(self) -> str:
        if self.postcode_full or not self.location_id:
            return self.postcode_full
        return self.location.postcode

    @property
    def rent_range(self) -> RentRange | None:
        if not (self.startdate and self.lettype and self.needstype):
            return None
        beds = 0 if self.needstype == 2 else (min(self.beds, 4) if self.beds else None)
        if beds is None:
            return None
        key = (self.collection_year, self.effective_la, beds, self.lettype)
        # Checks read this many times while a log is evaluated: look it up once per set of answers.
        memo = self.__dict__.get("_rent_range_memo")
        if memo is None or memo[0] != key:
            from domain.selectors import lookups

            memo = self._rent_range_memo = (key, lookups.rent_range(*key))
        return memo[1]


LettingsLog = type(
    "LettingsLog",
    (LettingsLogBase,),
    {
        "__module__": __name__,
        "__doc__": "A social housing letting, as reported by its owning or managing organisation.",
        **answer_columns(LettingsLogBase, LOG_TYPE),
        "history": AuditTrail(bookkeeping_fields=HISTORY_BOOKKEEPING_FIELDS),
        "Meta": type("Meta", (), {
            "ordering": ["-id"],
            "indexes": [
                # An organisation's logs by date, and the review queue (a state within an organisation's
                # logs): each carries what the home page counts by, so that it counts from the index alone.
                *scope_indexes("lettings", {"startdate": "start", "review_state": "review"}),
                *list_indexes("lettings", {"startdate": "start", "assigned_to": "assigned", "created_by": "creator",
                                           "tenancycode": "tcode", "propcode": "pcode", "needstype": "needs",
                                           "review_state": "review"}),
                *search_indexes("lettings", {"tenancycode": "tcode", "propcode": "pcode"}),
            ],
        }),
    },
)
