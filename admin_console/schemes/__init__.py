from admin_console.schemes import admin, locations  # noqa: F401
