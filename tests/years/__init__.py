"""Collection years that exist only for tests, added with the EXTRA_FORM_YEARS setting."""
