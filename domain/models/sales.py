"""Sales logs: one row per shared ownership or discounted ownership sale, one typed column per
question of any year's sales form (declared by the form catalogue, as for lettings)."""

from __future__ import annotations

from django.db import models

from domain import collection
from domain.forms import registry
from domain.selectors.lookups import remember

from .history import AuditTrail
from .logs import (
    HISTORY_BOOKKEEPING_FIELDS, LogBase, LogKindIn, answer_columns, list_indexes, scope_indexes, search_indexes,
)
from .reference_data import LocalAuthority, SaleRange

LOG_TYPE = "sales"
LONDON_BOROUGHS = {f"E090000{n:02d}" for n in range(1, 34)}


class SalesLogBase(LogBase):
    LOG_TYPE = LOG_TYPE
    DATE_FIELD = "saledate"
    kind = LogKindIn("domain.services.sales")
    skip_dpo_check = False
    _dsa_signed_given = None

    @property
    def owning_organisation_dsa_signed(self) -> bool | None:
        """Whether the owning organisation accepted the data sharing agreement (None: no owner). A value
        set on the log (rule tests) wins."""
        if self._dsa_signed_given is not None:
            return self._dsa_signed_given
        if not self.owning_organisation_id:
            return None
        from domain.access.data_sharing import dsa_confirmed

        return dsa_confirmed(self.owning_organisation)

    @owning_organisation_dsa_signed.setter
    def owning_organisation_dsa_signed(self, value: bool | None) -> None:
        self._dsa_signed_given = value
    bulk_upload = models.ForeignKey("domain.BulkUpload", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="sales_logs", editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"Sales log {self.pk}" if self.pk else "New sales log"

    @property
    def form(self):
        year = getattr(self, "_form_year", None)
        if year and not self.saledate:
            return registry.form_for_year(LOG_TYPE, year)
        return registry.form_for_date(LOG_TYPE, self.saledate)

    @property
    def collection_year(self) -> int | None:
        return collection.collection_year_of(self.saledate) if self.saledate else None

    @property
    def la_is_london(self) -> bool | None:
        """Whether the property is in one of the 33 London boroughs (None when the LA is not known)."""
        return None if not self.la else self.la in LONDON_BOROUGHS

    def _looked_up(self, name: str, key: tuple, find):
        """A reference row the rules read many times while a log is evaluated: read once per set of answers."""
        memo = self.__dict__.get(name)
        if memo is None or memo[0] != key:
            # Inside `remembered_lookups()` (a bulk upload, an import) each distinct row is read once for all logs.
            memo = (key, remember((name, *key), find))
            self.__dict__[name] = memo
        return memo[1]

    @property
    def local_authority(self) -> LocalAuthority | None:
        if not self.la:
            return None
        return self._looked_up("_local_authority_memo", (self.la,),
                               lambda: LocalAuthority.objects.filter(code=self.la).first())

    @property
    def la_active_on_saledate(self) -> bool | None:
        authority = self.local_authority
        if authority is None or not self.saledate:
            return None
        return authority.start_date <= self.saledate and (authority.end_date is None or authority.end_date >= self.saledate)

    @property
    def sale_range(self) -> SaleRange | None:
        if not (self.saledate and self.la and self.beds):
            return None
        key = (self.collection_year, self.la, min(int(self.beds), 4))
        return self._looked_up("_sale_range_memo", key, lambda: SaleRange.objects.filter(
            start_year=key[0], la=key[1], bedrooms=key[2]).first())


SalesLog = type(
    "SalesLog",
    (SalesLogBase,),
    {
        "__module__": __name__,
        "__doc__": "A shared ownership or discounted ownership sale, reported by its owning or managing organisation.",
        **answer_columns(SalesLogBase, LOG_TYPE),
        "history": AuditTrail(bookkeeping_fields=HISTORY_BOOKKEEPING_FIELDS),
        "Meta": type("Meta", (), {
            "ordering": ["-id"],
            "indexes": [
                # An organisation's logs by date, and the review queue (a state within an organisation's
                # logs): each carries what the home page counts by, so that it counts from the index alone.
                *scope_indexes("sales", {"saledate": "date", "review_state": "review"}),
                *list_indexes("sales", {"saledate": "date", "assigned_to": "assigned", "created_by": "creator",
                                        "purchid": "purchid", "ownershipsch": "ownership", "type": "type",
                                        "review_state": "review"}),
                *search_indexes("sales", {"purchid": "purchid"}),
            ],
        }),
    },
)
