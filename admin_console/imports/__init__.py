from . import admin  # noqa: F401
