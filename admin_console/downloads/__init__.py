from admin_console.downloads import admin  # noqa: F401
