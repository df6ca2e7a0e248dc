from . import admin, relationships  # noqa: F401
