"""Loading the reference data shipped in fixtures/reference/ (idempotent: re-running changes nothing)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from domain.models import LocalAuthority, LocalAuthorityLink, RentRange, SaleRange

REFERENCE_DIR = settings.BASE_DIR / "fixtures" / "reference"
# Files are applied in order: later files correct earlier ones (2025 closed Barnsley's old code).
LOCAL_AUTHORITY_FILES = (
    "local_authorities_data_initial_local_authorities.csv",
    "local_authorities_data_2025_local_authorities.csv",
)
LINK_FILES = ("local_authorities_data_local_authority_links_2025.csv",)
RENT_RANGE_FILES = {2025: "rent_range_data_2025.csv", 2026: "rent_range_data_2026.csv"}
SALE_RANGE_FILES = {2025: "sale_range_data_2025.csv", 2026: "sale_range_data_2026.csv"}


@dataclass
class LoadSummary:
    local_authorities: int = 0
    local_authority_links: int = 0
    rent_ranges: dict[int, int] = field(default_factory=dict)
    sale_ranges: dict[int, int] = field(default_factory=dict)


def _rows(path: Path):
    # utf-8-sig: some of the published files start with a byte order mark.
    with path.open(newline="", encoding="utf-8-sig") as handle:
        yield from csv.DictReader(handle)


def _year_start(year: str) -> date:
    return date(int(year), 4, 1)


def _year_end(year: str) -> date | None:
    return date(int(year), 3, 31) if year and year.strip() else None


@transaction.atomic
def reference_data_load(*, directory: Path = REFERENCE_DIR) -> LoadSummary:
    """Create or update local authorities, their links, and rent and sale ranges from CSV files."""
    summary = LoadSummary()
    for name in LOCAL_AUTHORITY_FILES:
        for row in _rows(directory / name):
            LocalAuthority.objects.update_or_create(
                code=row["code"].strip(),
                defaults={
                    "name": row["name"].strip(),
                    "start_date": _year_start(row["start_year"]),
                    "end_date": _year_end(row.get("end_year") or ""),
                },
            )
    summary.local_authorities = LocalAuthority.objects.count()

    by_code = {la.code: la for la in LocalAuthority.objects.all()}
    for name in LINK_FILES:
        for row in _rows(directory / name):
            LocalAuthorityLink.objects.get_or_create(
                local_authority=by_code[row["local_authority_code"].strip()],
                linked_local_authority=by_code[row["linked_local_authority_code"].strip()],
            )
    summary.local_authority_links = LocalAuthorityLink.objects.count()

    for year, name in RENT_RANGE_FILES.items():
        ranges = [
            RentRange(
                start_year=year,
                ranges_rent_id=int(row["ranges_rent_id"]),
                lettype=int(row["lettype"]),
                la=row["la"].strip(),
                beds=int(row["beds"]),
                soft_min=Decimal(row["soft_min"]),
                soft_max=Decimal(row["soft_max"]),
                hard_min=Decimal(row["hard_min"]),
                hard_max=Decimal(row["hard_max"]),
            )
            for row in _rows(directory / name)
        ]
        # A year's table is published whole, so it is replaced whole.
        RentRange.objects.filter(start_year=year).delete()
        RentRange.objects.bulk_create(ranges, batch_size=2000)
        summary.rent_ranges[year] = len(ranges)

    for year, name in SALE_RANGE_FILES.items():
        ranges = [
            SaleRange(
                start_year=year,
                la=row["la"].strip(),
                la_name=row["la_name"].strip(),
                bedrooms=int(row["bedrooms"]),
                soft_min=Decimal(row["soft_min"]),
                soft_max=Decimal(row["soft_max"]),
            )
            for row in _rows(directory / name)
        ]
        SaleRange.objects.filter(start_year=year).delete()
        SaleRange.objects.bulk_create(ranges, batch_size=2000)
        summary.sale_ranges[year] = len(ranges)
    return summary
