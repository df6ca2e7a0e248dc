from django.apps import AppConfig
from django.core import checks


class DomainConfig(AppConfig):
    name = "domain"
    verbose_name = "CORE"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Settings checks live beside the settings; registering them here runs them with the app.
        import config.checks  # noqa: F401
        from domain.forms.checks import check_years

        # The years' declarations against the log models (forms.E001...).
        checks.register(check_years, "forms")
