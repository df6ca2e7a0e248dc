"""The lettings download equals the official reference files, column for column, for a log with the
answers of their rows; and every column is accounted for."""

import pytest

from domain.forms import registry
from domain.models import LettingsLog
from exports.csv import lettings_2026, logs
from tests.exports.csv_text import log_download
from tests.exports.reference_logs import BLANKED, expected_row, log_from_reference, read_reference

pytestmark = pytest.mark.django_db
LABELS, CODES, NON_SUPPORT = ("lettings_log_csv_export_labels_26.csv", "lettings_log_csv_export_codes_26.csv",
                              "lettings_log_csv_export_non_support_labels_26.csv")


def download(user, *, codes=False):
    return log_download(user, "lettings", codes=codes)


def assert_same_columns(ours, reference_name):
    definitions, headers, _ = read_reference(reference_name)
    expected = expected_row(reference_name)
    assert len(ours) == 3, "a definitions row, a header row and one log"
    assert ours[1] == headers
    for position, header in enumerate(headers):
        assert ours[0][position] == definitions[position], f"definition of {header} (column {position + 1})"
        if header in BLANKED:
            continue
        assert ours[2][position] == expected[position], f"{header} (column {position + 1})"


def test_support_labels_download_equals_the_reference_file(support):
    log_from_reference(CODES, LABELS, "s.port@jeemayle.com")
    assert_same_columns(download(support), LABELS)


def test_support_codes_download_equals_the_reference_file(support):
    log_from_reference(CODES, LABELS, "s.port@jeemayle.com")
    assert_same_columns(download(support, codes=True), CODES)


def test_non_support_labels_download_equals_the_reference_file():
    provider, _ = log_from_reference(CODES, LABELS, "choreographer@owtluk.com")
    assert_same_columns(download(provider), NON_SUPPORT)


def test_every_reference_header_is_produced_for_each_layout():
    form = registry.form_for_year("lettings", 2026)
    for support, name in ((True, LABELS), (False, NON_SUPPORT)):
        produced = logs.column_names(form, lettings_2026, support=support)
        assert produced == read_reference(name)[1]


def test_every_catalogue_column_is_downloaded_or_excluded_with_a_reason():
    form = registry.form_for_year("lettings", 2026)
    downloaded = set(logs.column_names(form, lettings_2026, support=True))
    for column in form.columns:
        if column not in downloaded:
            reason = lettings_2026.NOT_DOWNLOADED.get(column, "")
            assert reason.strip(), f"{column} is neither downloaded nor excluded with a reason"
    stale = [c for c in lettings_2026.NOT_DOWNLOADED if c not in form.columns]
    assert stale == [], "exclusions for columns the catalogue does not have"


def test_download_only_columns_all_have_a_declared_value():
    """A column that is not a catalogue column must say where its value comes from."""
    form = registry.form_for_year("lettings", 2026)
    catalogue = set(form.columns)
    stored = {f.attname for f in LettingsLog._meta.concrete_fields}
    declared = (set(lettings_2026.VALUES) | set(lettings_2026.FIXED_LABELS) | set(lettings_2026.NOT_STORED_YET)
                | set(lettings_2026.YES_NO))
    for column in logs.column_names(form, lettings_2026, support=True):
        assert column in catalogue or column in declared or column in stored, column
