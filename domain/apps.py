from django.apps import AppConfig


class DomainConfig(AppConfig):
    name = "domain"
    verbose_name = "CORE"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Settings checks live beside the settings; registering them here runs them with the app.
        import config.checks  # noqa: F401
