from admin_console.merges import admin  # noqa: F401
