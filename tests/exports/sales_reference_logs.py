"""A sales log built from the rows of the official sales reference downloads
(shared/reference/csv-downloads/sales_logs_csv_export_*_26.csv), so a download of it can be compared
with those files column for column."""

from datetime import date, datetime

from domain.forms import registry
from domain.models import Role, SalesLog
from domain.models.logs import STATUS_BY_NAME
from exports.csv import logs, sales_2026
from tests.exports.reference_logs import _typed, read_reference
from tests.factories import make_local_authority, make_user, support_organisation

LABELS, CODES, NON_SUPPORT = ("sales_logs_csv_export_labels_26.csv", "sales_logs_csv_export_codes_26.csv",
                              "sales_logs_csv_export_non_support_labels_26.csv")
# Ids the reference files blank (the log's, the organisations' and the users'): a test cannot
# reproduce them.
BLANKED = {"id", "owning_organisation_id", "managing_organisation_id", "created_by_id", "assigned_to_id",
           "updated_by_id"}
# Written from another stored column, or not columns of the log at all.
NOT_DIRECT = {"id", "status", "duplicate_set_id", "created_at", "updated_at", "creation_method", "bulk_upload_id",
              *BLANKED}
NOT_KNOWN_CODES = {"relat": "R", "sexrab": "R", "gender_same_as_sex": "3", "ecstat": "10"}


def names(support: bool) -> list[str]:
    return logs.column_names(registry.form_for_year("sales", 2026), sales_2026, support=support)


def by_name(reference_name: str, support: bool) -> dict[str, str]:
    """The reference data row keyed by internal column name (support headers are CDS-style)."""
    _, headers, values = read_reference(reference_name)
    assert len(headers) == len(names(support))
    return dict(zip(names(support), values))


def expected_row(reference_name: str, support: bool) -> list[str]:
    """The reference data row, with the columns this service cannot store yet written empty."""
    return ["" if name in sales_2026.NOT_STORED_YET else value
            for name, value in by_name(reference_name, support).items()]


def _date(codes, parts):
    day, month, year = (codes[p] for p in parts)
    return date(int(year), int(month), int(day)) if year else None


def _people(codes, columns, answers):
    for person in range(1, 7):
        age = codes.get(f"age{person}", "")
        answers[f"age{person}_known"] = 1 if age == "-9" else (0 if age else None)
        if age == "-9":
            answers[f"age{person}"] = None
        if person == 1:
            continue
        unknown = age == "-9" and all(codes[f"{f}{person}"] == c for f, c in NOT_KNOWN_CODES.items())
        if unknown:  # nothing else was asked about them: the download writes them as not known
            answers[f"details_known_{person}"] = 2
            for field in NOT_KNOWN_CODES:
                answers[f"{field}{person}"] = _typed(columns[f"{field}{person}"], "")
        elif any(codes[f"{f}{person}"] for f in NOT_KNOWN_CODES):
            answers[f"details_known_{person}"] = 1


def log_from_reference(assigned_email: str, *, role=Role.DATA_PROVIDER):
    """A log storing the answers behind the reference row (codes from the codes file; the property
    postcode halves from the non-support file, which alone has them), stored as they are, without
    the service's derivations; the people and organisations match the names in it."""
    codes = by_name(CODES, support=True)
    labels = by_name(LABELS, support=True)
    halves = by_name(NON_SUPPORT, support=False)
    make_local_authority(code=codes["la"], name=labels["la_label"])
    make_local_authority(code=codes["prevloc"], name=labels["prevloc_label"])
    mhclg = support_organisation()
    assigned = make_user(mhclg, role, email=assigned_email)
    assert codes["created_by"] == assigned_email and codes["updated_by"] == ""
    columns = {f.attname: f for f in SalesLog._meta.concrete_fields}
    answers = {name: _typed(columns[name], text) for name, text in codes.items()
               if name in columns and name not in NOT_DIRECT}
    answers.update(
        saledate=_date(codes, ("day", "month", "year")),
        lasttransaction=_date(codes, ("stairlastday", "stairlastmonth", "stairlastyear")),
        initialpurchase=_date(codes, ("stairinitialday", "stairinitialmonth", "stairinitialyear")),
        monthly_charges_value_check=_typed(columns["monthly_charges_value_check"], codes["mscharge_value_check"]),
        pcode1=halves["pcode1"], pcode2=halves["pcode2"], uprn_confirmed=int(halves["uprn_confirmed"] == "Yes"),
        ppostcode_full=f"{codes['ppostc1']} {codes['ppostc2']}".strip() or None,
    )
    _people(codes, columns, answers)
    log = SalesLog.objects.create(owning_organisation=mhclg, managing_organisation=mhclg, assigned_to=assigned,
                                  created_by=assigned, saledate=answers["saledate"])
    # Stored as the reference has them (its sample row is not one the service would derive).
    SalesLog.objects.filter(pk=log.pk).update(
        **answers, status=STATUS_BY_NAME[codes["status"]], creation_method=int(codes["creation_method"]),
        created_at=datetime.fromisoformat(codes["created_at"]), updated_at=datetime.fromisoformat(codes["updated_at"]))
    return assigned, SalesLog.objects.get(pk=log.pk)
