"""Schemes and locations back from the schemes / locations CSV downloads (csv-downloads §6), read with the
download's own column list (exports/schemes_csv.py): answer labels back to codes through the models'
choices, `S<id>` and the location id kept as ids, availability back to start dates and deactivations."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime

from django.db.models.functions import Lower

from domain.models import LocalAuthority, Location, LocationDeactivationPeriod, Organisation, Scheme, \
    SchemeDeactivationPeriod

from . import texts
from .errors import RecordProblem
from .part import Part

YES_NO = {"Yes": 1, "No": 0, "": None}
LINE = re.compile(r"^(Active from (?P<start>\d{1,2} \w+ \d{4})( to \d{1,2} \w+ \d{4})?|"
                  r"Deactivated on (?P<stop>\d{1,2} \w+ \d{4}))$")


def csv_records(handle, file: str):
    """Rows of a CSV download as {header: cell}, read one at a time (byte-order mark dropped)."""
    import io

    reader = csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8-sig", newline=""))
    yield from reader


def _code(model, field: str, label: str, header: str):
    """An answer label as the download writes it, back to its stored code."""
    if not label:
        return None if model._meta.get_field(field).null else ""
    for code, choice in model._meta.get_field(field).choices:
        if str(choice) == label:
            return code
    raise RecordProblem(header, f"'{label}' is not one of the answers to this question.")


def _day(text: str, header: str) -> date:
    try:
        return datetime.strptime(text, "%d %B %Y").date()
    except ValueError:
        raise RecordProblem(header, f"'{text}' is not a date such as 1 April 2026.")


def availability(text: str, header: str) -> tuple[date | None, list[tuple[date, date | None]]]:
    """'Active from 1 April 2020 to 31 March 2022, Deactivated on 1 April 2022, Active from 1 April 2023'
    back to the start date and the deactivation periods (deactivation, reactivation)."""
    start, periods = None, []
    for line in [part.strip() for part in text.split(",") if part.strip()]:
        match = LINE.match(line)
        if not match:
            raise RecordProblem(header, f"'{line}' is not 'Active from …' or 'Deactivated on …'.")
        if match["stop"]:
            periods.append([_day(match["stop"], header), None])
        elif periods:
            periods[-1][1] = _day(match["start"], header)
        elif start is None:
            start = _day(match["start"], header)
    return start, [tuple(p) for p in periods]


def _id(text: str, prefix: str, header: str) -> int:
    digits = text[len(prefix):] if prefix and text.startswith(prefix) else text
    if not digits.isdigit():
        raise RecordProblem(header, f"'{text}' is not a {'scheme code such as S12' if prefix else 'location id'}.")
    return int(digits)


class SchemesImporter:
    def __init__(self, part: Part):
        self.part = part
        self.organisations = {name: pk for pk, name in
                              Organisation.objects.annotate(lower=Lower("name")).values_list("pk", "lower")}
        self.authorities = {name.lower(): code for code, name in LocalAuthority.objects.values_list("code", "name")}
        self.seen_schemes: set[int] = set()

    def run(self, kind: str) -> None:
        for number, row in self.part.records():
            code = row.get("scheme_code", "")
            with self.part.record(number, code):
                if kind in ("schemes", "schemes-and-locations") and _id(code, "S", "scheme_code") not in self.seen_schemes:
                    self._scheme(row)
                if kind in ("locations", "schemes-and-locations"):
                    self._location(row)
        Part.reset_sequence(Scheme, Location)

    def _scheme(self, row: dict) -> None:
        pk = _id(row["scheme_code"], "S", "scheme_code")
        self.seen_schemes.add(pk)
        owner = self.organisations.get(row["scheme_owning_organisation_name"].lower())
        if owner is None:
            raise RecordProblem("scheme_owning_organisation_name",
                                f"no organisation is named '{row['scheme_owning_organisation_name']}'. Import the "
                                "organisations collection first.")
        status = row.get("scheme_status", "")
        start, periods = availability(row.get("scheme_active_dates", ""), "scheme_active_dates")
        values = {
            "service_name": row["scheme_service_name"],
            "sensitive": YES_NO.get(row["scheme_confidential"]) or 0,
            "scheme_type": _code(Scheme, "scheme_type", row["scheme_type"], "scheme_type"),
            "registered_under_care_act": _code(Scheme, "registered_under_care_act",
                                               row["scheme_registered_under_care_act"],
                                               "scheme_registered_under_care_act"),
            "owning_organisation_id": owner,
            "arrangement_type": _code(Scheme, "arrangement_type", row["scheme_support_services_provided_by"],
                                      "scheme_support_services_provided_by"),
            "primary_client_group": _code(Scheme, "primary_client_group", row["scheme_primary_client_group"],
                                          "scheme_primary_client_group"),
            "has_other_client_group": YES_NO.get(row["scheme_has_other_client_group"]),
            "secondary_client_group": _code(Scheme, "secondary_client_group", row["scheme_secondary_client_group"],
                                            "scheme_secondary_client_group"),
            "support_type": _code(Scheme, "support_type", row["scheme_support_type"], "scheme_support_type"),
            "intended_stay": _code(Scheme, "intended_stay", row["scheme_intended_stay"], "scheme_intended_stay"),
            "confirmed": status != "incomplete",
            "startdate": start,
        }
        created = texts.moment(row.get("scheme_created_at") or None, "scheme_created_at")
        scheme = self.part.save_row(Scheme, pk, values, kind="schemes")
        if status == "deleted" and scheme.discarded_at is None:
            Scheme.objects.filter(pk=pk).update(discarded_at=created or scheme.created_at)
        if created:
            Scheme.objects.filter(pk=pk).update(created_at=created)
        self._periods(SchemeDeactivationPeriod, "scheme", scheme, periods)

    def _location(self, row: dict) -> None:
        scheme = _id(row["scheme_code"], "S", "scheme_code")
        if not Scheme.objects.filter(pk=scheme).exists():
            raise RecordProblem("scheme_code", f"scheme {row['scheme_code']} is not in this service. Give the "
                                               "schemes CSV download too.")
        pk = _id(row["location_code"], "", "location_code")
        district = row["location_local_authority"]
        start, periods = availability(row.get("location_active_dates", ""), "location_active_dates")
        values = {
            "scheme_id": scheme,
            "postcode": row["location_postcode"],
            "name": row["location_name"],
            "location_admin_district": district,
            "location_code": self.authorities.get(district.lower(), ""),
            "units": texts.integer(row["location_units"] or None, "location_units"),
            "type_of_unit": _code(Location, "type_of_unit", row["location_type_of_unit"], "location_type_of_unit"),
            "mobility_type": _code(Location, "mobility_type", row["location_mobility_type"],
                                   "location_mobility_type"),
            "confirmed": row.get("location_status") != "incomplete",
            "startdate": start,
        }
        if district and not values["location_code"]:
            raise RecordProblem("location_local_authority", f"no local authority is named '{district}'.")
        location = self.part.save_row(Location, pk, values, kind="locations")
        self._periods(LocationDeactivationPeriod, "location", location, periods)

    @staticmethod
    def _periods(model, owner: str, resource, periods) -> None:
        """The deactivations the download shows, replacing those held when they differ."""
        held = sorted(model.objects.filter(**{owner: resource}).values_list("deactivation_date", "reactivation_date"))
        if held == sorted(periods):
            return
        model.objects.filter(**{owner: resource}).delete()
        for stop, restart in periods:
            model.objects.create(**{owner: resource}, deactivation_date=stop, reactivation_date=restart)
