"""Nationalities: shared by lettings and sales (domain/forms/shared/nationalities.py)."""

from domain.forms.shared.nationalities import NATIONALITIES, SEARCH_TERMS  # noqa: F401
