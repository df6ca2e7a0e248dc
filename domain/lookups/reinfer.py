"""Re-inferring local authorities that were typed although the postcode is known (a look-up was off or
down when they were saved): plan first, then apply the plan.

Planning reads the rows and looks each distinct postcode up once (outside any transaction); applying
writes only the rows whose authority changes or becomes inferred, each with a history row."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.db import transaction

from domain.collection import today
from domain.models import LettingsLog, Location, SalesLog
from domain.models.logs import LogStatus

from .authorities import authority_for
from .results import LookupUnavailable
from .service import lookups

BATCH = 500


@dataclass(frozen=True)
class Change:
    kind: str  # "lettings log", "sales log", "location"
    id: int
    postcode: str
    old: str  # the typed local authority (ONS code; "" when none)
    new: str  # the postcode's
    new_name: str

    def describe(self) -> str:
        return f"{self.kind} {self.id}: {self.postcode}: {self.old or 'none'} -> {self.new} ({self.new_name})"


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    checked: int = 0
    postcodes_looked_up: int = 0
    not_found: list[str] = field(default_factory=list)  # postcodes the service does not know
    unavailable: bool = False  # the service failed part way: what was planned so far is kept

    def as_json(self) -> dict:
        return {"checked": self.checked, "postcodes_looked_up": self.postcodes_looked_up,
                "not_found": sorted(self.not_found), "unavailable": self.unavailable,
                "changes": [asdict(change) for change in self.changes]}


def _candidates():
    """(kind, model, postcode column, la column, date column) of every row kind this applies to."""
    return (
        ("lettings log", LettingsLog, "postcode_full", "la", "startdate"),
        ("sales log", SalesLog, "postcode_full", "la", "saledate"),
        ("location", Location, "postcode", "location_code", "startdate"),
    )


def reinference_plan() -> Plan:
    """What re-inferring would change: rows with a postcode and a local authority not inferred from it."""
    plan = Plan()
    service = lookups()
    areas: dict[str, object] = {}
    for kind, model, postcode_field, la_field, date_field in _candidates():
        rows = (model.objects.filter(is_la_inferred=False, discarded_at__isnull=True)
                .exclude(**{postcode_field: ""}).exclude(**{f"{postcode_field}__isnull": True})
                .exclude(**({"status": LogStatus.DELETED} if model is not Location else {}))
                .order_by("pk").values_list("pk", postcode_field, la_field, date_field))
        for pk, postcode, la, day in rows.iterator(chunk_size=2000):
            plan.checked += 1
            if postcode not in areas:
                if plan.unavailable:
                    continue
                try:
                    areas[postcode] = service.postcode_area(postcode)
                    plan.postcodes_looked_up += 1
                except LookupUnavailable:
                    plan.unavailable = True
                    continue
                if areas[postcode] is None:
                    plan.not_found.append(postcode)
            area = areas[postcode]
            authority = authority_for(area.la_code, day or today()) if area else None
            if authority is not None:
                plan.changes.append(Change(kind, pk, postcode, la or "", authority.code, authority.name))
    return plan


def reinference_apply(plan: Plan) -> int:
    """Write the planned changes (the postcode must still be the one planned with); returns how many."""
    written = 0
    models = {kind: (model, postcode_field, la_field) for kind, model, postcode_field, la_field, _ in _candidates()}
    for start in range(0, len(plan.changes), BATCH):
        with transaction.atomic():
            for change in plan.changes[start:start + BATCH]:
                model, postcode_field, la_field = models[change.kind]
                row = model.objects.select_for_update().filter(pk=change.id, is_la_inferred=False,
                                                               **{postcode_field: change.postcode}).first()
                if row is None:
                    continue
                setattr(row, la_field, change.new)
                row.is_la_inferred = True
                fields = [la_field, "is_la_inferred"]
                if model is Location:
                    row.location_admin_district = change.new_name
                    fields.append("location_admin_district")
                if hasattr(row, "updated_at"):
                    fields.append("updated_at")
                row._change_reason = "Local authority worked out from the postcode"
                row.save(update_fields=fields)
                written += 1
    return written
