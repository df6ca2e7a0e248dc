"""Lettings logs built from the rows of the official reference downloads (shared/reference/csv-downloads),
so a download of them can be compared with those files column for column."""

import csv
from datetime import datetime
from zoneinfo import ZoneInfo

from domain.models import LettingsLog, Role
from domain.models.logs import STATUS_BY_NAME
from exports.csv import lettings_2026
from tests.factories import make_local_authority, make_user, support_organisation
from tests.shared_files import shared_path

REFERENCE = shared_path("reference", "csv-downloads")
LONDON = ZoneInfo("Europe/London")
# Columns the reference blanks (ids) or that a test cannot reproduce: the log's own id.
BLANKED = {"id"}


def read_reference(name: str) -> list[list[str]]:
    with open(REFERENCE / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def reference_values(name: str) -> dict[str, str]:
    definitions, headers, values = read_reference(name)
    return dict(zip(headers, values))


def stored_columns() -> dict:
    return {f.attname: f for f in LettingsLog._meta.concrete_fields}


def expected_row(name: str) -> list[str]:
    """The reference data row, with columns this service does not store yet written empty."""
    columns = stored_columns()
    _, headers, values = read_reference(name)
    return ["" if h in lettings_2026.NOT_STORED_YET and h not in columns else v for h, v in zip(headers, values)]


def _typed(field, text: str):
    if text == "":
        return "" if field.get_internal_type() == "CharField" else None
    return field.to_python({"true": True, "false": False}.get(text, text))


def log_from_reference(codes_file: str, labels_file: str, assigned_email: str, *, provider_role=Role.DATA_PROVIDER):
    """A log whose stored answers are those behind the reference row: the codes row gives the
    stored codes; the people and organisations are made to match the names in it."""
    codes = reference_values(codes_file)
    labels = reference_values(labels_file)
    make_local_authority(code=codes["la"], name=labels["la_label"])
    make_local_authority(code=codes["prevloc"], name=labels["prevloc_label"])
    mhclg = support_organisation()
    assigned = make_user(mhclg, provider_role, email=assigned_email)
    creator = assigned if codes.get("created_by", assigned_email) == assigned_email else make_user(
        mhclg, Role.DATA_PROVIDER, email=codes["created_by"])
    columns = stored_columns()
    answers = {}
    for header, text in codes.items():
        if header in columns and header not in ("id", "status", "duplicate_set_id", "created_at", "updated_at"):
            answers[header] = _typed(columns[header], text)
    answers["rent_type"] = int(codes["renttype_detail"]) - 1
    answers["letting_allocation_unknown"] = int(codes["letting_allocation_none"])
    for person in range(1, 9):
        if codes.get(f"age{person}") == "-9":
            answers[f"age{person}"] = None
            answers[f"age{person}_known"] = 1
        elif codes.get(f"age{person}"):
            answers[f"age{person}_known"] = 0
        if codes.get(f"details_known_{person}") == "1":  # nothing else is asked about them
            for field in ("relat", "sexrab", "gender_same_as_sex", "ecstat"):
                answers[f"{field}{person}"] = _typed(columns[f"{field}{person}"], "")
    log = LettingsLog.objects.create(
        **answers, status=STATUS_BY_NAME[codes["status"]], owning_organisation=mhclg, managing_organisation=mhclg,
        assigned_to=assigned, created_by=creator,
    )
    stamp = datetime.fromisoformat(codes["created_at"]).astimezone(LONDON)
    LettingsLog.objects.filter(pk=log.pk).update(created_at=stamp, updated_at=datetime.fromisoformat(codes["updated_at"]))
    return assigned, LettingsLog.objects.get(pk=log.pk)
