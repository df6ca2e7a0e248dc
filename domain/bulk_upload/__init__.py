"""Bulk upload of the official CSV templates: reading files, turning rows into logs through the shared
pipeline, and deciding the outcome. A template (one per log type and year) is declared next to its
form, e.g. `domain/forms/y2026/lettings/bulk_upload.py`; this package holds what every template shares."""
