"""Admin autodiscovery imports this module only, so it imports each model family's admin."""

from admin_console import (  # noqa: F401
    downloads, exports, imports, logs, merges, notifications, operations, organisations, reference_data, schemes,
    uploads, users,
)
