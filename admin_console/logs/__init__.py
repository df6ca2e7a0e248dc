from . import admin, sales  # noqa: F401
