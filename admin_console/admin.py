"""Admin autodiscovery imports this module only, so it imports each model family's admin."""

from admin_console import downloads, exports, logs, operations, organisations, reference_data, schemes, users  # noqa: F401
